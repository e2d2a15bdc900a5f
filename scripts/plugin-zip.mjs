#!/usr/bin/env node
// `npm run plugin:zip`: builds the plugin and packs dist/igny8.zip for Plugins → Add New → Upload.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './dev/cloud.mjs';

const PLUGIN = path.join( REPO, 'plugin' );
const INCLUDE = [
	'igny8.php',
	'uninstall.php',
	'readme.txt',
	'php',
	'build',
	'languages',
];

const build = spawnSync( 'npm', [ 'run', 'build', '--silent' ], {
	cwd: REPO,
	stdio: 'inherit',
} );
if ( build.status !== 0 ) process.exit( build.status ?? 1 );

const files = [];
const walk = ( rel ) => {
	const abs = path.join( PLUGIN, rel );
	if ( statSync( abs, { throwIfNoEntry: false } ) === undefined ) return;
	if ( statSync( abs ).isDirectory() )
		for ( const f of readdirSync( abs ) ) walk( path.join( rel, f ) );
	else files.push( rel );
};
INCLUDE.forEach( walk );

mkdirSync( path.join( REPO, 'dist' ), { recursive: true } );
const out = path.join( REPO, 'dist/igny8.zip' );
rmSync( out, { force: true } );
// PHP's ZipArchive (php-zip, installed for the local WordPress) writes the archive.
const php = `$z = new ZipArchive(); if ($z->open($argv[1], ZipArchive::CREATE) !== true) exit(1);
foreach (array_slice($argv, 3) as $f) { $z->addFile($argv[2] . '/' . $f, 'igny8/' . $f); } exit($z->close() ? 0 : 1);`;
const res = spawnSync( 'php', [ '-r', php, out, PLUGIN, ...files ], {
	stdio: 'inherit',
} );
if ( res.status !== 0 ) process.exit( 1 );
console.log(
	`${ out } (${ files.length } files, ${ statSync( out ).size } bytes)`
);
