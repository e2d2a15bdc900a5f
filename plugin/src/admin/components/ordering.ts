// What a click on a sortable column header does to a list's `ordering` (`volume`, `-volume`…).

export type SortDirection = 'asc' | 'desc';

/** How `field` sorts the list now, if it does. */
export function sortDirection( ordering: string | null, field: string ): SortDirection | null {
	if ( ordering === field ) {
		return 'asc';
	}
	if ( ordering === `-${ field }` ) {
		return 'desc';
	}
	return null;
}

/**
 * The ordering after a click on `field`'s header: the other direction when it already sorts, else its
 * first direction (numbers read best largest first).
 */
export function nextOrdering( ordering: string | null, field: string, firstDirection: SortDirection = 'asc' ): string {
	const current = sortDirection( ordering, field );
	const direction = current ? ( current === 'asc' ? 'desc' : 'asc' ) : firstDirection;
	return direction === 'asc' ? field : `-${ field }`;
}
