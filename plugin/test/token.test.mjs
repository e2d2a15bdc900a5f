// GET /igny8/v1/token: the browser's JWT for the cloud, verified here with node:crypto.

import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, before, test } from 'node:test';

import { ADMIN_PASSWORD, fakeConnection, startSite } from './wp-fixture.mjs';

const TOKEN = '/wp-json/igny8/v1/token';

let site;
let connection;
const users = {};

before( async () => {
	site = await startSite( {
		extraConfig: [
			"define( 'IGNY8_CLOUD_URL', 'http://cloud.test:8787/' );",
		],
	} );
	connection = fakeConnection( {
		site_id: 31,
		cloud_url: 'http://127.0.0.1:8787',
	} );
	await site.setConnection( connection );
	for ( const role of [ 'editor', 'author', 'contributor', 'subscriber' ] ) {
		const id = await site.createUser( `${ role }1`, role );
		users[ role ] = { id, auth: await site.appPassword( `${ role }1` ) };
	}
} );

after( () => site?.stop() );

const b64url = ( buf ) => Buffer.from( buf ).toString( 'base64url' );

/** Verifies an HS256 JWT with the site secret; returns { header, claims }. */
function verifyJwt( token, secret ) {
	const [ header, payload, signature ] = token.split( '.' );
	const expected = createHmac( 'sha256', secret )
		.update( `${ header }.${ payload }` )
		.digest();
	const given = Buffer.from( signature, 'base64url' );
	assert.equal(
		b64url( given ),
		signature,
		'signature is unpadded base64url'
	);
	assert.ok(
		given.length === expected.length && timingSafeEqual( given, expected ),
		'HS256 signature verifies'
	);
	return {
		header: JSON.parse( Buffer.from( header, 'base64url' ).toString() ),
		claims: JSON.parse( Buffer.from( payload, 'base64url' ).toString() ),
	};
}

test( 'an administrator (cookie + REST nonce) gets an admin token', async () => {
	const { cookie, nonce } = await site.login( 'admin', ADMIN_PASSWORD );
	const before = Math.floor( Date.now() / 1000 );
	const res = await site.request( TOKEN, {
		headers: { cookie, 'X-WP-Nonce': nonce },
	} );
	assert.equal( res.status, 200 );
	assert.match( res.headers.get( 'cache-control' ), /no-store/ );
	assert.deepEqual( Object.keys( res.body ).sort(), [
		'cloud_url',
		'expires_at',
		'role',
		'site_id',
		'token',
	] );
	assert.equal( res.body.cloud_url, 'http://127.0.0.1:8787' );
	assert.equal( res.body.site_id, 31 );
	assert.equal( res.body.role, 'admin' );
	assert.ok( ! res.text.includes( connection.site_secret ) );

	const { header, claims } = verifyJwt(
		res.body.token,
		connection.site_secret
	);
	assert.deepEqual( header, { alg: 'HS256', typ: 'JWT' } );
	assert.equal( claims.iss, 'igny8-wp' );
	assert.equal( claims.aud, 'igny8-cloud' );
	assert.equal( claims.sub, 'wp:1' );
	assert.equal( claims.site_id, 31 );
	assert.equal( claims.wp_user_id, 1 );
	assert.equal( claims.role, 'admin' );
	assert.equal( claims.name, 'admin' );
	assert.ok(
		claims.iat >= before - 1 &&
			claims.iat <= Math.floor( Date.now() / 1000 ) + 1
	);
	assert.equal( claims.exp, claims.iat + 600 );
	assert.equal( res.body.expires_at, claims.exp );
	assert.match( claims.jti, /^[0-9a-f]{32}$/ );
} );

test( 'an editor gets an editor token that names them', async () => {
	const res = await site.request( TOKEN, { auth: users.editor.auth } );
	assert.equal( res.status, 200 );
	const { claims } = verifyJwt( res.body.token, connection.site_secret );
	assert.equal( claims.role, 'editor' );
	assert.equal( res.body.role, 'editor' );
	assert.equal( claims.sub, `wp:${ users.editor.id }` );
	assert.equal( claims.wp_user_id, users.editor.id );
	assert.equal( claims.name, 'editor1 Display' );
} );

test( 'authors and contributors (edit_posts without edit_others_posts) get a viewer token', async () => {
	for ( const role of [ 'author', 'contributor' ] ) {
		const res = await site.request( TOKEN, { auth: users[ role ].auth } );
		assert.equal( res.status, 200, role );
		assert.equal( res.body.role, 'viewer', role );
		const { claims } = verifyJwt( res.body.token, connection.site_secret );
		assert.equal( claims.role, 'viewer', role );
		assert.equal( claims.wp_user_id, users[ role ].id, role );
	}
} );

test( 'a subscriber (no edit_posts) is refused with 403 and gets no token', async () => {
	const res = await site.request( TOKEN, { auth: users.subscriber.auth } );
	assert.equal( res.status, 403 );
	assert.equal( res.body.code, 'igny8_role_forbidden' );
	assert.equal( res.body.message, 'Your WordPress role cannot use IGNY8.' );
	assert.equal( res.body.token, undefined );
	assert.doesNotMatch( res.text, /eyJ/, 'nothing that looks like a JWT' );
} );

test( "the screens' initial state carries the same role: canEdit for editors and up, canManage for admins", async () => {
	const flags = JSON.parse(
		await site.php( `
			$flags = array();
			foreach ( array( 'admin', 'editor1', 'author1', 'contributor1' ) as $login ) {
				wp_set_current_user( get_user_by( 'login', $login )->ID );
				$flags[ $login ] = IGNY8\\Admin::planner_state()['user'];
				unset( $flags[ $login ]['id'] );
			}
			echo wp_json_encode( $flags );
		` )
	);
	assert.deepEqual( flags, {
		admin: { canManage: true, canEdit: true },
		editor1: { canManage: false, canEdit: true },
		author1: { canManage: false, canEdit: false },
		contributor1: { canManage: false, canEdit: false },
	} );
} );

test( 'the IGNY8 screens open for edit_posts and up; a subscriber has no IGNY8 menu and is refused', async () => {
	for ( const login of [ 'contributor1', 'subscriber1' ] ) {
		await site.setPassword( login, `${ login }-password` );
	}
	const contributor = await site.login(
		'contributor1',
		'contributor1-password'
	);
	const subscriber = await site.login(
		'subscriber1',
		'subscriber1-password'
	);
	const screen = ( slug, { cookie } ) =>
		site.fetch( `/wp-admin/admin.php?page=${ slug }`, {
			headers: { cookie },
		} );

	const menu = await (
		await site.fetch( '/wp-admin/index.php', {
			headers: { cookie: contributor.cookie },
		} )
	).text();
	assert.match( menu, /href='admin\.php\?page=igny8-planner'/ );
	for ( const slug of [
		'igny8-planner',
		'igny8-keywords',
		'igny8-credits',
	] ) {
		const res = await screen( slug, contributor );
		await res.arrayBuffer();
		assert.equal( res.status, 200, `contributor, ${ slug }` );
	}
	const settings = await screen( 'igny8-settings', contributor );
	await settings.arrayBuffer();
	assert.equal( settings.status, 403, 'the settings are for administrators' );

	const profile = await (
		await site.fetch( '/wp-admin/profile.php', {
			headers: { cookie: subscriber.cookie },
		} )
	).text();
	assert.doesNotMatch( profile, /page=igny8-/ );
	for ( const slug of [
		'igny8-planner',
		'igny8-keywords',
		'igny8-clusters',
		'igny8-ideas',
		'igny8-credits',
		'igny8-settings',
	] ) {
		const res = await screen( slug, subscriber );
		await res.arrayBuffer();
		assert.equal( res.status, 403, `subscriber, ${ slug }` );
	}
} );

test( 'every token has its own jti', async () => {
	const a = await site.request( TOKEN, { auth: users.editor.auth } );
	const b = await site.request( TOKEN, { auth: users.editor.auth } );
	const jti = ( r ) =>
		verifyJwt( r.body.token, connection.site_secret ).claims.jti;
	assert.notEqual( jti( a ), jti( b ) );
} );

test( 'a token does not verify with another secret', async () => {
	const { body } = await site.request( TOKEN, { auth: users.editor.auth } );
	const [ header, payload, signature ] = body.token.split( '.' );
	const other = createHmac( 'sha256', 'f'.repeat( 64 ) )
		.update( `${ header }.${ payload }` )
		.digest( 'base64url' );
	assert.notEqual( signature, other );
} );

test( 'anonymous visitors get 401', async () => {
	const { status, body } = await site.request( TOKEN );
	assert.equal( status, 401 );
	assert.equal( body.code, 'rest_forbidden' );
} );

test( 'a disconnected site answers 409 igny8_not_connected, still 403 to a subscriber', async () => {
	await site.clearConnection();
	const { status, body } = await site.request( TOKEN, {
		auth: users.editor.auth,
	} );
	assert.equal( status, 409 );
	assert.equal( body.code, 'igny8_not_connected' );
	assert.equal(
		( await site.request( TOKEN, { auth: users.subscriber.auth } ) ).status,
		403
	);
} );

test( 'without a connection or saved settings, the cloud URL comes from IGNY8_CLOUD_URL', async () => {
	const { body } = await site.request( '/wp-json/igny8/v1/status', {
		auth: users.editor.auth,
	} );
	assert.equal( body.connected, false );
	assert.equal( body.cloud_url, 'http://cloud.test:8787' );
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
