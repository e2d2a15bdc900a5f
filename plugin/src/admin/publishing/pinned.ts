// Rows of the Publishing log retried from it: they stay in view while their retry goes and after, even where
// the log's filter no longer lists them (pure; see test/pinned.test.ts).
import type { PublishingRecord } from '../../api/publishing';

/** Rows retried here, by id, with where they were shown. */
export type Pinned = Record<
	number,
	{ record: PublishingRecord; index: number }
>;

/**
 * The page's rows, with the retried ones as they are now: in place when the page still lists them, else
 * where they were.
 *
 * @param rows   The rows the cloud listed.
 * @param pinned Rows retried here.
 */
export function withPinned(
	rows: readonly PublishingRecord[],
	pinned: Pinned
): PublishingRecord[] {
	const out = rows.map( ( row ) => pinned[ row.id ]?.record ?? row );
	const listed = new Set( rows.map( ( row ) => row.id ) );
	const missing = Object.values( pinned )
		.filter( ( pin ) => ! listed.has( pin.record.id ) )
		.sort( ( a, b ) => a.index - b.index );
	for ( const pin of missing ) {
		out.splice( Math.min( pin.index, out.length ), 0, pin.record );
	}
	return out;
}
