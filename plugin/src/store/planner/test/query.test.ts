import { describe, expect, it } from 'vitest';
import { exportParams, listParams, pageCount, requestKey } from '../query';

const at = { site_id: 7, sector_id: 3 };

describe( 'list parameters', () => {
	it( 'carry the placement, the filters, the ordering and the page', () => {
		const query = {
			filters: { status: 'active', cluster_id: 'none', min_volume: 0 },
			ordering: '-volume',
			page: 2,
			pageSize: 50,
		};
		expect( listParams( query as never, at ) ).toEqual( {
			site_id: 7,
			sector_id: 3,
			status: 'active',
			cluster_id: 'none',
			min_volume: 0,
			ordering: '-volume',
			page: 2,
			page_size: 50,
		} );
	} );

	it( 'leave out empty filters and the ordering when the server’s default is wanted', () => {
		const query = {
			filters: { search: '  ', intent: undefined },
			ordering: null,
			page: 1,
			pageSize: 25,
		};
		expect( listParams( query as never, at ) ).toEqual( {
			site_id: 7,
			sector_id: 3,
			page: 1,
			page_size: 25,
		} );
	} );

	it( 'trim the search text', () => {
		const query = {
			filters: { search: ' shoes ' },
			ordering: null,
			page: 1,
			pageSize: 25,
		};
		expect( listParams( query as never, at ).search ).toBe( 'shoes' );
	} );

	it( 'export every matching row: the same filters without paging', () => {
		const query = {
			filters: { intent: 'commercial' },
			ordering: 'keyword',
			page: 4,
			pageSize: 100,
		};
		expect( exportParams( query as never, at ) ).toEqual( {
			site_id: 7,
			sector_id: 3,
			intent: 'commercial',
			ordering: 'keyword',
		} );
	} );
} );

describe( 'request keys', () => {
	it( 'are the same whatever order the parameters came in', () => {
		expect( requestKey( { a: 1, b: 'x' } ) ).toBe(
			requestKey( { b: 'x', a: 1 } )
		);
	} );

	it( 'ignore parameters that are not sent and tell different values apart', () => {
		expect( requestKey( { a: 1, b: undefined, c: null } ) ).toBe(
			requestKey( { a: 1 } )
		);
		expect( requestKey( { page: 1 } ) ).not.toBe(
			requestKey( { page: 2 } )
		);
		expect( requestKey( { cluster_id: 1 } ) ).not.toBe(
			requestKey( { cluster_id: '1' } )
		);
	} );
} );

describe( 'page count', () => {
	it( 'is at least one, and rounds up', () => {
		expect( pageCount( 0, 50 ) ).toBe( 1 );
		expect( pageCount( 50, 50 ) ).toBe( 1 );
		expect( pageCount( 51, 50 ) ).toBe( 2 );
		expect( pageCount( 10, 0 ) ).toBe( 10 );
	} );
} );
