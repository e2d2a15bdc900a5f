// Sign-up, sign-in, refresh-token rotation and the ending of sessions.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { slugify } from '@igny8/shared';
import type { Db } from '../db';
import {
	accounts,
	creditTransactions,
	refreshTokens,
	subscriptions,
	users,
} from '../db/schema';
import {
	hashPassword,
	randomToken,
	sha256,
	verifyPassword,
} from '../lib/crypto';
import { AppError, conflict, unauthenticated } from '../lib/errors';
import { accountOut, userOut } from '../tenancy/serialize';
import { defaultPlan } from '../tenancy/plans';
import { assertAccountUsable } from './account-status';
import { REFRESH_TTL_SECONDS, signAccessToken } from './tokens';

type UserRow = typeof users.$inferSelect;
type RefreshRow = typeof refreshTokens.$inferSelect;

/**
 * How long a refresh token that was just replaced still opens its session: two tabs or a retried request
 * that refresh with the same token at once must not look like theft. Past it, a replay revokes the family.
 */
export const REFRESH_GRACE_SECONDS = 30;

export async function issueSession(
	db: Db,
	jwtSecret: string,
	user: UserRow,
	familyId: string = crypto.randomUUID()
) {
	const access = await signAccessToken( jwtSecret, {
		userId: user.id,
		accountId: user.accountId,
		role: user.role,
		sessionId: familyId,
	} );
	const refresh = randomToken( 32 );
	const refreshExpiresAt = new Date(
		Date.now() + REFRESH_TTL_SECONDS * 1000
	).toISOString();
	const [ row ] = await db
		.insert( refreshTokens )
		.values( {
			userId: user.id,
			tokenHash: await sha256( refresh ),
			familyId,
			expiresAt: refreshExpiresAt,
		} )
		.returning( { id: refreshTokens.id } );
	return {
		tokens: {
			access: access.token,
			refresh,
			access_expires_at: access.expiresAt,
			refresh_expires_at: refreshExpiresAt,
		},
		refreshId: row!.id,
	};
}

async function sessionBody( db: Db, jwtSecret: string, user: UserRow ) {
	const account = await db.query.accounts.findFirst( {
		where: eq( accounts.id, user.accountId ),
	} );
	assertAccountUsable( account!.status );
	const { tokens } = await issueSession( db, jwtSecret, user );
	return {
		...tokens,
		user: userOut( user ),
		account: accountOut( account! ),
	};
}

/**
 * A known email still answers 409 (without email delivery there is no answer that looks the same and still
 * signs a new owner in), but in words that do not confirm it, and sign-up shares the strict per-address
 * limit of sign-in (AUTH_LIMITED in app.ts), which is what bounds enumeration.
 */
const emailUnavailable = () =>
	conflict(
		'An account cannot be created with this email; sign in if it is yours',
		{ email: [ 'cannot be used to sign up' ] }
	);

export async function signup(
	db: Db,
	jwtSecret: string,
	input: { email: string; password: string; account_name: string }
) {
	const existing = await db.query.users.findFirst( {
		where: eq( users.email, input.email ),
	} );
	if ( existing ) throw emailUnavailable();
	const plan = await defaultPlan( db );
	const passwordHash = await hashPassword( input.password );
	const now = new Date();
	const periodEnd = new Date( now );
	periodEnd.setUTCMonth( periodEnd.getUTCMonth() + 1 );

	const [ account ] = await db
		.insert( accounts )
		.values( {
			name: input.account_name,
			slug: slugify( input.account_name ),
			status: 'trial',
			credits: plan.monthlyCredits,
		} )
		.returning();
	// Owner, subscription and the opening credit grant land together; if they cannot, the account goes too.
	const created = await db
		.batch( [
			db
				.insert( users )
				.values( {
					accountId: account!.id,
					email: input.email,
					role: 'owner',
					status: 'active',
					passwordHash,
				} )
				.returning(),
			db.insert( subscriptions ).values( {
				accountId: account!.id,
				planId: plan.id,
				status: 'active',
				currentPeriodStart: now.toISOString(),
				currentPeriodEnd: periodEnd.toISOString(),
			} ),
			db.insert( creditTransactions ).values( {
				accountId: account!.id,
				type: 'grant',
				amount: plan.monthlyCredits,
				balanceAfter: plan.monthlyCredits,
				// The month's grant: the monthly cron then skips this account until next month.
				reference: `grant:${ now.toISOString().slice( 0, 7 ) }`,
				description: `Starting credits of the ${ plan.name } plan`,
			} ),
		] )
		.catch( async ( err: unknown ) => {
			await db.delete( accounts ).where( eq( accounts.id, account!.id ) );
			if ( String( err ).includes( 'UNIQUE' ) ) throw emailUnavailable();
			throw err;
		} );
	return sessionBody( db, jwtSecret, created[ 0 ][ 0 ]! );
}

export async function login(
	db: Db,
	jwtSecret: string,
	input: { email: string; password: string }
) {
	const user = await db.query.users.findFirst( {
		where: eq( users.email, input.email ),
	} );
	const valid = await verifyPassword(
		input.password,
		user?.passwordHash ?? null
	);
	if ( ! user || ! valid )
		throw new AppError( 'unauthenticated', 'Email or password is wrong' );
	if ( user.status !== 'active' )
		throw new AppError( 'unauthenticated', 'This user is not active' );
	// A suspended or cancelled account is refused (403) only after the password proved who is asking.
	const session = await sessionBody( db, jwtSecret, user );
	await db
		.update( users )
		.set( { lastLoginAt: new Date().toISOString() } )
		.where( eq( users.id, user.id ) );
	return session;
}

/** The user behind a refresh token, if they and their account may still sign in (401 user, 403 account). */
async function usableUser( db: Db, userId: number ): Promise< UserRow > {
	const [ row ] = await db
		.select( { user: users, accountStatus: accounts.status } )
		.from( users )
		.innerJoin( accounts, eq( accounts.id, users.accountId ) )
		.where( eq( users.id, userId ) )
		.limit( 1 );
	if ( ! row || row.user.status !== 'active' )
		throw unauthenticated( 'This user is not active' );
	assertAccountUsable( row.accountStatus );
	return row.user;
}

async function revokeFamily( db: Db, familyId: string ) {
	await db
		.update( refreshTokens )
		.set( { revokedAt: new Date().toISOString() } )
		.where(
			and(
				eq( refreshTokens.familyId, familyId ),
				isNull( refreshTokens.revokedAt )
			)
		);
}

/**
 * Within the grace window, the token just replaced opens a sibling of its successor in the same family.
 * "Just replaced" means: rotated (not revoked by sign-out or a password change) less than
 * REFRESH_GRACE_SECONDS ago, and its successor is still unused. The sibling is written only while that
 * successor is live, in one statement, so a sign-out or password change running at the same moment
 * either sees the sibling (and revokes it) or makes this insert write nothing.
 */
async function graceSibling( db: Db, jwtSecret: string, row: RefreshRow ) {
	if ( row.replacedBy == null || ! row.revokedAt ) return null;
	if (
		Date.parse( row.revokedAt ) <
		Date.now() - REFRESH_GRACE_SECONDS * 1000
	)
		return null;
	const user = await usableUser( db, row.userId );
	const refresh = randomToken( 32 );
	const now = new Date().toISOString();
	const expiresAt = new Date(
		Date.now() + REFRESH_TTL_SECONDS * 1000
	).toISOString();
	const inserted = await db.get< { id: number } >( sql`
    INSERT INTO ${ refreshTokens } (user_id, token_hash, family_id, expires_at)
    SELECT ${ user.id }, ${ await sha256( refresh ) }, ${ row.familyId }, ${ expiresAt } FROM ${ refreshTokens }
    WHERE id = ${ row.replacedBy } AND family_id = ${ row.familyId } AND revoked_at IS NULL AND expires_at > ${ now }
    RETURNING id` );
	if ( ! inserted ) return null;
	const access = await signAccessToken( jwtSecret, {
		userId: user.id,
		accountId: user.accountId,
		role: user.role,
		sessionId: row.familyId,
	} );
	return {
		access: access.token,
		refresh,
		access_expires_at: access.expiresAt,
		refresh_expires_at: expiresAt,
	};
}

/**
 * Rotation: each refresh token works once. Presenting a replaced one again revokes its whole family (a
 * stolen token), except within the short grace window above, where concurrent refreshes of one token all
 * get a session.
 */
export async function refresh( db: Db, jwtSecret: string, token: string ) {
	const hash = await sha256( token );
	const row = await db.query.refreshTokens.findFirst( {
		where: eq( refreshTokens.tokenHash, hash ),
	} );
	if ( ! row )
		throw new AppError(
			'unauthenticated',
			'The refresh token is not valid'
		);
	if ( row.revokedAt ) return replayed( db, jwtSecret, row );
	const now = new Date().toISOString();
	if ( row.expiresAt < now )
		throw new AppError(
			'token_expired',
			'The refresh token has expired; sign in again'
		);
	const user = await usableUser( db, row.userId );
	// The successor is written first and the token is claimed and linked to it in one conditional UPDATE:
	// a token is never seen revoked without its successor, so a concurrent request can tell a rotation
	// (grace) from a revocation, and a revocation landing after the claim also catches the successor.
	const next = await issueSession( db, jwtSecret, user, row.familyId );
	const claimed = await db
		.update( refreshTokens )
		.set( { revokedAt: now, replacedBy: next.refreshId } )
		.where(
			and(
				eq( refreshTokens.id, row.id ),
				isNull( refreshTokens.revokedAt )
			)
		)
		.returning( { id: refreshTokens.id } );
	if ( claimed.length > 0 ) return next.tokens;
	// Another request rotated (or revoked) it first: ours goes, and the token is judged as a replay.
	await db
		.delete( refreshTokens )
		.where( eq( refreshTokens.id, next.refreshId ) );
	const current = await db.query.refreshTokens.findFirst( {
		where: eq( refreshTokens.id, row.id ),
	} );
	if ( ! current?.revokedAt )
		throw new AppError(
			'unauthenticated',
			'The refresh token is not valid'
		);
	return replayed( db, jwtSecret, current );
}

async function replayed( db: Db, jwtSecret: string, row: RefreshRow ) {
	const sibling = await graceSibling( db, jwtSecret, row );
	if ( sibling ) return sibling;
	await revokeFamily( db, row.familyId );
	throw new AppError(
		'unauthenticated',
		'The refresh token was already used; sign in again'
	);
}

/**
 * Ends the user's sessions: every refresh token, or all but one family (the caller's own session, when
 * they changed their own password). Access tokens already issued run out within 15 minutes.
 */
export function revokeUserSessions(
	db: Db,
	userId: number,
	keepFamily?: string | null
) {
	// Returned unawaited too, so a password change can write it in the same batch as the new hash.
	return db
		.update( refreshTokens )
		.set( { revokedAt: new Date().toISOString() } )
		.where(
			and(
				eq( refreshTokens.userId, userId ),
				isNull( refreshTokens.revokedAt ),
				keepFamily
					? ne( refreshTokens.familyId, keepFamily )
					: undefined
			)
		);
}

export async function logout( db: Db, userId: number, token?: string ) {
	if ( token ) {
		const row = await db.query.refreshTokens.findFirst( {
			where: eq( refreshTokens.tokenHash, await sha256( token ) ),
		} );
		if ( row && row.userId === userId )
			await revokeFamily( db, row.familyId );
		return;
	}
	// Without a token: sign out everywhere.
	await revokeUserSessions( db, userId );
}
