// Activation, storage and weight: what the plugin leaves in the database and what it adds to pages.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
	BUILD_DIR,
	MISSING_BUILD_NOTICE,
	builtDependencies,
	builtVersion,
	pluginWithRealBuild,
} from './real-build.mjs';
import { ADMIN_PASSWORD, fakeConnection, startSite } from './wp-fixture.mjs';

let site;
let pluginCopy;

// assert.match would print whole admin pages on failure.
function has( html, re, message = `expected ${ re }` ) {
	assert.ok( re.test( html ), message );
}
function hasNot( html, re, message = `unexpected ${ re }` ) {
	const found = re.exec( html );
	assert.ok(
		! found,
		`${ message }: …${ found && html.slice( Math.max( 0, found.index - 80 ), found.index + 80 ) }…`
	);
}
let admin;

// Records, per request, the SQL queries made from IGNY8 code or touching IGNY8 data.
const QUERY_RECORDER = `<?php
add_action( 'shutdown', function () {
	global $wpdb;
	$ours = array();
	foreach ( (array) $wpdb->queries as $q ) {
		if ( false !== stripos( $q[0], 'igny8' ) || false !== stripos( $q[2], 'IGNY8' ) ) {
			$ours[] = $q[0];
		}
	}
	file_put_contents( WP_CONTENT_DIR . '/igny8-queries.log', wp_json_encode( array( 'uri' => $_SERVER['REQUEST_URI'], 'total' => count( (array) $wpdb->queries ), 'igny8' => $ours ) ) . "\\n", FILE_APPEND );
}, PHP_INT_MAX );
`;

before( async () => {
	pluginCopy = await pluginWithRealBuild( [ 'settings' ] );
	site = await startSite( {
		pluginDir: pluginCopy,
		extraConfig: [ "define( 'SAVEQUERIES', true );" ],
	} );
	await writeFile(
		path.join( site.dir, 'wp-content/mu-plugins/igny8-test-queries.php' ),
		QUERY_RECORDER
	);
	admin = await site.login( 'admin', ADMIN_PASSWORD );
} );

after( async () => {
	await site?.stop();
	await rm( pluginCopy, { recursive: true, force: true } );
} );

test( 'the plugin is active after prepareWordPress', async () => {
	assert.ok(
		( await site.getOption( 'active_plugins' ) ).includes(
			'igny8/igny8.php'
		)
	);
} );

test( 'activation creates the outbox table, which accepts events', async () => {
	const out = await site.php( `
		global $wpdb;
		$event_id = IGNY8\\Outbox::push( 'post.updated', 'post', 1, array( 'title' => 'Hello' ) );
		echo wp_json_encode( array(
			'tables' => $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . 'igny8_outbox' ) ),
			'row'    => $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}igny8_outbox WHERE event_id = %s", $event_id ), ARRAY_A ),
		) );
	` );
	const { tables, row } = JSON.parse( out );
	assert.deepEqual( tables, [ 'wp_igny8_outbox' ] );
	assert.match( row.event_id, /^[0-9a-f-]{36}$/ );
	assert.equal( row.event_type, 'post.updated' );
	assert.equal( row.object_type, 'post' );
	assert.equal( Number( row.object_id ), 1 );
	assert.deepEqual( JSON.parse( row.payload ), { title: 'Hello' } );
	assert.equal( Number( row.attempts ), 0 );
	assert.equal( row.status, 'pending' );
	assert.match( row.created_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/ );
} );

test( 'event ids are unique in the outbox', async () => {
	const out = await site.php( `
		global $wpdb;
		$wpdb->suppress_errors( true );
		$row = array( 'event_id' => 'same-id', 'event_type' => 'x', 'object_type' => 'post', 'payload' => '{}', 'created_at' => '2026-01-01 00:00:00' );
		echo wp_json_encode( array( $wpdb->insert( $wpdb->prefix . 'igny8_outbox', $row ), $wpdb->insert( $wpdb->prefix . 'igny8_outbox', $row ) ) );
	` );
	assert.deepEqual( JSON.parse( out ), [ 1, false ] );
} );

test( 'connection, settings and db version are stored without autoload', async () => {
	await site.setConnection( fakeConnection() );
	await site.php(
		`IGNY8\\Options::save_settings_cloud_url( 'http://127.0.0.1:8787' );`
	);
	const out = await site.php( `
		global $wpdb;
		echo wp_json_encode( $wpdb->get_results( "SELECT option_name, autoload FROM {$wpdb->options} WHERE option_name IN ( 'igny8_connection', 'igny8_settings', 'igny8_db_version' ) ORDER BY option_name", ARRAY_A ) );
	` );
	assert.deepEqual( JSON.parse( out ), [
		{ option_name: 'igny8_connection', autoload: 'no' },
		{ option_name: 'igny8_db_version', autoload: 'no' },
		{ option_name: 'igny8_settings', autoload: 'no' },
	] );
} );

test( 'no IGNY8 data is autoloaded', async () => {
	const out = await site.php( `
		global $wpdb;
		echo (int) $wpdb->get_var( "SELECT COALESCE( SUM( LENGTH( option_value ) ), 0 ) FROM {$wpdb->options} WHERE autoload = 'yes' AND ( option_name LIKE '%igny8%' OR option_value LIKE '%igny8\\_%' )" );
	` );
	assert.equal( Number( out ), 0 );
} );

test( 'public pages get no IGNY8 script, style or database query', async () => {
	await writeFile(
		path.join( site.dir, 'wp-content/igny8-queries.log' ),
		''
	);
	for ( const page of [
		'/',
		'/hello-world/',
		'/sample-page/',
		'/?s=hello',
	] ) {
		const res = await site.fetch( page );
		assert.equal( res.status, 200, page );
		const html = await res.text();
		hasNot( html, /igny8/i, `${ page } mentions igny8` );
	}
	const { readFile } = await import( 'node:fs/promises' );
	const records = (
		await readFile(
			path.join( site.dir, 'wp-content/igny8-queries.log' ),
			'utf8'
		)
	)
		.trim()
		.split( '\n' )
		.map( ( line ) => JSON.parse( line ) )
		.filter( ( r ) => ! r.uri.startsWith( '/wp-cron.php' ) );
	assert.ok( records.length >= 4 );
	for ( const record of records ) {
		assert.ok( record.total > 0, 'SAVEQUERIES recorded queries' );
		assert.deepEqual(
			record.igny8,
			[],
			`${ record.uri } ran IGNY8 queries`
		);
	}
} );

test( 'the IGNY8 menu leads to the settings page, which renders its root and script', async () => {
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-settings', {
		headers: { cookie: admin.cookie },
	} );
	assert.equal( res.status, 200 );
	const html = await res.text();
	has( html, /<div id="igny8-settings-root" class="wrap"><\/div>/ );
	has(
		html,
		/<li class="[^"]*current[^"]*toplevel_page_igny8-settings[^"]*" id="toplevel_page_igny8-settings">/
	);
	has(
		html,
		/<div class='wp-menu-image dashicons-before dashicons-chart-area'[^]*?<div class='wp-menu-name'>IGNY8</
	);

	const version = builtVersion( 'settings' );
	const script =
		/<script [^>]*id="igny8-settings-js"[^>]*>/.exec( html )?.[ 0 ] ?? '';
	assert.match(
		script,
		new RegExp(
			`src="[^"]+/wp-content/plugins/igny8/build/settings\\.js\\?ver=${ version }"`
		)
	);
	has(
		html,
		new RegExp(
			`<link [^>]*id='igny8-settings-css'[^>]*build/settings\\.css\\?ver=${ version }|<link [^>]*build/settings\\.css\\?ver=${ version }[^>]*id='igny8-settings-css'`
		)
	);
	has(
		html,
		/id='wp-components-css'|load-styles\.php\?[^'"]*wp-components/,
		'wp-components style is loaded as a dependency'
	);
	for ( const dependency of builtDependencies( 'settings' ) ) {
		has(
			html,
			new RegExp(
				`id="${ dependency }-js"|load%5Bchunk_\\d+%5D=([^'"&]*,)?${ dependency }[,&'"]`
			),
			`${ dependency }, a script dependency in build/settings.asset.php, is loaded`
		);
	}

	const inline =
		/<script[^>]*id="igny8-settings-js-before"[^>]*>\s*window\.igny8Initial = (\{.*?\});\s*<\/script>/s.exec(
			html
		);
	assert.ok( inline, 'initial state is inlined before the script' );
	const state = JSON.parse( inline[ 1 ] );
	assert.deepEqual(
		{ ...state, restNonce: 'x' },
		{
			restRoot: `${ site.url }/wp-json/`,
			restNonce: 'x',
			namespace: 'igny8/v1',
			connected: true,
			siteId: 7,
			cloudUrl: 'http://127.0.0.1:9',
			siteName: 'Acme Blog',
			accountName: 'Acme Publishing',
			pluginVersion: '0.1.0',
			wpVersion: '6.5.5',
			user: { id: 1, canManage: true },
		}
	);
	assert.match( state.restNonce, /^[0-9a-f]{10}$/ );
	hasNot( html, /site_secret/ );
	assert.ok(
		inline.index < html.indexOf( 'id="igny8-settings-js"' ),
		'state comes before the script'
	);
} );

test( 'other admin screens do not load the settings script', async () => {
	const html = await (
		await site.fetch( '/wp-admin/index.php', {
			headers: { cookie: admin.cookie },
		} )
	).text();
	has( html, /id="toplevel_page_igny8-settings"/, 'the menu is there' );
	hasNot( html, /igny8-settings-js|igny8Initial/ );
} );

// The block-editor sidebar is enqueued once the build has an editor entry; until then the editor
// must open as WordPress's own, with no IGNY8 script or state.
test( 'the block editor opens without an IGNY8 script while the build has no editor entry', async () => {
	assert.ok(
		! existsSync( path.join( BUILD_DIR, 'editor.asset.php' ) ),
		'the build now has an editor entry: assert that it loads here, with the initial state'
	);
	const res = await site.fetch( '/wp-admin/post-new.php', {
		headers: { cookie: admin.cookie },
	} );
	assert.equal( res.status, 200 );
	const html = await res.text();
	has( html, /id="wp-edit-post-js"|load%5Bchunk_\d+%5D=[^'"]*wp-edit-post/ );
	hasNot( html, /igny8-editor-js|igny8Initial/ );
} );

test( 'without a build the settings page shows a notice instead of failing', async () => {
	await rm( path.join( pluginCopy, 'build' ), { recursive: true } );
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-settings', {
		headers: { cookie: admin.cookie },
	} );
	assert.equal( res.status, 200 );
	const html = await res.text();
	has( html, MISSING_BUILD_NOTICE );
	has( html, /<div id="igny8-settings-root" class="wrap"><\/div>/ );
	hasNot( html, /igny8-settings-js/ );

	const editor = await (
		await site.fetch( '/wp-admin/post-new.php', {
			headers: { cookie: admin.cookie },
		} )
	).text();
	hasNot( editor, /igny8-editor-js/ );
} );

test( 'the settings page is for administrators only', async () => {
	await site.createUser( 'ed', 'editor' );
	await site.setPassword( 'ed', 'ed-password' );
	const editor = await site.login( 'ed', 'ed-password' );
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-settings', {
		headers: { cookie: editor.cookie },
	} );
	assert.equal( res.status, 403 );
} );

test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
