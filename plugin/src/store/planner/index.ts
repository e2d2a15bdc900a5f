import { createReduxStore, register } from '@wordpress/data';
import * as actions from './actions';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';
import * as thunks from './thunks';

export const STORE_NAME = 'igny8/planner';

/**
 * The Planner of the connected site: its sectors and the chosen one, the keyword, cluster and idea
 * tables with their queries and selections, and the requests that change them. Callers use
 * `select( store )`.
 */
export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions: { ...actions, ...thunks },
	selectors,
	resolvers,
} );

register( store );
