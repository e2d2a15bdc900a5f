// Pure helpers between a list's query in the store and the cloud's URL parameters.
import type { Params, Placement } from '../../api/planner';
import type { ListName, ListQuery, ListFilters } from './types';

/**
 * The URL parameters of one page of `list`: placement, filters, ordering, page and size.
 *
 * @param query The list's query.
 * @param at    The site and sector.
 */
export function listParams< L extends ListName >(
	query: ListQuery< ListFilters[ L ] >,
	at: Placement
): Params {
	const params: Params = { site_id: at.site_id, sector_id: at.sector_id };
	for ( const [ key, raw ] of Object.entries( query.filters ) ) {
		const value = typeof raw === 'string' ? raw.trim() : raw;
		if ( value !== undefined && value !== null && value !== '' ) {
			params[ key ] = value;
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
 * The same filters without paging, for an export of every matching row.
 *
 * @param query The list's query.
 * @param at    The site and sector.
 */
export function exportParams< L extends ListName >(
	query: ListQuery< ListFilters[ L ] >,
	at: Placement
): Params {
	const { page, page_size: pageSize, ...params } = listParams( query, at );
	return params;
}

function compareKeys( a: string, b: string ): number {
	if ( a === b ) {
		return 0;
	}
	return a < b ? -1 : 1;
}

/**
 * One string per distinct request, whatever order the parameters were added in.
 *
 * @param params A request's parameters.
 */
export function requestKey( params: Params ): string {
	return JSON.stringify(
		Object.entries( params )
			.filter( ( [ , value ] ) => value !== undefined && value !== null )
			.sort( ( [ a ], [ b ] ) => compareKeys( a, b ) )
	);
}

export function pageCount( count: number, pageSize: number ): number {
	return Math.max( 1, Math.ceil( count / Math.max( 1, pageSize ) ) );
}
