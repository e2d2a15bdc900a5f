// Who may call the igny8/v1 routes as a WordPress user, and how arguments are validated.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ADMIN_PASSWORD, startSite } from './wp-fixture.mjs';

let site;
let adminApp;
let editorApp;
let subscriberApp;

before( async () => {
	site = await startSite();
	await site.createUser( 'editor1', 'editor' );
	await site.createUser( 'subscriber1', 'subscriber' );
	[ adminApp, editorApp, subscriberApp ] = await Promise.all( [
		site.appPassword( 'admin' ),
		site.appPassword( 'editor1' ),
		site.appPassword( 'subscriber1' ),
	] );
} );

after( () => site?.stop() );

const STATUS = '/wp-json/igny8/v1/status';

test( 'the namespace lists every route with its methods', async () => {
	const { status, body } = await site.request( '/wp-json/igny8/v1' );
	assert.equal( status, 200 );
	const routes = Object.fromEntries(
		Object.entries( body.routes ).map( ( [ route, r ] ) => [
			route,
			r.methods,
		] )
	);
	assert.deepEqual( routes, {
		'/igny8/v1': [ 'GET' ],
		'/igny8/v1/status': [ 'GET' ],
		'/igny8/v1/connect': [ 'POST' ],
		'/igny8/v1/test': [ 'POST' ],
		'/igny8/v1/disconnect': [ 'POST' ],
		'/igny8/v1/site-metadata': [ 'GET' ],
		'/igny8/v1/token': [ 'GET' ],
		'/igny8/v1/posts': [ 'GET', 'POST' ],
		'/igny8/v1/posts/(?P<id>\\d+)': [ 'GET', 'PUT' ],
		'/igny8/v1/post-by-content-id/(?P<id>\\d+)': [ 'GET' ],
		'/igny8/v1/post-by-task-id/(?P<id>\\d+)': [ 'GET' ],
		'/igny8/v1/terms': [ 'POST' ],
		'/igny8/v1/media': [ 'POST' ],
		'/igny8/v1/outbox/flush': [ 'POST' ],
	} );
	const connectArgs = body.routes[ '/igny8/v1/connect' ].endpoints[ 0 ].args;
	assert.equal( connectArgs.cloud_url.required, true );
	assert.equal( connectArgs.cloud_url.format, 'uri' );
	assert.equal( connectArgs.code.required, true );
} );

test( '/status refuses anonymous requests with 401', async () => {
	const { status, body } = await site.request( STATUS );
	assert.equal( status, 401 );
	assert.equal( body.code, 'rest_forbidden' );
} );

test( '/status answers an administrator authenticated with an application password', async () => {
	const { status, body } = await site.request( STATUS, { auth: adminApp } );
	assert.equal( status, 200 );
	assert.deepEqual( body, {
		connected: false,
		cloud_url: 'https://api.igny8.com',
		site_id: null,
		site_name: null,
		account_name: null,
		connected_at: null,
		plugin_version: '0.1.0',
		wp_version: '6.5.5',
		outbox: {
			pending: 0,
			failed: 0,
			oldest_pending_at: null,
			last_delivery_at: null,
			last_error: null,
		},
	} );
} );

test( '/status answers a logged-in browser that sends the REST nonce', async () => {
	const { cookie, nonce } = await site.login( 'admin', ADMIN_PASSWORD );
	const withNonce = await site.request( STATUS, {
		headers: { cookie, 'X-WP-Nonce': nonce },
	} );
	assert.equal( withNonce.status, 200 );
	assert.equal( withNonce.body.connected, false );

	// Without the nonce, WordPress treats a cookie request as anonymous (CSRF protection).
	const withoutNonce = await site.request( STATUS, { headers: { cookie } } );
	assert.equal( withoutNonce.status, 401 );
} );

test( '/status is open to editors and closed to subscribers (403)', async () => {
	assert.equal(
		( await site.request( STATUS, { auth: editorApp } ) ).status,
		200
	);
	const { status, body } = await site.request( STATUS, {
		auth: subscriberApp,
	} );
	assert.equal( status, 403 );
	assert.equal( body.code, 'rest_forbidden' );
} );

test( 'connect, test and disconnect are for administrators only', async () => {
	const calls = [
		[
			'/wp-json/igny8/v1/connect',
			{ cloud_url: 'http://127.0.0.1:9', code: 'x' },
		],
		[ '/wp-json/igny8/v1/test', {} ],
		[ '/wp-json/igny8/v1/disconnect', {} ],
	];
	for ( const [ path, body ] of calls ) {
		assert.equal(
			( await site.request( path, { method: 'POST', body } ) ).status,
			401,
			`${ path } anonymous`
		);
		assert.equal(
			(
				await site.request( path, {
					method: 'POST',
					body,
					auth: editorApp,
				} )
			).status,
			403,
			`${ path } editor`
		);
	}
} );

test( 'connect rejects a missing code and a cloud URL that is not a URL', async () => {
	const missing = await site.request( '/wp-json/igny8/v1/connect', {
		method: 'POST',
		auth: adminApp,
		body: { cloud_url: 'http://127.0.0.1:9' },
	} );
	assert.equal( missing.status, 400 );
	assert.equal( missing.body.code, 'rest_missing_callback_param' );
	assert.deepEqual( missing.body.data.params, [ 'code' ] );

	const badUrl = await site.request( '/wp-json/igny8/v1/connect', {
		method: 'POST',
		auth: adminApp,
		body: { cloud_url: 'not a url', code: 'abc' },
	} );
	assert.equal( badUrl.status, 400 );
	assert.equal( badUrl.body.code, 'rest_invalid_param' );
	assert.ok( 'cloud_url' in badUrl.body.data.params );
} );

test( 'test answers 409 while the site is not connected', async () => {
	const { status, body } = await site.request( '/wp-json/igny8/v1/test', {
		method: 'POST',
		auth: adminApp,
	} );
	assert.equal( status, 409 );
	assert.equal( body.code, 'igny8_not_connected' );
} );

test( 'IGNY8 post meta is registered for REST and hidden from users who cannot edit posts', async () => {
	const post = await site.request( '/wp-json/wp/v2/posts/1?context=edit', {
		auth: editorApp,
	} );
	assert.equal( post.status, 200 );
	assert.deepEqual(
		Object.keys( post.body.meta )
			.filter( ( k ) => k.startsWith( '_igny8_' ) )
			.sort(),
		[
			'_igny8_content_id',
			'_igny8_last_synced',
			'_igny8_managed',
			'_igny8_meta_description',
			'_igny8_meta_title',
			'_igny8_revision',
			'_igny8_task_id',
		]
	);

	const updated = await site.request( '/wp-json/wp/v2/posts/1', {
		method: 'POST',
		auth: adminApp,
		body: {
			meta: {
				_igny8_task_id: 12,
				_igny8_managed: true,
				_igny8_last_synced: '2026-01-02T03:04:05Z',
			},
		},
	} );
	assert.equal( updated.status, 200 );
	assert.equal( updated.body.meta._igny8_task_id, 12 );
	assert.equal( updated.body.meta._igny8_managed, true );

	const stored = await site.php(
		`echo wp_json_encode( array( get_post_meta( 1, '_igny8_task_id', true ), get_post_meta( 1, '_igny8_managed', true ) ) );`
	);
	assert.deepEqual( JSON.parse( stored ), [ '12', '1' ] );

	const forbidden = await site.request( '/wp-json/wp/v2/posts/1', {
		method: 'POST',
		auth: subscriberApp,
		body: { meta: { _igny8_task_id: 13 } },
	} );
	assert.equal( forbidden.status, 403 );
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
