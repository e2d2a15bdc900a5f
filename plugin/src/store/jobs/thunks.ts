// Starting, following and cancelling the AI job (or the batch of jobs) of a key; one follower per key at a time.
import { toErrorInfo, type ErrorInfo } from '../../api/errors';
import {
	followJob,
	followJobs,
	isAbort,
	isTerminal,
	jobsApi,
	type Job,
} from '../../api/jobs';
import {
	batchCancelled,
	batchCancelling,
	batchDismissed,
	batchFollowFailed,
	batchFollowing,
	batchStartFailed,
	batchStarted,
	batchStarting,
	jobCancelFailed,
	jobCancelling,
	jobDismissed,
	jobFollowFailed,
	jobFollowing,
	jobStartFailed,
	jobStarting,
	receiveBatchJob,
	receiveJob,
	type Action,
} from './actions';
import type * as selectors from './selectors';
import type { BatchSubject, JobBatch, JobsState, StartedBatch } from './types';

type Selectors = typeof selectors;
type CurriedSelectors = {
	[ K in keyof Selectors ]: Selectors[ K ] extends (
		state: JobsState,
		...args: infer A
	) => infer R
		? ( ...args: A ) => R
		: never;
};

export interface ThunkArgs {
	select: CurriedSelectors;
	dispatch: ( < R >( thunk: Thunk< R > ) => R ) &
		( ( action: Action ) => unknown );
}

export type Thunk< R = void > = ( args: ThunkArgs ) => R;

/** The follower of each key, so that a new job or a dismissal stops the old one. */
const followers = new Map< string, AbortController >();

function stopFollowing( key: string ): void {
	followers.get( key )?.abort();
	followers.delete( key );
}

/**
 * Follows `job` until it ends; resolves to its last report, or null when following stopped or failed.
 *
 * @param key            What the job is for.
 * @param job            The job as it started.
 * @param controller     Stops the following.
 * @param thunk          The thunk's arguments.
 * @param thunk.dispatch The store's dispatch.
 * @param thunk.select   The store's selectors.
 */
async function follow(
	key: string,
	job: Job,
	controller: AbortController,
	{ dispatch, select }: ThunkArgs
): Promise< Job | null > {
	try {
		await followJob( jobsApi, job, {
			signal: controller.signal,
			onJob: ( next ) => {
				if ( ! controller.signal.aborted ) {
					dispatch( receiveJob( key, next ) );
				}
			},
		} );
	} catch ( error ) {
		if ( ! isAbort( error ) && ! controller.signal.aborted ) {
			dispatch( jobFollowFailed( key, toErrorInfo( error ) ) );
		}
		return null;
	} finally {
		if ( followers.get( key ) === controller ) {
			followers.delete( key );
		}
	}
	return controller.signal.aborted ? null : select.getJob( key );
}

function newFollower( key: string ): AbortController {
	stopFollowing( key );
	const controller = new AbortController();
	followers.set( key, controller );
	return controller;
}

/**
 * Starts a job with `begin` (a call answering 202 with the job) and follows it to its end. Resolves to
 * the job's last report (succeeded, failed, cancelled), or to null when it could not start, could not
 * be followed, was dismissed, or a job of `key` is already under way.
 *
 * @param key   What the job is for, e.g. a sector's clustering.
 * @param begin Starts the job.
 */
export const startJob =
	(
		key: string,
		begin: () => Promise< Job >
	): Thunk< Promise< Job | null > > =>
	async ( args ) => {
		const { dispatch, select } = args;
		if ( select.isActive( key ) ) {
			return null;
		}
		const controller = newFollower( key );
		dispatch( jobStarting( key ) );
		let job: Job;
		try {
			job = await begin();
		} catch ( error ) {
			if ( followers.get( key ) === controller ) {
				followers.delete( key );
				dispatch( jobStartFailed( key, toErrorInfo( error ) ) );
			}
			return null;
		}
		if ( controller.signal.aborted ) {
			return null;
		}
		dispatch( receiveJob( key, job ) );
		return follow( key, job, controller, args );
	};

/**
 * After following failed (the network dropped): follows the job of `key` again.
 *
 * @param key What the job is for.
 */
export const followJobAgain =
	( key: string ): Thunk< Promise< Job | null > > =>
	async ( args ) => {
		const run = args.select.getRun( key );
		if ( ! run?.job || ! run.followError ) {
			return null;
		}
		const controller = newFollower( key );
		args.dispatch( jobFollowing( key ) );
		return follow( key, run.job, controller, args );
	};

/**
 * Asks the cloud to cancel the job of `key`; the follower sees it end.
 *
 * @param key What the job is for.
 */
export const cancelJob =
	( key: string ): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		const job = select.getJob( key );
		if (
			! job ||
			isTerminal( job.state ) ||
			select.getRun( key )?.cancelling
		) {
			return;
		}
		dispatch( jobCancelling( key ) );
		try {
			dispatch( receiveJob( key, await jobsApi.cancelJob( job.id ) ) );
		} catch ( error ) {
			dispatch( jobCancelFailed( key, toErrorInfo( error ) ) );
		}
	};

/**
 * Closes the run of `key`: stops following its job (which goes on in the cloud if it still runs).
 *
 * @param key What the job is for.
 */
export const dismissJob =
	( key: string ): Thunk =>
	( { dispatch } ) => {
		stopFollowing( key );
		dispatch( jobDismissed( key ) );
	};

/**
 * Batches share the followers map with single jobs under a key of their own.
 *
 * @param key What the batch is for.
 */
const batchFollower = ( key: string ) => `batch:${ key }`;

/**
 * Follows the jobs of the batch of `key` that have not ended; resolves to the batch once all ended, or
 * to null when following stopped or failed.
 *
 * @param key            What the batch is for.
 * @param controller     Stops the following.
 * @param thunk          The thunk's arguments.
 * @param thunk.dispatch The store's dispatch.
 * @param thunk.select   The store's selectors.
 */
async function followBatch(
	key: string,
	controller: AbortController,
	{ dispatch, select }: ThunkArgs
): Promise< JobBatch | null > {
	const jobs = ( select.getBatch( key )?.items ?? [] ).flatMap( ( item ) =>
		item.job && ! isTerminal( item.job.state ) ? [ item.job ] : []
	);
	try {
		if ( jobs.length ) {
			await followJobs( jobsApi, jobs, {
				signal: controller.signal,
				onJob: ( next ) => {
					if ( ! controller.signal.aborted ) {
						dispatch( receiveBatchJob( key, next ) );
					}
				},
			} );
		}
	} catch ( error ) {
		if ( ! isAbort( error ) && ! controller.signal.aborted ) {
			dispatch( batchFollowFailed( key, toErrorInfo( error ) ) );
		}
		return null;
	} finally {
		if ( followers.get( batchFollower( key ) ) === controller ) {
			followers.delete( batchFollower( key ) );
		}
	}
	return controller.signal.aborted ? null : select.getBatch( key );
}

/**
 * Starts a job per item with `begin` (one request answering 202 with the jobs it started and the items it
 * did not) and follows them all to their end. Resolves to the batch once every job ended, or to null
 * when nothing started, following failed or was dismissed, or a batch of `key` is already under way.
 *
 * @param key      What the batch is for, e.g. `generate-content`.
 * @param subjects The items, in the order `begin` sends them.
 * @param begin    Starts the jobs.
 */
export const startBatch =
	(
		key: string,
		subjects: BatchSubject[],
		begin: () => Promise< StartedBatch >
	): Thunk< Promise< JobBatch | null > > =>
	async ( args ) => {
		const { dispatch, select } = args;
		if ( select.isBatchActive( key ) ) {
			return null;
		}
		const controller = newFollower( batchFollower( key ) );
		dispatch( batchStarting( key, subjects ) );
		let started: StartedBatch;
		try {
			started = await begin();
		} catch ( error ) {
			if ( followers.get( batchFollower( key ) ) === controller ) {
				followers.delete( batchFollower( key ) );
				dispatch( batchStartFailed( key, toErrorInfo( error ) ) );
			}
			return null;
		}
		if ( controller.signal.aborted ) {
			return null;
		}
		dispatch( batchStarted( key, started ) );
		return followBatch( key, controller, args );
	};

/**
 * After following failed (the network dropped): follows the batch of `key` again.
 *
 * @param key What the batch is for.
 */
export const followBatchAgain =
	( key: string ): Thunk< Promise< JobBatch | null > > =>
	async ( args ) => {
		if ( ! args.select.getBatch( key )?.followError ) {
			return null;
		}
		const controller = newFollower( batchFollower( key ) );
		args.dispatch( batchFollowing( key ) );
		return followBatch( key, controller, args );
	};

/**
 * Asks the cloud to cancel every job of the batch that has not ended; the follower sees them end.
 *
 * @param key What the batch is for.
 */
export const cancelBatch =
	( key: string ): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		const batch = select.getBatch( key );
		const running = ( batch?.items ?? [] ).flatMap( ( item ) =>
			item.job && ! isTerminal( item.job.state ) ? [ item.job ] : []
		);
		if ( ! batch || batch.cancelling || running.length === 0 ) {
			return;
		}
		dispatch( batchCancelling( key ) );
		let failure: ErrorInfo | null = null;
		await Promise.all(
			running.map( async ( job ) => {
				try {
					dispatch(
						receiveBatchJob(
							key,
							await jobsApi.cancelJob( job.id )
						)
					);
				} catch ( error ) {
					failure ??= toErrorInfo( error );
				}
			} )
		);
		dispatch( batchCancelled( key, failure ) );
	};

/**
 * Closes the batch of `key`: stops following its jobs (which go on in the cloud if they still run).
 *
 * @param key What the batch is for.
 */
export const dismissBatch =
	( key: string ): Thunk =>
	( { dispatch } ) => {
		stopFollowing( batchFollower( key ) );
		dispatch( batchDismissed( key ) );
	};
