// Following a generation batch: one job live over its stream, several by polling their list together.
import { describe, expect, it, vi } from 'vitest';
import { CloudError } from '../cloud';
import { followJobs, type Job } from '../jobs';
import { done, eventStream, job, progress } from './fixtures';

const noSleep = () => Promise.resolve();

function api( rounds: Job[][] ) {
	let round = 0;
	return {
		listJobs: vi.fn(
			async () => rounds[ Math.min( round++, rounds.length - 1 ) ]
		),
		getJob: vi.fn( async ( id: number ) => done( { id } ) ),
		openEvents: vi.fn(),
	};
}

describe( 'following several jobs', () => {
	it( 'polls their site’s newest jobs of that function until every one ended', async () => {
		const a = job( {
			id: 1,
			function: 'generate_content',
			percentage: 10,
		} );
		const b = job( {
			id: 2,
			function: 'generate_content',
			percentage: 10,
		} );
		const calls = api( [
			[ job( { ...a, percentage: 50 } ), b, job( { id: 9 } ) ],
			[
				done( { id: 1, function: 'generate_content' } ),
				job( { ...b, percentage: 70 } ),
			],
			[
				done( { id: 2, function: 'generate_content' } ),
				done( { id: 1, function: 'generate_content' } ),
			],
		] );
		const seen: Array< [ number, number ] > = [];
		const last = await followJobs( calls, [ a, b ], {
			sleep: noSleep,
			onJob: ( next ) => seen.push( [ next.id, next.percentage ] ),
		} );
		expect( last.map( ( j ) => j.state ) ).toEqual( [
			'succeeded',
			'succeeded',
		] );
		expect( calls.listJobs ).toHaveBeenCalledTimes( 3 );
		expect( calls.listJobs ).toHaveBeenCalledWith(
			{ function: 'generate_content', site_id: 7, page_size: 200 },
			undefined
		);
		expect( calls.getJob ).not.toHaveBeenCalled();
		// Job 9 is not ours; the same report twice is one report.
		expect( seen ).toEqual( [
			[ 1, 50 ],
			[ 1, 100 ],
			[ 2, 70 ],
			[ 2, 100 ],
		] );
	} );

	it( 'asks for a job on its own when the list no longer holds it', async () => {
		const a = job( { id: 1 } );
		const b = job( { id: 2 } );
		const calls = api( [ [ done( { id: 1 } ) ] ] );
		const last = await followJobs( calls, [ a, b ], {
			sleep: noSleep,
			onJob: () => undefined,
		} );
		expect( calls.getJob ).toHaveBeenCalledWith( 2, undefined );
		expect( last.map( ( j ) => j.id ) ).toEqual( [ 1, 2 ] );
	} );

	it( 'follows a single job over its event stream', async () => {
		const calls = api( [] );
		calls.openEvents.mockResolvedValue(
			eventStream(
				progress( job( { percentage: 60 } ) ),
				progress( done() )
			)
		);
		const last = await followJobs( calls, [ job() ], {
			sleep: noSleep,
			onJob: () => undefined,
		} );
		expect( last[ 0 ].state ).toBe( 'succeeded' );
		expect( calls.listJobs ).not.toHaveBeenCalled();
	} );

	it( 'gives up after a refusal, but not after a passing network failure', async () => {
		const calls = api( [] );
		calls.listJobs
			.mockRejectedValueOnce(
				new CloudError( {
					status: 0,
					code: 'network_error',
					message: 'offline',
				} )
			)
			.mockRejectedValueOnce(
				new CloudError( {
					status: 403,
					code: 'forbidden',
					message: 'No',
				} )
			);
		await expect(
			followJobs( calls, [ job( { id: 1 } ), job( { id: 2 } ) ], {
				sleep: noSleep,
				onJob: () => undefined,
			} )
		).rejects.toMatchObject( { code: 'forbidden' } );
		expect( calls.listJobs ).toHaveBeenCalledTimes( 2 );
	} );
} );
