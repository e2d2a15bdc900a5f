/**
 * A stored timestamp (unix seconds, ISO 8601 or MySQL GMT datetime) as a local date and time.
 *
 * @param value The stored timestamp.
 */
export function formatTimestamp(
	value: string | number | null | undefined
): string | null {
	if ( value === null || value === undefined || value === '' ) {
		return null;
	}
	let ms: number;
	if ( typeof value === 'number' || /^\d+$/.test( value ) ) {
		ms = Number( value ) * 1000;
	} else if ( /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test( value ) ) {
		ms = Date.parse( value.replace( ' ', 'T' ) + 'Z' );
	} else {
		ms = Date.parse( value );
	}
	return Number.isNaN( ms )
		? String( value )
		: new Date( ms ).toLocaleString();
}
