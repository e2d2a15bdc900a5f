// Small pure helpers for the Planner pages (tested in test/format.test.ts).
import { IDEAS_PER_CLUSTER } from '../../../store/jobs/constants';

/**
 * A count or a volume for people: grouped digits; an unknown value as a dash.
 *
 * @param value The number, if known.
 */
export function formatNumber( value: number | null | undefined ): string {
	return value === null || value === undefined ? '—' : value.toLocaleString();
}

/**
 * A typed number filter: whole and not negative, or undefined when empty or not a number.
 *
 * @param value What was typed.
 * @param max   The largest value taken.
 */
export function parseWholeNumber(
	value: string,
	max?: number
): number | undefined {
	const trimmed = value.trim();
	if ( trimmed === '' ) {
		return undefined;
	}
	const number = Math.floor( Number( trimmed ) );
	if ( ! Number.isFinite( number ) || number < 0 ) {
		return undefined;
	}
	return max === undefined ? number : Math.min( max, number );
}

/**
 * Target keywords typed one per line or separated by commas: trimmed, without repeats, at most 50.
 *
 * @param text What was typed.
 */
export function splitKeywords( text: string ): string[] {
	const seen = new Set< string >();
	const out: string[] = [];
	for ( const part of text.split( /[\n,]/ ) ) {
		const keyword = part.trim().replace( /\s+/g, ' ' );
		const key = keyword.toLowerCase();
		if ( keyword && ! seen.has( key ) ) {
			seen.add( key );
			out.push( keyword );
		}
	}
	return out.slice( 0, 50 );
}

/**
 * The `n` keywords with the most search volume (unknown volume last), as text.
 *
 * @param keywords The keywords with their volumes.
 * @param n        How many.
 */
export function topKeywords(
	keywords: ReadonlyArray< { keyword: string; volume: number | null } >,
	n = 5
): string[] {
	return [ ...keywords ]
		.sort( ( a, b ) => ( b.volume ?? -1 ) - ( a.volume ?? -1 ) )
		.slice( 0, n )
		.map( ( keyword ) => keyword.keyword );
}

/**
 * `igny8-keywords-{sector}-{yyyy-mm-dd}.csv`
 *
 * @param sectorSlug The sector's slug, if known.
 * @param date       The export's date.
 */
export function exportFileName(
	sectorSlug: string | null | undefined,
	date: Date
): string {
	const day = [ date.getFullYear(), date.getMonth() + 1, date.getDate() ]
		.map( ( part ) => String( part ).padStart( 2, '0' ) )
		.join( '-' );
	const slug = ( sectorSlug ?? '' )
		.replace( /[^a-z0-9-]+/gi, '-' )
		.replace( /^-+|-+$/g, '' );
	return `igny8-keywords${ slug ? `-${ slug }` : '' }-${ day }.csv`;
}

/**
 * Bytes as KB or MB for a file's size.
 *
 * @param bytes The size in bytes.
 */
export function formatBytes( bytes: number ): string {
	if ( bytes < 1024 ) {
		return `${ bytes } B`;
	}
	if ( bytes < 1024 * 1024 ) {
		return `${ ( bytes / 1024 ).toFixed( 1 ) } KB`;
	}
	return `${ ( bytes / 1024 / 1024 ).toFixed( 1 ) } MB`;
}

/**
 * How far an upload is, 0–100.
 *
 * @param loaded Bytes sent.
 * @param total  Bytes to send.
 */
export function percent( loaded: number, total: number ): number {
	if ( total <= 0 ) {
		return 0;
	}
	return Math.min( 100, Math.round( ( loaded / total ) * 100 ) );
}

/**
 * A typed count of ideas per cluster, kept within what the cloud takes (1–10); 3 when not a number.
 *
 * @param value What was typed.
 */
export function ideasPerCluster( value: string ): number {
	const number = Math.floor( Number( value.trim() || NaN ) );
	if ( ! Number.isFinite( number ) ) {
		return IDEAS_PER_CLUSTER.default;
	}
	return Math.min(
		IDEAS_PER_CLUSTER.max,
		Math.max( IDEAS_PER_CLUSTER.min, number )
	);
}
