import { createReduxStore, register } from '@wordpress/data';
import * as actions from './actions';
import reducer from './reducer';
import * as selectors from './selectors';
import * as thunks from './thunks';

export const STORE_NAME = 'igny8/jobs';

/**
 * The AI jobs a page started, by key (`cluster-ai`, `generate-ideas`…): each one's live state while it
 * runs and how it ended. Callers use `select( store )`.
 */
export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions: { ...actions, ...thunks },
	selectors,
} );

register( store );
