// Access tokens for dashboard users (HS256 with JWT_SECRET) and verification of WordPress-minted tokens.
import { SignJWT, decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type Role } from '@igny8/shared';
import { AppError } from '../lib/errors';

export const ACCESS_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_SECONDS = 7 * 24 * 3600;
const ISSUER = 'igny8-cloud';
const AUDIENCE = 'igny8-api';
export const WP_ISSUER = 'igny8-wp';
export const WP_AUDIENCE = 'igny8-cloud';
const enc = new TextEncoder();

/**
 * `sid` names the refresh-token family the access token was issued with, so a request can tell which
 * session it belongs to (a password change keeps the caller's session and ends the others).
 */
export async function signAccessToken(
	secret: string,
	claims: {
		userId: number;
		accountId: number;
		role: Role;
		sessionId?: string;
	}
) {
	const exp = Math.floor( Date.now() / 1000 ) + ACCESS_TTL_SECONDS;
	const token = await new SignJWT( {
		acc: claims.accountId,
		role: claims.role,
		typ: 'access',
		...( claims.sessionId && { sid: claims.sessionId } ),
	} )
		.setProtectedHeader( { alg: 'HS256', typ: 'JWT' } )
		.setSubject( String( claims.userId ) )
		.setIssuer( ISSUER )
		.setAudience( AUDIENCE )
		.setIssuedAt()
		.setExpirationTime( exp )
		.sign( enc.encode( secret ) );
	return { token, expiresAt: new Date( exp * 1000 ).toISOString() };
}

function tokenError( err: unknown ): AppError {
	if ( err instanceof joseErrors.JWTExpired )
		return new AppError(
			'token_expired',
			'The token has expired; sign in again or refresh it'
		);
	return new AppError( 'unauthenticated', 'The token is not valid' );
}

export async function verifyAccessToken(
	secret: string,
	token: string
): Promise< { userId: number; accountId: number; sessionId: string | null } > {
	try {
		// Without `exp` a leaked token would never die; without `sub` it names nobody.
		const { payload } = await jwtVerify( token, enc.encode( secret ), {
			issuer: ISSUER,
			audience: AUDIENCE,
			algorithms: [ 'HS256' ],
			requiredClaims: [ 'exp', 'sub' ],
		} );
		if ( payload.typ !== 'access' || ! payload.sub )
			throw new AppError(
				'unauthenticated',
				'The token is not an access token'
			);
		return {
			userId: Number( payload.sub ),
			accountId: Number( payload.acc ),
			sessionId: typeof payload.sid === 'string' ? payload.sid : null,
		};
	} catch ( err ) {
		throw err instanceof AppError ? err : tokenError( err );
	}
}

/** Which kind of token this is, read before verification to pick the key. */
export function peekToken( token: string ): {
	issuer: string | undefined;
	siteId: number | null;
} {
	try {
		const claims = decodeJwt( token );
		return {
			issuer: claims.iss,
			siteId:
				typeof claims.site_id === 'number'
					? claims.site_id
					: Number( claims.site_id ) || null,
		};
	} catch {
		throw new AppError( 'unauthenticated', 'The token is not a JWT' );
	}
}

export interface WordPressClaims {
	siteId: number;
	wpUserId: number;
	role: Extract< Role, 'admin' | 'editor' | 'viewer' >;
}

/** A token minted by the plugin (`GET /wp-json/igny8/v1/token`), signed with the site secret. */
export async function verifyWordPressToken(
	siteSecret: string,
	token: string,
	siteId: number
): Promise< WordPressClaims > {
	try {
		const { payload } = await jwtVerify( token, enc.encode( siteSecret ), {
			issuer: WP_ISSUER,
			audience: WP_AUDIENCE,
			algorithms: [ 'HS256' ],
			maxTokenAge: '15m',
			requiredClaims: [
				'exp',
				'iat',
				'sub',
				'site_id',
				'wp_user_id',
				'role',
			],
		} );
		const role = payload.role as Role;
		if (
			Number( payload.site_id ) !== siteId ||
			! ROLES.includes( role ) ||
			! [ 'admin', 'editor', 'viewer' ].includes( role )
		) {
			throw new AppError(
				'unauthenticated',
				'The token names another site or an unknown role'
			);
		}
		return {
			siteId,
			wpUserId: Number( payload.wp_user_id ),
			role: role as WordPressClaims[ 'role' ],
		};
	} catch ( err ) {
		throw err instanceof AppError ? err : tokenError( err );
	}
}
