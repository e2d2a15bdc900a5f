// Users, sites, sectors and site access within an account. Every function takes the caller.
import { and, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { canAssignRole, roleRank, slugify, type Role } from '@igny8/shared';
import type { Db } from '../db';
import { jsonIds } from '../lib/keyset';
import {
	industrySectors,
	sectors,
	siteUserAccess,
	sites,
	users,
} from '../db/schema';
import {
	hashPassword,
	randomToken,
	sha256,
	verifyPassword,
} from '../lib/crypto';
import { revokeUserSessions } from '../auth/service';
import {
	AppError,
	conflict,
	forbidden,
	notFound,
	validation,
} from '../lib/errors';
import type { Principal } from '../lib/principal';
import type { Sector, Site, User } from '../lib/resources';
import { assertSiteLimit, assertUserLimit } from './plans';

export const MAX_ACTIVE_SECTORS = 5;
const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

/** Whether an error (a D1 error, its message, or its cause) names a UNIQUE constraint. */
function mentionsUnique( value: unknown ): boolean {
	if ( typeof value === 'string' ) return value.includes( 'UNIQUE' );
	if ( value instanceof Error ) return String( value ).includes( 'UNIQUE' );
	const message = ( value as { message?: unknown } | null )?.message;
	return typeof message === 'string' && message.includes( 'UNIQUE' );
}

function isUnique( err: unknown ) {
	return (
		mentionsUnique( err ) ||
		mentionsUnique( ( err as { cause?: unknown } | null )?.cause )
	);
}

/** The account a list is about: the caller's, or for operators the one they name. */
export function listAccount( p: Principal, requested?: number ): number {
	return p.allAccounts && requested ? requested : p.accountId;
}

// ---- users ----

export async function listUsers(
	db: Db,
	p: Principal,
	accountId: number,
	page: { limit: number; offset: number }
) {
	const where = and(
		eq( users.accountId, accountId ),
		p.allAccounts
			? undefined
			: inArray( users.role, [ 'owner', 'admin', 'editor', 'viewer' ] )
	);
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( users )
			.where( where )
			.orderBy( users.id )
			.limit( page.limit )
			.offset( page.offset ),
		db.select( { n: count() } ).from( users ).where( where ),
	] );
	return { rows, count: total?.n ?? 0 };
}

export async function createUser(
	db: Db,
	p: Principal,
	input: { email: string; role: Role; name?: string; password?: string }
) {
	if ( ! canAssignRole( p.role, input.role ) )
		throw forbidden(
			`A ${ p.role } cannot create a user with the role ${ input.role }`
		);
	await assertUserLimit( db, p.accountId );
	let invite: string | null = null;
	const values: typeof users.$inferInsert = {
		accountId: p.accountId,
		email: input.email,
		name: input.name ?? null,
		role: input.role,
		status: input.password ? 'active' : 'invited',
	};
	if ( input.password )
		values.passwordHash = await hashPassword( input.password );
	else {
		invite = randomToken( 24 );
		values.inviteTokenHash = await sha256( invite );
		values.inviteExpiresAt = new Date(
			Date.now() + INVITE_TTL_MS
		).toISOString();
	}
	try {
		const [ row ] = await db.insert( users ).values( values ).returning();
		return { user: row!, invite };
	} catch ( err ) {
		if ( isUnique( err ) )
			throw conflict( 'A user with this email already exists', {
				email: [ 'already registered' ],
			} );
		throw err;
	}
}

function assertCanTouch( p: Principal, target: User ) {
	if ( target.id === p.userId ) return;
	if ( roleRank( target.role ) > roleRank( p.role ) )
		throw forbidden( `A ${ p.role } cannot change a ${ target.role }` );
}

/**
 * Your own password needs the current one; another user's only a strictly higher role may reset (an owner
 * an admin's; an admin neither another admin's nor the owner's).
 */
async function assertCanSetPassword(
	p: Principal,
	target: User,
	currentPassword: string | undefined
) {
	if ( target.id === p.userId ) {
		if ( ! currentPassword )
			throw validation(
				'Changing your own password needs your current password',
				{ current_password: [ 'required to change your own password' ] }
			);
		if (
			! ( await verifyPassword( currentPassword, target.passwordHash ) )
		) {
			throw new AppError( 'forbidden', 'The current password is wrong', {
				current_password: [ 'is not your current password' ],
			} );
		}
		return;
	}
	if ( roleRank( p.role ) <= roleRank( target.role ) )
		throw forbidden(
			`A ${ p.role } cannot reset the password of a ${ target.role }`
		);
}

/**
 * A new password and the end of that user's sessions (every refresh token) are written in one batch;
 * changing your own keeps `callerSession`, the session the change was made from.
 */
export async function updateUser(
	db: Db,
	p: Principal,
	target: User,
	input: {
		role?: Role;
		name?: string;
		status?: 'active' | 'disabled';
		password?: string;
		current_password?: string;
	},
	callerSession: string | null = null
) {
	assertCanTouch( p, target );
	const set: Partial< typeof users.$inferInsert > = {
		updatedAt: new Date().toISOString(),
	};
	if ( input.role !== undefined && input.role !== target.role ) {
		if ( target.id === p.userId )
			throw forbidden( 'You cannot change your own role' );
		if ( ! canAssignRole( p.role, input.role ) )
			throw forbidden(
				`A ${ p.role } cannot give the role ${ input.role }`
			);
		if ( target.role === 'owner' ) await assertAnotherOwner( db, target );
		set.role = input.role;
	}
	if ( input.status !== undefined && input.status !== target.status ) {
		if ( target.id === p.userId )
			throw forbidden( 'You cannot disable yourself' );
		if ( input.status === 'disabled' && target.role === 'owner' )
			await assertAnotherOwner( db, target );
		if ( input.status === 'active' && target.status === 'disabled' )
			await assertUserLimit( db, target.accountId );
		set.status = input.status;
	}
	if ( input.name !== undefined ) set.name = input.name;
	if ( input.password === undefined ) {
		const [ row ] = await db
			.update( users )
			.set( set )
			.where( eq( users.id, target.id ) )
			.returning();
		return row!;
	}
	await assertCanSetPassword( p, target, input.current_password );
	set.passwordHash = await hashPassword( input.password );
	const [ [ row ] ] = await db.batch( [
		db
			.update( users )
			.set( set )
			.where( eq( users.id, target.id ) )
			.returning(),
		revokeUserSessions(
			db,
			target.id,
			target.id === p.userId ? callerSession : null
		),
	] );
	return row!;
}

async function assertAnotherOwner( db: Db, owner: User ) {
	const [ row ] = await db
		.select( { n: count() } )
		.from( users )
		.where(
			and(
				eq( users.accountId, owner.accountId ),
				eq( users.role, 'owner' ),
				eq( users.status, 'active' ),
				ne( users.id, owner.id )
			)
		);
	if ( ( row?.n ?? 0 ) === 0 )
		throw new AppError(
			'conflict',
			'An account keeps at least one active owner'
		);
}

export async function deleteUser( db: Db, p: Principal, target: User ) {
	if ( target.id === p.userId )
		throw forbidden( 'You cannot delete yourself' );
	assertCanTouch( p, target );
	if ( target.role === 'owner' ) await assertAnotherOwner( db, target );
	await db.delete( users ).where( eq( users.id, target.id ) );
}

export async function acceptInvite( db: Db, token: string, password: string ) {
	const user = await db.query.users.findFirst( {
		where: eq( users.inviteTokenHash, await sha256( token ) ),
	} );
	if (
		! user ||
		user.status !== 'invited' ||
		! user.inviteExpiresAt ||
		user.inviteExpiresAt < new Date().toISOString()
	) {
		throw new AppError(
			'unauthenticated',
			'The invitation is not valid or has expired'
		);
	}
	const [ row ] = await db
		.update( users )
		.set( {
			passwordHash: await hashPassword( password ),
			status: 'active',
			inviteTokenHash: null,
			inviteExpiresAt: null,
			updatedAt: new Date().toISOString(),
		} )
		.where( eq( users.id, user.id ) )
		.returning();
	return row!;
}

// ---- sites ----

function siteScope( p: Principal, accountId: number ): SQL | undefined {
	return and(
		eq( sites.accountId, accountId ),
		p.siteIds === 'all'
			? undefined
			: sql`${ sites.id } IN ${ jsonIds( p.siteIds ) }`
	);
}

export async function listSites(
	db: Db,
	p: Principal,
	accountId: number,
	page: { limit: number; offset: number }
) {
	const where = siteScope( p, accountId );
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( sites )
			.where( where )
			.orderBy( sites.id )
			.limit( page.limit )
			.offset( page.offset ),
		db.select( { n: count() } ).from( sites ).where( where ),
	] );
	return { rows, count: total?.n ?? 0 };
}

export async function createSite(
	db: Db,
	p: Principal,
	input: {
		name: string;
		slug?: string;
		domain?: string | null;
		industry_id?: number | null;
		status?: Site[ 'status' ];
	}
) {
	await assertSiteLimit( db, p.accountId );
	await assertIndustry( db, input.industry_id );
	try {
		const [ site ] = await db
			.insert( sites )
			.values( {
				accountId: p.accountId,
				name: input.name,
				slug: input.slug ?? slugify( input.name ),
				domain: input.domain ?? null,
				industryId: input.industry_id ?? null,
				status: input.status ?? 'active',
			} )
			.returning();
		// A site starts with one active sector, so the 1–5 active rule holds from the first moment.
		await db.insert( sectors ).values( {
			accountId: site!.accountId,
			siteId: site!.id,
			name: 'General',
			slug: 'general',
		} );
		return site!;
	} catch ( err ) {
		if ( isUnique( err ) )
			throw conflict( 'Another site of this account has this slug', {
				slug: [ 'already used' ],
			} );
		throw err;
	}
}

async function assertIndustry( db: Db, industryId: number | null | undefined ) {
	if ( industryId == null ) return;
	const found = await db.query.industries.findFirst( {
		where: ( i, { eq } ) => eq( i.id, industryId ),
	} );
	if ( ! found )
		throw validation( 'Unknown industry', {
			industry_id: [ 'no such industry' ],
		} );
}

export async function updateSite(
	db: Db,
	site: Site,
	input: {
		name?: string;
		slug?: string;
		domain?: string | null;
		industry_id?: number | null;
		status?: Site[ 'status' ];
	}
) {
	await assertIndustry( db, input.industry_id );
	try {
		const [ row ] = await db
			.update( sites )
			.set( {
				...( input.name !== undefined && { name: input.name } ),
				...( input.slug !== undefined && { slug: input.slug } ),
				...( input.domain !== undefined && { domain: input.domain } ),
				...( input.industry_id !== undefined && {
					industryId: input.industry_id,
				} ),
				...( input.status !== undefined && { status: input.status } ),
				updatedAt: new Date().toISOString(),
			} )
			.where( eq( sites.id, site.id ) )
			.returning();
		return row!;
	} catch ( err ) {
		if ( isUnique( err ) )
			throw conflict( 'Another site of this account has this slug', {
				slug: [ 'already used' ],
			} );
		throw err;
	}
}

export async function deleteSite( db: Db, site: Site ) {
	await db.delete( sites ).where( eq( sites.id, site.id ) );
}

// ---- sectors ----

async function activeSectorCount( db: Db, siteId: number, except?: number ) {
	const [ row ] = await db
		.select( { n: count() } )
		.from( sectors )
		.where(
			and(
				eq( sectors.siteId, siteId ),
				eq( sectors.status, 'active' ),
				except ? ne( sectors.id, except ) : undefined
			)
		);
	return row?.n ?? 0;
}

export async function listSectors( db: Db, site: Site ) {
	return db
		.select()
		.from( sectors )
		.where(
			and(
				eq( sectors.siteId, site.id ),
				eq( sectors.accountId, site.accountId )
			)
		)
		.orderBy( sectors.id );
}

export async function createSector(
	db: Db,
	site: Site,
	input: {
		name?: string;
		slug?: string;
		industry_sector_id?: number | null;
		status?: 'active' | 'inactive';
	}
) {
	let name = input.name;
	if ( input.industry_sector_id != null ) {
		const template = await db.query.industrySectors.findFirst( {
			where: eq( industrySectors.id, input.industry_sector_id ),
		} );
		if ( ! template )
			throw validation( 'Unknown industry sector', {
				industry_sector_id: [ 'no such industry sector' ],
			} );
		name ??= template.name;
	}
	const status = input.status ?? 'active';
	if (
		status === 'active' &&
		( await activeSectorCount( db, site.id ) ) >= MAX_ACTIVE_SECTORS
	) {
		throw new AppError(
			'unprocessable',
			`A site can have at most ${ MAX_ACTIVE_SECTORS } active sectors; deactivate one first`,
			{ status: [ 'too many active sectors' ] }
		);
	}
	try {
		const [ row ] = await db
			.insert( sectors )
			.values( {
				accountId: site.accountId,
				siteId: site.id,
				name: name!,
				slug: input.slug ?? slugify( name! ),
				industrySectorId: input.industry_sector_id ?? null,
				status,
			} )
			.returning();
		return row!;
	} catch ( err ) {
		if ( isUnique( err ) )
			throw conflict( 'This site already has a sector with this slug', {
				slug: [ 'already used' ],
			} );
		throw err;
	}
}

export async function updateSector(
	db: Db,
	sector: Sector,
	input: { name?: string; slug?: string; status?: 'active' | 'inactive' }
) {
	if ( input.status && input.status !== sector.status ) {
		const others = await activeSectorCount( db, sector.siteId, sector.id );
		if ( input.status === 'active' && others >= MAX_ACTIVE_SECTORS ) {
			throw new AppError(
				'unprocessable',
				`A site can have at most ${ MAX_ACTIVE_SECTORS } active sectors; deactivate one first`,
				{ status: [ 'too many active sectors' ] }
			);
		}
		if ( input.status === 'inactive' && others === 0 ) {
			throw new AppError(
				'unprocessable',
				'A site keeps at least one active sector',
				{ status: [ 'last active sector' ] }
			);
		}
	}
	if (
		input.name === undefined &&
		input.slug === undefined &&
		input.status === undefined
	)
		return sector;
	try {
		const [ row ] = await db
			.update( sectors )
			.set( {
				...( input.name !== undefined && { name: input.name } ),
				...( input.slug !== undefined && { slug: input.slug } ),
				...( input.status !== undefined && { status: input.status } ),
			} )
			.where( eq( sectors.id, sector.id ) )
			.returning();
		return row!;
	} catch ( err ) {
		if ( isUnique( err ) )
			throw conflict( 'This site already has a sector with this slug', {
				slug: [ 'already used' ],
			} );
		throw err;
	}
}

export async function deleteSector( db: Db, sector: Sector ) {
	if (
		sector.status === 'active' &&
		( await activeSectorCount( db, sector.siteId, sector.id ) ) === 0
	) {
		throw new AppError(
			'unprocessable',
			'A site keeps at least one active sector; add another before deleting this one'
		);
	}
	await db.delete( sectors ).where( eq( sectors.id, sector.id ) );
}

// ---- site access ----

export async function grantAccess(
	db: Db,
	p: Principal,
	site: Site,
	userId: number
) {
	const user = await db.query.users.findFirst( {
		where: and(
			eq( users.id, userId ),
			eq( users.accountId, site.accountId )
		),
	} );
	if (
		! user ||
		( ! p.allAccounts &&
			( user.role === 'developer' || user.role === 'system_bot' ) )
	)
		throw notFound( 'No such user in this account' );
	const [ row ] = await db
		.insert( siteUserAccess )
		.values( {
			accountId: site.accountId,
			siteId: site.id,
			userId,
			grantedBy: p.userId,
		} )
		.onConflictDoUpdate( {
			target: [ siteUserAccess.siteId, siteUserAccess.userId ],
			set: { grantedBy: sql`${ siteUserAccess.grantedBy }` },
		} )
		.returning();
	return row!;
}

export async function revokeAccess( db: Db, site: Site, userId: number ) {
	const rows = await db
		.delete( siteUserAccess )
		.where(
			and(
				eq( siteUserAccess.siteId, site.id ),
				eq( siteUserAccess.userId, userId ),
				eq( siteUserAccess.accountId, site.accountId )
			)
		)
		.returning();
	if ( rows.length === 0 )
		throw notFound( 'This user has no grant on this site' );
}

export async function listAccess( db: Db, site: Site ) {
	return db
		.select()
		.from( siteUserAccess )
		.where( eq( siteUserAccess.siteId, site.id ) )
		.orderBy( siteUserAccess.userId );
}
