// Connecting a WordPress site: one-time codes, the exchange for a site secret, tests both ways, disconnect.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomHex } from '@igny8/shared';
import type { Env } from '../env';
import type { Db } from '../db';
import { accounts, connectionCodes, sites } from '../db/schema';
import { encryptSecret, sha256 } from '../lib/crypto';
import { AppError, validation } from '../lib/errors';
import { checkOutboundUrl } from '../lib/outbound-url';
import type { Principal } from '../lib/principal';
import type { Site } from '../lib/resources';
import { accountPlan } from '../tenancy/plans';
import { planOut, siteOut } from '../tenancy/serialize';
import { siteConnected } from '../sync/full-sync';
import { callWordPress, loadSiteSecret } from './signing';

const CODE_TTL_MS = 15 * 60 * 1000;
// No 0/O, 1/I/L: codes are read and typed by people.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCode(): string {
	const bytes = crypto.getRandomValues( new Uint8Array( 12 ) );
	const chars = Array.from(
		bytes,
		( b ) => ALPHABET[ b % ALPHABET.length ]
	).join( '' );
	return `IG8-${ chars.slice( 0, 4 ) }-${ chars.slice( 4, 8 ) }-${ chars.slice( 8, 12 ) }`;
}

function normaliseCode( code: string ) {
	return code.trim().toUpperCase().replace( /\s+/g, '' );
}

export async function createConnectionCode( db: Db, p: Principal, site: Site ) {
	const code = newCode();
	const expiresAt = new Date( Date.now() + CODE_TTL_MS ).toISOString();
	await db.insert( connectionCodes ).values( {
		accountId: site.accountId,
		siteId: site.id,
		codeHash: await sha256( code ),
		expiresAt,
		createdBy: p.userId,
	} );
	return { code, expires_at: expiresAt };
}

export async function connect(
	env: Env,
	db: Db,
	input: {
		code: string;
		site_url: string;
		rest_url?: string;
		wp_version?: string;
		plugin_version?: string;
		site_name?: string;
	}
) {
	// The cloud will call these addresses: public https only (loopback only in local development), and
	// the REST root on the site's own origin. Checked before the code is spent, so a typo costs no code.
	const siteUrl = checkOutboundUrl( env, input.site_url, 'site_url' );
	const restUrl = input.rest_url
		? checkOutboundUrl( env, input.rest_url, 'rest_url' ).toString()
		: new URL( '/wp-json/', siteUrl ).toString();
	if ( new URL( restUrl ).origin !== siteUrl.origin )
		throw validation( 'The REST URL must be on the site’s own address', {
			rest_url: [ `must start with ${ siteUrl.origin }` ],
		} );
	const now = new Date().toISOString();
	const hash = await sha256( normaliseCode( input.code ) );
	// Spend the code first: of two exchanges of one code only one gets a secret.
	const [ spent ] = await db
		.update( connectionCodes )
		.set( { usedAt: now } )
		.where(
			and(
				eq( connectionCodes.codeHash, hash ),
				isNull( connectionCodes.usedAt ),
				gt( connectionCodes.expiresAt, now )
			)
		)
		.returning();
	if ( ! spent )
		throw new AppError(
			'unauthenticated',
			'The connection code is wrong, used or expired; create a new one in IGNY8'
		);
	const secret = randomHex( 32 );
	const [ site ] = await db
		.update( sites )
		.set( {
			siteSecretEnc: await encryptSecret( env.ENCRYPTION_KEY, secret ),
			wpUrl: input.site_url,
			wpOrigin: siteUrl.origin,
			wpRestUrl: restUrl,
			wpVersion: input.wp_version ?? null,
			pluginVersion: input.plugin_version ?? null,
			domain: siteUrl.host,
			connectedAt: now,
			lastSeenAt: now,
			updatedAt: now,
		} )
		.where(
			and(
				eq( sites.id, spent.siteId ),
				eq( sites.accountId, spent.accountId )
			)
		)
		.returning();
	if ( ! site )
		throw new AppError(
			'not_found',
			'The site of this code no longer exists'
		);
	// The mirror of the site's posts fills in the background (after WordPress has stored its secret); a
	// sync that cannot be queued never fails the connection.
	await siteConnected( env, db, site, { delaySeconds: 2 } ).catch(
		() => undefined
	);
	const account = await db.query.accounts.findFirst( {
		where: eq( accounts.id, site.accountId ),
	} );
	const plan = await accountPlan( db, site.accountId );
	return {
		site_id: site.id,
		site_secret: secret,
		site: siteOut( site ),
		account: { id: account!.id, name: account!.name },
		plan: plan ? planOut( plan ) : null,
	};
}

/** Cloud → WordPress: a signed call to the plugin's site-metadata route. */
async function pingWordPress(
	env: Env,
	db: Db,
	siteId: number
): Promise< { ok: boolean; error?: string } > {
	const site = await loadSiteSecret( env, db, siteId );
	if ( ! site ) return { ok: false, error: 'The site is not connected' };
	try {
		const res = await callWordPress(
			env,
			site,
			'GET',
			'igny8/v1/site-metadata'
		);
		// What WordPress answered is not echoed back (the address could serve anything); the status and what
		// it usually means are.
		if ( ! res.ok )
			return { ok: false, error: wordpressStatusError( res.status ) };
		const meta = await res.json< {
			site_id?: number;
			wp_version?: string;
			plugin_version?: string;
		} >();
		if ( Number( meta.site_id ) !== site.id )
			return {
				ok: false,
				error: 'WordPress is connected to another site id',
			};
		await db
			.update( sites )
			.set( {
				lastSeenAt: new Date().toISOString(),
				wpVersion: meta.wp_version ?? site.wpVersion,
				pluginVersion: meta.plugin_version ?? site.pluginVersion,
			} )
			.where( eq( sites.id, site.id ) );
		return { ok: true };
	} catch ( err ) {
		if ( err instanceof AppError ) return { ok: false, error: err.message };
		return {
			ok: false,
			error: `WordPress could not be reached at ${ site.wpRestUrl }`,
		};
	}
}

function wordpressStatusError( status: number ): string {
	if ( status === 401 || status === 403 )
		return (
			`WordPress refused the cloud's signed request (${ status }): ` +
			'the site may have been disconnected there; reconnect it'
		);
	if ( status === 404 )
		return 'WordPress answered 404: is the IGNY8 plugin active and are permalinks on?';
	if ( status >= 300 && status < 400 )
		return `WordPress answered with a redirect (${ status }): connect the site from its final address`;
	return `WordPress answered ${ status }`;
}

export async function testConnection(
	env: Env,
	db: Db,
	p: Principal,
	site: Site
) {
	if ( ! site.siteSecretEnc )
		throw new AppError(
			'not_connected',
			'This site is not connected to WordPress'
		);
	const cloudToWp = await pingWordPress( env, db, site.id );
	const fresh = ( await db.query.sites.findFirst( {
		where: eq( sites.id, site.id ),
	} ) )!;
	const account = await db.query.accounts.findFirst( {
		where: eq( accounts.id, site.accountId ),
	} );
	const plan = await accountPlan( db, site.accountId );
	return {
		// A signed call from the site proves WordPress → cloud; a dashboard user's test cannot.
		wp_to_cloud: p.kind === 'site_signature',
		cloud_to_wp: cloudToWp.ok,
		...( cloudToWp.error ? { error: cloudToWp.error } : {} ),
		site: siteOut( fresh ),
		account: { id: account!.id, name: account!.name },
		plan: plan ? planOut( plan ) : null,
	};
}

export async function disconnect( env: Env, db: Db, p: Principal, site: Site ) {
	let wordpressNotified = false;
	// Asked from the dashboard: tell WordPress first, while the secret still signs.
	if ( p.kind !== 'site_signature' && site.siteSecretEnc ) {
		const connected = await loadSiteSecret( env, db, site.id );
		try {
			const res = connected
				? await callWordPress(
						env,
						connected,
						'POST',
						'igny8/v1/disconnect',
						{}
					)
				: null;
			wordpressNotified = Boolean( res?.ok );
		} catch {
			wordpressNotified = false;
		}
	}
	await db
		.update( sites )
		.set( {
			siteSecretEnc: null,
			wpOrigin: null,
			connectedAt: null,
			updatedAt: new Date().toISOString(),
		} )
		.where( eq( sites.id, site.id ) );
	return {
		connected: false as const,
		wordpress_notified: p.kind === 'site_signature' || wordpressNotified,
	};
}
