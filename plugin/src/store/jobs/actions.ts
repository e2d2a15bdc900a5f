import type { BatchSubject, ErrorInfo, Job, StartedBatch } from './types';

export type Action =
	| { type: 'JOB_STARTING'; key: string }
	| { type: 'JOB_START_FAILED'; key: string; error: ErrorInfo }
	| { type: 'RECEIVE_JOB'; key: string; job: Job }
	| { type: 'JOB_FOLLOW_FAILED'; key: string; error: ErrorInfo }
	| { type: 'JOB_FOLLOWING'; key: string }
	| { type: 'JOB_CANCELLING'; key: string }
	| { type: 'JOB_CANCEL_FAILED'; key: string; error: ErrorInfo }
	| { type: 'DISMISS_JOB'; key: string }
	| { type: 'BATCH_STARTING'; key: string; subjects: BatchSubject[] }
	| { type: 'BATCH_START_FAILED'; key: string; error: ErrorInfo }
	| { type: 'BATCH_STARTED'; key: string; started: StartedBatch }
	| { type: 'RECEIVE_BATCH_JOB'; key: string; job: Job }
	| { type: 'BATCH_FOLLOW_FAILED'; key: string; error: ErrorInfo }
	| { type: 'BATCH_FOLLOWING'; key: string }
	| { type: 'BATCH_CANCELLING'; key: string }
	| { type: 'BATCH_CANCELLED'; key: string; error: ErrorInfo | null }
	| { type: 'DISMISS_BATCH'; key: string };

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

/**
 * A request that starts a job per item is on its way; a new batch replaces what the key showed before.
 *
 * @param key      What the batch is for, e.g. `generate-content`.
 * @param subjects The items, in the order they are sent.
 */
export function batchStarting(
	key: string,
	subjects: BatchSubject[]
): ActionOf< 'BATCH_STARTING' > {
	return { type: 'BATCH_STARTING', key, subjects };
}

export function batchStartFailed(
	key: string,
	error: ErrorInfo
): ActionOf< 'BATCH_START_FAILED' > {
	return { type: 'BATCH_START_FAILED', key, error };
}

/**
 * The cloud answered with the jobs it started and the items it did not.
 *
 * @param key     What the batch is for.
 * @param started The answer.
 */
export function batchStarted(
	key: string,
	started: StartedBatch
): ActionOf< 'BATCH_STARTED' > {
	return { type: 'BATCH_STARTED', key, started };
}

/**
 * A report on one job of the batch of `key`; an older report than the one shown is ignored.
 *
 * @param key What the batch is for.
 * @param job The report.
 */
export function receiveBatchJob(
	key: string,
	job: Job
): ActionOf< 'RECEIVE_BATCH_JOB' > {
	return { type: 'RECEIVE_BATCH_JOB', key, job };
}

export function batchFollowFailed(
	key: string,
	error: ErrorInfo
): ActionOf< 'BATCH_FOLLOW_FAILED' > {
	return { type: 'BATCH_FOLLOW_FAILED', key, error };
}

export function batchFollowing( key: string ): ActionOf< 'BATCH_FOLLOWING' > {
	return { type: 'BATCH_FOLLOWING', key };
}

export function batchCancelling( key: string ): ActionOf< 'BATCH_CANCELLING' > {
	return { type: 'BATCH_CANCELLING', key };
}

/**
 * Every cancel request of the batch was answered; `error` is the first that failed.
 *
 * @param key   What the batch is for.
 * @param error The first failure, if any.
 */
export function batchCancelled(
	key: string,
	error: ErrorInfo | null
): ActionOf< 'BATCH_CANCELLED' > {
	return { type: 'BATCH_CANCELLED', key, error };
}

export function batchDismissed( key: string ): ActionOf< 'DISMISS_BATCH' > {
	return { type: 'DISMISS_BATCH', key };
}
