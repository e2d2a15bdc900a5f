#!/usr/bin/env node
// The plugin's JavaScript budget (issue 5): each wp-scripts entry in plugin/build/ (an admin page or the
// block-editor sidebar) may start with at most 100 KB of gzipped JavaScript of its own: the entry file
// plus any split chunk it waits for at start. WordPress's own scripts (wp-*, react) are externals and never
// in these files. Chunks loaded later with import() are reported, not budgeted; CSS is reported too.
//
//   node scripts/check-bundle-size.mjs [--build plugin/build]     exits 1 when an entry is over budget
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const REPO = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);

/** Bytes (KB = 1,000 bytes), gzip level 9 as measured by gzip-size and bundlesize. */
export const DEFAULT_BUDGET = 100_000;
/** Per-entry overrides, should an entry ever need a different line (none does). */
export const BUDGETS = {};

export const gzipSize = ( buffer ) => gzipSync( buffer, { level: 9 } ).length;

// A webpack chunk file registers itself: `(self.webpackChunkX = self.webpackChunkX || []).push([[id, …], {…}])`
// (or `(globalThis.webpackChunkX ||= []).push(…)`). Entry files carry the runtime instead.
const CHUNK_IDS =
	/webpackChunk[\w$]*(?:=[\w$.]+\|\|\[\]|\|\|=\[\])\)\.push\(\[\[([^\]]*)\]/;
// An entry that needs split chunks before it can start defers its startup: `.O(void 0,[id, …],…)`.
const STARTUP_CHUNKS = /\.O\((?:void 0|undefined),\[([^\]]*)\]/g;

const ids = ( list ) =>
	list
		.split( ',' )
		.map( ( id ) => id.trim().replace( /^["']|["']$/g, '' ) )
		.filter( Boolean );

/**
 * Measures a wp-scripts build. Entries are the `{name}.js` files with a `{name}.asset.php` that are not
 * themselves chunks; chunks are every file that registers with webpack's chunk array.
 *
 * @returns {{ entries: { entry: string, files: string[], raw: number, gzip: number, cssGzip: number }[],
 *   lazy: { file: string, raw: number, gzip: number }[] }}
 */
export function measureBuild( buildDir ) {
	if ( ! existsSync( buildDir ) ) return { entries: [], lazy: [] };
	const names = readdirSync( buildDir ).sort();
	const size = ( file ) => {
		const buffer = readFileSync( path.join( buildDir, file ) );
		return { raw: buffer.length, gzip: gzipSize( buffer ) };
	};

	const chunkFile = new Map(); // chunk id -> file
	const chunks = new Set();
	for ( const file of names.filter( ( f ) => f.endsWith( '.js' ) ) ) {
		const match = CHUNK_IDS.exec(
			readFileSync( path.join( buildDir, file ), 'utf8' )
		);
		if ( ! match ) continue;
		chunks.add( file );
		for ( const id of ids( match[ 1 ] ) ) chunkFile.set( id, file );
	}

	const atStart = new Set();
	const entries = names
		.filter( ( f ) => f.endsWith( '.asset.php' ) )
		.map( ( f ) => f.slice( 0, -'.asset.php'.length ) )
		.filter(
			( entry ) =>
				names.includes( `${ entry }.js` ) &&
				! chunks.has( `${ entry }.js` )
		)
		.map( ( entry ) => {
			const source = readFileSync(
				path.join( buildDir, `${ entry }.js` ),
				'utf8'
			);
			const startup = new Set();
			for ( const match of source.matchAll( STARTUP_CHUNKS ) ) {
				for ( const id of ids( match[ 1 ] ) ) {
					if ( ! chunkFile.has( id ) )
						throw new Error(
							`${ entry }.js waits for chunk ${ id }, which is not in ${ buildDir }`
						);
					startup.add( chunkFile.get( id ) );
				}
			}
			startup.forEach( ( file ) => atStart.add( file ) );
			const files = [ `${ entry }.js`, ...[ ...startup ].sort() ];
			let raw = 0;
			let gzip = 0;
			for ( const file of files ) {
				const s = size( file );
				raw += s.raw;
				gzip += s.gzip;
			}
			const cssGzip = [ `${ entry }.css`, `style-${ entry }.css` ]
				.filter( ( f ) => names.includes( f ) )
				.reduce( ( sum, f ) => sum + size( f ).gzip, 0 );
			return { entry, files, raw, gzip, cssGzip };
		} );

	// What is left is loaded later, on demand (import()): reported, not budgeted.
	const lazy = [ ...chunks ]
		.filter( ( file ) => ! atStart.has( file ) )
		.map( ( file ) => ( { file, ...size( file ) } ) );
	return { entries, lazy };
}

/** Adds each entry's budget and whether it holds. */
export function checkBudgets(
	rows,
	budgets = BUDGETS,
	fallback = DEFAULT_BUDGET
) {
	return rows.map( ( row ) => {
		const budget = budgets[ row.entry ] ?? fallback;
		return { ...row, budget, ok: row.gzip <= budget };
	} );
}

export const kb = ( bytes ) => `${ ( bytes / 1000 ).toFixed( 1 ) } KB`;

export function formatTable( results ) {
	const lines = [
		'| entry | JS files at start | JS raw | JS gzip | budget (gzip) | CSS gzip | |',
		'|---|---|---:|---:|---:|---:|---|',
	];
	for ( const r of results ) {
		lines.push(
			`| ${ r.entry } | ${ r.files.join( ', ' ) } | ${ kb( r.raw ) } | ${ kb( r.gzip ) } | ${ kb( r.budget ) } | ${ kb( r.cssGzip ) } | ${ r.ok ? 'ok' : 'OVER BUDGET' } |`
		);
	}
	return lines.join( '\n' );
}

function main() {
	const { values } = parseArgs( {
		options: {
			build: {
				type: 'string',
				default: path.join( REPO, 'plugin/build' ),
			},
		},
	} );
	const buildDir = path.resolve( values.build );
	const { entries, lazy } = measureBuild( buildDir );
	const results = checkBudgets( entries );
	if ( ! results.length ) {
		console.error(
			`No wp-scripts entries (*.asset.php + *.js) in ${ buildDir }: run npm run build first.`
		);
		return 1;
	}
	console.log( formatTable( results ) );
	if ( lazy.length ) {
		console.log(
			`\nLoaded later with import() (not budgeted): ${ lazy.map( ( c ) => `${ c.file } ${ kb( c.gzip ) }` ).join( ', ' ) }`
		);
	}
	const over = results.filter( ( r ) => ! r.ok );
	if ( over.length ) {
		console.error(
			`\nOver budget: ${ over.map( ( r ) => `${ r.entry } (${ kb( r.gzip ) } > ${ kb( r.budget ) })` ).join( ', ' ) }`
		);
		return 1;
	}
	console.log(
		`\nAll ${ results.length } entries within budget (gzip -9 of the JavaScript each loads at start).`
	);
	return 0;
}

if (
	process.argv[ 1 ] &&
	path.resolve( process.argv[ 1 ] ) === fileURLToPath( import.meta.url )
) {
	process.exitCode = main();
}
