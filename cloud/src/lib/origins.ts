// Which browser origins may call the API. The dashboard's own origin and ALLOWED_ORIGINS always may; a
// connected WordPress site's origin may call only for its own account (and a WordPress token only from
// its own site), so one account's site cannot script calls made with another account's tokens.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { sites } from '../db/schema';
import type { Principal } from './principal';

function staticallyAllowed(
	c: Context< AppBindings >,
	origin: string
): boolean {
	const extra = ( c.env.ALLOWED_ORIGINS ?? '' )
		.split( ',' )
		.map( ( s ) => s.trim() )
		.filter( Boolean );
	return extra.includes( origin ) || origin === new URL( c.req.url ).origin;
}

/** For CORS preflights, which carry no credentials: any connected site's origin may ask. */
export async function originMayAsk(
	c: Context< AppBindings >,
	origin: string
): Promise< boolean > {
	if ( ! origin ) return false;
	if ( staticallyAllowed( c, origin ) ) return true;
	const row = await c
		.get( 'db' )
		.select( { id: sites.id } )
		.from( sites )
		.where(
			and(
				eq( sites.wpOrigin, origin ),
				isNotNull( sites.siteSecretEnc )
			)
		)
		.limit( 1 );
	return row.length > 0;
}

/**
 * For an authenticated request: the origin, if any, must be the dashboard's, an allowed one, or a site of
 * the caller.
 */
export async function originMayActFor(
	c: Context< AppBindings >,
	principal: Principal
): Promise< boolean > {
	const origin = c.req.header( 'origin' );
	if ( ! origin || staticallyAllowed( c, origin ) ) return true;
	const mine =
		principal.siteId !== null
			? eq( sites.id, principal.siteId )
			: principal.allAccounts
				? undefined
				: eq( sites.accountId, principal.accountId );
	const row = await c
		.get( 'db' )
		.select( { id: sites.id } )
		.from( sites )
		.where(
			and(
				eq( sites.wpOrigin, origin ),
				isNotNull( sites.siteSecretEnc ),
				mine
			)
		)
		.limit( 1 );
	return row.length > 0;
}
