import { z } from 'zod';
import { ROLES } from '../tenancy/roles';
import { email, name } from './common';

/** At least 10 characters with a letter and a digit: the floor, not the goal. */
export const password = z
	.string()
	.min( 10, 'at least 10 characters' )
	.max( 200, 'at most 200 characters' )
	.regex( /[A-Za-z]/, 'at least one letter' )
	.regex( /[0-9]/, 'at least one digit' );

export const signupBody = z.strictObject( {
	email,
	password,
	account_name: name,
} );
export const loginBody = z.strictObject( {
	email,
	password: z.string().min( 1 ).max( 200 ),
} );
export const refreshBody = z.strictObject( {
	refresh: z.string().min( 20 ).max( 200 ),
} );
export const logoutBody = z.strictObject( {
	refresh: z.string().min( 20 ).max( 200 ).optional(),
} );
/** Anyone's own password change: the current one proves it is them. */
export const passwordChangeBody = z.strictObject( {
	current_password: z.string().min( 1 ).max( 200 ),
	password,
} );

export const userStatus = z.enum( [ 'active', 'invited', 'disabled' ] );
export const role = z.enum( ROLES );

export const user = z.object( {
	id: z.number(),
	email: z.string(),
	name: z.string().nullable(),
	role,
	status: userStatus,
	created_at: z.string(),
	last_login_at: z.string().nullable(),
} );

export const account = z.object( {
	id: z.number(),
	name: z.string(),
	slug: z.string(),
	status: z.enum( [ 'active', 'trial', 'suspended', 'cancelled' ] ),
	credits: z.number(),
} );

export const plan = z.object( {
	id: z.number(),
	slug: z.string(),
	name: z.string(),
	price_cents: z.number(),
	monthly_credits: z.number(),
	max_sites: z.number(),
	max_users: z.number(),
	max_keywords: z.number(),
	max_clusters: z.number(),
	max_content_per_month: z.number(),
} );

export const tokenPair = z.object( {
	access: z.string(),
	refresh: z.string(),
	access_expires_at: z.string(),
	refresh_expires_at: z.string(),
} );

export const session = tokenPair.extend( { user, account } );

export type User = z.infer< typeof user >;
export type Account = z.infer< typeof account >;
export type Plan = z.infer< typeof plan >;
