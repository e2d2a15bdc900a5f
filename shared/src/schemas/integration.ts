import { z } from 'zod';
import { account, plan } from './auth';
import { site } from './tenancy';

export const connectionCode = z.object( {
	code: z.string(),
	expires_at: z.string(),
} );

export const connectBody = z.strictObject( {
	code: z.string().trim().min( 8 ).max( 64 ),
	site_url: z.url( { protocol: /^https?$/ } ).max( 500 ),
	rest_url: z
		.url( { protocol: /^https?$/ } )
		.max( 500 )
		.optional(),
	wp_version: z.string().max( 40 ).optional(),
	plugin_version: z.string().max( 40 ).optional(),
	site_name: z.string().max( 200 ).optional(),
} );

export const connectResult = z.object( {
	site_id: z.number(),
	site_secret: z.string(),
	site,
	account: account.pick( { id: true, name: true } ),
	plan: plan.nullable(),
} );

export const connectionTest = z.object( {
	wp_to_cloud: z.boolean(),
	cloud_to_wp: z.boolean(),
	error: z.string().optional(),
	site,
	account: account.pick( { id: true, name: true } ),
	plan: plan.nullable(),
} );

export const disconnectResult = z.object( {
	connected: z.literal( false ),
	wordpress_notified: z.boolean(),
} );
