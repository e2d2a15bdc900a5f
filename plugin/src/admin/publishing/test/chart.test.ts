// The Publishing log's chart counts what got through and what gave up, per local day, from the records.
import { describe, expect, it } from 'vitest';
import { chartDays, dailyOutcomes, reachedBack } from '../chart';

const at = ( day: string, hour = 12 ) => {
	const [ y, m, d ] = day.split( '-' ).map( Number );
	return new Date( y, m - 1, d, hour ).toISOString();
};

describe( 'the publishing chart', () => {
	it( 'covers the last days, today included, from local midnight', () => {
		const { days, since } = chartDays( new Date( 2026, 0, 14, 15 ), 14 );
		expect( days ).toHaveLength( 14 );
		expect( days[ 0 ] ).toBe( '2026-01-01' );
		expect( days[ 13 ] ).toBe( '2026-01-14' );
		expect( since.getTime() ).toBe( new Date( 2026, 0, 1 ).getTime() );
	} );

	it( 'counts published records on their publishing day and failed ones on their last change', () => {
		const days = [ '2026-01-01', '2026-01-02', '2026-01-03' ];
		const rows = dailyOutcomes(
			[
				{
					status: 'published',
					published_at: at( '2026-01-01' ),
					updated_at: at( '2026-01-02' ),
				},
				{
					status: 'published',
					published_at: at( '2026-01-03', 0 ),
					updated_at: at( '2026-01-03', 0 ),
				},
				{
					status: 'failed',
					published_at: null,
					updated_at: at( '2026-01-03', 23 ),
				},
				// Still on its way, or older than the chart: not counted.
				{
					status: 'queued',
					published_at: null,
					updated_at: at( '2026-01-02' ),
				},
				{
					status: 'failed',
					published_at: null,
					updated_at: at( '2025-12-31' ),
				},
			],
			days
		);
		expect( rows ).toEqual( [
			{ date: '2026-01-01', published: 1, failed: 0 },
			{ date: '2026-01-02', published: 0, failed: 0 },
			{ date: '2026-01-03', published: 1, failed: 1 },
		] );
	} );

	it( 'stops reading once a page reaches back before the first day', () => {
		const since = new Date( 2026, 0, 1 );
		expect( reachedBack( [], since ) ).toBe( true );
		expect(
			reachedBack( [ { updated_at: at( '2026-01-02' ) } ], since )
		).toBe( false );
		expect(
			reachedBack(
				[
					{ updated_at: at( '2026-01-02' ) },
					{ updated_at: at( '2025-12-31' ) },
				],
				since
			)
		).toBe( true );
	} );
} );
