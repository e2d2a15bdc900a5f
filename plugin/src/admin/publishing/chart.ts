// The Publishing log's chart: publishes that got through and those that gave up, per day (local time), from
// the records themselves (pure; see test/chart.test.ts).
import type { PublishingRecord } from '../../api/publishing';
import { daysBetween, isoDay, lastDays } from '../credits/usage';

export interface DayOutcome {
	/** YYYY-MM-DD, local. */
	date: string;
	published: number;
	failed: number;
}

type Outcome = Pick<
	PublishingRecord,
	'status' | 'published_at' | 'updated_at'
>;

/**
 * The days of the chart, oldest first, and the moment its first day starts.
 *
 * @param today The last day.
 * @param days  How many days.
 */
export function chartDays(
	today: Date,
	days: number
): { days: string[]; since: Date } {
	const range = lastDays( today, days );
	const [ year, month, day ] = range.from.split( '-' ).map( Number );
	return {
		days: daysBetween( range.from, range.to ),
		since: new Date( year, month - 1, day ),
	};
}

/**
 * Per day: records published that day (by `published_at`) and records that gave up that day (a failed
 * record's last change is its failure).
 *
 * @param records The records, in any order.
 * @param days    The days to count, YYYY-MM-DD.
 */
export function dailyOutcomes(
	records: readonly Outcome[],
	days: readonly string[]
): DayOutcome[] {
	const counts = new Map< string, DayOutcome >(
		days.map( ( date ) => [ date, { date, published: 0, failed: 0 } ] )
	);
	const dayOf = ( value: string | null ) => {
		const time = value ? Date.parse( value ) : NaN;
		return Number.isNaN( time ) ? null : isoDay( new Date( time ) );
	};
	for ( const record of records ) {
		if ( record.status === 'published' ) {
			const date = dayOf( record.published_at ?? record.updated_at );
			const row = date ? counts.get( date ) : undefined;
			if ( row ) {
				row.published++;
			}
		} else if ( record.status === 'failed' ) {
			const date = dayOf( record.updated_at );
			const row = date ? counts.get( date ) : undefined;
			if ( row ) {
				row.failed++;
			}
		}
	}
	return days.map( ( date ) => counts.get( date )! );
}

/**
 * Whether a page of records (newest change first) reached back past `since`: no older page is needed.
 *
 * @param page  Records ordered by `-updated_at`.
 * @param since The start of the chart's first day.
 */
export function reachedBack(
	page: readonly Pick< PublishingRecord, 'updated_at' >[],
	since: Date
): boolean {
	const last = page[ page.length - 1 ];
	return ! last || Date.parse( last.updated_at ) < since.getTime();
}
