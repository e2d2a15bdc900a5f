import { isTerminal } from '../../api/jobs';
import type { Job, JobRun, JobsState } from './types';

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
