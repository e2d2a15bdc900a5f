// createApp(): middleware, routes, notFound and the one onError, shared by the Worker and the tests.
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import type { AppBindings } from './env';
import { createDb } from './db';
import { originMayAsk } from './lib/origins';
import { AppError } from './lib/errors';
import { errorBody } from './lib/envelope';
import { createRouter } from './lib/router';
import { docsPage } from './lib/docs';
import { authRoutes } from './auth/routes';
import { tenancyRoutes } from './tenancy/routes';
import { integrationRoutes } from './integration/routes';
import { keywordRoutes } from './planner/routes';
import { clusterRoutes } from './planner/cluster-routes';
import { ideaRoutes } from './planner/idea-routes';
import { writerRoutes } from './writer/routes';
import { aiRoutes } from './ai/routes';
import { billingRoutes } from './billing/routes';
import { systemRoutes } from './system/routes';
import { publisherRoutes } from './publisher/routes';
import { syncRoutes } from './sync/routes';
import { PLANNER_LIMITS } from '@igny8/shared';

export const API_PREFIX = '/api/v1';
export const MAX_JSON_BYTES = 1024 * 1024;

/** Sign-in style endpoints share a strict per-IP limit. */
const AUTH_LIMITED = new Set( [
	'/auth/login',
	'/auth/signup',
	'/auth/refresh',
	'/auth/invite/accept',
	'/integration/connect',
] );

function clientIp( c: Context ) {
	return (
		c.req.header( 'cf-connecting-ip' ) ??
		c.req.header( 'x-forwarded-for' )?.split( ',' )[ 0 ]?.trim() ??
		'local'
	);
}

export function createApp() {
	const app = createRouter();

	app.use( '*', async ( c, next ) => {
		const incoming = c.req.header( 'x-request-id' );
		const id =
			incoming && /^[A-Za-z0-9._-]{8,64}$/.test( incoming )
				? incoming
				: crypto.randomUUID();
		c.set( 'requestId', id );
		c.set( 'db', createDb( c.env.DB ) );
		await next();
		c.res.headers.set( 'X-Request-Id', id );
		// JSON is never to be sniffed into HTML, nor framed. (The dashboard's static files get theirs from
		// cloud/dashboard/public/_headers.)
		if ( c.req.path.startsWith( '/api/' ) ) {
			c.res.headers.set( 'X-Content-Type-Options', 'nosniff' );
			if ( ! c.res.headers.has( 'Content-Security-Policy' ) )
				c.res.headers.set(
					'Content-Security-Policy',
					"default-src 'none'; frame-ancestors 'none'"
				);
		}
	} );

	app.use(
		`${ API_PREFIX }/*`,
		cors( {
			origin: async ( origin, c ) =>
				( await originMayAsk( c as Context< AppBindings >, origin ) )
					? origin
					: null,
			allowHeaders: [
				'Authorization',
				'Content-Type',
				'X-Request-Id',
				'Last-Event-ID',
			],
			allowMethods: [
				'GET',
				'POST',
				'PUT',
				'PATCH',
				'DELETE',
				'OPTIONS',
			],
			exposeHeaders: [ 'X-Request-Id' ],
			maxAge: 600,
		} )
	);

	app.use( `${ API_PREFIX }/*`, async ( c: Context< AppBindings >, next ) => {
		const route = c.req.path
			.slice( API_PREFIX.length )
			.replace( /\/+$/, '' );
		const ip = clientIp( c );
		const limiter = AUTH_LIMITED.has( route )
			? c.env.AUTH_LIMITER
			: c.env.API_LIMITER;
		if ( limiter && c.req.method !== 'OPTIONS' ) {
			const { success } = await limiter.limit( {
				key: `ip:${ AUTH_LIMITED.has( route ) ? 'auth:' : '' }${ ip }`,
			} );
			if ( ! success )
				throw new AppError(
					'rate_limited',
					'Too many requests from this address; try again in a minute'
				);
		}
		// Sign-up answers whether an email is taken (409), so it gets its own, harder limit per address.
		if ( route === '/auth/signup' && c.env.SIGNUP_LIMITER ) {
			const { success } = await c.env.SIGNUP_LIMITER.limit( {
				key: `ip:signup:${ ip }`,
			} );
			if ( ! success )
				throw new AppError(
					'rate_limited',
					'Too many sign-ups from this address; try again in a minute'
				);
		}
		await next();
	} );

	// JSON bodies stop at 1 MB; CSV uploads have their own, larger limit.
	const jsonLimit = bodyLimit( {
		maxSize: MAX_JSON_BYTES,
		onError: () => {
			throw new AppError(
				'payload_too_large',
				`The request body is larger than ${ MAX_JSON_BYTES } bytes`,
				undefined,
				{ limit_bytes: MAX_JSON_BYTES }
			);
		},
	} );
	const csvLimit = bodyLimit( {
		maxSize: PLANNER_LIMITS.csvBytes + 64 * 1024,
		onError: () => {
			throw new AppError(
				'payload_too_large',
				`The file is larger than ${ PLANNER_LIMITS.csvBytes / 1024 / 1024 } MB; split it into smaller files`,
				undefined,
				{
					limit_bytes: PLANNER_LIMITS.csvBytes,
				}
			);
		},
	} );
	app.use(
		`${ API_PREFIX }/*`,
		( c: Context< AppBindings, string >, next ) =>
			c.req.path
				.replace( /\/+$/, '' )
				.endsWith( '/planner/keywords/import_csv' )
				? csvLimit( c, next )
				: jsonLimit( c, next )
	);

	app.openAPIRegistry.registerComponent( 'securitySchemes', 'bearer', {
		type: 'http',
		scheme: 'bearer',
		bearerFormat: 'JWT',
		description:
			'A dashboard access token (POST /auth/login) or a WordPress-minted site token (GET /wp-json/igny8/v1/token)',
	} );

	const api = createRouter();
	for ( const routes of [
		authRoutes,
		tenancyRoutes,
		integrationRoutes,
		keywordRoutes,
		clusterRoutes,
		ideaRoutes,
		writerRoutes,
		aiRoutes,
		billingRoutes,
		systemRoutes,
		publisherRoutes,
		syncRoutes,
	] )
		api.route( '/', routes );
	app.route( API_PREFIX, api );

	app.doc31( `${ API_PREFIX }/openapi.json`, {
		openapi: '3.1.0',
		info: {
			title: 'IGNY8 API',
			version: '1.0.0',
			description:
				'Keyword list to planned, written, interlinked WordPress posts.',
			license: {
				name: 'GPL-2.0-or-later',
				url: 'https://www.gnu.org/licenses/gpl-2.0.html',
			},
		},
		servers: [ { url: '/' } ],
	} );
	app.get( '/api/docs', ( c ) => {
		const nonce = crypto.randomUUID().replace( /-/g, '' );
		c.header(
			'Content-Security-Policy',
			`default-src 'none'; script-src 'nonce-${ nonce }'; style-src 'nonce-${ nonce }'; ` +
				"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
		);
		c.header( 'X-Frame-Options', 'DENY' );
		return c.html( docsPage( `${ API_PREFIX }/openapi.json`, nonce ) );
	} );

	app.notFound( async ( c ) => {
		if ( ! c.req.path.startsWith( '/api/' ) && c.env.ASSETS ) {
			// An asset's headers are immutable; a copy lets the middleware add the request id (an unknown path,
			// /favicon.ico included, is then the assets' own 404, not a 500).
			const asset = await c.env.ASSETS.fetch( c.req.raw );
			return new Response( asset.body, asset );
		}
		return c.json(
			errorBody( c.get( 'requestId' ) ?? crypto.randomUUID(), {
				code: 'not_found',
				message: `No route ${ c.req.method } ${ c.req.path }`,
			} ),
			404
		);
	} );

	app.onError( ( err, c ) => {
		const requestId = c.get( 'requestId' ) ?? crypto.randomUUID();
		if ( err instanceof AppError ) {
			const res = c.json(
				errorBody( requestId, err ),
				err.status as 400
			);
			if ( err.code === 'rate_limited' )
				res.headers.set( 'Retry-After', '60' );
			return res;
		}
		if ( err instanceof HTTPException ) {
			const status = err.status;
			const code =
				status === 413
					? 'payload_too_large'
					: status === 401
						? 'unauthenticated'
						: status === 400
							? 'bad_json'
							: 'validation';
			const message =
				status === 400 && /json/i.test( err.message )
					? 'The request body is not valid JSON'
					: err.message || 'Bad request';
			return c.json( errorBody( requestId, { code, message } ), status );
		}
		// Query errors carry their bound parameters (a password hash, a key): never log those.
		const redact = ( text: string | undefined ) =>
			( text ?? '' ).replace(
				/\nparams:[\s\S]*?(?=\n\s+at |$)/g,
				'\nparams: [redacted]'
			);
		console.error(
			JSON.stringify( {
				level: 'error',
				request_id: requestId,
				path: c.req.path,
				error: redact( String( err ) ),
				stack: redact( err.stack ),
			} )
		);
		return c.json(
			errorBody( requestId, {
				code: 'internal',
				message:
					'Something went wrong on our side; the request id helps us find it',
			} ),
			500
		);
	} );

	return app;
}

export type App = ReturnType< typeof createApp >;
