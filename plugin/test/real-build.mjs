// The plugin's real build (plugin/build, written by `npm run build`) as the page tests read it: the
// versions, dependencies and lazy chunks WordPress must serve, and a copy of the plugin around it.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PLUGIN_DIR } from './wp-fixture.mjs';

export const BUILD_DIR = path.join( PLUGIN_DIR, 'build' );

/** The notice a screen shows instead of its script when the plugin has no build. */
export const MISSING_BUILD_NOTICE =
	/<div class="notice notice-warning"><p>The IGNY8 admin scripts are not built\. Run npm run build\.<\/p><\/div>/;

/** Fails (never skips) when an entry of the real build is missing. */
export function assertBuilt( entries = [] ) {
	for ( const file of [
		'chunks.php',
		...entries.flatMap( ( entry ) => [
			`${ entry }.asset.php`,
			`${ entry }.js`,
		] ),
	] ) {
		assert.ok(
			existsSync( path.join( BUILD_DIR, file ) ),
			`plugin/build/${ file } is missing: run npm run build first`
		);
	}
}

const assetText = ( entry ) => {
	assertBuilt( [ entry ] );
	return readFileSync(
		path.join( BUILD_DIR, `${ entry }.asset.php` ),
		'utf8'
	);
};

/** The version wp-scripts wrote into build/{entry}.asset.php (the `?ver=` WordPress serves). */
export function builtVersion( entry ) {
	const version = /'version'\s*=>\s*'([^']+)'/.exec( assetText( entry ) );
	assert.ok( version, `no version in build/${ entry }.asset.php` );
	return version[ 1 ];
}

/** The script handles build/{entry}.asset.php lists as dependencies. */
export function builtDependencies( entry ) {
	const list = /'dependencies'\s*=>\s*array\(([^)]*)\)/.exec(
		assetText( entry )
	);
	assert.ok( list, `no dependencies in build/${ entry }.asset.php` );
	return [ ...list[ 1 ].matchAll( /'([^']+)'/g ) ].map( ( m ) => m[ 1 ] );
}

/** Entry => the chunk files it loads later with import(), as build/chunks.php lists them. */
export function builtChunks() {
	assertBuilt();
	const text = readFileSync( path.join( BUILD_DIR, 'chunks.php' ), 'utf8' );
	return Object.fromEntries(
		[ ...text.matchAll( /'([\w-]+)'\s*=>\s*array\(([^)]*)\)/g ) ].map(
			( [ , entry, files ] ) => [
				entry,
				[ ...files.matchAll( /'([^']+)'/g ) ].map( ( m ) => m[ 1 ] ),
			]
		)
	);
}

/** A regex source matching any of the given strings literally. */
export const anyOf = ( names ) =>
	names
		.map( ( name ) => name.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' ) )
		.join( '|' );

/**
 * A copy of the plugin with the real build, so a test may take the build away (the missing-build notice)
 * without touching plugin/build.
 */
export async function pluginWithRealBuild( entries ) {
	assertBuilt( entries );
	const dir = await mkdtemp( path.join( tmpdir(), 'igny8-plugin-' ) );
	for ( const entry of [
		'igny8.php',
		'uninstall.php',
		'readme.txt',
		'php',
		'build',
	] ) {
		await cp( path.join( PLUGIN_DIR, entry ), path.join( dir, entry ), {
			recursive: true,
		} );
	}
	return dir;
}
