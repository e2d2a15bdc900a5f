import { isTerminal, mergeJob } from '../../api/jobs';
import type { Action } from './actions';
import { pairJobs } from './batch';
import type { JobBatch, JobRun, JobsState } from './types';

export const INITIAL_STATE: JobsState = { runs: {}, batches: {} };

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

function updateBatch(
	state: JobsState,
	key: string,
	change: ( batch: JobBatch ) => JobBatch
): JobsState {
	const batch = state.batches[ key ];
	if ( ! batch ) {
		return state;
	}
	const next = change( batch );
	return next === batch
		? state
		: { ...state, batches: { ...state.batches, [ key ]: next } };
}

/**
 * The batch with a newer report on one of its jobs; the same batch when the report is not newer.
 *
 * @param batch The batch.
 * @param job   The report.
 */
function receiveIntoBatch( batch: JobBatch, job: JobRun[ 'job' ] ): JobBatch {
	if ( ! job ) {
		return batch;
	}
	const index = batch.items.findIndex( ( item ) => item.job?.id === job.id );
	if ( index < 0 ) {
		return batch;
	}
	const current = batch.items[ index ];
	const merged = mergeJob( current.job, job );
	if ( merged === current.job ) {
		return batch;
	}
	const items = batch.items.map( ( item, at ) =>
		at === index ? { ...item, job: merged } : item
	);
	const running = items.some(
		( item ) => item.job && ! isTerminal( item.job.state )
	);
	return {
		...batch,
		items,
		// Once every job ended, a pending cancel and the troubles of following no longer matter.
		cancelling: running ? batch.cancelling : false,
		followError: running ? batch.followError : null,
	};
}

function batchesReducer( state: JobsState, action: Action ): JobsState {
	switch ( action.type ) {
		case 'BATCH_STARTING':
			return {
				...state,
				batches: {
					...state.batches,
					[ action.key ]: {
						starting: true,
						items: action.subjects.map( ( subject ) => ( {
							...subject,
							job: null,
							notStarted: null,
						} ) ),
						startError: null,
						followError: null,
						cancelling: false,
						cancelError: null,
					},
				},
			};

		case 'BATCH_START_FAILED':
			return updateBatch( state, action.key, ( batch ) => ( {
				...batch,
				starting: false,
				startError: action.error,
			} ) );

		case 'BATCH_STARTED':
			return updateBatch( state, action.key, ( batch ) => ( {
				...batch,
				starting: false,
				items: pairJobs( batch.items, action.started ),
			} ) );

		case 'RECEIVE_BATCH_JOB':
			return updateBatch( state, action.key, ( batch ) =>
				receiveIntoBatch( batch, action.job )
			);

		case 'BATCH_FOLLOW_FAILED':
			return updateBatch( state, action.key, ( batch ) => ( {
				...batch,
				followError: action.error,
			} ) );

		case 'BATCH_FOLLOWING':
			return updateBatch( state, action.key, ( batch ) =>
				batch.followError ? { ...batch, followError: null } : batch
			);

		case 'BATCH_CANCELLING':
			return updateBatch( state, action.key, ( batch ) => ( {
				...batch,
				cancelling: true,
				cancelError: null,
			} ) );

		case 'BATCH_CANCELLED':
			return updateBatch( state, action.key, ( batch ) => ( {
				...batch,
				cancelling: false,
				cancelError: action.error,
			} ) );

		case 'DISMISS_BATCH': {
			if ( ! state.batches[ action.key ] ) {
				return state;
			}
			const { [ action.key ]: dismissed, ...batches } = state.batches;
			return { ...state, batches };
		}
	}
	return state;
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
	return batchesReducer( state, action );
}
