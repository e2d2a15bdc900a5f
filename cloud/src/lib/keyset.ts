// Keyset (cursor) paging over (column, id), NULL-aware, and the page-number alternative.
import {
	and,
	asc,
	desc,
	eq,
	gt,
	isNotNull,
	isNull,
	lt,
	or,
	sql,
	type SQL,
	type AnyColumn,
} from 'drizzle-orm';
import type { Context } from 'hono';
import { validation } from './errors';

export interface Ordering {
	column: AnyColumn;
	id: AnyColumn;
	descending: boolean;
	/** Whether the column can hold NULL (NULLs sort first ascending and last descending, as in SQLite). */
	nullable: boolean;
}

type CursorValue = string | number | null;

export function encodeCursor( value: CursorValue, id: number ): string {
	return btoa( JSON.stringify( [ value, id ] ) )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
}

export function decodeCursor( cursor: string ): {
	value: CursorValue;
	id: number;
} {
	try {
		const [ value, id ] = JSON.parse(
			atob( cursor.replace( /-/g, '+' ).replace( /_/g, '/' ) )
		) as [ CursorValue, number ];
		if (
			! Number.isSafeInteger( id ) ||
			! (
				value === null ||
				typeof value === 'string' ||
				typeof value === 'number'
			)
		)
			throw new Error( 'shape' );
		return { value, id };
	} catch {
		throw validation( 'The cursor is not valid; start again without it', {
			cursor: [ 'not a cursor from this list' ],
		} );
	}
}

/** Rows strictly after the cursor in the given order. */
export function afterCursor(
	o: Ordering,
	cursor: { value: CursorValue; id: number }
): SQL {
	const { column: col, id } = o;
	const v = cursor.value;
	if ( ! o.descending ) {
		if ( v === null )
			return or(
				and( isNull( col ), gt( id, cursor.id ) ),
				isNotNull( col )
			)!;
		return or( gt( col, v ), and( eq( col, v ), gt( id, cursor.id ) ) )!;
	}
	if ( v === null ) return and( isNull( col ), lt( id, cursor.id ) )!;
	return or(
		lt( col, v ),
		and( eq( col, v ), lt( id, cursor.id ) ),
		o.nullable ? isNull( col ) : sql`0`
	)!;
}

export function orderBy( o: Ordering ): SQL[] {
	return o.descending
		? [ desc( o.column ), desc( o.id ) ]
		: [ asc( o.column ), asc( o.id ) ];
}

export function listLinks(
	c: Context,
	opts: {
		count: number;
		pageSize: number;
		page?: number;
		nextCursor: string | null;
		hasMore: boolean;
	}
) {
	const link = ( set: Record< string, string >, drop: string[] ) => {
		const url = new URL( c.req.url );
		for ( const key of drop ) url.searchParams.delete( key );
		for ( const [ k, v ] of Object.entries( set ) )
			url.searchParams.set( k, v );
		return url.pathname + url.search;
	};
	if ( opts.page !== undefined ) {
		return {
			count: opts.count,
			next:
				opts.page * opts.pageSize < opts.count
					? link(
							{
								page: String( opts.page + 1 ),
								page_size: String( opts.pageSize ),
							},
							[ 'cursor' ]
						)
					: null,
			previous:
				opts.page > 1
					? link(
							{
								page: String( opts.page - 1 ),
								page_size: String( opts.pageSize ),
							},
							[ 'cursor' ]
						)
					: null,
		};
	}
	return {
		count: opts.count,
		next:
			opts.hasMore && opts.nextCursor
				? link(
						{
							cursor: opts.nextCursor,
							page_size: String( opts.pageSize ),
						},
						[ 'page' ]
					)
				: null,
		previous: null,
	};
}

/** A bound JSON array, for `IN (SELECT value FROM json_each(?))` without D1's 100-parameter limit. */
export function jsonIds( ids: readonly number[] ): SQL {
	return sql`(SELECT value FROM json_each(${ JSON.stringify( ids ) }))`;
}
