// Requests signed by the cloud (ARCHITECTURE.md §4), signed here in Node from the spec alone.

import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
	fakeConnection,
	randomHex,
	signedHeaders,
	startSite,
} from './wp-fixture.mjs';

const TARGET = '/wp-json/igny8/v1/site-metadata';

let site;
let connection;
const responses = [];

before( async () => {
	site = await startSite();
	connection = fakeConnection( { site_id: 7 } );
	await site.setConnection( connection );
} );

after( () => site?.stop() );

/** A request signed as the cloud would sign it; `tweak` may alter headers after signing. */
async function signed( {
	method = 'GET',
	target = TARGET,
	body = '',
	secret = connection.site_secret,
	siteId = 7,
	timestamp,
	nonce,
	tweak,
} = {} ) {
	const headers = signedHeaders( {
		siteId,
		secret,
		method,
		target,
		body,
		timestamp,
		nonce,
	} );
	tweak?.( headers );
	const res = await site.request( target, {
		method,
		headers,
		body: body === '' ? undefined : body,
	} );
	responses.push( res.text );
	return res;
}

test( 'a correctly signed request gets the site metadata', async () => {
	const { status, body } = await signed();
	assert.equal( status, 200 );
	assert.equal( body.site_id, 7 );
	assert.equal( body.name, 'Plugin Test Site' );
	assert.equal( body.home_url, site.url );
	assert.equal( body.site_url, site.url );
	assert.equal( body.rest_url, `${ site.url }/wp-json/` );
	assert.equal( body.wp_version, '6.5.5' );
	assert.equal( body.plugin_version, '0.1.0' );
	assert.match( body.php_version, /^\d+\.\d+\.\d+/ );
	assert.equal( body.language, 'en-US' );
	assert.equal( body.timezone, '+00:00' );
	assert.deepEqual(
		body.post_types.find( ( t ) => t.name === 'post' ),
		{ name: 'post', label: 'Posts', hierarchical: false }
	);
	assert.deepEqual(
		body.post_types.find( ( t ) => t.name === 'page' ),
		{ name: 'page', label: 'Pages', hierarchical: true }
	);
	assert.ok(
		! body.post_types.some( ( t ) => t.name === 'wp_template' ),
		'only public post types'
	);
	assert.deepEqual(
		body.taxonomies.find( ( t ) => t.name === 'category' ),
		{
			name: 'category',
			label: 'Categories',
			hierarchical: true,
			object_types: [ 'post' ],
		}
	);
	assert.ok(
		! body.taxonomies.some( ( t ) => t.name === 'nav_menu' ),
		'only public taxonomies'
	);
} );

test( 'the signed target includes the query string', async () => {
	const target = `${ TARGET }?context=view`;
	assert.equal( ( await signed( { target } ) ).status, 200 );
	const withoutQuery = await signed( {
		target,
		tweak: ( h ) => {
			h[ 'X-IGNY8-Signature' ] = signedHeaders( {
				siteId: 7,
				secret: connection.site_secret,
				method: 'GET',
				target: TARGET,
				timestamp: h[ 'X-IGNY8-Timestamp' ],
				nonce: h[ 'X-IGNY8-Nonce' ],
			} )[ 'X-IGNY8-Signature' ];
		},
	} );
	assert.equal( withoutQuery.status, 401 );
	assert.equal( withoutQuery.body.code, 'igny8_bad_signature' );
} );

test( 'a wrong signature is rejected with 401 igny8_bad_signature', async () => {
	const { status, body } = await signed( {
		tweak: ( h ) => ( h[ 'X-IGNY8-Signature' ] = randomHex( 32 ) ),
	} );
	assert.equal( status, 401 );
	assert.equal( body.code, 'igny8_bad_signature' );
} );

test( 'a request signed with another secret is rejected', async () => {
	const { status, body } = await signed( { secret: randomHex( 32 ) } );
	assert.equal( status, 401 );
	assert.equal( body.code, 'igny8_bad_signature' );
} );

test( 'a request signed for another site id is rejected', async () => {
	const { status, body } = await signed( { siteId: 8 } );
	assert.equal( status, 401 );
	assert.equal( body.code, 'igny8_bad_signature' );
} );

test( 'a timestamp 400 seconds old (or ahead) is rejected as stale', async () => {
	const now = Math.floor( Date.now() / 1000 );
	for ( const timestamp of [ now - 400, now + 400 ] ) {
		const { status, body } = await signed( { timestamp } );
		assert.equal( status, 401 );
		assert.equal( body.code, 'igny8_stale_request' );
	}
	assert.equal(
		( await signed( { timestamp: now - 200 } ) ).status,
		200,
		'within 300 s is fine'
	);
} );

test( 'a replayed nonce is rejected', async () => {
	const nonce = randomHex( 16 );
	assert.equal( ( await signed( { nonce } ) ).status, 200 );
	const replay = await signed( { nonce } );
	assert.equal( replay.status, 401 );
	assert.equal( replay.body.code, 'igny8_replayed_nonce' );
} );

test( 'of eight concurrent copies of one signed request, even on a slow database, exactly one is accepted', async () => {
	// php -S runs 4 workers (scripts/wp/env.mjs), so the copies really race. A database that takes 100 ms
	// per query on nonces (as a busy one may) opens wide any gap between "seen?" and "remember it".
	const slowDatabase = path.join(
		site.dir,
		'wp-content/mu-plugins/igny8-test-slow-nonces.php'
	);
	await writeFile(
		slowDatabase,
		"<?php\nadd_filter( 'query', function ( $query ) {\n\tif ( false !== strpos( $query, 'igny8_n' ) ) {\n\t\tusleep( 100000 );\n\t}\n\treturn $query;\n} );\n"
	);
	try {
		for ( let round = 1; round <= 2; round++ ) {
			const headers = signedHeaders( {
				siteId: 7,
				secret: connection.site_secret,
				method: 'GET',
				target: TARGET,
			} );
			const copies = await Promise.all(
				Array.from( { length: 8 }, () =>
					site.request( TARGET, { headers } )
				)
			);
			responses.push( ...copies.map( ( r ) => r.text ) );
			assert.equal(
				copies.filter( ( r ) => r.status === 200 ).length,
				1,
				`round ${ round }: ${ copies.map( ( r ) => r.status ).join( ' ' ) }`
			);
			for ( const refused of copies.filter(
				( r ) => r.status !== 200
			) ) {
				assert.equal( refused.status, 401 );
				assert.equal( refused.body.code, 'igny8_replayed_nonce' );
			}
		}
	} finally {
		await rm( slowDatabase, { force: true } );
	}
} );

test( 'spending nonces now and then forgets those seen more than 10 minutes ago', async () => {
	const out = await site.php( `
		$now = time();
		IGNY8\\Nonces::spend( 'nonce-seen-601-seconds-ago', $now - 601 );
		IGNY8\\Nonces::spend( 'nonce-seen-599-seconds-ago', $now - 599 );
		// Spending the old nonce again says whether it was forgotten (and remembers it again, as expired).
		for ( $spends = 1; $spends < 2000; $spends++ ) {
			IGNY8\\Nonces::spend( 'fresh-nonce-' . $spends, $now );
			if ( IGNY8\\Nonces::spend( 'nonce-seen-601-seconds-ago', $now - 601 ) ) {
				break;
			}
		}
		echo wp_json_encode( array(
			'forgotten'  => $spends < 2000,
			'remembered' => ! IGNY8\\Nonces::spend( 'nonce-seen-599-seconds-ago', $now ),
		) );
	` );
	assert.deepEqual( JSON.parse( out ), {
		forgotten: true,
		remembered: true,
	} );
} );

test( 'a forged request does not burn the nonce it carries', async () => {
	const nonce = randomHex( 16 );
	const forged = await signed( { nonce, secret: randomHex( 32 ) } );
	assert.equal( forged.status, 401 );
	assert.equal( ( await signed( { nonce } ) ).status, 200 );
} );

test( 'each missing header is rejected with 401', async () => {
	for ( const header of [
		'X-IGNY8-Site',
		'X-IGNY8-Timestamp',
		'X-IGNY8-Nonce',
		'X-IGNY8-Signature',
	] ) {
		const { status, body } = await signed( {
			tweak: ( h ) => delete h[ header ],
		} );
		assert.equal( status, 401, header );
		assert.equal( body.code, 'igny8_bad_signature', header );
	}
	const bare = await site.request( TARGET );
	responses.push( bare.text );
	assert.equal( bare.status, 401 );
} );

test( 'the body is part of the signature', async () => {
	// POST /disconnect from the cloud, signed over "{}", but a different body is sent.
	const target = '/wp-json/igny8/v1/disconnect';
	const headers = signedHeaders( {
		siteId: 7,
		secret: connection.site_secret,
		method: 'POST',
		target,
		body: '{}',
	} );
	const res = await site.request( target, {
		method: 'POST',
		headers,
		body: '{"x":1}',
	} );
	responses.push( res.text );
	assert.equal( res.status, 401 );
	assert.equal( res.body.code, 'igny8_bad_signature' );
	assert.ok( await site.getOption( 'igny8_connection' ), 'still connected' );
} );

test( 'the cloud can disconnect the site with a signed request', async () => {
	const res = await signed( {
		method: 'POST',
		target: '/wp-json/igny8/v1/disconnect',
		body: '{}',
	} );
	assert.equal( res.status, 200 );
	assert.deepEqual( res.body, { connected: false, cloud_cleared: true } );
	assert.equal( await site.getOption( 'igny8_connection' ), null );
} );

test( 'signed routes answer 401 igny8_not_connected once disconnected', async () => {
	const { status, body } = await signed();
	assert.equal( status, 401 );
	assert.equal( body.code, 'igny8_not_connected' );
} );

test( 'the site secret never appears in a response', () => {
	assert.ok( responses.length > 15 );
	for ( const text of responses ) {
		assert.ok( ! text.includes( connection.site_secret ) );
	}
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
