// Usage rows (per day and operation) shaped for the charts and the table (pure; see test/usage.test.ts).
import type { UsageRow } from '../../api/billing';

export interface Segment {
	operation: string;
	credits: number;
	/** Credits below this segment in its day's stack. */
	start: number;
}

export interface DayStack {
	date: string;
	total: number;
	segments: Segment[];
}

export interface OperationTotal {
	operation: string;
	credits: number;
	cost_usd: number;
	tokens: number;
	count: number;
}

/**
 * A local date as YYYY-MM-DD.
 *
 * @param date The date.
 */
export function isoDay( date: Date ): string {
	return [ date.getFullYear(), date.getMonth() + 1, date.getDate() ]
		.map( ( part ) => String( part ).padStart( 2, '0' ) )
		.join( '-' );
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDay( value: string ): boolean {
	const match = DAY.exec( value );
	if ( ! match ) {
		return false;
	}
	const date = new Date(
		Date.UTC(
			Number( match[ 1 ] ),
			Number( match[ 2 ] ) - 1,
			Number( match[ 3 ] )
		)
	);
	return date.toISOString().slice( 0, 10 ) === value;
}

/**
 * The last `days` days up to `today`, both ends included.
 *
 * @param today The last day.
 * @param days  How many days.
 */
export function lastDays(
	today: Date,
	days: number
): { from: string; to: string } {
	const from = new Date(
		today.getFullYear(),
		today.getMonth(),
		today.getDate() - ( days - 1 )
	);
	return { from: isoDay( from ), to: isoDay( today ) };
}

/**
 * Every day from `from` to `to` (YYYY-MM-DD, both included), at most `limit` of them (the last ones).
 *
 * @param from  First day, YYYY-MM-DD.
 * @param to    Last day, YYYY-MM-DD.
 * @param limit The most days to return.
 */
export function daysBetween(
	from: string,
	to: string,
	limit = Infinity
): string[] {
	if ( ! isIsoDay( from ) || ! isIsoDay( to ) || from > to ) {
		return [];
	}
	const out: string[] = [];
	const start = Date.parse( `${ from }T00:00:00Z` );
	const end = Date.parse( `${ to }T00:00:00Z` );
	for (
		let time = end;
		time >= start && out.length < limit;
		time -= 86_400_000
	) {
		out.push( new Date( time ).toISOString().slice( 0, 10 ) );
	}
	return out.reverse();
}

/**
 * Per operation, summed over the rows, most credits first.
 *
 * @param rows Usage rows of the range.
 */
export function operationTotals( rows: readonly UsageRow[] ): OperationTotal[] {
	const totals = new Map< string, OperationTotal >();
	for ( const row of rows ) {
		const total = totals.get( row.operation ) ?? {
			operation: row.operation,
			credits: 0,
			cost_usd: 0,
			tokens: 0,
			count: 0,
		};
		total.credits += row.credits;
		total.cost_usd += row.cost_usd;
		total.tokens += row.tokens;
		total.count += row.count;
		totals.set( row.operation, total );
	}
	return [ ...totals.values() ].sort(
		( a, b ) =>
			b.credits - a.credits || a.operation.localeCompare( b.operation )
	);
}

/**
 * One stack per day of the range (days without usage too), its segments in `operations` order so a
 * colour means the same operation on every day. Days outside the range are left out.
 *
 * @param rows       Usage rows of the range.
 * @param days       The range's days, YYYY-MM-DD.
 * @param operations The operations in stacking order.
 */
export function dailyStacks(
	rows: readonly UsageRow[],
	days: readonly string[],
	operations: readonly string[]
): DayStack[] {
	const credits = new Map< string, number >();
	for ( const row of rows ) {
		const key = `${ row.date.slice( 0, 10 ) }|${ row.operation }`;
		credits.set(
			key,
			( credits.get( key ) ?? 0 ) + Math.max( 0, row.credits )
		);
	}
	return days.map( ( date ) => {
		let start = 0;
		const segments: Segment[] = [];
		for ( const operation of operations ) {
			const value = credits.get( `${ date }|${ operation }` ) ?? 0;
			if ( value > 0 ) {
				segments.push( { operation, credits: value, start } );
				start += value;
			}
		}
		return { date, total: start, segments };
	} );
}

/**
 * A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten (at least 1).
 *
 * @param value The largest value to show.
 */
export function niceCeiling( value: number ): number {
	if ( ! ( value > 1 ) ) {
		return 1;
	}
	const power = 10 ** Math.floor( Math.log10( value ) );
	for ( const step of [ 1, 2, 5, 10 ] ) {
		if ( step * power >= value - 1e-9 ) {
			return step * power;
		}
	}
	return 10 * power;
}

/**
 * Gridline values from 0 to `max` (a niceCeiling), `count` steps, whole numbers only.
 *
 * @param max   The axis maximum.
 * @param count How many steps.
 */
export function axisTicks( max: number, count = 4 ): number[] {
	const step = max / count;
	const ticks: number[] = [];
	for ( let i = 0; i <= count; i++ ) {
		const value = i * step;
		if ( Number.isInteger( value ) ) {
			ticks.push( value );
		}
	}
	return ticks.length > 1 ? ticks : [ 0, max ];
}

/**
 * Which days get a label under the axis: about `labels` of them, always the first and the last.
 *
 * @param count  How many days the chart shows.
 * @param labels About how many labels fit.
 */
export function labelledDays( count: number, labels = 8 ): Set< number > {
	const out = new Set< number >();
	if ( count <= 0 ) {
		return out;
	}
	const every = Math.max( 1, Math.ceil( count / labels ) );
	for ( let i = 0; i < count; i += every ) {
		out.add( i );
	}
	out.add( count - 1 );
	// The last label must not crowd the one before it.
	const lastRegular = Math.floor( ( count - 1 ) / every ) * every;
	if (
		lastRegular > 0 &&
		lastRegular !== count - 1 &&
		count - 1 - lastRegular < every / 2
	) {
		out.delete( lastRegular );
	}
	return out;
}

/** A colour per operation, stable for the order given. */
export const PALETTE = [
	'#2271b1',
	'#00a32a',
	'#dba617',
	'#d63638',
	'#8c5cd6',
	'#1d9ecf',
	'#e26f56',
	'#50575e',
] as const;

export function operationColors(
	operations: readonly string[]
): Map< string, string > {
	return new Map(
		operations.map( ( operation, index ) => [
			operation,
			PALETTE[ index % PALETTE.length ],
		] )
	);
}
