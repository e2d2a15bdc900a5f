// What a click on a sortable column header does to a list's `ordering` (`volume`, `-volume`…).

export type SortDirection = 'asc' | 'desc';

/**
 * How `field` sorts the list now, if it does.
 *
 * @param ordering The list's `ordering` (a field, `-` first for descending), if any.
 * @param field    The column's field.
 */
export function sortDirection(
	ordering: string | null,
	field: string
): SortDirection | null {
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
 *
 * @param ordering       The list's `ordering` now, if any.
 * @param field          The clicked column's field.
 * @param firstDirection The direction of the column's first click.
 */
export function nextOrdering(
	ordering: string | null,
	field: string,
	firstDirection: SortDirection = 'asc'
): string {
	const current = sortDirection( ordering, field );
	let direction = firstDirection;
	if ( current ) {
		direction = current === 'asc' ? 'desc' : 'asc';
	}
	return direction === 'asc' ? field : `-${ field }`;
}
