// One place that turns a route's contract into: OpenAPI (with its access rule as `x-igny8-access`),
// authentication, the role check and the loading of path resources (404 for what is not the caller's),
// all before the body is validated. The tenancy probe reads the same `x-igny8-access` from the document.
import {
	createRoute,
	z,
	type RouteConfig,
	type RouteHandler,
	type OpenAPIHono,
} from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { ACCESS, ACCESS_RULES, type AccessRule } from '@igny8/shared';
import type { AppBindings } from '../env';
import { authenticate } from '../auth/middleware';
import { forbidden, notFound } from './errors';
import type { Principal } from './principal';
import { loadResource, type ResourceKind } from './resources';
import { originMayActFor } from './origins';

export interface Access {
	/**
	 * `public`: no caller needed. Otherwise the rule decides: the roles of ACCESS_RULES[rule] may call, and
	 * a WordPress-minted browser token may call only if the rule admits WordPress (site-scoped rules).
	 */
	rule: AccessRule | 'public';
	/** Whether a request signed by a connected site (server to server) may call it. */
	signed?: boolean;
	/** Path parameters that name objects, checked against the caller. */
	params?: Record< string, ResourceKind >;
	/**
	 * Where the request names its site (`site_id`, optional `sector_id`): both are loaded and checked
	 * against the caller before validation, so another account's site answers 404 like a path id.
	 */
	site?: 'query' | 'body';
	/**
	 * For `public` routes reached through a signed URL (an image file): the signature in the query is the
	 * authority, refused with 403 when missing, altered or expired. The tenancy probe tests such routes.
	 */
	signedUrl?: boolean;
}

export interface AccessDoc {
	rule: Access[ 'rule' ];
	roles: readonly string[];
	wordpress: boolean;
	signed: boolean;
	params: Record< string, ResourceKind >;
	site: 'query' | 'body' | null;
	signedUrl: boolean;
}

const errorSchema = z.object( {
	success: z.literal( false ),
	error: z.string(),
	code: z.string(),
	errors: z.record( z.string(), z.array( z.string() ) ).optional(),
	request_id: z.string(),
} );

function envelope( data: z.ZodType ) {
	return z.object( {
		success: z.literal( true ),
		data,
		message: z.string().optional(),
		request_id: z.string(),
	} );
}

function listEnvelope( item: z.ZodType ) {
	return z.object( {
		success: z.literal( true ),
		count: z.number(),
		next: z.string().nullable(),
		previous: z.string().nullable(),
		results: z.array( item ),
		request_id: z.string(),
	} );
}

interface Spec {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	/** A unique camelCase name, the method name of generated clients (e.g. `listKeywords`). */
	operationId: string;
	summary: string;
	tags: string[];
	access: Access;
	request?: RouteConfig[ 'request' ];
	/** The `data` of a success; with `list`, the item of `results`. */
	response?: z.ZodType;
	list?: boolean;
	status?: 200 | 201 | 202;
	/** A success that is bytes of this media type (e.g. `image/*`), not the JSON envelope. */
	binary?: string;
}

export function body< T extends z.ZodType >( schema: T ) {
	return {
		content: { 'application/json': { schema } },
		required: true,
	} as const;
}

function mayUseWordPress( access: Access ): boolean {
	return access.rule !== 'public' && ACCESS_RULES[ access.rule ].wordpress;
}

function authorize( access: Access ): MiddlewareHandler< AppBindings > {
	return async ( c, next ) => {
		c.set( 'resources', {} );
		if ( access.rule === 'public' ) return next();
		const principal = await authenticate( c, {
			wordpress: mayUseWordPress( access ),
			signed: access.signed ?? false,
		} );
		const allowed = ACCESS[ access.rule ] as readonly string[];
		// A signature is accepted only on `signed` routes and speaks for its site's server, not for a role:
		// it passes on every signed route (and is the only caller of `site_signed` ones, which admit no role).
		if (
			principal.kind !== 'site_signature' &&
			! allowed.includes( principal.role )
		)
			throw forbidden();
		if ( ! ( await originMayActFor( c, principal ) ) )
			throw forbidden( 'This site may not act for this account' );
		for ( const [ param, kind ] of Object.entries( access.params ?? {} ) ) {
			c.get( 'resources' )[ param ] = await loadResource(
				c.get( 'db' ),
				principal,
				kind,
				c.req.param( param ) ?? ''
			);
		}
		if ( access.site ) await loadPlacement( c, principal, access.site );
		return next();
	};
}

/** What handlers see of a route: its method, path and request schemas (responses are documented, not typed). */
type Defined< S extends Spec > = {
	method: S[ 'method' ];
	path: S[ 'path' ];
	request: S extends { request: infer Q } ? Q : Record< string, never >;
	responses: Record< number, { description: string } >;
};

async function readPlacement(
	c: Context< AppBindings >,
	where: 'query' | 'body'
): Promise< { site_id?: unknown; sector_id?: unknown } > {
	if ( where === 'query' )
		return {
			site_id: c.req.query( 'site_id' ),
			sector_id: c.req.query( 'sector_id' ),
		};
	if ( ! ( c.req.header( 'content-type' ) ?? '' ).includes( 'json' ) )
		return {};
	try {
		const body: unknown = await c.req.json();
		return body && typeof body === 'object' ? body : {};
	} catch {
		return {}; // the validator answers malformed JSON
	}
}

/**
 * A placement id as loadResource reads it (String, then Number): `[5]` reads as 5, as the validator's
 * coercion reads it, while `true` or an object reads as no id at all, so the caller gets a 404.
 */
function idText( value: unknown ): string {
	return String( value );
}

async function loadPlacement(
	c: Context< AppBindings >,
	principal: Principal,
	where: 'query' | 'body'
) {
	const { site_id, sector_id } = await readPlacement( c, where );
	// Missing ids are left to the validator (400); present ones must be the caller's.
	if ( site_id === undefined || site_id === null || site_id === '' ) return;
	const db = c.get( 'db' );
	const site = ( await loadResource(
		db,
		principal,
		'site',
		idText( site_id )
	) ) as { id: number };
	c.get( 'resources' ).site = site;
	if ( sector_id === undefined || sector_id === null || sector_id === '' )
		return;
	const sector = ( await loadResource(
		db,
		principal,
		'sector',
		idText( sector_id )
	) ) as { siteId: number };
	if ( sector.siteId !== site.id )
		throw notFound( 'No such sector on this site' );
	c.get( 'resources' ).sector = sector;
}

export function defineRoute< const S extends Spec >( spec: S ): Defined< S > {
	const access: AccessDoc = {
		rule: spec.access.rule,
		roles: spec.access.rule === 'public' ? [] : ACCESS[ spec.access.rule ],
		wordpress: mayUseWordPress( spec.access ),
		signed: spec.access.signed ?? false,
		params: spec.access.params ?? {},
		site: spec.access.site ?? null,
		signedUrl: spec.access.signedUrl ?? false,
	};
	const data = spec.response ?? z.object( {} );
	const status = spec.status ?? 200;
	return createRoute( {
		method: spec.method,
		path: spec.path,
		operationId: spec.operationId,
		summary: spec.summary,
		tags: spec.tags,
		...( spec.access.rule === 'public'
			? { security: [] }
			: { security: [ { bearer: [] } ] } ),
		'x-igny8-access': access,
		middleware: [ authorize( spec.access ) ] as const,
		request: spec.request,
		responses: {
			[ status ]: {
				description: 'Success',
				content: spec.binary
					? {
							[ spec.binary ]: {
								schema: z
									.string()
									.openapi( { format: 'binary' } ),
							},
						}
					: {
							'application/json': {
								schema: spec.list
									? listEnvelope( data )
									: envelope( data ),
							},
						},
			},
			400: {
				description: 'Validation error',
				content: { 'application/json': { schema: errorSchema } },
			},
			...( spec.access.signedUrl
				? {
						403: {
							description:
								'The signature is missing, altered or expired',
							content: {
								'application/json': { schema: errorSchema },
							},
						},
					}
				: {} ),
			...( spec.access.rule === 'public'
				? {}
				: {
						401: {
							description: 'Unauthenticated',
							content: {
								'application/json': { schema: errorSchema },
							},
						},
						403: {
							description: 'Role not allowed',
							content: {
								'application/json': { schema: errorSchema },
							},
						},
					} ),
			404: {
				description: 'Not found or not yours',
				content: { 'application/json': { schema: errorSchema } },
			},
		},
	} ) as unknown as Defined< S >;
}

/** Registers a route; the handler returns our envelope (`ok`, `list`), typed input comes from the contract. */
export function handle< R extends RouteConfig >(
	app: OpenAPIHono< AppBindings >,
	route: R,
	handler: (
		c: Parameters< RouteHandler< R, AppBindings > >[ 0 ]
	) => Promise< Response > | Response
) {
	app.openapi( route, handler );
}
