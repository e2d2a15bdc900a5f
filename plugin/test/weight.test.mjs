// Plugin weight on the public site (issue 5), held without timing: a visitor's page view makes exactly
// the queries it makes without the plugin, loads nothing of the plugin but its bootstrap, carries no
// plugin asset, and the plugin autoloads at most 200 bytes, whether or not the site is connected.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ADMIN_PASSWORD, fakeConnection, startSite } from './wp-fixture.mjs';

const PLUGIN = 'igny8/igny8.php';
/** What a public request may load of the plugin: the bootstrap, which only adds hooks. */
const BOOTSTRAP = [ 'igny8.php', 'php/autoload.php', 'php/class-plugin.php' ];
const AUTOLOAD_LIMIT = 200;

// On request (header X-Weight-Probe), appends the request's query count and the plugin's PHP files
// it loaded as an HTML comment at shutdown. The test strips the comment before reading the page.
const PROBE = `<?php
add_action( 'shutdown', function () {
	if ( empty( $_SERVER['HTTP_X_WEIGHT_PROBE'] ) ) {
		return;
	}
	$root  = realpath( WP_PLUGIN_DIR . '/igny8' );
	$files = array();
	foreach ( get_included_files() as $file ) {
		if ( $root && 0 === strpos( $file, $root . '/' ) ) {
			$files[] = substr( $file, strlen( $root ) + 1 );
		}
	}
	sort( $files );
	echo "\\n<!-- weight-probe " . wp_json_encode( array( 'queries' => get_num_queries(), 'files' => $files ) ) . ' -->';
}, PHP_INT_MAX );
`;
const PROBE_COMMENT = /\n<!-- weight-probe (\{.*\}) -->$/;

let site;
let pages;
let plain;

// What a visitor requests: public pages, and the admin-ajax.php / admin-post.php calls that themes and
// other plugins make from public pages (these run admin_init; WordPress answers 400 to an unknown action).
const VISITOR_CALLS = {
	'admin-ajax': '/wp-admin/admin-ajax.php?action=nothing',
	'admin-post': '/wp-admin/admin-post.php?action=nothing',
};

async function probe( page ) {
	const res = await site.fetch( page, {
		headers: { 'X-Weight-Probe': '1' },
	} );
	const body = await res.text();
	assert.equal(
		res.status,
		page.startsWith( '/wp-admin/' ) ? 400 : 200,
		page
	);
	const found = PROBE_COMMENT.exec( body );
	assert.ok( found, `${ page } has no probe comment` );
	return { ...JSON.parse( found[ 1 ] ), html: body.slice( 0, found.index ) };
}

// WordPress itself writes a few caches on the first views of a page (block CSS file lists…): measure
// once two views in a row agree.
async function steady( page ) {
	let last = await probe( page );
	for ( let i = 0; i < 6; i++ ) {
		const next = await probe( page );
		if ( next.queries === last.queries ) {
			return next;
		}
		last = next;
	}
	assert.fail(
		`${ page }: the query count never settled (last ${ last.queries })`
	);
}

async function measure( which = pages ) {
	const out = {};
	for ( const [ name, page ] of Object.entries( which ) ) {
		out[ name ] = await steady( page );
	}
	return out;
}

const queries = ( measured ) =>
	Object.fromEntries(
		Object.entries( measured ).map( ( [ k, v ] ) => [ k, v.queries ] )
	);

before( async () => {
	// WP-cron is WordPress's own and runs on whichever request finds an event due: off, so counts compare.
	site = await startSite( {
		extraConfig: [ "define( 'DISABLE_WP_CRON', true );" ],
	} );
	await writeFile(
		path.join( site.dir, 'wp-content/mu-plugins/weight-probe.php' ),
		PROBE
	);
	const made = await site.php( `
		$cat = wp_insert_term( 'Guides', 'category' );
		$paragraphs = '';
		for ( $i = 1; $i <= 5; $i++ ) {
			$paragraphs .= "<!-- wp:paragraph -->\\n<p>Paragraph $i about keyword research, clusters and internal links.</p>\\n<!-- /wp:paragraph -->\\n\\n";
		}
		$ids = array();
		for ( $n = 1; $n <= 3; $n++ ) {
			$ids[] = wp_insert_post( array( 'post_title' => "Guide $n", 'post_name' => "guide-$n", 'post_content' => $paragraphs, 'post_status' => 'publish', 'post_category' => array( $cat['term_id'] ) ), true );
		}
		echo wp_make_link_relative( get_permalink( $ids[0] ) );
	` );
	pages = { home: '/', post: made.trim() };

	// The same site without the plugin: the baseline every measurement compares with.
	await site.php(
		`require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins( '${ PLUGIN }', true );`
	);
	plain = { ...( await measure() ), ...( await measure( VISITOR_CALLS ) ) };
	await site.php(
		`require_once ABSPATH . 'wp-admin/includes/plugin.php'; $r = activate_plugin( '${ PLUGIN }' ); if ( is_wp_error( $r ) ) { exit( 1 ); }`
	);
} );

after( async () => {
	await site?.stop();
} );

const only = ( measured, which ) =>
	Object.fromEntries(
		Object.keys( which ).map( ( k ) => [ k, measured[ k ] ] )
	);

test( 'the baseline is a site without the plugin, and the probe sees its pages', () => {
	for ( const [ name, measured ] of Object.entries( plain ) ) {
		assert.ok( measured.queries > 0, name );
		assert.deepEqual(
			measured.files,
			[],
			`${ name } loaded plugin files while it was inactive`
		);
	}
	assert.match( plain.post.html, /Paragraph 3 about keyword research/ );
	assert.match( plain.home.html, /Guide 2/ );
} );

test( 'public pages make exactly the queries they make without the plugin', async () => {
	assert.ok(
		( await site.getOption( 'active_plugins' ) ).includes( PLUGIN )
	);
	assert.deepEqual(
		queries( await measure() ),
		queries( only( plain, pages ) )
	);
} );

test( "a visitor's admin-ajax.php and admin-post.php calls make exactly the queries they make without the plugin", async () => {
	assert.deepEqual(
		queries( await measure( VISITOR_CALLS ) ),
		queries( only( plain, VISITOR_CALLS ) )
	);
} );

test( 'public pages load only the plugin bootstrap and carry no plugin script, style or mention', async () => {
	for ( const [ name, measured ] of Object.entries( await measure() ) ) {
		assert.deepEqual(
			measured.files,
			BOOTSTRAP,
			`${ name } loaded more than the bootstrap`
		);
		assert.ok(
			! measured.html.includes( '/plugins/igny8/' ),
			`${ name } links a plugin asset`
		);
		assert.ok(
			! /igny8/i.test( measured.html ),
			`${ name } mentions igny8`
		);
	}
} );

test( 'connected, public pages and visitor calls still make the same queries; pages load only the bootstrap', async () => {
	await site.setConnection( fakeConnection() );
	const connected = await measure();
	assert.deepEqual( queries( connected ), queries( only( plain, pages ) ) );
	assert.deepEqual(
		queries( await measure( VISITOR_CALLS ) ),
		queries( only( plain, VISITOR_CALLS ) )
	);
	for ( const [ name, measured ] of Object.entries( connected ) ) {
		assert.deepEqual( measured.files, BOOTSTRAP, name );
		assert.ok(
			! /igny8/i.test( measured.html ),
			`${ name } mentions igny8`
		);
	}
} );

test( `connected and after its admin screens ran, the plugin autoloads at most ${ AUTOLOAD_LIMIT } bytes`, async () => {
	const admin = await site.login( 'admin', ADMIN_PASSWORD );
	for ( const screen of [
		'/wp-admin/admin.php?page=igny8-settings',
		'/wp-admin/post-new.php',
	] ) {
		const res = await site.fetch( screen, {
			headers: { cookie: admin.cookie },
		} );
		await res.arrayBuffer();
		assert.equal( res.status, 200, screen );
	}
	// Options named for the plugin or holding its data, plus its entry in active_plugins.
	const out = await site.php( `
		global $wpdb;
		$rows = $wpdb->get_results( "SELECT option_name, LENGTH( option_value ) AS bytes FROM {$wpdb->options} WHERE autoload = 'yes' AND option_name <> 'active_plugins' AND ( option_name LIKE '%igny8%' OR option_value LIKE '%igny8%' )", ARRAY_A );
		$active  = (array) get_option( 'active_plugins' );
		$without = array_values( array_diff( $active, array( '${ PLUGIN }' ) ) );
		$rows[]  = array( 'option_name' => 'active_plugins (its entry)', 'bytes' => strlen( serialize( $active ) ) - strlen( serialize( $without ) ) );
		echo wp_json_encode( $rows );
	` );
	const rows = JSON.parse( out );
	const total = rows.reduce( ( sum, r ) => sum + Number( r.bytes ), 0 );
	assert.ok(
		total <= AUTOLOAD_LIMIT,
		`${ total } bytes autoloaded: ${ JSON.stringify( rows ) }`
	);
} );

test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
