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
	site = await startSite( { extraConfig: [ "define( 'IGNY8_CLOUD_URL', 'http://cloud.test:8787/' );" ] } );
	connection = fakeConnection( { site_id: 31, cloud_url: 'http://127.0.0.1:8787' } );
	await site.setConnection( connection );
	for ( const role of [ 'editor', 'author', 'subscriber' ] ) {
		const id = await site.createUser( `${ role }1`, role );
		users[ role ] = { id, auth: await site.appPassword( `${ role }1` ) };
	}
} );

after( () => site?.stop() );

const b64url = ( buf ) => Buffer.from( buf ).toString( 'base64url' );

/** Verifies an HS256 JWT with the site secret; returns { header, claims }. */
function verifyJwt( token, secret ) {
	const [ header, payload, signature ] = token.split( '.' );
	const expected = createHmac( 'sha256', secret ).update( `${ header }.${ payload }` ).digest();
	const given = Buffer.from( signature, 'base64url' );
	assert.equal( b64url( given ), signature, 'signature is unpadded base64url' );
	assert.ok( given.length === expected.length && timingSafeEqual( given, expected ), 'HS256 signature verifies' );
	return {
		header: JSON.parse( Buffer.from( header, 'base64url' ).toString() ),
		claims: JSON.parse( Buffer.from( payload, 'base64url' ).toString() ),
	};
}

test( 'an administrator (cookie + REST nonce) gets an admin token', async () => {
	const { cookie, nonce } = await site.login( 'admin', ADMIN_PASSWORD );
	const before = Math.floor( Date.now() / 1000 );
	const res = await site.request( TOKEN, { headers: { cookie, 'X-WP-Nonce': nonce } } );
	assert.equal( res.status, 200 );
	assert.match( res.headers.get( 'cache-control' ), /no-store/ );
	assert.deepEqual( Object.keys( res.body ).sort(), [ 'cloud_url', 'expires_at', 'role', 'site_id', 'token' ] );
	assert.equal( res.body.cloud_url, 'http://127.0.0.1:8787' );
	assert.equal( res.body.site_id, 31 );
	assert.equal( res.body.role, 'admin' );
	assert.ok( ! res.text.includes( connection.site_secret ) );

	const { header, claims } = verifyJwt( res.body.token, connection.site_secret );
	assert.deepEqual( header, { alg: 'HS256', typ: 'JWT' } );
	assert.equal( claims.iss, 'igny8-wp' );
	assert.equal( claims.aud, 'igny8-cloud' );
	assert.equal( claims.sub, 'wp:1' );
	assert.equal( claims.site_id, 31 );
	assert.equal( claims.wp_user_id, 1 );
	assert.equal( claims.role, 'admin' );
	assert.equal( claims.name, 'admin' );
	assert.ok( claims.iat >= before - 1 && claims.iat <= Math.floor( Date.now() / 1000 ) + 1 );
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

test( 'roles follow capabilities: author (edit_posts) → editor, subscriber → viewer', async () => {
	const author = await site.request( TOKEN, { auth: users.author.auth } );
	assert.equal( verifyJwt( author.body.token, connection.site_secret ).claims.role, 'editor' );
	const subscriber = await site.request( TOKEN, { auth: users.subscriber.auth } );
	assert.equal( subscriber.status, 200 );
	assert.equal( verifyJwt( subscriber.body.token, connection.site_secret ).claims.role, 'viewer' );
} );

test( 'every token has its own jti', async () => {
	const a = await site.request( TOKEN, { auth: users.editor.auth } );
	const b = await site.request( TOKEN, { auth: users.editor.auth } );
	const jti = ( r ) => verifyJwt( r.body.token, connection.site_secret ).claims.jti;
	assert.notEqual( jti( a ), jti( b ) );
} );

test( 'a token does not verify with another secret', async () => {
	const { body } = await site.request( TOKEN, { auth: users.editor.auth } );
	const [ header, payload, signature ] = body.token.split( '.' );
	const other = createHmac( 'sha256', 'f'.repeat( 64 ) ).update( `${ header }.${ payload }` ).digest( 'base64url' );
	assert.notEqual( signature, other );
} );

test( 'anonymous visitors get 401', async () => {
	const { status, body } = await site.request( TOKEN );
	assert.equal( status, 401 );
	assert.equal( body.code, 'rest_forbidden' );
} );

test( 'a disconnected site answers 409 igny8_not_connected', async () => {
	await site.clearConnection();
	const { status, body } = await site.request( TOKEN, { auth: users.editor.auth } );
	assert.equal( status, 409 );
	assert.equal( body.code, 'igny8_not_connected' );
} );

test( 'without a connection or saved settings, the cloud URL comes from IGNY8_CLOUD_URL', async () => {
	const { body } = await site.request( '/wp-json/igny8/v1/status', { auth: users.editor.auth } );
	assert.equal( body.connected, false );
	assert.equal( body.cloud_url, 'http://cloud.test:8787' );
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
