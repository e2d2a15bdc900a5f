// Requests that change the connection; each one brackets its work with start/finish/fail actions.
import { cloud } from '../../api/cloud';
import { ApiError } from '../../api/errors';
import * as wp from '../../api/wp';
import {
	disconnected,
	failOperation,
	finishOperation,
	receiveCloudDetails,
	receiveStatus,
	receiveTestResult,
	startOperation,
	type Action,
} from './actions';
import type * as selectors from './selectors';
import type { CloudDetails, ConnectionState, ErrorInfo } from './types';

type Selectors = typeof selectors;
type CurriedSelectors = {
	[ K in keyof Selectors ]: Selectors[ K ] extends (
		state: ConnectionState,
		...args: infer A
	) => infer R
		? ( ...args: A ) => R
		: never;
};

interface ThunkArgs {
	select: CurriedSelectors;
	dispatch: ( < R >( thunk: Thunk< R > ) => R ) &
		( ( action: Action ) => unknown );
}

export type Thunk< R = void > = ( args: ThunkArgs ) => R;

function toErrorInfo( error: unknown ): ErrorInfo {
	if ( error instanceof ApiError ) {
		return {
			status: error.status,
			code: error.code,
			message: error.message,
			fieldErrors: error.fieldErrors,
		};
	}
	const message = error instanceof Error ? error.message : String( error );
	return { status: 0, code: 'unknown_error', message, fieldErrors: {} };
}

export const refreshStatus =
	(): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		dispatch( startOperation( 'status' ) );
		try {
			dispatch( receiveStatus( await wp.getStatus() ) );
			dispatch( finishOperation( 'status' ) );
		} catch ( error ) {
			dispatch( failOperation( 'status', toErrorInfo( error ) ) );
			return;
		}
		if ( select.isConnected() && ! select.getCloudDetails() ) {
			await dispatch( loadCloudDetails() );
		}
	};

/** Site, account and plan as the cloud sees them; a failure is kept apart from the local status. */
export const loadCloudDetails =
	(): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		// The resolver and a finished connect can both ask at once; one request is enough.
		if ( ! select.isConnected() || select.isBusy( 'cloud' ) ) {
			return;
		}
		dispatch( startOperation( 'cloud' ) );
		try {
			const details = await cloud.get< CloudDetails >( '/auth/me' );
			// Disconnected while the request was out: the answer describes a connection that is gone.
			if ( select.isConnected() ) {
				dispatch( receiveCloudDetails( details ) );
			}
			dispatch( finishOperation( 'cloud' ) );
		} catch ( error ) {
			dispatch( failOperation( 'cloud', toErrorInfo( error ) ) );
		}
	};

/**
 * Resolves to whether the site is now connected.
 *
 * @param cloudUrl The IGNY8 cloud's URL.
 * @param code     The one-time connection code.
 */
export const connect =
	( cloudUrl: string, code: string ): Thunk< Promise< boolean > > =>
	async ( { dispatch } ) => {
		dispatch( startOperation( 'connect' ) );
		let status;
		try {
			status = await wp.connect( {
				cloud_url: cloudUrl.trim(),
				code: code.trim(),
			} );
		} catch ( error ) {
			dispatch( failOperation( 'connect', toErrorInfo( error ) ) );
			return false;
		}
		cloud.clearToken();
		dispatch( receiveStatus( status ) );
		dispatch( finishOperation( 'connect' ) );
		if ( status.connected ) {
			await dispatch( loadCloudDetails() );
		}
		return status.connected;
	};

export const testConnection =
	(): Thunk< Promise< void > > =>
	async ( { dispatch, select } ) => {
		dispatch( startOperation( 'test' ) );
		let result;
		try {
			result = await wp.testConnection();
		} catch ( error ) {
			dispatch( failOperation( 'test', toErrorInfo( error ) ) );
			return;
		}
		dispatch( receiveTestResult( result ) );
		dispatch( finishOperation( 'test' ) );
		// The cloud answers again: fill in the details that could not be loaded before.
		if ( result.wp_to_cloud && ! select.getCloudDetails() ) {
			await dispatch( loadCloudDetails() );
		}
	};

/** Resolves to whether the site is now disconnected. */
export const disconnect =
	(): Thunk< Promise< boolean > > =>
	async ( { dispatch } ) => {
		dispatch( startOperation( 'disconnect' ) );
		let result;
		try {
			result = await wp.disconnect();
		} catch ( error ) {
			dispatch( failOperation( 'disconnect', toErrorInfo( error ) ) );
			return false;
		}
		cloud.clearToken();
		dispatch( disconnected( result ) );
		dispatch( finishOperation( 'disconnect' ) );
		return true;
	};
