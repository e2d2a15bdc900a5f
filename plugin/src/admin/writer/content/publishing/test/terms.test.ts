// Category and tag names as publishBody takes them, and WordPress's names as a reader reads them.
import { describe, expect, it } from 'vitest';
import { cleanTerms, mergeNames, sameTerms, termNames } from '../terms';

describe( 'term names', () => {
	it( 'are trimmed, never empty, each once whatever its case, within the limits', () => {
		expect(
			cleanTerms(
				[ '  Trail  running ', { value: 'Shoes' }, 'shoes', '', '   ' ],
				20
			)
		).toEqual( [ 'Trail running', 'Shoes' ] );
		expect( cleanTerms( [ 'a', 'b', 'c' ], 2 ) ).toEqual( [ 'a', 'b' ] );
		expect( cleanTerms( [ 'x'.repeat( 250 ) ], 1 )[ 0 ] ).toHaveLength(
			200
		);
	} );

	it( 'compare as sets, without regard to order or case', () => {
		expect( sameTerms( [ 'News', 'Tips' ], [ 'tips', 'news' ] ) ).toBe(
			true
		);
		expect( sameTerms( [ 'News' ], [ 'News', 'Tips' ] ) ).toBe( false );
		expect( sameTerms( [], [] ) ).toBe( true );
	} );

	it( 'read WordPress’s stored names with their entities decoded', () => {
		expect(
			termNames( [
				{ id: 1, name: 'Tips &amp; Tricks' },
				{ id: 2, name: 'Caf&#233;' },
			] )
		).toEqual( [ 'Tips & Tricks', 'Café' ] );
	} );

	it( 'merge suggestions, known ones first, each once', () => {
		expect( mergeNames( [ 'News', 'Tips' ], [ 'tips', 'Gear' ] ) ).toEqual(
			[ 'News', 'Tips', 'Gear' ]
		);
	} );
} );
