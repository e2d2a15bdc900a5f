// Connect, test both ways and disconnect against the real cloud (wrangler dev with local D1), through the
// plugin's REST routes as a WordPress admin: PHP's signing is held to the cloud's own verification.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startCloud } from '../../scripts/dev/cloud.mjs';
import {
	connectionCode,
	demoOwner,
	demoSite,
} from '../../scripts/dev/stack.mjs';
import { freePort } from '../../scripts/wp/env.mjs';
import { startSite } from './wp-fixture.mjs';

let site;
let cloud;
let cloudDir;
let admin;
let owner;
let cloudSite;
const responses = [];

before( async () => {
	cloudDir = await mkdtemp( path.join( tmpdir(), 'igny8-php-cloud-' ) );
	[ site, cloud ] = await Promise.all( [
		startSite(),
		freePort().then( ( port ) =>
			startCloud( { port, persistDir: cloudDir } )
		),
	] );
	admin = await site.appPassword( 'admin' );
	owner = await demoOwner( cloud.url, {
		email: 'php-bridge@example.test',
		password: 'bridge-password-1',
		account: 'Acme Publishing',
	} );
	cloudSite = await demoSite( cloud.url, owner.access, 'Acme Blog' );
} );

after( async () => {
	await Promise.all( [ site?.stop(), cloud?.stop() ] );
	await rm( cloudDir, { recursive: true, force: true } );
} );

async function post( route, body = {} ) {
	const res = await site.request( `/wp-json/igny8/v1/${ route }`, {
		method: 'POST',
		auth: admin,
		body,
	} );
	responses.push( res.text );
	return res;
}

async function cloudGet( route ) {
	const res = await fetch( `${ cloud.url }/api/v1${ route }`, {
		headers: { authorization: `Bearer ${ owner.access }` },
	} );
	return ( await res.json() ).data;
}

test( 'a refused code comes back with the cloud’s status, code and message, and nothing is stored', async () => {
	const { status, body } = await post( 'connect', {
		cloud_url: cloud.url,
		code: 'IG8-WRNG-WRNG-WRNG',
	} );
	assert.equal( status, 401 );
	assert.equal( body.code, 'unauthenticated' );
	assert.match( body.message, /wrong, used or expired/ );
	assert.ok( body.data.request_id );
	assert.equal( await site.getOption( 'igny8_connection' ), null );
	assert.deepEqual(
		await site.getOption( 'igny8_settings' ),
		{ cloud_url: cloud.url },
		'the cloud URL is kept'
	);
} );

test( 'connecting with a valid code stores the connection and answers the status', async () => {
	const code = await connectionCode( cloud.url, owner.access, cloudSite.id );
	const { status, body } = await post( 'connect', {
		cloud_url: `${ cloud.url }/`,
		code,
	} );
	assert.equal( status, 200 );
	assert.equal( body.connected, true );
	assert.equal( body.cloud_url, cloud.url );
	assert.equal( body.site_id, cloudSite.id );
	assert.equal( body.site_name, 'Acme Blog' );
	assert.equal( body.account_name, 'Acme Publishing' );
	assert.match( body.connected_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ );
	assert.equal( body.plugin_version, '0.1.0' );
	assert.equal( body.wp_version, '6.5.5' );

	const stored = await site.getOption( 'igny8_connection' );
	assert.match( stored.site_secret, /^[0-9a-f]{64}$/ );
	assert.equal( stored.site_id, cloudSite.id );

	const seen = await cloudGet( `/auth/sites/${ cloudSite.id }` );
	assert.equal( seen.connected, true );
	assert.equal( seen.wp_url, site.url );
	assert.equal( seen.wp_version, '6.5.5' );
	assert.equal( seen.plugin_version, '0.1.0' );
} );

test( 'a code works once', async () => {
	const code = await connectionCode( cloud.url, owner.access, cloudSite.id );
	const stored = await site.getOption( 'igny8_connection' );
	assert.equal(
		( await post( 'connect', { cloud_url: cloud.url, code } ) ).status,
		200
	);
	const again = await post( 'connect', { cloud_url: cloud.url, code } );
	assert.equal( again.status, 401 );
	assert.notEqual(
		( await site.getOption( 'igny8_connection' ) ).site_secret,
		stored.site_secret,
		'a new code gives a new secret'
	);
} );

test( '/status reflects the connection', async () => {
	const { body } = await site.request( '/wp-json/igny8/v1/status', {
		auth: admin,
	} );
	assert.equal( body.connected, true );
	assert.equal( body.site_id, cloudSite.id );
	assert.equal( body.cloud_url, cloud.url );
} );

test( 'the test checks both directions with signed requests', async () => {
	const { status, body } = await post( 'test' );
	assert.equal( status, 200 );
	assert.equal( body.wp_to_cloud, true );
	assert.equal( body.cloud_to_wp, true, body.error );
	assert.equal( body.error, undefined );
	assert.equal( body.account.name, 'Acme Publishing' );
	assert.equal( body.site.name, 'Acme Blog' );
	assert.ok(
		( await cloudGet( `/auth/sites/${ cloudSite.id }` ) ).last_seen_at
	);
} );

test( 'a cloud that rejects our signature is reported with its 401', async () => {
	const stored = await site.getOption( 'igny8_connection' );
	await site.setConnection( { ...stored, site_secret: 'a'.repeat( 64 ) } );
	const { status, body } = await post( 'test' );
	assert.equal( status, 401 );
	assert.equal( body.code, 'bad_signature' );
	await site.setConnection( stored );
} );

test( 'a token minted by WordPress is accepted by the cloud for this site', async () => {
	const { body } = await site.request( '/wp-json/igny8/v1/token', {
		auth: admin,
	} );
	const res = await fetch( `${ cloud.url }/api/v1/auth/me`, {
		headers: { authorization: `Bearer ${ body.token }` },
	} );
	const me = ( await res.json() ).data;
	assert.equal( res.status, 200 );
	assert.equal( me.role, 'admin' );
	assert.equal( me.site.id, cloudSite.id );
	assert.equal( me.account.name, 'Acme Publishing' );
} );

test( 'an admin disconnect tells the cloud, then forgets the connection', async () => {
	const { status, body } = await post( 'disconnect' );
	assert.equal( status, 200 );
	assert.deepEqual( body, { connected: false, cloud_cleared: true } );
	assert.equal( await site.getOption( 'igny8_connection' ), null );
	assert.equal(
		( await site.request( '/wp-json/igny8/v1/status', { auth: admin } ) )
			.body.connected,
		false
	);
	assert.equal(
		( await cloudGet( `/auth/sites/${ cloudSite.id }` ) ).connected,
		false
	);
} );

test( 'connect works from PHP through wp-load.php (for setup scripts)', async () => {
	const code = await connectionCode( cloud.url, owner.access, cloudSite.id );
	const out = await site.php(
		`echo wp_json_encode( IGNY8\\Connection::connect( getenv( 'CLOUD' ), getenv( 'CODE' ) ) );`,
		{
			CLOUD: cloud.url,
			CODE: code,
		}
	);
	const status = JSON.parse( out );
	assert.equal( status.connected, true );
	assert.equal( status.site_id, cloudSite.id );
	const stored = await site.getOption( 'igny8_connection' );
	assert.ok( ! out.includes( stored.site_secret ) );
} );

test( 'a disconnect from the dashboard reaches WordPress, signed by the cloud', async () => {
	const res = await fetch(
		`${ cloud.url }/api/v1/integration/sites/${ cloudSite.id }/disconnect`,
		{
			method: 'POST',
			headers: { authorization: `Bearer ${ owner.access }` },
		}
	);
	const body = ( await res.json() ).data;
	assert.deepEqual( body, { connected: false, wordpress_notified: true } );
	assert.equal( await site.getOption( 'igny8_connection' ), null );
} );

test( 'disconnect still clears locally when the cloud is unreachable', async () => {
	const code = await connectionCode( cloud.url, owner.access, cloudSite.id );
	assert.equal(
		( await post( 'connect', { cloud_url: cloud.url, code } ) ).status,
		200
	);
	const stored = await site.getOption( 'igny8_connection' );
	const deadPort = await freePort();
	await site.setConnection( {
		...stored,
		cloud_url: `http://127.0.0.1:${ deadPort }`,
	} );
	const { status, body } = await post( 'disconnect' );
	assert.equal( status, 200 );
	assert.deepEqual( body, { connected: false, cloud_cleared: false } );
	assert.equal( await site.getOption( 'igny8_connection' ), null );
} );

test( 'an unreachable cloud is a 502 igny8_cloud_unreachable', async () => {
	const deadPort = await freePort();
	const { status, body } = await post( 'connect', {
		cloud_url: `http://127.0.0.1:${ deadPort }`,
		code: 'IG8-AAAA-BBBB-CCCC',
	} );
	assert.equal( status, 502 );
	assert.equal( body.code, 'igny8_cloud_unreachable' );
} );

test( 'a URL that is not an IGNY8 cloud is a 502 igny8_cloud_bad_response', async () => {
	// WordPress itself answers HTML there.
	const { status, body } = await post( 'connect', {
		cloud_url: `${ site.url }/not-a-cloud`,
		code: 'IG8-AAAA-BBBB-CCCC',
	} );
	assert.equal( status, 502 );
	assert.equal( body.code, 'igny8_cloud_bad_response' );
} );

test( 'the site secret never appears in a response', async () => {
	for ( const text of responses ) {
		assert.ok(
			! /[0-9a-f]{64}/.test( text ),
			'no 64-hex secret in any answer'
		);
	}
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
