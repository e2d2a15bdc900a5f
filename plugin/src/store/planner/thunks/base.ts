// What every Planner thunk is given, and the bracket each request runs in.
import type { store as preferencesStore } from '@wordpress/preferences';
import { toErrorInfo } from '../../../api/errors';
import {
	failOperation,
	finishOperation,
	startOperation,
	type Action,
} from '../actions';
import { BULK_MAX_IDS } from '../constants';
import type * as selectors from '../selectors';
import type { Operation, PlannerState } from '../types';

type Selectors = typeof selectors;
type CurriedSelectors = {
	[ K in keyof Selectors ]: Selectors[ K ] extends (
		state: PlannerState,
		...args: infer A
	) => infer R
		? ( ...args: A ) => R
		: never;
};

/** The slice of the data registry the thunks use: the user's preferences. */
export interface ThunkRegistry {
	select: ( store: typeof preferencesStore ) => {
		get: ( scope: string, name: string ) => unknown;
	};
	dispatch: ( store: typeof preferencesStore ) => {
		set: ( scope: string, name: string, value: unknown ) => unknown;
	};
}

export interface ThunkArgs {
	select: CurriedSelectors;
	dispatch: ( < R >( thunk: Thunk< R > ) => R ) &
		( ( action: Action ) => unknown );
	registry: ThunkRegistry;
}

export type Thunk< R = void > = ( args: ThunkArgs ) => R;

export type Dispatch = ThunkArgs[ 'dispatch' ];

/**
 * Runs `work` as `operation`: resolves to its value, or to undefined once the failure is recorded.
 *
 * @param dispatch  The store's dispatch.
 * @param operation What runs, for the busy flag and the failure.
 * @param work      The call.
 */
export async function run< R >(
	dispatch: Dispatch,
	operation: Operation,
	work: () => Promise< R >
): Promise< R | undefined > {
	dispatch( startOperation( operation ) );
	try {
		const result = await work();
		dispatch( finishOperation( operation ) );
		return result;
	} catch ( error ) {
		dispatch( failOperation( operation, toErrorInfo( error ) ) );
		return undefined;
	}
}

/**
 * Bulk calls take at most BULK_MAX_IDS ids.
 *
 * @param ids Ids of a bulk action.
 */
export function chunks( ids: number[] ): number[][] {
	const out: number[][] = [];
	for ( let i = 0; i < ids.length; i += BULK_MAX_IDS ) {
		out.push( ids.slice( i, i + BULK_MAX_IDS ) );
	}
	return out;
}
