// /api/v1/auth/{users,sites,sectors,plans,industries}: the account's structure.
import { z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { schemas } from '@igny8/shared';
import { industries, industrySectors, plans } from '../db/schema';
import { list, ok } from '../lib/envelope';
import { pageLinks, pageOf } from '../lib/paging';
import type { Sector, Site, User } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { callerSessionId } from '../auth/middleware';
import { planOut, sectorOut, siteOut, userOut } from './serialize';
import * as tenancy from './service';

export const tenancyRoutes = createRouter();

const idParams = z.object( { id: z.string() } );
const listQuery = schemas.listQuery.extend( {
	account_id: z.coerce.number().int().positive().optional(),
} );

// ---- users ----

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/users',
		operationId: 'listUsers',
		tags: [ 'tenancy' ],
		summary: 'Users of the account',
		access: { rule: 'users_manage' },
		request: { query: listQuery },
		response: schemas.user,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const p = c.get( 'principal' );
		const page = pageOf( q );
		const { rows, count } = await tenancy.listUsers(
			c.get( 'db' ),
			p,
			tenancy.listAccount( p, q.account_id ),
			page
		);
		return list( c, rows.map( userOut ), pageLinks( c, page, count ) );
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/users',
		operationId: 'createUser',
		tags: [ 'tenancy' ],
		summary:
			'Add a user; without a password the answer carries a one-time invite link',
		access: { rule: 'users_manage' },
		request: { body: body( schemas.userCreateBody ) },
		response: schemas.userCreated,
		status: 201,
	} ),
	async ( c ) => {
		const { user, invite } = await tenancy.createUser(
			c.get( 'db' ),
			c.get( 'principal' ),
			c.req.valid( 'json' )
		);
		const origin = new URL( c.req.url ).origin;
		return ok(
			c,
			{
				...userOut( user ),
				invite_url: invite
					? `${ origin }/invite?token=${ invite }`
					: null,
			},
			201
		);
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/users/{id}',
		operationId: 'getUser',
		tags: [ 'tenancy' ],
		summary: 'One user',
		access: { rule: 'users_manage', params: { id: 'user' } },
		request: { params: idParams },
		response: schemas.user,
	} ),
	( c ) => ok( c, userOut( c.get( 'resources' ).id as User ) )
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'patch',
		path: '/auth/users/{id}',
		operationId: 'updateUser',
		tags: [ 'tenancy' ],
		summary: 'Change a user (never above your own role)',
		access: { rule: 'users_manage', params: { id: 'user' } },
		request: { params: idParams, body: body( schemas.userUpdateBody ) },
		response: schemas.user,
	} ),
	async ( c ) => {
		// Changing your own password keeps the session it was changed from and ends the others.
		const session = await callerSessionId( c );
		return ok(
			c,
			userOut(
				await tenancy.updateUser(
					c.get( 'db' ),
					c.get( 'principal' ),
					c.get( 'resources' ).id as User,
					c.req.valid( 'json' ),
					session
				)
			)
		);
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'delete',
		path: '/auth/users/{id}',
		operationId: 'deleteUser',
		tags: [ 'tenancy' ],
		summary: 'Remove a user',
		access: { rule: 'users_manage', params: { id: 'user' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await tenancy.deleteUser(
			c.get( 'db' ),
			c.get( 'principal' ),
			c.get( 'resources' ).id as User
		);
		return ok( c, {}, 200, 'User removed' );
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/invite/accept',
		operationId: 'acceptInvite',
		tags: [ 'auth' ],
		summary: 'Accept an invitation by choosing a password',
		access: { rule: 'public' },
		request: {
			body: body(
				z.strictObject( {
					token: z.string().min( 10 ).max( 200 ),
					password: schemas.password,
				} )
			),
		},
		response: schemas.user,
	} ),
	async ( c ) => {
		const { token, password } = c.req.valid( 'json' );
		return ok(
			c,
			userOut(
				await tenancy.acceptInvite( c.get( 'db' ), token, password )
			)
		);
	}
);

// ---- sites ----

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/sites',
		operationId: 'listSites',
		tags: [ 'tenancy' ],
		summary: 'Sites the caller can see',
		access: { rule: 'content_read' },
		request: { query: listQuery },
		response: schemas.site,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const p = c.get( 'principal' );
		const page = pageOf( q );
		const { rows, count } = await tenancy.listSites(
			c.get( 'db' ),
			p,
			tenancy.listAccount( p, q.account_id ),
			page
		);
		return list( c, rows.map( siteOut ), pageLinks( c, page, count ) );
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/sites',
		operationId: 'createSite',
		tags: [ 'tenancy' ],
		summary:
			'Add a site (plan limit max_sites); it starts with a "General" sector',
		access: { rule: 'sites_manage' },
		request: { body: body( schemas.siteCreateBody ) },
		response: schemas.site,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			siteOut(
				await tenancy.createSite(
					c.get( 'db' ),
					c.get( 'principal' ),
					c.req.valid( 'json' )
				)
			),
			201
		)
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/sites/{id}',
		operationId: 'getSite',
		tags: [ 'tenancy' ],
		summary: 'One site',
		access: { rule: 'content_read', params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.site,
	} ),
	( c ) => ok( c, siteOut( c.get( 'resources' ).id as Site ) )
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'patch',
		path: '/auth/sites/{id}',
		operationId: 'updateSite',
		tags: [ 'tenancy' ],
		summary: 'Change a site',
		access: { rule: 'sites_manage', params: { id: 'site' } },
		request: { params: idParams, body: body( schemas.siteUpdateBody ) },
		response: schemas.site,
	} ),
	async ( c ) =>
		ok(
			c,
			siteOut(
				await tenancy.updateSite(
					c.get( 'db' ),
					c.get( 'resources' ).id as Site,
					c.req.valid( 'json' )
				)
			)
		)
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'delete',
		path: '/auth/sites/{id}',
		operationId: 'deleteSite',
		tags: [ 'tenancy' ],
		summary: 'Delete a site and everything in it',
		access: { rule: 'sites_delete', params: { id: 'site' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await tenancy.deleteSite(
			c.get( 'db' ),
			c.get( 'resources' ).id as Site
		);
		return ok( c, {}, 200, 'Site deleted' );
	}
);

// ---- sectors ----

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/sites/{id}/sectors',
		operationId: 'listSectors',
		tags: [ 'tenancy' ],
		summary: 'Sectors of a site',
		access: { rule: 'content_read', params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.sector,
		list: true,
	} ),
	async ( c ) => {
		const rows = await tenancy.listSectors(
			c.get( 'db' ),
			c.get( 'resources' ).id as Site
		);
		return list( c, rows.map( sectorOut ), { count: rows.length } );
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/sites/{id}/sectors',
		operationId: 'createSector',
		tags: [ 'tenancy' ],
		summary: 'Add a sector (at most 5 active per site)',
		access: { rule: 'sites_manage', params: { id: 'site' } },
		request: { params: idParams, body: body( schemas.sectorCreateBody ) },
		response: schemas.sector,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			sectorOut(
				await tenancy.createSector(
					c.get( 'db' ),
					c.get( 'resources' ).id as Site,
					c.req.valid( 'json' )
				)
			),
			201
		)
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'patch',
		path: '/auth/sectors/{id}',
		operationId: 'updateSector',
		tags: [ 'tenancy' ],
		summary: 'Change a sector (1–5 active per site)',
		access: { rule: 'sites_manage', params: { id: 'sector' } },
		request: { params: idParams, body: body( schemas.sectorUpdateBody ) },
		response: schemas.sector,
	} ),
	async ( c ) =>
		ok(
			c,
			sectorOut(
				await tenancy.updateSector(
					c.get( 'db' ),
					c.get( 'resources' ).id as Sector,
					c.req.valid( 'json' )
				)
			)
		)
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'delete',
		path: '/auth/sectors/{id}',
		operationId: 'deleteSector',
		tags: [ 'tenancy' ],
		summary: 'Delete a sector (not the last active one)',
		access: { rule: 'sites_manage', params: { id: 'sector' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await tenancy.deleteSector(
			c.get( 'db' ),
			c.get( 'resources' ).id as Sector
		);
		return ok( c, {}, 200, 'Sector deleted' );
	}
);

// ---- site access ----

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/sites/{id}/access',
		operationId: 'listSiteAccess',
		tags: [ 'tenancy' ],
		summary: 'Users granted this site',
		access: { rule: 'users_manage', params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.siteAccess,
		list: true,
	} ),
	async ( c ) => {
		const rows = await tenancy.listAccess(
			c.get( 'db' ),
			c.get( 'resources' ).id as Site
		);
		return list(
			c,
			rows.map( ( r ) => ( {
				site_id: r.siteId,
				user_id: r.userId,
				created_at: r.createdAt,
			} ) ),
			{ count: rows.length }
		);
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/sites/{id}/access',
		operationId: 'grantSiteAccess',
		tags: [ 'tenancy' ],
		summary: 'Grant a user (editor, viewer) this site',
		access: { rule: 'users_manage', params: { id: 'site' } },
		request: { params: idParams, body: body( schemas.siteAccessBody ) },
		response: schemas.siteAccess,
		status: 201,
	} ),
	async ( c ) => {
		const row = await tenancy.grantAccess(
			c.get( 'db' ),
			c.get( 'principal' ),
			c.get( 'resources' ).id as Site,
			c.req.valid( 'json' ).user_id
		);
		return ok(
			c,
			{
				site_id: row.siteId,
				user_id: row.userId,
				created_at: row.createdAt,
			},
			201
		);
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'delete',
		path: '/auth/sites/{id}/access',
		operationId: 'revokeSiteAccess',
		tags: [ 'tenancy' ],
		summary: "Revoke a user's grant on this site",
		access: { rule: 'users_manage', params: { id: 'site' } },
		request: { params: idParams, body: body( schemas.siteAccessBody ) },
	} ),
	async ( c ) => {
		await tenancy.revokeAccess(
			c.get( 'db' ),
			c.get( 'resources' ).id as Site,
			c.req.valid( 'json' ).user_id
		);
		return ok( c, {}, 200, 'Access revoked' );
	}
);

// ---- global templates ----

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/plans',
		operationId: 'listPlans',
		tags: [ 'tenancy' ],
		summary: 'Plans and their limits',
		access: { rule: 'public' },
		response: schemas.plan,
		list: true,
	} ),
	async ( c ) => {
		const rows = await c
			.get( 'db' )
			.select()
			.from( plans )
			.orderBy( asc( plans.priceCents ) );
		return list( c, rows.map( planOut ), { count: rows.length } );
	}
);

handle(
	tenancyRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/industries',
		operationId: 'listIndustries',
		tags: [ 'tenancy' ],
		summary: 'Industries with their sector templates',
		access: { rule: 'public' },
		response: schemas.industry,
		list: true,
	} ),
	async ( c ) => {
		const db = c.get( 'db' );
		const [ inds, secs ] = await Promise.all( [
			db.select().from( industries ).orderBy( industries.name ),
			db.select().from( industrySectors ).orderBy( industrySectors.name ),
		] );
		const results = inds.map( ( i ) => ( {
			id: i.id,
			name: i.name,
			slug: i.slug,
			description: i.description,
			sectors: secs
				.filter( ( s ) => s.industryId === i.id )
				.map( ( s ) => ( {
					id: s.id,
					industry_id: s.industryId,
					name: s.name,
					slug: s.slug,
				} ) ),
		} ) );
		return list( c, results, { count: results.length } );
	}
);
