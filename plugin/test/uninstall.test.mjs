// Deleting the plugin removes everything it stored, and nothing else.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { fakeConnection, signedHeaders, startSite } from './wp-fixture.mjs';

let site;

before( async () => {
	site = await startSite();
} );

after( () => site?.stop() );

test( 'uninstall removes options, seen nonces, transients, the outbox table and IGNY8 post meta', async () => {
	const connection = fakeConnection();
	await site.setConnection( connection );
	// A signed request leaves its nonce behind.
	const target = '/wp-json/igny8/v1/site-metadata';
	const res = await site.request( target, {
		headers: signedHeaders( {
			siteId: connection.site_id,
			secret: connection.site_secret,
			method: 'GET',
			target,
		} ),
	} );
	assert.equal( res.status, 200 );

	await site.php( `
		IGNY8\\Options::save_settings_cloud_url( 'http://127.0.0.1:8787' );
		set_transient( 'igny8_n_' . md5( 'left by an earlier build' ), 1, 600 );
		IGNY8\\Outbox::push( 'post.updated', 'post', 1, array() );
		update_post_meta( 1, '_igny8_task_id', 5 );
		update_post_meta( 1, '_igny8_managed', true );
		update_post_meta( 2, '_igny8_content_id', 9 );
		update_post_meta( 1, '_other_plugin_meta', 'keep me' );
		update_option( 'other_plugin_option', 'keep me' );
	` );

	const snapshot = `
		global $wpdb;
		echo wp_json_encode( array(
			'options'    => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%igny8%' ORDER BY option_name" ),
			'meta'       => $wpdb->get_col( "SELECT meta_key FROM {$wpdb->postmeta} WHERE meta_key LIKE '%igny8%' ORDER BY meta_key" ),
			'table'      => $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . 'igny8_outbox' ) ),
			'other_meta' => get_post_meta( 1, '_other_plugin_meta', true ),
			'other_opt'  => get_option( 'other_plugin_option' ),
		) );
	`;
	const beforeUninstall = JSON.parse( await site.php( snapshot ) );
	assert.deepEqual( beforeUninstall.meta, [
		'_igny8_content_id',
		'_igny8_managed',
		'_igny8_task_id',
	] );
	assert.deepEqual( beforeUninstall.table, [ 'wp_igny8_outbox' ] );
	assert.ok( beforeUninstall.options.includes( 'igny8_connection' ) );
	assert.ok( beforeUninstall.options.includes( 'igny8_settings' ) );
	assert.ok( beforeUninstall.options.includes( 'igny8_db_version' ) );
	assert.ok(
		beforeUninstall.options.some( ( o ) => o.startsWith( 'igny8_nonce_' ) )
	);
	assert.ok(
		beforeUninstall.options.some( ( o ) =>
			o.startsWith( '_transient_igny8_n_' )
		)
	);
	assert.ok(
		beforeUninstall.options.some( ( o ) =>
			o.startsWith( '_transient_timeout_igny8_n_' )
		)
	);

	// What wp-admin does when the plugin is deleted: deactivate, then run uninstall.php.
	await site.php( `
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		deactivate_plugins( 'igny8/igny8.php' );
		uninstall_plugin( 'igny8/igny8.php' );
	` );

	const afterUninstall = JSON.parse( await site.php( snapshot ) );
	assert.deepEqual( afterUninstall, {
		options: [],
		meta: [],
		table: [],
		other_meta: 'keep me',
		other_opt: 'keep me',
	} );
} );

test( 'uninstall.php does nothing when loaded outside an uninstall', async () => {
	const out = await site
		.php(
			`include WP_PLUGIN_DIR . '/igny8/uninstall.php'; echo 'not reached';`
		)
		.catch( ( e ) => e.message );
	assert.doesNotMatch( out, /not reached/ );
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
