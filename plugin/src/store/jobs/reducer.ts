import { isTerminal, mergeJob } from '../../api/jobs';
import type { Action } from './actions';
import type { JobRun, JobsState } from './types';

export const INITIAL_STATE: JobsState = { runs: {} };

const NEW_RUN: JobRun = {
	starting: true,
	job: null,
	startError: null,
	followError: null,
	cancelling: false,
	cancelError: null,
};

function update(
	state: JobsState,
	key: string,
	change: ( run: JobRun ) => JobRun
): JobsState {
	const run = state.runs[ key ];
	if ( ! run ) {
		return state;
	}
	const next = change( run );
	return next === run
		? state
		: { ...state, runs: { ...state.runs, [ key ]: next } };
}

export default function reducer(
	state: JobsState = INITIAL_STATE,
	action: Action
): JobsState {
	switch ( action.type ) {
		case 'JOB_STARTING':
			// A new job replaces whatever the key showed before.
			return {
				...state,
				runs: { ...state.runs, [ action.key ]: NEW_RUN },
			};

		case 'JOB_START_FAILED':
			return update( state, action.key, ( run ) => ( {
				...run,
				starting: false,
				startError: action.error,
			} ) );

		case 'RECEIVE_JOB':
			return update( state, action.key, ( run ) => {
				const job = mergeJob( run.job, action.job );
				if ( job === run.job && ! run.starting ) {
					return run;
				}
				const finished = isTerminal( job.state );
				return {
					...run,
					starting: false,
					job,
					// Once it finished, a pending cancel and its troubles no longer matter.
					cancelling: finished ? false : run.cancelling,
					cancelError: finished ? null : run.cancelError,
					followError: finished ? null : run.followError,
				};
			} );

		case 'JOB_FOLLOW_FAILED':
			return update( state, action.key, ( run ) => ( {
				...run,
				followError: action.error,
			} ) );

		case 'JOB_FOLLOWING':
			return update( state, action.key, ( run ) =>
				run.followError ? { ...run, followError: null } : run
			);

		case 'JOB_CANCELLING':
			return update( state, action.key, ( run ) => ( {
				...run,
				cancelling: true,
				cancelError: null,
			} ) );

		case 'JOB_CANCEL_FAILED':
			return update( state, action.key, ( run ) => ( {
				...run,
				cancelling: false,
				cancelError: action.error,
			} ) );

		case 'DISMISS_JOB': {
			if ( ! state.runs[ action.key ] ) {
				return state;
			}
			const { [ action.key ]: dismissed, ...runs } = state.runs;
			return { ...state, runs };
		}
	}
	return state;
}
