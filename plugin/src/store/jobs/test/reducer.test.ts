import { describe, expect, it } from 'vitest';
import { done, job } from '../../../api/test/fixtures';
import {
	jobCancelFailed,
	jobCancelling,
	jobDismissed,
	jobFollowFailed,
	jobFollowing,
	jobStartFailed,
	jobStarting,
	receiveJob,
} from '../actions';
import reducer, { INITIAL_STATE } from '../reducer';
import { getJob, getRun, isActive } from '../selectors';

const error = ( status: number, code: string ) => ( {
	status,
	code,
	message: code,
	fieldErrors: {},
} );
const apply = ( ...actions: Parameters< typeof reducer >[ 1 ][] ) =>
	actions.reduce( reducer, INITIAL_STATE );

describe( 'the jobs store', () => {
	it( 'knows nothing of a key before a job starts there', () => {
		expect( getRun( INITIAL_STATE, 'cluster-ai' ) ).toBeNull();
		expect( isActive( INITIAL_STATE, 'cluster-ai' ) ).toBe( false );
	} );

	it( 'is active from the start until the job ends', () => {
		let state = apply( jobStarting( 'k' ) );
		expect( isActive( state, 'k' ) ).toBe( true );
		state = reducer(
			state,
			receiveJob( 'k', job( { state: 'queued', percentage: 0 } ) )
		);
		expect( getRun( state, 'k' ) ).toMatchObject( {
			starting: false,
			job: { state: 'queued' },
		} );
		expect( isActive( state, 'k' ) ).toBe( true );
		state = reducer( state, receiveJob( 'k', done() ) );
		expect( isActive( state, 'k' ) ).toBe( false );
		expect( getJob( state, 'k' )?.credits_charged ).toBe( 2 );
	} );

	it( 'keeps the newest report when reports cross', () => {
		const state = apply(
			jobStarting( 'k' ),
			receiveJob( 'k', done() ),
			receiveJob( 'k', job( { percentage: 60 } ) )
		);
		expect( getJob( state, 'k' )?.state ).toBe( 'succeeded' );
	} );

	it( 'keeps why a job could not start, and is no longer active', () => {
		const state = apply(
			jobStarting( 'k' ),
			jobStartFailed( 'k', error( 402, 'insufficient_credits' ) )
		);
		expect( getRun( state, 'k' ) ).toMatchObject( {
			starting: false,
			job: null,
			startError: { status: 402 },
		} );
		expect( isActive( state, 'k' ) ).toBe( false );
	} );

	it( 'starts afresh: a new job of a key forgets the last one', () => {
		const state = apply(
			jobStarting( 'k' ),
			receiveJob( 'k', done() ),
			jobStarting( 'k' )
		);
		expect( getRun( state, 'k' ) ).toMatchObject( {
			starting: true,
			job: null,
		} );
	} );

	it( 'tracks a cancel until the job ends, and a failed cancel', () => {
		let state = apply(
			jobStarting( 'k' ),
			receiveJob( 'k', job() ),
			jobCancelling( 'k' )
		);
		expect( getRun( state, 'k' )?.cancelling ).toBe( true );
		state = reducer(
			state,
			jobCancelFailed( 'k', error( 409, 'conflict' ) )
		);
		expect( getRun( state, 'k' ) ).toMatchObject( {
			cancelling: false,
			cancelError: { code: 'conflict' },
		} );
		state = reducer(
			reducer( state, jobCancelling( 'k' ) ),
			receiveJob( 'k', job( { state: 'cancelled' } ) )
		);
		expect( getRun( state, 'k' ) ).toMatchObject( {
			cancelling: false,
			cancelError: null,
			job: { state: 'cancelled' },
		} );
	} );

	it( 'lets another job start once following failed, and clears the failure when following again', () => {
		let state = apply(
			jobStarting( 'k' ),
			receiveJob( 'k', job() ),
			jobFollowFailed( 'k', error( 0, 'network_error' ) )
		);
		expect( isActive( state, 'k' ) ).toBe( false );
		state = reducer( state, jobFollowing( 'k' ) );
		expect( getRun( state, 'k' )?.followError ).toBeNull();
		expect( isActive( state, 'k' ) ).toBe( true );
	} );

	it( 'forgets a dismissed key and ignores late reports for it', () => {
		const state = apply(
			jobStarting( 'k' ),
			receiveJob( 'k', job() ),
			jobDismissed( 'k' ),
			receiveJob( 'k', done() )
		);
		expect( getRun( state, 'k' ) ).toBeNull();
	} );

	it( 'keeps keys apart', () => {
		const state = apply(
			jobStarting( 'a' ),
			receiveJob( 'a', job() ),
			jobStarting( 'b' )
		);
		expect( getJob( state, 'a' )?.id ).toBe( 41 );
		expect( getRun( state, 'b' )?.starting ).toBe( true );
	} );
} );
