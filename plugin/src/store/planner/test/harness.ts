// Runs the store's thunks against its real reducer and selectors, without a data registry.
import type { Action } from '../actions';
import reducer, { INITIAL_STATE } from '../reducer';
import * as selectors from '../selectors';
import type { Thunk, ThunkArgs } from '../thunks';
import type { PlannerState } from '../types';

export function harness( initial: PlannerState = INITIAL_STATE ) {
	let state = initial;
	const preferences = new Map< string, unknown >();
	const actions: Action[] = [];

	const select = new Proxy( {} as ThunkArgs[ 'select' ], {
		get:
			( _target, name: string ) =>
			( ...args: unknown[] ) =>
				(
					selectors as unknown as Record<
						string,
						( s: PlannerState, ...a: unknown[] ) => unknown
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

	const registry: ThunkArgs[ 'registry' ] = {
		select: () => ( {
			get: ( scope: string, name: string ) =>
				preferences.get( `${ scope }/${ name }` ),
		} ),
		dispatch: () => ( {
			set: ( scope: string, name: string, value: unknown ) =>
				preferences.set( `${ scope }/${ name }`, value ),
		} ),
	};

	const args: ThunkArgs = { select, dispatch, registry };
	return {
		get state() {
			return state;
		},
		actions,
		preferences,
		dispatch,
		run: < R >( thunk: Thunk< R > ): R => thunk( args ),
	};
}
