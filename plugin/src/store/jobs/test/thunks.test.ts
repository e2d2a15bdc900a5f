import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudError } from '../../../api/cloud';
import { done, eventStream, job, progress } from '../../../api/test/fixtures';

// The thunks talk to the cloud through jobsApi; following itself is the real followJob.
const api = vi.hoisted( () => ( {
	startJob: vi.fn(),
	getJob: vi.fn(),
	cancelJob: vi.fn(),
	openEvents: vi.fn(),
} ) );
vi.mock( '../../../api/jobs', async ( importOriginal ) => ( {
	...( await importOriginal< typeof import( '../../../api/jobs' ) >() ),
	jobsApi: api,
} ) );

const thunks = await import( '../thunks' );
const { harness } = await import( './harness' );

beforeEach( () => {
	for ( const fn of Object.values( api ) ) {
		fn.mockReset();
	}
} );

describe( 'starting a job', () => {
	it( 'follows the job it started to its end and resolves to it', async () => {
		const h = harness();
		api.openEvents.mockResolvedValue(
			eventStream(
				progress( job( { percentage: 50 } ) ),
				progress( done() )
			)
		);
		const last = await h.run(
			thunks.startJob( 'cluster-ai', async () =>
				job( { state: 'queued', percentage: 0 } )
			)
		);
		expect( last?.state ).toBe( 'succeeded' );
		expect( h.actions.map( ( a ) => a.type ) ).toEqual( [
			'JOB_STARTING',
			'RECEIVE_JOB',
			'RECEIVE_JOB',
			'RECEIVE_JOB',
		] );
		expect( api.openEvents ).toHaveBeenCalledWith(
			41,
			expect.any( AbortSignal ),
			null
		);
	} );

	it( 'keeps why it could not start: too few credits', async () => {
		const h = harness();
		const refusal = new CloudError( {
			status: 402,
			code: 'insufficient_credits',
			message: 'This needs 4 credits',
			details: { balance: 1, cost: 4 },
		} );
		const last = await h.run(
			thunks.startJob( 'cluster-ai', () => Promise.reject( refusal ) )
		);
		expect( last ).toBeNull();
		expect( h.state.runs[ 'cluster-ai' ].startError ).toMatchObject( {
			status: 402,
			details: { balance: 1, cost: 4 },
		} );
		expect( api.openEvents ).not.toHaveBeenCalled();
	} );

	it( 'does not start a second job while one of the same key runs', async () => {
		const h = harness();
		let finish: ( value: Response ) => void = () => undefined;
		api.openEvents.mockReturnValue(
			new Promise< Response >( ( resolve ) => ( finish = resolve ) )
		);
		const first = h.run( thunks.startJob( 'k', async () => job() ) );
		await vi.waitFor( () => expect( api.openEvents ).toHaveBeenCalled() );
		const begin = vi.fn( async () => job( { id: 42 } ) );
		expect( await h.run( thunks.startJob( 'k', begin ) ) ).toBeNull();
		expect( begin ).not.toHaveBeenCalled();
		finish( eventStream( progress( done() ) ) );
		expect( ( await first )?.state ).toBe( 'succeeded' );
	} );

	it( 'reports that following failed, and can follow again', async () => {
		const h = harness();
		api.openEvents.mockRejectedValue( new Error( 'no stream' ) );
		api.getJob.mockRejectedValueOnce(
			new CloudError( { status: 403, code: 'forbidden', message: 'No' } )
		);
		expect(
			await h.run( thunks.startJob( 'k', async () => job() ) )
		).toBeNull();
		expect( h.state.runs.k.followError ).toMatchObject( {
			code: 'forbidden',
		} );

		api.openEvents.mockResolvedValue( eventStream( progress( done() ) ) );
		expect( ( await h.run( thunks.followJobAgain( 'k' ) ) )?.state ).toBe(
			'succeeded'
		);
		expect( h.state.runs.k.followError ).toBeNull();
	} );
} );

describe( 'cancelling and dismissing', () => {
	it( 'cancels the running job and shows the cancelled job', async () => {
		const h = harness();
		let finish: ( value: Response ) => void = () => undefined;
		api.openEvents.mockReturnValue(
			new Promise< Response >( ( resolve ) => ( finish = resolve ) )
		);
		const following = h.run( thunks.startJob( 'k', async () => job() ) );
		await vi.waitFor( () => expect( api.openEvents ).toHaveBeenCalled() );
		api.cancelJob.mockResolvedValue( job( { state: 'cancelled' } ) );
		await h.run( thunks.cancelJob( 'k' ) );
		expect( api.cancelJob ).toHaveBeenCalledWith( 41 );
		expect( h.state.runs.k ).toMatchObject( {
			cancelling: false,
			job: { state: 'cancelled' },
		} );
		finish( eventStream( progress( job( { state: 'cancelled' } ) ) ) );
		expect( ( await following )?.state ).toBe( 'cancelled' );
	} );

	it( 'does not cancel a finished job', async () => {
		const h = harness();
		api.openEvents.mockResolvedValue( eventStream( progress( done() ) ) );
		await h.run( thunks.startJob( 'k', async () => job() ) );
		await h.run( thunks.cancelJob( 'k' ) );
		expect( api.cancelJob ).not.toHaveBeenCalled();
	} );

	it( 'stops following a dismissed job and forgets it', async () => {
		const h = harness();
		api.openEvents.mockImplementation(
			( _id: number, signal: AbortSignal ) =>
				new Promise( ( _resolve, reject ) =>
					signal.addEventListener( 'abort', () =>
						reject(
							Object.assign( new Error( 'aborted' ), {
								name: 'AbortError',
							} )
						)
					)
				)
		);
		const following = h.run( thunks.startJob( 'k', async () => job() ) );
		await vi.waitFor( () => expect( api.openEvents ).toHaveBeenCalled() );
		h.run( thunks.dismissJob( 'k' ) );
		expect( await following ).toBeNull();
		expect( h.state.runs.k ).toBeUndefined();
		expect( api.getJob ).not.toHaveBeenCalled();
	} );
} );
