// A Writer list's query as URL parameters, its pages, and when signed image URLs are asked for again.
import { describe, expect, it } from 'vitest';
import { listParams, pageCount, refreshDelay } from '../query';

const at = { site_id: 7, sector_id: 3 };

describe( 'a list query', () => {
	it( 'sends the placement, the filters that are set, ordering and page', () => {
		expect(
			listParams(
				{
					filters: {
						search: '  trail ',
						status: 'review',
						cluster_id: 4,
						content_type: undefined,
						empty: '',
					},
					ordering: '-updated_at',
					page: 2,
					pageSize: 25,
				},
				at
			)
		).toEqual( {
			site_id: 7,
			sector_id: 3,
			search: 'trail',
			status: 'review',
			cluster_id: 4,
			ordering: '-updated_at',
			page: 2,
			page_size: 25,
		} );
	} );

	it( 'leaves out an ordering it does not have', () => {
		expect(
			listParams(
				{ filters: {}, ordering: null, page: 1, pageSize: 50 },
				at
			)
		).toEqual( { site_id: 7, sector_id: 3, page: 1, page_size: 50 } );
	} );

	it( 'has at least one page', () => {
		expect(
			[ 0, 1, 25, 26, 200 ].map( ( n ) => pageCount( n, 25 ) )
		).toEqual( [ 1, 1, 1, 2, 8 ] );
	} );
} );

describe( 'signed image URLs', () => {
	const now = Date.parse( '2026-01-01T00:00:00Z' );

	it( 'are asked for again shortly before the first of them expires', () => {
		expect(
			refreshDelay(
				[ '2026-01-01T00:15:00Z', null, '2026-01-01T00:10:00Z' ],
				now,
				30_000
			)
		).toBe( 10 * 60_000 - 30_000 );
	} );

	it( 'wait at least a few seconds, so an expired one does not reload in a loop', () => {
		expect( refreshDelay( [ '2025-12-31T23:00:00Z' ], now, 30_000 ) ).toBe(
			5_000
		);
	} );

	it( 'need nothing when no image has a URL', () => {
		expect( refreshDelay( [ null, null ], now, 30_000 ) ).toBeNull();
		expect( refreshDelay( [ 'not a date' ], now, 30_000 ) ).toBeNull();
	} );
} );
