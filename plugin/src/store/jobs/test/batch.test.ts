// A batch of jobs (one per task or piece): pairing what was asked with what started, the overall bar,
// and the batch as the reducer keeps it.
import { describe, expect, it } from 'vitest';
import { done, job } from '../../../api/test/fixtures';
import {
	batchCancelled,
	batchCancelling,
	batchDismissed,
	batchStartFailed,
	batchStarted,
	batchStarting,
	receiveBatchJob,
	type Action,
} from '../actions';
import { batchProgress, pairJobs } from '../batch';
import reducer, { INITIAL_STATE } from '../reducer';
import { getBatch, isBatchActive } from '../selectors';
import type { JobBatch } from '../types';

const subjects = [
	{ id: 11, label: 'Best running shoes' },
	{ id: 12, label: 'Trail shoes' },
	{ id: 13, label: 'How to clean shoes' },
];

const run = ( ...actions: Action[] ) =>
	actions.reduce( reducer, INITIAL_STATE );

function batch( items: JobBatch[ 'items' ], starting = false ): JobBatch {
	return {
		starting,
		items,
		startError: null,
		followError: null,
		cancelling: false,
		cancelError: null,
	};
}

describe( 'pairing a batch', () => {
	it( 'gives each asked item the next started job, in order', () => {
		const items = pairJobs( subjects, {
			jobs: [ job( { id: 1 } ), job( { id: 2 } ), job( { id: 3 } ) ],
			not_started: [],
		} );
		expect( items.map( ( item ) => [ item.id, item.job?.id ] ) ).toEqual( [
			[ 11, 1 ],
			[ 12, 2 ],
			[ 13, 3 ],
		] );
		expect( items.every( ( item ) => item.notStarted === null ) ).toBe(
			true
		);
	} );

	it( 'keeps why an item did not start, and pairs the others around it', () => {
		const items = pairJobs( subjects, {
			jobs: [ job( { id: 1 } ), job( { id: 3 } ) ],
			not_started: [
				{ id: 12, code: 'conflict', message: 'Already generating' },
			],
		} );
		expect( items.map( ( item ) => item.job?.id ?? null ) ).toEqual( [
			1,
			null,
			3,
		] );
		expect( items[ 1 ].notStarted ).toEqual( {
			code: 'conflict',
			message: 'Already generating',
		} );
	} );

	it( 'still shows what the answer names but was not asked for, and items it says nothing of', () => {
		const items = pairJobs( subjects.slice( 0, 2 ), {
			jobs: [ job( { id: 1 } ) ],
			not_started: [
				{ id: 99, code: 'not_found', message: 'No such task' },
			],
		} );
		expect(
			items.map( ( item ) => [
				item.label,
				item.job?.id ?? null,
				item.notStarted?.code ?? null,
			] )
		).toEqual( [
			[ 'Best running shoes', 1, null ],
			[ 'Trail shoes', null, 'not_started' ],
			[ '#99', null, 'not_found' ],
		] );
	} );
} );

describe( 'the progress of a batch', () => {
	it( 'is the mean of its jobs, an ended job counting as done', () => {
		const progress = batchProgress(
			batch( [
				{
					...subjects[ 0 ],
					job: job( { id: 1, percentage: 40 } ),
					notStarted: null,
				},
				{
					...subjects[ 1 ],
					job: job( { id: 2, percentage: 20 } ),
					notStarted: null,
				},
				{
					...subjects[ 2 ],
					job: job( { id: 3, state: 'failed', percentage: 30 } ),
					notStarted: null,
				},
			] )
		);
		expect( progress ).toMatchObject( {
			total: 3,
			started: 3,
			finished: 1,
			failed: 1,
			percentage: Math.floor( ( 40 + 20 + 100 ) / 3 ),
			running: true,
		} );
	} );

	it( 'reaches 100 once every started job ended, and adds up what they were charged', () => {
		const progress = batchProgress(
			batch( [
				{
					...subjects[ 0 ],
					job: done( { id: 1, credits_charged: 3 } ),
					notStarted: null,
				},
				{
					...subjects[ 1 ],
					job: job( {
						id: 2,
						state: 'cancelled',
						credits_charged: 0,
					} ),
					notStarted: null,
				},
				{
					...subjects[ 2 ],
					job: null,
					notStarted: { code: 'insufficient_credits', message: '' },
				},
			] )
		);
		expect( progress ).toMatchObject( {
			started: 2,
			notStarted: 1,
			finished: 2,
			succeeded: 1,
			cancelled: 1,
			percentage: 100,
			creditsCharged: 3,
			running: false,
		} );
	} );

	it( 'is 0 and running while the request is on its way', () => {
		const progress = batchProgress(
			batch(
				subjects.map( ( subject ) => ( {
					...subject,
					job: null,
					notStarted: null,
				} ) ),
				true
			)
		);
		expect( progress ).toMatchObject( {
			started: 0,
			percentage: 0,
			running: true,
		} );
	} );

	it( 'never leaves 0–100 whatever the jobs say', () => {
		for ( const percentage of [ -20, 0, 33.3, 99.9, 150 ] ) {
			const { percentage: overall } = batchProgress(
				batch( [
					{
						...subjects[ 0 ],
						job: job( { percentage } ),
						notStarted: null,
					},
				] )
			);
			expect( overall ).toBeGreaterThanOrEqual( 0 );
			expect( overall ).toBeLessThanOrEqual( 100 );
		}
	} );
} );

describe( 'a batch in the store', () => {
	const started = () =>
		run(
			batchStarting( 'b', subjects ),
			batchStarted( 'b', {
				jobs: [
					job( { id: 1, state: 'queued', percentage: 0 } ),
					job( { id: 2, state: 'queued', percentage: 0 } ),
				],
				not_started: [ { id: 13, code: 'conflict', message: 'Busy' } ],
			} )
		);

	it( 'is active from the request until its last job ends', () => {
		expect(
			isBatchActive( run( batchStarting( 'b', subjects ) ), 'b' )
		).toBe( true );
		let state = started();
		expect( isBatchActive( state, 'b' ) ).toBe( true );
		state = [
			receiveBatchJob( 'b', done( { id: 1 } ) ),
			receiveBatchJob( 'b', job( { id: 2, state: 'failed' } ) ),
		].reduce( reducer, state );
		expect( isBatchActive( state, 'b' ) ).toBe( false );
		expect(
			getBatch( state, 'b' )?.items.map(
				( item ) => item.job?.state ?? null
			)
		).toEqual( [ 'succeeded', 'failed', null ] );
	} );

	it( 'ignores a report older than the one it shows, and reports of other jobs', () => {
		const state = [
			receiveBatchJob( 'b', job( { id: 1, percentage: 60 } ) ),
		].reduce( reducer, started() );
		expect(
			reducer(
				state,
				receiveBatchJob( 'b', job( { id: 1, percentage: 30 } ) )
			)
		).toBe( state );
		expect(
			reducer( state, receiveBatchJob( 'b', job( { id: 77 } ) ) )
		).toBe( state );
	} );

	it( 'keeps why nothing started', () => {
		const state = run(
			batchStarting( 'b', subjects ),
			batchStartFailed( 'b', {
				status: 402,
				code: 'insufficient_credits',
				message: 'No credits',
				fieldErrors: {},
			} )
		);
		expect( getBatch( state, 'b' ) ).toMatchObject( {
			starting: false,
			startError: { status: 402 },
		} );
		expect( isBatchActive( state, 'b' ) ).toBe( false );
	} );

	it( 'forgets a pending cancel once every job ended', () => {
		let state = reducer( started(), batchCancelling( 'b' ) );
		expect( getBatch( state, 'b' )?.cancelling ).toBe( true );
		state = [
			receiveBatchJob( 'b', job( { id: 1, state: 'cancelled' } ) ),
			receiveBatchJob( 'b', job( { id: 2, state: 'cancelled' } ) ),
		].reduce( reducer, state );
		expect( getBatch( state, 'b' )?.cancelling ).toBe( false );
		state = reducer( state, batchCancelled( 'b', null ) );
		expect( getBatch( state, 'b' )?.cancelError ).toBeNull();
	} );

	it( 'lives beside single jobs, and a dismissed one is gone', () => {
		const state = started();
		expect( state.runs ).toEqual( {} );
		expect(
			getBatch( reducer( state, batchDismissed( 'b' ) ), 'b' )
		).toBeNull();
		expect( getBatch( state, 'other' ) ).toBeNull();
	} );
} );
