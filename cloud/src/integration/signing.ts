// Verifies requests signed by a connected WordPress site, and signs the cloud's calls to it (ARCHITECTURE §4).
import { and, eq, isNotNull, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import {
	canonicalRequest,
	hmacHex,
	MAX_CLOCK_SKEW_SECONDS,
	NONCE_TTL_SECONDS,
	safeEqual,
	SIGNATURE_HEADERS,
	signRequest,
} from '@igny8/shared';
import type { AppBindings, Env } from '../env';
import type { Db } from '../db';
import { requestNonces, sites } from '../db/schema';
import { decryptSecret } from '../lib/crypto';
import { fetchNoRedirect, outboundUrlProblem } from '../lib/outbound-url';
import { AppError } from '../lib/errors';

export type ConnectedSite = typeof sites.$inferSelect & { secret: string };

export async function loadSiteSecret(
	env: Env,
	db: Db,
	siteId: number
): Promise< ConnectedSite | null > {
	const site = await db.query.sites.findFirst( {
		where: and( eq( sites.id, siteId ), isNotNull( sites.siteSecretEnc ) ),
	} );
	if ( ! site?.siteSecretEnc ) return null;
	return {
		...site,
		secret: await decryptSecret( env.ENCRYPTION_KEY, site.siteSecretEnc ),
	};
}

export async function verifySignedRequest(
	c: Context< AppBindings >
): Promise< ConnectedSite > {
	const h = ( name: string ) => c.req.header( name ) ?? '';
	const siteId = Number( h( SIGNATURE_HEADERS.site ) );
	const timestamp = h( SIGNATURE_HEADERS.timestamp );
	const nonce = h( SIGNATURE_HEADERS.nonce );
	const signature = h( SIGNATURE_HEADERS.signature ).toLowerCase();
	if (
		! siteId ||
		! /^\d{9,11}$/.test( timestamp ) ||
		! /^[A-Za-z0-9_-]{16,64}$/.test( nonce ) ||
		! /^[0-9a-f]{64}$/.test( signature )
	) {
		throw new AppError(
			'bad_signature',
			'The request is not signed: X-IGNY8-Site, -Timestamp, -Nonce and -Signature are required'
		);
	}
	const now = Math.floor( Date.now() / 1000 );
	if ( Math.abs( now - Number( timestamp ) ) > MAX_CLOCK_SKEW_SECONDS ) {
		throw new AppError(
			'stale_request',
			`The request's timestamp is more than ${ MAX_CLOCK_SKEW_SECONDS } s away ` +
				"from the cloud's clock; check the server time"
		);
	}
	const db = c.get( 'db' );
	const site = await loadSiteSecret( c.env, db, siteId );
	if ( ! site )
		throw new AppError( 'bad_signature', 'The site is not connected' );
	const url = new URL( c.req.url );
	const body = new Uint8Array( await c.req.arrayBuffer() );
	const expected = await hmacHex(
		site.secret,
		await canonicalRequest(
			c.req.method,
			url.pathname + url.search,
			timestamp,
			nonce,
			body
		)
	);
	if ( ! safeEqual( expected, signature ) )
		throw new AppError( 'bad_signature', 'The signature does not match' );
	// Only a valid request spends its nonce; the primary key makes a replay fail even under a race.
	const inserted = await db
		.insert( requestNonces )
		.values( { siteId, nonce, expiresAt: now + NONCE_TTL_SECONDS } )
		.onConflictDoNothing()
		.returning( { nonce: requestNonces.nonce } );
	if ( inserted.length === 0 )
		throw new AppError(
			'replayed_nonce',
			'This request was already received (nonce replayed)'
		);
	return site;
}

export async function purgeExpiredNonces( db: Db ): Promise< void > {
	await db
		.delete( requestNonces )
		.where(
			lt( requestNonces.expiresAt, Math.floor( Date.now() / 1000 ) )
		);
}

/**
 * A signed call from the cloud to the site's plugin REST API. The address was checked when the site
 * connected; it is checked again here (rules can tighten) and redirects are not followed.
 */
export async function callWordPress(
	env: Env,
	site: ConnectedSite,
	method: string,
	route: string,
	payload?: unknown,
	timeoutMs = 10_000
): Promise< Response > {
	if ( ! site.wpRestUrl )
		throw new AppError(
			'not_connected',
			'The site has no WordPress address'
		);
	const problem = outboundUrlProblem( env, site.wpRestUrl );
	if ( problem )
		throw new AppError(
			'unprocessable',
			`The site's WordPress address ${ problem }; reconnect it from its new address`
		);
	const url = new URL(
		route.replace( /^\//, '' ),
		site.wpRestUrl.endsWith( '/' ) ? site.wpRestUrl : `${ site.wpRestUrl }/`
	);
	const body = payload === undefined ? '' : JSON.stringify( payload );
	const headers = await signRequest( {
		siteId: site.id,
		secret: site.secret,
		method,
		target: url.pathname + url.search,
		body,
	} );
	return fetchNoRedirect( url, {
		method,
		headers: {
			...headers,
			accept: 'application/json',
			...( body ? { 'content-type': 'application/json' } : {} ),
		},
		body: body || undefined,
		signal: AbortSignal.timeout( timeoutMs ),
	} );
}
