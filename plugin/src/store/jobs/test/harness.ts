// Runs the jobs store's thunks against its real reducer and selectors, without a data registry.
import type { Action } from '../actions';
import reducer, { INITIAL_STATE } from '../reducer';
import * as selectors from '../selectors';
import type { Thunk, ThunkArgs } from '../thunks';
import type { JobsState } from '../types';

export function harness( initial: JobsState = INITIAL_STATE ) {
	let state = initial;
	const actions: Action[] = [];
	const select = new Proxy( {} as ThunkArgs[ 'select' ], {
		get:
			( _target, name: string ) =>
			( ...args: unknown[] ) =>
				(
					selectors as unknown as Record<
						string,
						( s: JobsState, ...a: unknown[] ) => unknown
					>
				 )[ name ]( state, ...args ),
	} );
	const dispatch = ( ( action: Action | Thunk< unknown > ) => {
		if ( typeof action === 'function' ) {
			return action( args );
		}
		actions.push( action );
		state = reducer( state, action );
		return action;
	} ) as ThunkArgs[ 'dispatch' ];
	const args: ThunkArgs = { select, dispatch };
	return {
		get state() {
			return state;
		},
		actions,
		dispatch,
		run: < R >( thunk: Thunk< R > ): R => thunk( args ),
	};
}
