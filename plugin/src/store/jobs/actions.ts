import type { ErrorInfo, Job } from './types';

export type Action =
	| { type: 'JOB_STARTING'; key: string }
	| { type: 'JOB_START_FAILED'; key: string; error: ErrorInfo }
	| { type: 'RECEIVE_JOB'; key: string; job: Job }
	| { type: 'JOB_FOLLOW_FAILED'; key: string; error: ErrorInfo }
	| { type: 'JOB_FOLLOWING'; key: string }
	| { type: 'JOB_CANCELLING'; key: string }
	| { type: 'JOB_CANCEL_FAILED'; key: string; error: ErrorInfo }
	| { type: 'DISMISS_JOB'; key: string };

type ActionOf< T extends Action[ 'type' ] > = Extract< Action, { type: T } >;

export function jobStarting( key: string ): ActionOf< 'JOB_STARTING' > {
	return { type: 'JOB_STARTING', key };
}

export function jobStartFailed(
	key: string,
	error: ErrorInfo
): ActionOf< 'JOB_START_FAILED' > {
	return { type: 'JOB_START_FAILED', key, error };
}

/**
 * A report on the job of `key`; an older report than the one shown is ignored.
 *
 * @param key What the job is for, e.g. a sector's clustering.
 * @param job The report.
 */
export function receiveJob( key: string, job: Job ): ActionOf< 'RECEIVE_JOB' > {
	return { type: 'RECEIVE_JOB', key, job };
}

export function jobFollowFailed(
	key: string,
	error: ErrorInfo
): ActionOf< 'JOB_FOLLOW_FAILED' > {
	return { type: 'JOB_FOLLOW_FAILED', key, error };
}

/**
 * Following the job again, after it failed.
 *
 * @param key What the job is for.
 */
export function jobFollowing( key: string ): ActionOf< 'JOB_FOLLOWING' > {
	return { type: 'JOB_FOLLOWING', key };
}

export function jobCancelling( key: string ): ActionOf< 'JOB_CANCELLING' > {
	return { type: 'JOB_CANCELLING', key };
}

export function jobCancelFailed(
	key: string,
	error: ErrorInfo
): ActionOf< 'JOB_CANCEL_FAILED' > {
	return { type: 'JOB_CANCEL_FAILED', key, error };
}

/**
 * The run of `key` is forgotten (its notice closed).
 *
 * @param key What the job is for.
 */
export function jobDismissed( key: string ): ActionOf< 'DISMISS_JOB' > {
	return { type: 'DISMISS_JOB', key };
}
