// Resolves the caller of a request to a Principal: a dashboard user's access token, a WordPress-minted
// browser token, or a request signed by a connected site.
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { SIGNATURE_HEADERS } from '@igny8/shared';
import type { AppBindings } from '../env';
import type { Db } from '../db';
import { accounts, siteUserAccess, users } from '../db/schema';
import { AppError, unauthenticated } from '../lib/errors';
import type { Principal } from '../lib/principal';
import {
	peekToken,
	verifyAccessToken,
	verifyWordPressToken,
	WP_ISSUER,
} from './tokens';
import { loadSiteSecret, verifySignedRequest } from '../integration/signing';
import { assertAccountUsable } from './account-status';

/** The account of a site's token or signature: one primary-key read, after the caller proved who it is. */
async function assertSiteAccountUsable( db: Db, accountId: number ) {
	const account = await db.query.accounts.findFirst( {
		columns: { status: true },
		where: eq( accounts.id, accountId ),
	} );
	if ( ! account )
		throw unauthenticated( 'The account of this site no longer exists' );
	assertAccountUsable( account.status );
}

export async function authenticate(
	c: Context< AppBindings >,
	opts: { wordpress: boolean; signed: boolean }
): Promise< Principal > {
	const db = c.get( 'db' );
	const header = c.req.header( 'authorization' );
	let principal: Principal;

	if (
		! header &&
		opts.signed &&
		c.req.header( SIGNATURE_HEADERS.signature )
	) {
		const site = await verifySignedRequest( c );
		await assertSiteAccountUsable( db, site.accountId );
		principal = {
			kind: 'site_signature',
			accountId: site.accountId,
			userId: null,
			role: 'admin',
			allAccounts: false,
			siteIds: [ site.id ],
			siteId: site.id,
			wpUserId: null,
		};
	} else {
		const match = header?.match( /^Bearer\s+(\S+)$/i );
		if ( ! match )
			throw unauthenticated( 'Send "Authorization: Bearer <token>"' );
		const token = match[ 1 ]!;
		const peek = peekToken( token );
		if ( peek.issuer === WP_ISSUER ) {
			if ( ! peek.siteId )
				throw unauthenticated( 'The token names no site' );
			const site = await loadSiteSecret( c.env, db, peek.siteId );
			if ( ! site )
				throw unauthenticated(
					'The site of this token is not connected'
				);
			const claims = await verifyWordPressToken(
				site.secret,
				token,
				site.id
			);
			await assertSiteAccountUsable( db, site.accountId );
			if ( ! opts.wordpress )
				throw new AppError(
					'forbidden',
					'This action is not available from WordPress; use the IGNY8 dashboard'
				);
			principal = {
				kind: 'wordpress',
				accountId: site.accountId,
				userId: null,
				role: claims.role,
				allAccounts: false,
				siteIds: [ site.id ],
				siteId: site.id,
				wpUserId: claims.wpUserId,
			};
		} else {
			const claims = await verifyAccessToken( c.env.JWT_SECRET, token );
			// The account's status comes with the user: one read decides both.
			const [ row ] = await db
				.select( { user: users, accountStatus: accounts.status } )
				.from( users )
				.innerJoin( accounts, eq( accounts.id, users.accountId ) )
				.where( eq( users.id, claims.userId ) )
				.limit( 1 );
			const user = row?.user;
			if (
				! user ||
				user.accountId !== claims.accountId ||
				user.status !== 'active'
			)
				throw unauthenticated( 'This user no longer has access' );
			assertAccountUsable( row.accountStatus );
			const role = user.role;
			let siteIds: Principal[ 'siteIds' ] = 'all';
			if ( role === 'editor' || role === 'viewer' ) {
				const grants = await db
					.select( { siteId: siteUserAccess.siteId } )
					.from( siteUserAccess )
					.where( eq( siteUserAccess.userId, user.id ) );
				siteIds = grants.map( ( g ) => g.siteId );
			}
			principal = {
				kind: 'user',
				accountId: user.accountId,
				userId: user.id,
				role,
				allAccounts: role === 'developer' || role === 'system_bot',
				siteIds,
				siteId: null,
				wpUserId: null,
			};
		}
	}

	const limiter = c.env.API_LIMITER;
	if ( limiter ) {
		const key = principal.userId
			? `u:${ principal.userId }`
			: `s:${ principal.siteId }:${ principal.wpUserId ?? 'server' }`;
		const { success } = await limiter.limit( { key } );
		if ( ! success )
			throw new AppError(
				'rate_limited',
				'Too many requests; slow down and try again in a minute'
			);
	}
	c.set( 'principal', principal );
	return principal;
}

/**
 * The session (refresh-token family) of the caller's dashboard access token, or null (WordPress tokens,
 * signed requests, tokens issued before access tokens named their session). The token was verified by
 * `authenticate` earlier in this request; it is verified again here rather than trusted undecoded.
 */
export async function callerSessionId(
	c: Context< AppBindings >
): Promise< string | null > {
	const token = c.req
		.header( 'authorization' )
		?.match( /^Bearer\s+(\S+)$/i )?.[ 1 ];
	if ( ! token || peekToken( token ).issuer === WP_ISSUER ) return null;
	return ( await verifyAccessToken( c.env.JWT_SECRET, token ) ).sessionId;
}
