import { describe, expect, it } from 'vitest';
import {
	exportFileName,
	formatBytes,
	ideasPerCluster,
	parseWholeNumber,
	percent,
	splitKeywords,
	topKeywords,
} from '../format';

describe( 'Planner page helpers', () => {
	it( 'read a typed number filter as a whole, non-negative number, capped when asked', () => {
		expect( parseWholeNumber( '' ) ).toBeUndefined();
		expect( parseWholeNumber( ' 120 ' ) ).toBe( 120 );
		expect( parseWholeNumber( '12.7' ) ).toBe( 12 );
		expect( parseWholeNumber( '-3' ) ).toBeUndefined();
		expect( parseWholeNumber( 'abc' ) ).toBeUndefined();
		expect( parseWholeNumber( '250', 100 ) ).toBe( 100 );
		expect( parseWholeNumber( '0' ) ).toBe( 0 );
	} );

	it( 'split target keywords on lines and commas, trimmed and without repeats', () => {
		expect(
			splitKeywords(
				'best shoes,  trail   shoes\nBest Shoes\n\n , hiking'
			)
		).toEqual( [ 'best shoes', 'trail shoes', 'hiking' ] );
		expect( splitKeywords( '' ) ).toEqual( [] );
		expect(
			splitKeywords(
				Array.from( { length: 60 }, ( _, i ) => `k${ i }` ).join( ',' )
			)
		).toHaveLength( 50 );
	} );

	it( 'pick the keywords with the most volume, unknown volume last', () => {
		const keywords = [
			{ keyword: 'a', volume: 10 },
			{ keyword: 'b', volume: null },
			{ keyword: 'c', volume: 500 },
			{ keyword: 'd', volume: 0 },
		];
		expect( topKeywords( keywords, 3 ) ).toEqual( [ 'c', 'a', 'd' ] );
		expect( topKeywords( keywords ) ).toEqual( [ 'c', 'a', 'd', 'b' ] );
	} );

	it( 'name an export after the sector and the day', () => {
		expect( exportFileName( 'running', new Date( 2026, 0, 5 ) ) ).toBe(
			'igny8-keywords-running-2026-01-05.csv'
		);
		expect( exportFileName( null, new Date( 2026, 10, 23 ) ) ).toBe(
			'igny8-keywords-2026-11-23.csv'
		);
		expect(
			exportFileName( '../odd name', new Date( 2026, 10, 23 ) )
		).toBe( 'igny8-keywords-odd-name-2026-11-23.csv' );
	} );

	it( 'show sizes and progress for people', () => {
		expect( formatBytes( 512 ) ).toBe( '512 B' );
		expect( formatBytes( 2048 ) ).toBe( '2.0 KB' );
		expect( formatBytes( 10 * 1024 * 1024 ) ).toBe( '10.0 MB' );
		expect( percent( 0, 0 ) ).toBe( 0 );
		expect( percent( 1, 3 ) ).toBe( 33 );
		expect( percent( 5, 4 ) ).toBe( 100 );
	} );

	it( 'keep the ideas asked per cluster within 1 to 10, with 3 when the field is not a number', () => {
		expect( ideasPerCluster( '5' ) ).toBe( 5 );
		expect( ideasPerCluster( '0' ) ).toBe( 1 );
		expect( ideasPerCluster( '25' ) ).toBe( 10 );
		expect( ideasPerCluster( '2.9' ) ).toBe( 2 );
		expect( ideasPerCluster( '' ) ).toBe( 3 );
		expect( ideasPerCluster( 'many' ) ).toBe( 3 );
	} );
} );
