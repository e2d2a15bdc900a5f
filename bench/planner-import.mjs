#!/usr/bin/env node
// Import of a 100,000-row CSV through the API into local D1 (wrangler dev), beside the same rows inserted
// into plain SQLite (better-sqlite3, one transaction, the same schema and indexes). Prints rows per second.
//   node bench/planner-import.mjs [rows]
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCloud, keywordRows } from './lib.mjs';

const HERE = path.dirname( fileURLToPath( import.meta.url ) );
const N = Number( process.argv[ 2 ] ?? 100_000 );

/** better-sqlite3 is a native module only this benchmark needs: installed on first use into bench/.deps. */
function loadBetterSqlite() {
	const deps = path.join( HERE, '.deps' );
	if (
		! existsSync(
			path.join(
				deps,
				'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
			)
		)
	) {
		mkdirSync( deps, { recursive: true } );
		// npm 11 runs no install scripts unless allowed; better-sqlite3 builds its addon from source here.
		writeFileSync(
			path.join( deps, 'package.json' ),
			JSON.stringify( {
				name: 'igny8-bench-deps',
				private: true,
				allowScripts: { 'better-sqlite3': true },
			} )
		);
		execFileSync(
			'npm',
			[ 'install', '--no-audit', '--no-fund', 'better-sqlite3@12.9.0' ],
			{ cwd: deps, stdio: 'inherit' }
		);
	}
	return createRequire( path.join( deps, 'package.json' ) )(
		'better-sqlite3'
	);
}

const rows = keywordRows( N );
const csv =
	'keyword,volume,difficulty,intent\n' +
	rows
		.map(
			( r ) =>
				`${ r.keyword },${ r.volume },${ r.difficulty },${ r.intent }`
		)
		.join( '\n' ) +
	'\n';

// Plain SQLite: the cloud's own migrations, one prepared INSERT in one transaction.
const Database = loadBetterSqlite();
const file = path.join( os.tmpdir(), `igny8-bench-${ process.pid }.sqlite` );
const db = new Database( file );
db.pragma( 'journal_mode = WAL' );
const migrations = path.join( HERE, '../cloud/migrations' );
for ( const f of readdirSync( migrations )
	.filter( ( f ) => f.endsWith( '.sql' ) )
	.sort() )
	db.exec(
		readFileSync( path.join( migrations, f ), 'utf8' ).replaceAll(
			'--> statement-breakpoint',
			''
		)
	);
db.exec(
	`INSERT INTO accounts (id, name, slug) VALUES (1, 'a', 'a'); INSERT INTO sites (id, account_id, name, slug) VALUES (1, 1, 's', 's'); INSERT INTO sectors (id, account_id, site_id, name, slug) VALUES (1, 1, 1, 'g', 'g');`
);
const insert = db.prepare(
	`INSERT INTO keywords (account_id, site_id, sector_id, keyword, keyword_norm, volume, difficulty, intent, status, source) VALUES (1, 1, 1, ?, ?, ?, ?, ?, 'active', 'csv_import') ON CONFLICT (sector_id, keyword_norm) DO NOTHING`
);
const t0 = performance.now();
db.transaction( () => {
	for ( const r of rows )
		insert.run(
			r.keyword,
			r.keyword.toLowerCase(),
			r.volume,
			r.difficulty,
			r.intent
		);
} )();
const sqliteMs = performance.now() - t0;
db.close();

const cloud = await benchCloud();
try {
	const t1 = performance.now();
	const res = await fetch(
		`${ cloud.url }/api/v1/planner/keywords/import_csv?site_id=${ cloud.site.id }&sector_id=${ cloud.sector.id }`,
		{
			method: 'POST',
			headers: {
				authorization: `Bearer ${ cloud.token }`,
				'content-type': 'text/csv',
			},
			body: csv,
		}
	);
	const text = await res.text();
	const apiMs = performance.now() - t1;
	let body;
	try {
		body = JSON.parse( text );
	} catch {
		throw new Error(
			`the cloud answered ${ res.status }: ${ text.slice( 0, 300 ) }`
		);
	}
	if ( ! body.success ) throw new Error( JSON.stringify( body ) );
	const apiRate = Math.round( N / ( apiMs / 1000 ) );
	const sqliteRate = Math.round( N / ( sqliteMs / 1000 ) );
	console.log(
		`\nCSV import of ${ N.toLocaleString( 'en' ) } rows (${ ( csv.length / 1024 / 1024 ).toFixed( 1 ) } MB)\n`
	);
	console.log( '| path | seconds | rows/s |' );
	console.log( '|---|---|---|' );
	console.log(
		`| API → local D1 (wrangler dev), created ${ body.data.created } | ${ ( apiMs / 1000 ).toFixed( 2 ) } | ${ apiRate.toLocaleString( 'en' ) } |`
	);
	console.log(
		`| better-sqlite3, one transaction | ${ ( sqliteMs / 1000 ).toFixed( 2 ) } | ${ sqliteRate.toLocaleString( 'en' ) } |`
	);
	console.log(
		`\nratio API / plain SQLite: ${ ( apiRate / sqliteRate ).toFixed( 2 ) }`
	);
} finally {
	await cloud.stop();
}
