import { describe, expect, it } from 'vitest';
import { failOperation, receiveStatus, startOperation } from '../actions';
import reducer, { INITIAL_STATE } from '../reducer';
import {
	getFieldErrors,
	getLastError,
	getStatus,
	isBusy,
	isConnected,
} from '../selectors';
import { badCode, connectedStatus, disconnectedStatus } from './fixtures';

describe( 'connection selectors', () => {
	it( 'report not connected before any status is known', () => {
		expect( getStatus( INITIAL_STATE ) ).toBeNull();
		expect( isConnected( INITIAL_STATE ) ).toBe( false );
	} );

	it( 'report connected only when the status says so', () => {
		expect(
			isConnected(
				reducer( INITIAL_STATE, receiveStatus( connectedStatus ) )
			)
		).toBe( true );
		expect(
			isConnected(
				reducer( INITIAL_STATE, receiveStatus( disconnectedStatus ) )
			)
		).toBe( false );
	} );

	it( 'tell one busy operation from any busy operation', () => {
		const state = reducer( INITIAL_STATE, startOperation( 'test' ) );
		expect( isBusy( state, 'test' ) ).toBe( true );
		expect( isBusy( state, 'connect' ) ).toBe( false );
		expect( isBusy( state ) ).toBe( true );
		expect( isBusy( INITIAL_STATE ) ).toBe( false );
	} );

	it( 'give the last error only to the operation that failed', () => {
		const state = reducer(
			INITIAL_STATE,
			failOperation( 'connect', badCode )
		);
		expect( getLastError( state )?.message ).toBe( badCode.message );
		expect( getLastError( state, 'connect' )?.code ).toBe( 'validation' );
		expect( getLastError( state, 'disconnect' ) ).toBeNull();
	} );

	it( 'give the field errors of the failed operation', () => {
		const state = reducer(
			INITIAL_STATE,
			failOperation( 'connect', badCode )
		);
		expect( getFieldErrors( state, 'connect' ) ).toEqual( {
			code: [ 'invalid or expired' ],
		} );
	} );

	it( 'return one shared empty object when there are no field errors, so components do not re-render', () => {
		const other = reducer(
			INITIAL_STATE,
			failOperation( 'test', badCode )
		);
		expect( getFieldErrors( INITIAL_STATE, 'connect' ) ).toEqual( {} );
		expect( getFieldErrors( INITIAL_STATE, 'connect' ) ).toBe(
			getFieldErrors( other, 'connect' )
		);
	} );
} );
