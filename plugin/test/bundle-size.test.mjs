// The bundle budget (scripts/check-bundle-size.mjs) on stand-in wp-scripts builds: what it counts
// against an entry's 100 KB, and that it fails the build when an entry is over.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, test } from 'node:test';

import {
	DEFAULT_BUDGET,
	checkBudgets,
	gzipSize,
	measureBuild,
} from '../../scripts/check-bundle-size.mjs';

const SCRIPT = fileURLToPath(
	new URL( '../../scripts/check-bundle-size.mjs', import.meta.url )
);
const dirs = [];

after( () =>
	Promise.all(
		dirs.map( ( dir ) => rm( dir, { recursive: true, force: true } ) )
	)
);

/** Random bytes barely compress: `n` of them weigh about `n` gzipped. */
const noise = ( n ) => randomBytes( n ).toString( 'latin1' );
const asset =
	"<?php return array('dependencies' => array('wp-element'), 'version' => 'x');";
const chunk = ( id, body ) =>
	`"use strict";(globalThis.webpackChunkigny8||=[]).push([[${ id }],{${ id }(e){e.exports=${ JSON.stringify( body ) }}}]);`;

async function build( files ) {
	const dir = await mkdtemp( path.join( tmpdir(), 'igny8-build-' ) );
	dirs.push( dir );
	for ( const [ name, content ] of Object.entries( files ) ) {
		await writeFile( path.join( dir, name ), content, 'latin1' );
	}
	return dir;
}

const cli = ( dir ) =>
	promisify( execFile )( process.execPath, [ SCRIPT, '--build', dir ] ).then(
		( r ) => ( { code: 0, ...r } ),
		( e ) => ( { code: e.code, stdout: e.stdout, stderr: e.stderr } )
	);

test( 'an entry weighs its own file, gzipped', async () => {
	const js = `(()=>{console.log(${ JSON.stringify( noise( 3000 ) ) })})();`;
	const dir = await build( {
		'settings.js': js,
		'settings.asset.php': asset,
	} );
	const { entries } = measureBuild( dir );
	assert.deepEqual(
		entries.map( ( e ) => [ e.entry, e.files, e.raw, e.gzip ] ),
		[
			[
				'settings',
				[ 'settings.js' ],
				Buffer.byteLength( js, 'latin1' ),
				gzipSize( Buffer.from( js, 'latin1' ) ),
			],
		]
	);
} );

test( 'split chunks an entry waits for at start count against it; import() chunks do not', async () => {
	const dir = await build( {
		'planner.js':
			'(()=>{var r={};let o=r.O(void 0,[850],()=>r(1));o=r.O(o)})();',
		'planner.asset.php': asset,
		// A named split chunk gets its own .asset.php from wp-scripts: it is still not an entry.
		'vendors.js': chunk( 850, noise( 2000 ) ),
		'vendors.asset.php': asset,
		'683.js': chunk( 683, noise( 5000 ) ),
	} );
	const { entries, lazy } = measureBuild( dir );
	assert.deepEqual(
		entries.map( ( e ) => [ e.entry, e.files ] ),
		[ [ 'planner', [ 'planner.js', 'vendors.js' ] ] ]
	);
	assert.ok( entries[ 0 ].gzip > 2000 && entries[ 0 ].gzip < 5000 );
	assert.deepEqual(
		lazy.map( ( c ) => c.file ),
		[ '683.js' ]
	);
} );

test( 'an entry over 100 KB gzipped is over budget; at the limit it holds', () => {
	const results = checkBudgets( [
		{
			entry: 'editor',
			files: [ 'editor.js' ],
			raw: 0,
			gzip: DEFAULT_BUDGET + 1,
		},
		{
			entry: 'settings',
			files: [ 'settings.js' ],
			raw: 0,
			gzip: DEFAULT_BUDGET,
		},
	] );
	assert.equal( DEFAULT_BUDGET, 100_000 );
	assert.deepEqual(
		results.map( ( r ) => [ r.entry, r.ok ] ),
		[
			[ 'editor', false ],
			[ 'settings', true ],
		]
	);
} );

test( 'the check exits non-zero and names the entry when one is over budget', async () => {
	const dir = await build( {
		'editor.js': noise( 120_000 ),
		'editor.asset.php': asset,
		'settings.js': '(()=>{})();',
		'settings.asset.php': asset,
	} );
	const { code, stdout, stderr } = await cli( dir );
	assert.equal( code, 1 );
	assert.match( stdout, /\| editor \| editor\.js \|.*OVER BUDGET/ );
	assert.match( stdout, /\| settings \| settings\.js \|.*\| ok \|/ );
	assert.match( stderr, /Over budget: editor/ );
} );

test( 'the check passes a build within budget and fails when there is no build', async () => {
	const dir = await build( {
		'settings.js': '(()=>{})();',
		'settings.asset.php': asset,
	} );
	assert.equal( ( await cli( dir ) ).code, 0 );
	assert.equal( ( await cli( path.join( dir, 'missing' ) ) ).code, 1 );
} );
