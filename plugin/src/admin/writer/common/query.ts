// Pure helpers between a Writer list's query (filters, ordering, page) and the cloud's URL parameters.
import type { Params, Placement } from '../../../api/planner';

export interface ListQuery< F extends object > {
	filters: F;
	/** A field, `-` first for descending, e.g. `-updated_at`. */
	ordering: string | null;
	page: number;
	pageSize: number;
}

/**
 * The URL parameters of one page of a list: placement, the filters that are set, ordering, page and size.
 *
 * @param query The list's query.
 * @param at    The site and sector.
 */
export function listParams< F extends object >(
	query: ListQuery< F >,
	at: Placement
): Params {
	const params: Params = { site_id: at.site_id, sector_id: at.sector_id };
	for ( const [ key, raw ] of Object.entries( query.filters ) ) {
		const value: unknown = typeof raw === 'string' ? raw.trim() : raw;
		if (
			typeof value === 'string' ||
			typeof value === 'number' ||
			typeof value === 'boolean'
		) {
			if ( value !== '' ) {
				params[ key ] = value;
			}
		}
	}
	if ( query.ordering ) {
		params.ordering = query.ordering;
	}
	params.page = query.page;
	params.page_size = query.pageSize;
	return params;
}

/**
 * Pages a list of `count` items has at `pageSize` a page; at least one.
 *
 * @param count    Items in all.
 * @param pageSize Items a page.
 */
export function pageCount( count: number, pageSize: number ): number {
	return Math.max( 1, Math.ceil( count / Math.max( 1, pageSize ) ) );
}

/**
 * When the earliest of the signed URLs expires, less a margin, in ms from `now`; null when none expires.
 * Never sooner than `floor`, so that a URL already expired does not reload in a loop.
 *
 * @param expiries `url_expires_at` of each image (ISO 8601), null for those without a URL.
 * @param now      Milliseconds, like Date.now().
 * @param margin   How long before expiry to reload.
 * @param floor    The shortest wait.
 */
export function refreshDelay(
	expiries: ReadonlyArray< string | null >,
	now: number,
	margin: number,
	floor = 5_000
): number | null {
	let earliest = Infinity;
	for ( const expiry of expiries ) {
		const at = expiry ? Date.parse( expiry ) : NaN;
		if ( Number.isFinite( at ) && at < earliest ) {
			earliest = at;
		}
	}
	if ( earliest === Infinity ) {
		return null;
	}
	return Math.max( floor, earliest - margin - now );
}
