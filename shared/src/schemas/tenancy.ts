import { z } from 'zod';
import { ROLES } from '../tenancy/roles';
import { email, id, name, slug } from './common';
import { password, plan, account, user } from './auth';

export const siteStatus = z.enum( [ 'active', 'inactive', 'suspended' ] );
export const sectorStatus = z.enum( [ 'active', 'inactive' ] );

export const domain = z
	.string()
	.trim()
	.toLowerCase()
	.max( 253 )
	.regex(
		/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/,
		'a host name such as example.com'
	);

export const site = z.object( {
	id: z.number(),
	account_id: z.number(),
	name: z.string(),
	slug: z.string(),
	domain: z.string().nullable(),
	industry_id: z.number().nullable(),
	status: siteStatus,
	connected: z.boolean(),
	wp_url: z.string().nullable(),
	wp_version: z.string().nullable(),
	plugin_version: z.string().nullable(),
	connected_at: z.string().nullable(),
	last_seen_at: z.string().nullable(),
	created_at: z.string(),
} );

export const siteCreateBody = z.strictObject( {
	name,
	slug: slug.optional(),
	domain: domain.nullable().optional(),
	industry_id: id.nullable().optional(),
	status: siteStatus.optional(),
} );
export const siteUpdateBody = siteCreateBody.partial();

export const sector = z.object( {
	id: z.number(),
	site_id: z.number(),
	name: z.string(),
	slug: z.string(),
	industry_sector_id: z.number().nullable(),
	status: sectorStatus,
	created_at: z.string(),
} );

export const sectorCreateBody = z
	.strictObject( {
		name: name.optional(),
		slug: slug.optional(),
		industry_sector_id: id.nullable().optional(),
		status: sectorStatus.optional(),
	} )
	.refine( ( b ) => b.name !== undefined || b.industry_sector_id != null, {
		message: 'name or industry_sector_id is required',
		path: [ 'name' ],
	} );
export const sectorUpdateBody = z.strictObject( {
	name: name.optional(),
	slug: slug.optional(),
	status: sectorStatus.optional(),
} );

export const userCreateBody = z.strictObject( {
	email,
	role: z.enum( ROLES ),
	name: z.string().trim().max( 120 ).optional(),
	password: password.optional(),
} );
/**
 * Changing your own `password` needs `current_password` (checked by the cloud, which knows who is asking);
 * resetting another user's needs a higher role than theirs. Either ends that user's other sessions.
 */
export const userUpdateBody = z
	.strictObject( {
		role: z.enum( ROLES ).optional(),
		name: z.string().trim().max( 120 ).optional(),
		status: z.enum( [ 'active', 'disabled' ] ).optional(),
		password: password.optional(),
		current_password: z.string().min( 1 ).max( 200 ).optional(),
	} )
	.refine(
		( b ) => b.current_password === undefined || b.password !== undefined,
		{
			message: 'current_password goes with a new password',
			path: [ 'current_password' ],
		}
	);
export const userCreated = user.extend( { invite_url: z.string().nullable() } );

export const siteAccessBody = z.strictObject( { user_id: id } );
export const siteAccess = z.object( {
	site_id: z.number(),
	user_id: z.number(),
	created_at: z.string(),
} );

export const industrySector = z.object( {
	id: z.number(),
	industry_id: z.number(),
	name: z.string(),
	slug: z.string(),
} );
export const industry = z.object( {
	id: z.number(),
	name: z.string(),
	slug: z.string(),
	description: z.string().nullable(),
	sectors: z.array( industrySector ),
} );

export const me = z.object( {
	user: user.nullable(),
	role: z.enum( ROLES ),
	account,
	plan: plan.nullable(),
	site: site.nullable(),
	wp_user_id: z.number().nullable(),
} );

export type Site = z.infer< typeof site >;
export type Sector = z.infer< typeof sector >;
export type Industry = z.infer< typeof industry >;
export type Me = z.infer< typeof me >;
