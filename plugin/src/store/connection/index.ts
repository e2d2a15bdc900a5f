import { createReduxStore, register } from '@wordpress/data';
import * as actions from './actions';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';
import * as thunks from './thunks';

export const STORE_NAME = 'igny8/connection';

/**
 * The connection between this site and the IGNY8 cloud: the plugin's status, the cloud's view of
 * the site, and the connect / test / disconnect requests. Callers use `select( store )`.
 */
export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions: { ...actions, ...thunks },
	selectors,
	resolvers,
} );

register( store );
