import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../../api/billing';
import { formatUsd, operationLabel } from '../labels';
import {
	axisTicks,
	dailyStacks,
	daysBetween,
	isIsoDay,
	isoDay,
	labelledDays,
	lastDays,
	niceCeiling,
	operationColors,
	operationTotals,
} from '../usage';

const row = (
	date: string,
	operation: string,
	credits: number,
	extra: Partial< UsageRow > = {}
): UsageRow => ( {
	date,
	operation,
	credits,
	cost_usd: 0.01,
	tokens: 100,
	count: 1,
	...extra,
} );

describe( 'usage over days', () => {
	it( 'lists every day of a range, both ends included, across months', () => {
		expect( daysBetween( '2026-01-30', '2026-02-02' ) ).toEqual( [
			'2026-01-30',
			'2026-01-31',
			'2026-02-01',
			'2026-02-02',
		] );
		expect( daysBetween( '2026-03-05', '2026-03-05' ) ).toEqual( [
			'2026-03-05',
		] );
		expect( daysBetween( '2026-03-06', '2026-03-05' ) ).toEqual( [] );
		expect( daysBetween( 'yesterday', '2026-03-05' ) ).toEqual( [] );
	} );

	it( 'keeps the last days when the range is longer than the chart takes', () => {
		expect( daysBetween( '2025-01-01', '2026-01-01', 3 ) ).toEqual( [
			'2025-12-30',
			'2025-12-31',
			'2026-01-01',
		] );
	} );

	it( 'stacks each day by operation, in one order for all days, with empty days kept', () => {
		const rows = [
			row( '2026-01-01', 'generate_ideas', 6 ),
			row( '2026-01-01', 'auto_cluster', 2 ),
			row( '2026-01-03', 'auto_cluster', 1 ),
		];
		const stacks = dailyStacks(
			rows,
			daysBetween( '2026-01-01', '2026-01-03' ),
			[ 'generate_ideas', 'auto_cluster' ]
		);
		expect( stacks ).toEqual( [
			{
				date: '2026-01-01',
				total: 8,
				segments: [
					{ operation: 'generate_ideas', credits: 6, start: 0 },
					{ operation: 'auto_cluster', credits: 2, start: 6 },
				],
			},
			{ date: '2026-01-02', total: 0, segments: [] },
			{
				date: '2026-01-03',
				total: 1,
				segments: [
					{ operation: 'auto_cluster', credits: 1, start: 0 },
				],
			},
		] );
	} );

	it( 'adds up rows of the same day and operation, and leaves out days outside the range', () => {
		const rows = [
			row( '2026-01-01', 'a', 1 ),
			row( '2026-01-01T00:00:00Z', 'a', 2 ),
			row( '2025-12-31', 'a', 5 ),
		];
		expect(
			dailyStacks( rows, [ '2026-01-01' ], [ 'a' ] )[ 0 ].total
		).toBe( 3 );
	} );

	it( 'sums each operation over the range, most credits first', () => {
		const rows = [
			row( '2026-01-01', 'auto_cluster', 2, {
				cost_usd: 0.5,
				tokens: 1000,
				count: 2,
			} ),
			row( '2026-01-02', 'generate_ideas', 9, {
				cost_usd: 0.25,
				tokens: 400,
				count: 1,
			} ),
			row( '2026-01-03', 'auto_cluster', 3, {
				cost_usd: 0.25,
				tokens: 500,
				count: 1,
			} ),
		];
		expect( operationTotals( rows ) ).toEqual( [
			{
				operation: 'generate_ideas',
				credits: 9,
				cost_usd: 0.25,
				tokens: 400,
				count: 1,
			},
			{
				operation: 'auto_cluster',
				credits: 5,
				cost_usd: 0.75,
				tokens: 1500,
				count: 3,
			},
		] );
	} );

	it( 'gives each operation its own colour', () => {
		const colors = operationColors( [ 'a', 'b' ] );
		expect( colors.get( 'a' ) ).not.toBe( colors.get( 'b' ) );
	} );
} );

describe( 'chart axes', () => {
	it( 'round the top of the axis up to 1, 2 or 5 times a power of ten', () => {
		expect(
			[ 0, 1, 3, 7, 10, 11, 40, 99, 101, 1234 ].map( niceCeiling )
		).toEqual( [ 1, 1, 5, 10, 10, 20, 50, 100, 200, 2000 ] );
	} );

	it( 'draw whole-number gridlines only', () => {
		expect( axisTicks( 20 ) ).toEqual( [ 0, 5, 10, 15, 20 ] );
		expect( axisTicks( 2 ) ).toEqual( [ 0, 1, 2 ] );
		expect( axisTicks( 1 ) ).toEqual( [ 0, 1 ] );
	} );

	it( 'label about eight days, always the first and the last, never two crowded at the end', () => {
		expect( [ ...labelledDays( 5 ) ].sort( ( a, b ) => a - b ) ).toEqual( [
			0, 1, 2, 3, 4,
		] );
		const thirty = [ ...labelledDays( 30 ) ].sort( ( a, b ) => a - b );
		expect( thirty ).toEqual( [ 0, 4, 8, 12, 16, 20, 24, 29 ] );
		const thirtyOne = [ ...labelledDays( 31 ) ].sort( ( a, b ) => a - b );
		expect( thirtyOne[ 0 ] ).toBe( 0 );
		expect( thirtyOne.at( -1 ) ).toBe( 30 );
		expect(
			thirtyOne.at( -1 )! - thirtyOne.at( -2 )!
		).toBeGreaterThanOrEqual( 2 );
		expect( labelledDays( 0 ).size ).toBe( 0 );
	} );
} );

describe( 'dates of the range', () => {
	it( 'are local days as YYYY-MM-DD, the last N days ending today', () => {
		expect( isoDay( new Date( 2026, 0, 5 ) ) ).toBe( '2026-01-05' );
		expect( lastDays( new Date( 2026, 2, 2, 15, 0 ), 7 ) ).toEqual( {
			from: '2026-02-24',
			to: '2026-03-02',
		} );
		expect( lastDays( new Date( 2026, 2, 2 ), 1 ) ).toEqual( {
			from: '2026-03-02',
			to: '2026-03-02',
		} );
	} );

	it( 'are checked for being real days', () => {
		expect( isIsoDay( '2026-02-28' ) ).toBe( true );
		expect( isIsoDay( '2026-02-30' ) ).toBe( false );
		expect( isIsoDay( '2026-2-3' ) ).toBe( false );
		expect( isIsoDay( '' ) ).toBe( false );
	} );
} );

describe( 'usage words', () => {
	it( 'name operations, and show an unknown one as the cloud sent it', () => {
		expect( operationLabel( 'auto_cluster' ) ).toBe( 'Clustering' );
		expect( operationLabel( 'translate' ) ).toBe( 'translate' );
	} );

	it( 'show tiny provider costs with four decimals', () => {
		expect( formatUsd( 0.0042 ) ).toBe(
			`$${ ( 0.0042 ).toLocaleString( undefined, { minimumFractionDigits: 4 } ) }`
		);
		expect( formatUsd( 1.5 ) ).toBe(
			`$${ ( 1.5 ).toLocaleString( undefined, { minimumFractionDigits: 2 } ) }`
		);
		expect( formatUsd( 0.00001 ) ).toBe(
			`< $${ ( 0.0001 ).toLocaleString( undefined, { minimumFractionDigits: 4 } ) }`
		);
		expect( formatUsd( 0 ) ).toBe(
			`$${ ( 0 ).toLocaleString( undefined, { minimumFractionDigits: 2 } ) }`
		);
	} );
} );
