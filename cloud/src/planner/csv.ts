// CSV import and export of keywords (papaparse): header mapping, per-row errors with row numbers.
import Papa from 'papaparse';
import { KEYWORD_INTENTS, PLANNER_LIMITS, schemas } from '@igny8/shared';
import { AppError } from '../lib/errors';
import type { Keyword } from '../lib/resources';
import type { KeywordInput } from './keywords';

export type CsvField =
	'keyword' | 'volume' | 'difficulty' | 'intent' | 'cluster' | 'status';

/** Header spellings of the usual keyword tools (Semrush, Ahrefs, Google Keyword Planner, Moz…). */
const HEADER_ALIASES: Record< CsvField, string[] > = {
	keyword: [
		'keyword',
		'keywords',
		'key word',
		'query',
		'search query',
		'search term',
		'term',
		'phrase',
		'keyword phrase',
	],
	volume: [
		'volume',
		'search volume',
		'avg monthly searches',
		'avg. monthly searches',
		'monthly volume',
		'monthly searches',
		'sv',
		'searches',
		'global volume',
	],
	difficulty: [
		'difficulty',
		'kd',
		'kd %',
		'kd%',
		'keyword difficulty',
		'seo difficulty',
		'competition index',
	],
	intent: [ 'intent', 'search intent', 'keyword intent', 'intents' ],
	cluster: [
		'cluster',
		'cluster name',
		'group',
		'topic',
		'parent topic',
		'keyword group',
	],
	status: [ 'status' ],
};

function headerKey( h: string ) {
	return h
		.normalize( 'NFKC' )
		.trim()
		.toLowerCase()
		.replace( /[_\s]+/g, ' ' )
		.replace( /[()]/g, '' );
}

export function mapHeaders( headers: string[] ): {
	columns: Record< string, string >;
	index: Partial< Record< CsvField, number > >;
} {
	const columns: Record< string, string > = {};
	const index: Partial< Record< CsvField, number > > = {};
	headers.forEach( ( h, i ) => {
		const key = headerKey( h );
		const field = ( Object.keys( HEADER_ALIASES ) as CsvField[] ).find(
			( f ) => HEADER_ALIASES[ f ].includes( key )
		);
		if ( field && index[ field ] === undefined ) {
			index[ field ] = i;
			columns[ h ] = field;
		} else columns[ h ] = 'ignored';
	} );
	return { columns, index };
}

const INTENT_ALIASES: Record< string, Keyword[ 'intent' ] > = {
	i: 'informational',
	info: 'informational',
	c: 'commercial',
	'commercial investigation': 'commercial',
	t: 'transactional',
	n: 'navigational',
	nav: 'navigational',
};

export interface RowError {
	row: number;
	field: string;
	message: string;
}

export interface ParsedRow extends KeywordInput {
	row: number;
	cluster: string | null;
}

function parseCount( raw: string ): number | null | string {
	const text = raw
		.trim()
		.toLowerCase()
		.replace( /[\s,_]/g, '' );
	if ( text === '' || text === '-' || text === 'n/a' ) return null;
	const m = /^(\d+(?:\.\d+)?)([km])?$/.exec( text );
	if ( ! m ) return 'must be a whole number such as 1200 or 1.2K';
	const value =
		Number( m[ 1 ] ) *
		( m[ 2 ] === 'k' ? 1000 : m[ 2 ] === 'm' ? 1_000_000 : 1 );
	if ( ! Number.isFinite( value ) || value > 1_000_000_000 )
		return 'is too large';
	return Math.round( value );
}

function parseDifficulty( raw: string ): number | null | string {
	const text = raw.trim().replace( /%$/, '' );
	if ( text === '' || text === '-' || text.toLowerCase() === 'n/a' )
		return null;
	const value = Number( text );
	if ( ! Number.isFinite( value ) ) return 'must be a number from 0 to 100';
	const rounded = Math.round( value );
	if ( rounded < 0 || rounded > 100 ) return 'must be from 0 to 100';
	return rounded;
}

/** One of KEYWORD_INTENTS, null when the cell is empty, or else (any other string) what is wrong with it. */
function parseIntent( raw: string ): string | null {
	const text = raw.trim().toLowerCase();
	if ( ! text ) return null;
	// Tools list several intents ("Informational, Commercial"): the first one leads.
	const first = text.split( /[,;/|]/ )[ 0 ]!.trim();
	if ( ( KEYWORD_INTENTS as readonly string[] ).includes( first ) )
		return first;
	if ( INTENT_ALIASES[ first ] !== undefined ) return INTENT_ALIASES[ first ];
	return `must be one of ${ KEYWORD_INTENTS.join( ', ' ) }`;
}

export interface ParsedCsv {
	rows: ParsedRow[];
	/** The first `CSV_ERRORS_LISTED` errors, in file order. */
	errors: RowError[];
	/** Every error, listed or not. */
	errorsTotal: number;
	columns: Record< string, string >;
	total: number;
}

/**
 * Reads a keyword CSV (UTF-8 with or without BOM; comma, semicolon or tab; quoted fields). Row numbers are
 * the file's own: the header is row 1. Bad rows come back as errors and are not imported.
 */
export function parseKeywordCsv( text: string ): ParsedCsv {
	const body = text.replace( /^\uFEFF/, '' );
	const parsed = Papa.parse< string[] >( body, {
		skipEmptyLines: 'greedy',
		delimitersToGuess: [ ',', ';', '\t', '|' ],
	} );
	const data = parsed.data;
	if ( data.length === 0 )
		throw new AppError( 'validation', 'The file is empty', {
			file: [ 'no rows' ],
		} );
	const rowsInFile = data.length - 1;
	if ( rowsInFile > PLANNER_LIMITS.csvRows ) {
		throw new AppError(
			'payload_too_large',
			`The file has ${ rowsInFile } rows; at most ${ PLANNER_LIMITS.csvRows } can be imported at once`,
			undefined,
			{
				limit_rows: PLANNER_LIMITS.csvRows,
			}
		);
	}
	const { columns, index } = mapHeaders( data[ 0 ]! );
	if ( index.keyword === undefined ) {
		throw new AppError(
			'validation',
			'No keyword column: the header row needs a column named "keyword" ' +
				`(found: ${ data[ 0 ]!.join( ', ' ).slice( 0, 200 ) })`,
			{
				file: [ 'no keyword column' ],
			}
		);
	}
	const rows: ParsedRow[] = [];
	const errors: RowError[] = [];
	let errorsTotal = 0;
	// 60,000 bad rows would otherwise answer 23 MB of errors: list the first ones, count them all.
	const report = ( found: RowError[] ) => {
		errorsTotal += found.length;
		errors.push(
			...found.slice( 0, schemas.CSV_ERRORS_LISTED - errors.length )
		);
	};
	// papaparse reports malformed quoting per row.
	const badRows = new Map< number, string >();
	for ( const e of parsed.errors )
		if ( e.row !== undefined && e.code !== 'UndetectableDelimiter' )
			badRows.set( e.row, e.message );

	for ( let i = 1; i < data.length; i++ ) {
		const cells = data[ i ]!;
		const row = i + 1;
		const cell = ( f: CsvField ) =>
			index[ f ] !== undefined ? ( cells[ index[ f ] ] ?? '' ) : '';
		if ( badRows.has( i ) ) {
			report( [
				{
					row,
					field: 'row',
					message: `cannot be read: ${ badRows.get( i ) }`,
				},
			] );
			continue;
		}
		const keyword = cell( 'keyword' )
			.normalize( 'NFKC' )
			.trim()
			.replace( /\s+/g, ' ' );
		const rowErrors: RowError[] = [];
		if ( ! keyword )
			rowErrors.push( { row, field: 'keyword', message: 'is empty' } );
		else if ( keyword.length > PLANNER_LIMITS.keywordLength )
			rowErrors.push( {
				row,
				field: 'keyword',
				message: `is longer than ${ PLANNER_LIMITS.keywordLength } characters`,
			} );
		const volume = parseCount( cell( 'volume' ) );
		if ( typeof volume === 'string' )
			rowErrors.push( { row, field: 'volume', message: volume } );
		const difficulty = parseDifficulty( cell( 'difficulty' ) );
		if ( typeof difficulty === 'string' )
			rowErrors.push( { row, field: 'difficulty', message: difficulty } );
		const intent = parseIntent( cell( 'intent' ) );
		if (
			typeof intent === 'string' &&
			! ( KEYWORD_INTENTS as readonly string[] ).includes( intent )
		)
			rowErrors.push( { row, field: 'intent', message: intent } );
		const statusText = cell( 'status' ).trim().toLowerCase();
		if (
			statusText &&
			! [ 'active', 'inactive', 'used' ].includes( statusText )
		)
			rowErrors.push( {
				row,
				field: 'status',
				message: 'must be active, inactive or used',
			} );
		const cluster = cell( 'cluster' ).trim().slice( 0, 200 ) || null;
		if ( rowErrors.length ) {
			report( rowErrors );
			continue;
		}
		rows.push( {
			row,
			keyword,
			volume: volume as number | null,
			difficulty: difficulty as number | null,
			intent: intent as Keyword[ 'intent' ],
			status: ( statusText || 'active' ) as Keyword[ 'status' ],
			cluster,
		} );
	}
	return { rows, errors, errorsTotal, columns, total: rowsInFile };
}

const EXPORT_HEADER = [
	'keyword',
	'volume',
	'difficulty',
	'intent',
	'status',
	'source',
	'clusters',
	'created_at',
];

export function csvHeader(): string {
	return Papa.unparse( [ EXPORT_HEADER ] ) + '\r\n';
}

export function csvRows(
	rows: {
		keyword: string;
		volume: number | null;
		difficulty: number | null;
		intent: string | null;
		status: string;
		source: string;
		clusters: string;
		createdAt: string;
	}[]
): string {
	if ( ! rows.length ) return '';
	// Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
	const safe = ( v: string ) => ( /^[=+\-@\t\r]/.test( v ) ? `'${ v }` : v );
	return (
		Papa.unparse(
			rows.map( ( r ) => [
				safe( r.keyword ),
				r.volume ?? '',
				r.difficulty ?? '',
				r.intent ?? '',
				r.status,
				r.source,
				safe( r.clusters ),
				r.createdAt,
			] ),
			{ newline: '\r\n' }
		) + '\r\n'
	);
}
