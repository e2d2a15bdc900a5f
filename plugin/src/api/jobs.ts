// AI jobs (SPEC §6, §11 "ai"): start one, follow it live over its event stream (or by polling when the
// stream cannot be read), cancel it. Pure helpers for a job's state live here too (see test/jobs.test.ts).
import type { Job, JobState, schemas } from '@igny8/shared';
import type { z } from 'zod';
import {
	BATCH_POLL_INTERVAL_MS,
	POLL_INTERVAL_MS,
	TERMINAL_STATES,
} from '../store/jobs/constants';
import {
	cloud as defaultClient,
	CloudError,
	itemsOf,
	type CloudClient,
	type CloudRequestOptions,
} from './cloud';
import { readSse, type SseEvent } from './sse';

export type { Job, JobState };
export type JobCreate = z.input< typeof schemas.jobCreateBody >;

export function isTerminal( state: JobState ): boolean {
	return ( TERMINAL_STATES as readonly string[] ).includes( state );
}

/**
 * Whether `value` looks like a job of the contract (enough of it to show).
 *
 * @param value Anything.
 */
export function isJob( value: unknown ): value is Job {
	const job = value as Partial< Job > | null;
	return (
		typeof job === 'object' &&
		job !== null &&
		typeof job.id === 'number' &&
		typeof job.state === 'string'
	);
}

/**
 * A job as an answer carries it: the job itself, or `{ job }` (SPEC §11: actions answer 202 with `{ job }`).
 *
 * @param value An answer of the cloud.
 */
export function jobOf( value: unknown ): Job {
	if ( isJob( value ) ) {
		return value;
	}
	const wrapped = ( value as { job?: unknown } | null )?.job;
	if ( isJob( wrapped ) ) {
		return wrapped;
	}
	throw new CloudError( {
		status: 200,
		code: 'invalid_response',
		message: 'The IGNY8 cloud answered without a job.',
	} );
}

const STATE_RANK: Record< JobState, number > = {
	queued: 0,
	running: 1,
	succeeded: 2,
	failed: 2,
	cancelled: 2,
};

/**
 * The newer of two reports on one job. Stream events and polls can cross, so a report never takes a
 * job back: a finished job stays finished, a running one never returns to the queue, and within a run
 * the bar only moves forward (unless the job started over on a new attempt). The same report twice is
 * one report.
 *
 * @param current The report shown now, if any.
 * @param next    The report that just arrived.
 */
export function mergeJob( current: Job | null, next: Job ): Job {
	if ( ! current || current.id !== next.id ) {
		return next;
	}
	if (
		isTerminal( current.state ) ||
		JSON.stringify( current ) === JSON.stringify( next )
	) {
		return current;
	}
	if ( STATE_RANK[ next.state ] < STATE_RANK[ current.state ] ) {
		return current;
	}
	if (
		next.state === current.state &&
		( next.attempts ?? 0 ) === ( current.attempts ?? 0 ) &&
		( next.percentage ?? 0 ) < ( current.percentage ?? 0 )
	) {
		return current;
	}
	return next;
}

/**
 * The bar's value, 0–100, whole: 100 once it succeeded.
 *
 * @param job The job's state and percentage.
 */
export function jobPercentage(
	job: Pick< Job, 'state' | 'percentage' >
): number {
	if ( job.state === 'succeeded' ) {
		return 100;
	}
	const value = Number( job.percentage );
	return Number.isFinite( value )
		? Math.min( 100, Math.max( 0, Math.round( value ) ) )
		: 0;
}

/**
 * The job an event carries: `progress` events hold the job JSON (an envelope around it is tolerated).
 *
 * @param event An event of the job's stream.
 */
export function jobFromEvent( event: SseEvent ): Job | null {
	if (
		event.event !== 'progress' &&
		event.event !== 'message' &&
		event.event !== 'job' &&
		event.event !== 'done'
	) {
		return null;
	}
	let value: unknown;
	try {
		value = JSON.parse( event.data );
	} catch {
		return null;
	}
	if ( isJob( value ) ) {
		return value;
	}
	const inner = ( value as { data?: unknown; job?: unknown } | null ) ?? {};
	if ( isJob( inner.data ) ) {
		return inner.data;
	}
	return isJob( inner.job ) ? inner.job : null;
}

export function createJobsApi( client: CloudClient ) {
	return {
		startJob: async ( body: JobCreate ) =>
			jobOf( await client.post< unknown >( '/ai/jobs', body ) ),
		getJob: async ( id: number, signal?: AbortSignal ) =>
			jobOf(
				await client.get< unknown >( `/ai/jobs/${ id }`, { signal } )
			),
		/**
		 * The account's (or a site's) newest jobs first; `function` narrows them to one AI function.
		 *
		 * @param query  site_id, function, state, page_size.
		 * @param signal Stops the request.
		 */
		listJobs: async (
			query: NonNullable< CloudRequestOptions[ 'query' ] >,
			signal?: AbortSignal
		) =>
			itemsOf< unknown >(
				await client.get< unknown >( '/ai/jobs', { query, signal } )
			).filter( isJob ),
		cancelJob: async ( id: number ) =>
			jobOf( await client.post< unknown >( `/ai/jobs/${ id }/cancel` ) ),
		openEvents: (
			id: number,
			signal?: AbortSignal,
			lastEventId?: string | null
		) =>
			client.stream( `/ai/jobs/${ id }/events`, {
				accept: 'text/event-stream',
				signal,
				lastEventId,
			} ),
	};
}

export type JobsApi = ReturnType< typeof createJobsApi >;

export interface FollowOptions {
	/** Called with each newer report of the job. */
	onJob: ( job: Job ) => void;
	signal?: AbortSignal;
	pollInterval?: number;
	/** Stream connections that may end without the job finishing before polling takes over. */
	maxReconnects?: number;
	/** Polls that may fail in a row (network, 5xx) before following gives up. */
	maxPollFailures?: number;
	sleep?: ( ms: number, signal?: AbortSignal ) => Promise< void >;
}

/**
 * Follows a job until it is finished and resolves to its last report. Reads the event stream first;
 * when the stream cannot be opened or read, asks for the job every `pollInterval` ms instead.
 * Rejects with an AbortError when `signal` aborts, or with the error of a poll that cannot succeed.
 *
 * @param api     Reads the job and opens its event stream.
 * @param start   The job as it was started.
 * @param options Abort signal, poll interval and a callback for each report.
 */
export async function followJob(
	api: Pick< JobsApi, 'getJob' | 'openEvents' >,
	start: Job,
	options: FollowOptions
): Promise< Job > {
	const {
		onJob,
		signal,
		pollInterval = POLL_INTERVAL_MS,
		maxReconnects = 3,
		maxPollFailures = 5,
		sleep = wait,
	} = options;
	let latest = start;
	const receive = ( job: Job ): boolean => {
		if ( job.id !== start.id ) {
			return false;
		}
		const merged = mergeJob( latest, job );
		if ( merged !== latest ) {
			latest = merged;
			onJob( merged );
		}
		return isTerminal( latest.state );
	};

	let connections = 0;
	let lastEventId: string | null = null;
	while ( ! isTerminal( latest.state ) && connections <= maxReconnects ) {
		connections++;
		let heard = 0;
		try {
			const response = await api.openEvents(
				start.id,
				signal,
				lastEventId
			);
			if ( ! response.body ) {
				break;
			}
			await readSse( response.body, ( event ) => {
				lastEventId = event.id ?? lastEventId;
				// The cloud ends a long stream on purpose (its per-request budget) and asks for a new one.
				if ( event.event === 'reconnect' ) {
					heard++;
					return true;
				}
				const job = jobFromEvent( event );
				if ( ! job ) {
					return false;
				}
				heard++;
				return receive( job );
			} );
		} catch ( error ) {
			if ( isAbort( error ) || signal?.aborted ) {
				throw abortError();
			}
			break;
		}
		// A stream that closed without a word is not worth opening again.
		if ( heard === 0 ) {
			break;
		}
	}

	let failures = 0;
	while ( ! isTerminal( latest.state ) ) {
		await sleep( pollInterval, signal );
		try {
			receive( await api.getJob( start.id, signal ) );
			failures = 0;
		} catch ( error ) {
			if ( isAbort( error ) || signal?.aborted ) {
				throw abortError();
			}
			failures++;
			if ( ! isTransient( error ) || failures >= maxPollFailures ) {
				throw error;
			}
		}
	}
	return latest;
}

export type FollowManyOptions = Omit< FollowOptions, 'maxReconnects' >;

/**
 * Follows several jobs (a generation batch) until all are finished; resolves to their last reports, in
 * the order given. One job is followed live like followJob(); more are polled together, one request per
 * round for the newest jobs of their site and function (a browser keeps few connections to one host open,
 * so a stream per job would starve the page's other requests), and on their own only when that list
 * no longer holds them.
 *
 * @param api     Reads jobs and opens a job's event stream.
 * @param jobs    The jobs as they were started.
 * @param options Abort signal, poll interval and a callback for each newer report.
 */
export async function followJobs(
	api: Pick< JobsApi, 'getJob' | 'openEvents' | 'listJobs' >,
	jobs: readonly Job[],
	options: FollowManyOptions
): Promise< Job[] > {
	if ( jobs.length === 1 ) {
		return [ await followJob( api, jobs[ 0 ], options ) ];
	}
	const {
		onJob,
		signal,
		pollInterval = BATCH_POLL_INTERVAL_MS,
		maxPollFailures = 5,
		sleep = wait,
	} = options;
	const latest = new Map( jobs.map( ( job ) => [ job.id, job ] ) );
	const receive = ( job: Job ) => {
		const current = latest.get( job.id );
		if ( ! current ) {
			return;
		}
		const merged = mergeJob( current, job );
		if ( merged !== current ) {
			latest.set( job.id, merged );
			onJob( merged );
		}
	};
	const pending = () =>
		[ ...latest.values() ].filter( ( job ) => ! isTerminal( job.state ) );
	const functions = new Set( jobs.map( ( job ) => job.function ) );
	const sites = new Set( jobs.map( ( job ) => job.site_id ) );
	const query = {
		function: functions.size === 1 ? jobs[ 0 ].function : undefined,
		site_id: sites.size === 1 ? jobs[ 0 ].site_id : undefined,
		page_size: 200,
	};

	let failures = 0;
	while ( pending().length > 0 ) {
		await sleep( pollInterval, signal );
		try {
			const seen = new Set< number >();
			for ( const job of await api.listJobs( query, signal ) ) {
				seen.add( job.id );
				receive( job );
			}
			for ( const job of pending() ) {
				if ( ! seen.has( job.id ) ) {
					receive( await api.getJob( job.id, signal ) );
				}
			}
			failures = 0;
		} catch ( error ) {
			if ( isAbort( error ) || signal?.aborted ) {
				throw abortError();
			}
			failures++;
			if ( ! isTransient( error ) || failures >= maxPollFailures ) {
				throw error;
			}
		}
	}
	return jobs.map( ( job ) => latest.get( job.id ) ?? job );
}

/**
 * A failure worth asking again after: no answer, a timeout, rate limiting, a server error.
 *
 * @param error The failure.
 */
function isTransient( error: unknown ): boolean {
	const status = ( error as { status?: unknown } | null )?.status;
	return (
		typeof status !== 'number' ||
		status === 0 ||
		status === 408 ||
		status === 429 ||
		status >= 500
	);
}

function wait( ms: number, signal?: AbortSignal ): Promise< void > {
	return new Promise( ( resolve, reject ) => {
		if ( signal?.aborted ) {
			reject( abortError() );
			return;
		}
		const onAbort = () => {
			clearTimeout( timer );
			reject( abortError() );
		};
		const timer = setTimeout( () => {
			signal?.removeEventListener( 'abort', onAbort );
			resolve();
		}, ms );
		signal?.addEventListener( 'abort', onAbort, { once: true } );
	} );
}

export function isAbort( error: unknown ): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		( error as { name?: unknown } ).name === 'AbortError'
	);
}

function abortError(): Error {
	const error = new Error( 'Following the job was stopped.' );
	error.name = 'AbortError';
	return error;
}

/** The page-wide jobs API over the shared cloud client. */
export const jobsApi: JobsApi = createJobsApi( defaultClient );
