// Keyset (cursor) or page-number paging for the Writer's lists, on top of lib/keyset.
import type { AnyColumn, SQL } from 'drizzle-orm';
import {
	afterCursor,
	decodeCursor,
	encodeCursor,
	orderBy,
	type Ordering,
} from '../lib/keyset';

export interface PageParams {
	ordering?: string;
	cursor?: string;
	page?: number;
	page_size?: number;
}

type CursorValue = string | number | null;

/** An ordering key of a list: the column it sorts on and how to read that value from a row. */
export interface OrderColumn< T > {
	column: AnyColumn;
	nullable: boolean;
	value: ( row: T ) => CursorValue;
}

/**
 * The parts of a list query for `ordering` (`title`, `-title`…; unknown keys fall back to the default):
 * the cursor condition, ORDER BY, and one row more than the page to learn whether another page follows.
 */
export function pageQuery< T >(
	q: PageParams,
	columns: Record< string, OrderColumn< T > >,
	id: AnyColumn,
	fallback: string
) {
	const key = q.ordering ?? fallback;
	const descending = key.startsWith( '-' );
	const spec =
		columns[ key.replace( /^-/, '' ) ] ??
		columns[ fallback.replace( /^-/, '' ) ]!;
	const ordering: Ordering = {
		column: spec.column,
		id,
		descending,
		nullable: spec.nullable,
	};
	const pageSize = q.page_size ?? 50;
	const after: SQL | undefined =
		q.cursor && q.page === undefined
			? afterCursor( ordering, decodeCursor( q.cursor ) )
			: undefined;
	return {
		after,
		order: orderBy( ordering ),
		limit: pageSize + 1,
		offset: q.page !== undefined ? ( q.page - 1 ) * pageSize : 0,
		pageSize,
		/** Cuts the extra row and makes the cursor of the page's last row. */
		result< R extends T & { id: number } >( rows: R[], count: number ) {
			const page = rows.slice( 0, pageSize );
			const last = page.at( -1 );
			return {
				rows: page,
				count,
				pageSize,
				page: q.page,
				hasMore: rows.length > pageSize,
				nextCursor: last
					? encodeCursor( spec.value( last ), last.id )
					: null,
			};
		},
	};
}
