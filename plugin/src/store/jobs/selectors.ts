import { isTerminal } from '../../api/jobs';
import type { Job, JobBatch, JobRun, JobsState } from './types';

export function getRun( state: JobsState, key: string ): JobRun | null {
	return state.runs[ key ] ?? null;
}

export function getJob( state: JobsState, key: string ): Job | null {
	return state.runs[ key ]?.job ?? null;
}

/**
 * Whether the job of `key` is starting, queued or running: no second one should start.
 *
 * @param state Store state.
 * @param key   What the job is for.
 */
export function isActive( state: JobsState, key: string ): boolean {
	const run = state.runs[ key ];
	if ( ! run ) {
		return false;
	}
	return (
		run.starting ||
		( run.job !== null &&
			! isTerminal( run.job.state ) &&
			! run.followError )
	);
}

export function getBatch( state: JobsState, key: string ): JobBatch | null {
	return state.batches[ key ] ?? null;
}

/**
 * Whether the batch of `key` is starting or one of its jobs still runs: no second batch should start.
 *
 * @param state Store state.
 * @param key   What the batch is for.
 */
export function isBatchActive( state: JobsState, key: string ): boolean {
	const batch = state.batches[ key ];
	if ( ! batch ) {
		return false;
	}
	return (
		batch.starting ||
		( ! batch.followError &&
			batch.items.some(
				( item ) => item.job !== null && ! isTerminal( item.job.state )
			) )
	);
}
