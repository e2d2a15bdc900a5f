// Starting, following and cancelling a batch of jobs through the store's thunks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudError } from '../../../api/cloud';
import { done, eventStream, job, progress } from '../../../api/test/fixtures';

const api = vi.hoisted( () => ( {
	startJob: vi.fn(),
	getJob: vi.fn(),
	listJobs: vi.fn(),
	cancelJob: vi.fn(),
	openEvents: vi.fn(),
} ) );
vi.mock( '../../../api/jobs', async ( importOriginal ) => ( {
	...( await importOriginal< typeof import( '../../../api/jobs' ) >() ),
	jobsApi: api,
} ) );

const thunks = await import( '../thunks' );
const { harness } = await import( './harness' );

const tasks = [
	{ id: 11, label: 'Best running shoes' },
	{ id: 12, label: 'Trail shoes' },
];

beforeEach( () => {
	for ( const fn of Object.values( api ) ) {
		fn.mockReset();
	}
} );
afterEach( () => {
	vi.useRealTimers();
} );

describe( 'a batch of jobs', () => {
	it( 'starts, follows every job to its end and resolves to the batch', async () => {
		vi.useFakeTimers();
		const h = harness();
		api.listJobs.mockResolvedValue( [
			done( { id: 1, credits_charged: 3 } ),
			done( { id: 2, credits_charged: 3 } ),
		] );
		const following = h.run(
			thunks.startBatch( 'generate-content', tasks, async () => ( {
				jobs: [ job( { id: 1 } ), job( { id: 2 } ) ],
				not_started: [],
			} ) )
		);
		await vi.advanceTimersByTimeAsync( 2000 );
		const batch = await following;
		expect(
			batch?.items.map( ( item ) => [ item.label, item.job?.state ] )
		).toEqual( [
			[ 'Best running shoes', 'succeeded' ],
			[ 'Trail shoes', 'succeeded' ],
		] );
		expect( h.actions.map( ( a ) => a.type ) ).toEqual( [
			'BATCH_STARTING',
			'BATCH_STARTED',
			'RECEIVE_BATCH_JOB',
			'RECEIVE_BATCH_JOB',
		] );
	} );

	it( 'follows a batch of one over its event stream', async () => {
		const h = harness();
		api.openEvents.mockResolvedValue( eventStream( progress( done() ) ) );
		const batch = await h.run(
			thunks.startBatch( 'k', tasks.slice( 0, 1 ), async () => ( {
				jobs: [ job() ],
				not_started: [],
			} ) )
		);
		expect( batch?.items[ 0 ].job?.state ).toBe( 'succeeded' );
		expect( api.listJobs ).not.toHaveBeenCalled();
	} );

	it( 'keeps why nothing started and follows nothing', async () => {
		const h = harness();
		const refusal = new CloudError( {
			status: 402,
			code: 'insufficient_credits',
			message: 'This needs 6 credits',
			details: { cost: 6, balance: 2 },
		} );
		expect(
			await h.run(
				thunks.startBatch( 'k', tasks, () => Promise.reject( refusal ) )
			)
		).toBeNull();
		expect( h.state.batches.k.startError ).toMatchObject( {
			status: 402,
			details: { cost: 6 },
		} );
		expect( api.listJobs ).not.toHaveBeenCalled();
	} );

	it( 'does not start a second batch while one of the same key runs', async () => {
		const h = harness();
		let finish: ( value: Response ) => void = () => undefined;
		api.openEvents.mockReturnValue(
			new Promise< Response >( ( resolve ) => ( finish = resolve ) )
		);
		const first = h.run(
			thunks.startBatch( 'k', tasks.slice( 0, 1 ), async () => ( {
				jobs: [ job() ],
				not_started: [],
			} ) )
		);
		await vi.waitFor( () => expect( api.openEvents ).toHaveBeenCalled() );
		const begin = vi.fn();
		expect(
			await h.run( thunks.startBatch( 'k', tasks, begin ) )
		).toBeNull();
		expect( begin ).not.toHaveBeenCalled();
		finish( eventStream( progress( done() ) ) );
		expect( ( await first )?.items[ 0 ].job?.state ).toBe( 'succeeded' );
	} );

	it( 'cancels every job still running, and only those', async () => {
		const h = harness();
		api.openEvents.mockReturnValue( new Promise( () => undefined ) );
		api.listJobs.mockReturnValue( new Promise( () => undefined ) );
		void h.run(
			thunks.startBatch(
				'k',
				[ ...tasks, { id: 13, label: 'C' } ],
				async () => ( {
					jobs: [
						job( { id: 1 } ),
						done( { id: 2 } ),
						job( { id: 3 } ),
					],
					not_started: [],
				} )
			)
		);
		await vi.waitFor( () =>
			expect( h.state.batches.k?.starting ).toBe( false )
		);
		api.cancelJob.mockImplementation( async ( id: number ) =>
			job( { id, state: 'cancelled' } )
		);
		await h.run( thunks.cancelBatch( 'k' ) );
		expect( api.cancelJob.mock.calls.map( ( [ id ] ) => id ) ).toEqual( [
			1, 3,
		] );
		expect(
			h.state.batches.k.items.map( ( item ) => item.job?.state )
		).toEqual( [ 'cancelled', 'succeeded', 'cancelled' ] );
		expect( h.state.batches.k.cancelling ).toBe( false );
		h.run( thunks.dismissBatch( 'k' ) );
		expect( h.state.batches.k ).toBeUndefined();
	} );
} );
