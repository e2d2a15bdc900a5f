import { describe, expect, it } from 'vitest';
import {
	clearError,
	disconnected,
	failOperation,
	finishOperation,
	receiveCloudDetails,
	receiveStatus,
	receiveTestResult,
	startOperation,
} from '../actions';
import reducer, { INITIAL_STATE } from '../reducer';
import type { ConnectionState } from '../types';
import {
	badCode,
	cloudDetails,
	connectedStatus,
	disconnectedStatus,
} from './fixtures';

const connected = (): ConnectionState => {
	let state = reducer( INITIAL_STATE, receiveStatus( connectedStatus ) );
	state = reducer( state, receiveCloudDetails( cloudDetails ) );
	return reducer(
		state,
		receiveTestResult( { wp_to_cloud: true, cloud_to_wp: true } )
	);
};

describe( 'connection reducer', () => {
	it( 'starts with no status, nothing busy and no error', () => {
		expect( reducer( undefined, { type: 'CLEAR_ERROR' } ) ).toEqual(
			INITIAL_STATE
		);
		expect( Object.values( INITIAL_STATE.busy ).some( Boolean ) ).toBe(
			false
		);
	} );

	it( 'keeps the cloud details when the status of the same site is refreshed', () => {
		const state = reducer(
			connected(),
			receiveStatus( { ...connectedStatus, site_name: 'Renamed' } )
		);
		expect( state.status?.site_name ).toBe( 'Renamed' );
		expect( state.cloud ).toBe( cloudDetails );
	} );

	it( 'drops the cloud details and test result when the status names another site', () => {
		const state = reducer(
			connected(),
			receiveStatus( { ...connectedStatus, site_id: 8 } )
		);
		expect( state.cloud ).toBeNull();
		expect( state.lastTest ).toBeNull();
	} );

	it( 'drops the cloud details when the status says the site is no longer connected', () => {
		const state = reducer(
			connected(),
			receiveStatus( disconnectedStatus )
		);
		expect( state.cloud ).toBeNull();
	} );

	it( 'marks only the started operation busy and clears it when it finishes', () => {
		const started = reducer( INITIAL_STATE, startOperation( 'connect' ) );
		expect( started.busy ).toEqual( {
			...INITIAL_STATE.busy,
			connect: true,
		} );
		expect( reducer( started, finishOperation( 'connect' ) ).busy ).toEqual(
			INITIAL_STATE.busy
		);
	} );

	it( 'records a failed operation as the last error with its operation and ends its busy state', () => {
		let state = reducer( INITIAL_STATE, startOperation( 'connect' ) );
		state = reducer( state, failOperation( 'connect', badCode ) );
		expect( state.busy.connect ).toBe( false );
		expect( state.lastError ).toEqual( {
			...badCode,
			operation: 'connect',
		} );
	} );

	it( 'keeps a cloud failure apart from the last error, so the local status stays usable', () => {
		const unreachable = {
			status: 0,
			code: 'network_error',
			message: 'down',
			fieldErrors: {},
		};
		const state = reducer(
			reducer( connected(), startOperation( 'cloud' ) ),
			failOperation( 'cloud', unreachable )
		);
		expect( state.cloudError ).toEqual( unreachable );
		expect( state.lastError ).toBeNull();
		expect( state.status ).toEqual( connectedStatus );
	} );

	it( 'clears the cloud failure once the details arrive', () => {
		const unreachable = {
			status: 0,
			code: 'network_error',
			message: 'down',
			fieldErrors: {},
		};
		let state = reducer(
			connected(),
			failOperation( 'cloud', unreachable )
		);
		state = reducer( state, receiveCloudDetails( cloudDetails ) );
		expect( state.cloudError ).toBeNull();
	} );

	it( 'forgets the previous failure when the operation is tried again', () => {
		const failed = reducer(
			INITIAL_STATE,
			failOperation( 'connect', badCode )
		);
		expect(
			reducer( failed, startOperation( 'connect' ) ).lastError
		).toBeNull();
	} );

	it( 'hides the previous test result while a new test runs', () => {
		expect(
			reducer( connected(), startOperation( 'test' ) ).lastTest
		).toBeNull();
	} );

	it( 'keeps the cloud URL but forgets the site, details and test result on disconnect', () => {
		const state = reducer(
			connected(),
			disconnected( { connected: false, cloud_cleared: true } )
		);
		expect( state.status ).toEqual( {
			...disconnectedStatus,
			cloud_url: connectedStatus.cloud_url,
		} );
		expect( state.cloud ).toBeNull();
		expect( state.lastTest ).toBeNull();
		expect( state.lastDisconnect ).toEqual( {
			connected: false,
			cloud_cleared: true,
		} );
	} );

	it( 'forgets the last disconnect once the site is connected again', () => {
		const gone = reducer(
			connected(),
			disconnected( { connected: false, cloud_cleared: false } )
		);
		expect(
			reducer( gone, receiveStatus( connectedStatus ) ).lastDisconnect
		).toBeNull();
	} );

	it( 'returns the same state object when there is no error to clear', () => {
		const state = connected();
		expect( reducer( state, clearError() ) ).toBe( state );
	} );

	it( 'does not change the state it is given', () => {
		const state = Object.freeze( connected() );
		expect( () =>
			reducer(
				state,
				disconnected( { connected: false, cloud_cleared: true } )
			)
		).not.toThrow();
		expect( state.status ).toEqual( connectedStatus );
	} );
} );
