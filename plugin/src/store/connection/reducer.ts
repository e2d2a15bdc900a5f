import type { Action } from './actions';
import type { ConnectionState } from './types';

export const INITIAL_STATE: ConnectionState = {
	status: null,
	cloud: null,
	cloudError: null,
	busy: {
		status: false,
		cloud: false,
		connect: false,
		test: false,
		disconnect: false,
	},
	lastTest: null,
	lastDisconnect: null,
	lastError: null,
};

export default function reducer(
	state: ConnectionState = INITIAL_STATE,
	action: Action
): ConnectionState {
	switch ( action.type ) {
		case 'RECEIVE_STATUS': {
			const { status } = action;
			// Details of another site, or of none, would be wrong: drop them when the site changes.
			const sameSite =
				status.connected &&
				status.site_id === state.status?.site_id &&
				state.status.connected;
			return {
				...state,
				status,
				cloud: sameSite ? state.cloud : null,
				cloudError: sameSite ? state.cloudError : null,
				lastTest: sameSite ? state.lastTest : null,
				lastDisconnect: status.connected ? null : state.lastDisconnect,
			};
		}

		case 'RECEIVE_CLOUD_DETAILS':
			return { ...state, cloud: action.details, cloudError: null };

		case 'RECEIVE_TEST_RESULT':
			return { ...state, lastTest: action.result };

		case 'DISCONNECTED':
			return {
				...state,
				status: state.status && {
					...state.status,
					connected: false,
					site_id: null,
					site_name: null,
					account_name: null,
					connected_at: null,
				},
				cloud: null,
				cloudError: null,
				lastTest: null,
				lastDisconnect: action.result,
			};

		case 'OPERATION_STARTED':
			return {
				...state,
				busy: { ...state.busy, [ action.operation ]: true },
				// A new attempt replaces the last failure and, for a test, the last result.
				lastError:
					action.operation === 'cloud' ? state.lastError : null,
				lastTest: action.operation === 'test' ? null : state.lastTest,
			};

		case 'OPERATION_FINISHED':
			return {
				...state,
				busy: { ...state.busy, [ action.operation ]: false },
			};

		case 'OPERATION_FAILED': {
			const busy = { ...state.busy, [ action.operation ]: false };
			if ( action.operation === 'cloud' ) {
				return { ...state, busy, cloudError: action.error };
			}
			return {
				...state,
				busy,
				lastError: { ...action.error, operation: action.operation },
			};
		}

		case 'CLEAR_ERROR':
			return state.lastError ? { ...state, lastError: null } : state;
	}
	return state;
}
