import { createHmac, createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, hmacHex, safeEqual, signRequest } from './index';

describe( 'request signing', () => {
	it( 'builds METHOD, target, timestamp, nonce and the body hash on separate lines', async () => {
		const canonical = await canonicalRequest(
			'post',
			'/wp-json/igny8/v1/status?x=1',
			'1700000000',
			'abc',
			'{"a":1}'
		);
		const bodyHash = createHash( 'sha256' )
			.update( '{"a":1}' )
			.digest( 'hex' );
		expect( canonical ).toBe(
			`POST\n/wp-json/igny8/v1/status?x=1\n1700000000\nabc\n${ bodyHash }`
		);
	} );

	it( 'agrees with PHP-style hash_hmac (node:crypto) for any secret and message', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.stringMatching( /^[0-9a-f]{64}$/ ),
				fc.string(),
				async ( secret, message ) => {
					expect( await hmacHex( secret, message ) ).toBe(
						createHmac( 'sha256', secret )
							.update( message )
							.digest( 'hex' )
					);
				}
			),
			{ numRuns: 50 }
		);
	} );

	it( 'signs with the four X-IGNY8 headers', async () => {
		const headers = await signRequest( {
			siteId: 7,
			secret: 'a'.repeat( 64 ),
			method: 'GET',
			target: '/x',
			now: 1_700_000_000_000,
			nonce: 'n'.repeat( 32 ),
		} );
		expect( headers[ 'X-IGNY8-Site' ] ).toBe( '7' );
		expect( headers[ 'X-IGNY8-Timestamp' ] ).toBe( '1700000000' );
		expect( headers[ 'X-IGNY8-Signature' ] ).toBe(
			createHmac( 'sha256', 'a'.repeat( 64 ) )
				.update(
					`GET\n/x\n1700000000\n${ 'n'.repeat( 32 ) }\n${ createHash( 'sha256' ).update( '' ).digest( 'hex' ) }`
				)
				.digest( 'hex' )
		);
	} );

	it( 'compares in constant time and only equal strings match', () => {
		fc.assert(
			fc.property(
				fc.string(),
				fc.string(),
				( x, y ) => safeEqual( x, y ) === ( x === y )
			)
		);
	} );
} );
