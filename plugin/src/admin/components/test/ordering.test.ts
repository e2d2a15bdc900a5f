import { describe, expect, it } from 'vitest';
import { nextOrdering, sortDirection } from '../ordering';

describe( 'column sorting', () => {
	it( 'reads how a field sorts the list now', () => {
		expect( sortDirection( 'volume', 'volume' ) ).toBe( 'asc' );
		expect( sortDirection( '-volume', 'volume' ) ).toBe( 'desc' );
		expect( sortDirection( '-volume', 'keyword' ) ).toBeNull();
		expect( sortDirection( null, 'keyword' ) ).toBeNull();
	} );

	it( 'sorts by a new column in its first direction', () => {
		expect( nextOrdering( null, 'keyword' ) ).toBe( 'keyword' );
		expect( nextOrdering( 'keyword', 'volume', 'desc' ) ).toBe( '-volume' );
	} );

	it( 'turns the direction around on a second click', () => {
		expect( nextOrdering( 'keyword', 'keyword' ) ).toBe( '-keyword' );
		expect( nextOrdering( '-volume', 'volume', 'desc' ) ).toBe( 'volume' );
	} );
} );
