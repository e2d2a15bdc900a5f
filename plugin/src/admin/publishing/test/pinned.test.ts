// A row retried from the log stays where it was, as it is now, even when the filter no longer lists it.
import { describe, expect, it } from 'vitest';
import type { PublishingRecord } from '../../../api/publishing';
import { withPinned } from '../pinned';

const row = ( id: number, status = 'failed' ) =>
	( { id, status } ) as unknown as PublishingRecord;

describe( 'retried rows of the log', () => {
	it( 'show as they are now where the page lists them', () => {
		const shown = withPinned( [ row( 1 ), row( 2 ) ], {
			2: { record: row( 2, 'queued' ), index: 1 },
		} );
		expect( shown.map( ( r ) => [ r.id, r.status ] ) ).toEqual( [
			[ 1, 'failed' ],
			[ 2, 'queued' ],
		] );
	} );

	it( 'stay where they were when the filter no longer lists them', () => {
		const shown = withPinned( [ row( 1 ), row( 3 ) ], {
			2: { record: row( 2, 'published' ), index: 1 },
			9: { record: row( 9, 'publishing' ), index: 7 },
		} );
		expect( shown.map( ( r ) => r.id ) ).toEqual( [ 1, 2, 3, 9 ] );
	} );
} );
