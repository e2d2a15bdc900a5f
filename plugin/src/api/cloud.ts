// Calls the IGNY8 cloud straight from the browser with a site token minted by the plugin (ARCHITECTURE §4).
import type { ErrorBody, ErrorCode, ListBody } from '@igny8/shared';
import { __, sprintf } from '@wordpress/i18n';
import { ApiError, type ApiErrorInit } from './errors';
import { getToken as getSiteToken, type SiteToken } from './wp';

/** A cached token is replaced this long before it expires, so no request leaves with a dying one. */
export const TOKEN_MARGIN_SECONDS = 60;

/** The envelope's codes, plus the client's own when no envelope arrived; `code` may hold others (a WP refusal). */
export type CloudErrorCode = ErrorCode | 'network_error' | 'invalid_response' | 'http_error';

export class CloudError extends ApiError {
	constructor( init: ApiErrorInit ) {
		super( init );
		this.name = 'CloudError';
	}
}

export type CloudList< T > = Omit< ListBody< T >, 'success' | 'request_id' >;

export interface CloudRequestOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	body?: unknown;
	query?: Record< string, string | number | boolean | null | undefined >;
	signal?: AbortSignal;
}

export interface CloudClient {
	/** `path` is relative to `{cloud_url}/api/v1`, e.g. `/auth/me`. Resolves to the envelope's `data`. */
	request< T >( path: string, options?: CloudRequestOptions ): Promise< T >;
	get< T >( path: string, options?: Omit< CloudRequestOptions, 'method' | 'body' > ): Promise< T >;
	post< T >( path: string, body?: unknown, options?: Omit< CloudRequestOptions, 'method' | 'body' > ): Promise< T >;
	/** Forget the cached token: after connecting, disconnecting or a role change. */
	clearToken(): void;
}

export interface CloudClientDeps {
	getToken: () => Promise< SiteToken >;
	fetch: typeof fetch;
	/** Milliseconds, like `Date.now`. */
	now: () => number;
}

export function createCloudClient( deps: Partial< CloudClientDeps > = {} ): CloudClient {
	const getToken = deps.getToken ?? getSiteToken;
	const send = deps.fetch ?? ( ( input, init ) => fetch( input, init ) );
	const now = deps.now ?? Date.now;

	let cached: SiteToken | null = null;
	let pending: Promise< SiteToken > | null = null;
	// Bumped by clearToken() so a token already on its way for the old connection is not cached.
	let generation = 0;

	function isFresh( token: SiteToken ): boolean {
		return token.expires_at - TOKEN_MARGIN_SECONDS > now() / 1000;
	}

	function currentToken(): Promise< SiteToken > {
		if ( cached && isFresh( cached ) ) {
			return Promise.resolve( cached );
		}
		if ( ! pending ) {
			const asked = generation;
			const request = getToken().then(
				( token ) => {
					if ( asked === generation ) {
						cached = token;
					}
					return token;
				},
				( error: unknown ) => {
					throw tokenError( error );
				}
			);
			pending = request;
			const settle = () => {
				if ( pending === request ) {
					pending = null;
				}
			};
			request.then( settle, settle );
		}
		return pending;
	}

	async function attempt( token: SiteToken, path: string, options: CloudRequestOptions ): Promise< Response > {
		const headers: Record< string, string > = {
			Accept: 'application/json',
			Authorization: `Bearer ${ token.token }`,
		};
		let body: string | undefined;
		if ( options.body !== undefined ) {
			headers[ 'Content-Type' ] = 'application/json';
			body = JSON.stringify( options.body );
		}
		try {
			return await send( cloudUrl( token.cloud_url, path, options.query ), {
				method: options.method ?? 'GET',
				headers,
				body,
				signal: options.signal,
				// The cloud never sees WordPress cookies.
				credentials: 'omit',
			} );
		} catch ( error ) {
			if ( isAbort( error ) ) {
				throw error;
			}
			throw new CloudError( {
				status: 0,
				code: 'network_error',
				message: sprintf(
					/* translators: %s: the cloud's URL */
					__( 'The IGNY8 cloud at %s could not be reached.', 'igny8' ),
					token.cloud_url
				),
			} );
		}
	}

	async function request< T >( path: string, options: CloudRequestOptions = {} ): Promise< T > {
		const token = await currentToken();
		let response = await attempt( token, path, options );
		if ( response.status === 401 ) {
			// Expired early or signed with a rotated secret: one more try with a token minted now.
			if ( cached?.token === token.token ) {
				cached = null;
			}
			response = await attempt( await currentToken(), path, options );
		}
		return unwrap< T >( response );
	}

	return {
		request,
		get: ( path, options ) => request( path, { ...options, method: 'GET' } ),
		post: ( path, body, options ) => request( path, { ...options, method: 'POST', body } ),
		clearToken() {
			generation++;
			cached = null;
			pending = null;
		},
	};
}

export function cloudUrl( base: string, path: string, query?: CloudRequestOptions[ 'query' ] ): string {
	let url = `${ base.replace( /\/+$/, '' ) }/api/v1/${ path.replace( /^\/+/, '' ) }`;
	const params = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( query ?? {} ) ) {
		if ( value !== undefined && value !== null ) {
			params.append( key, String( value ) );
		}
	}
	const search = params.toString();
	if ( search ) {
		url += ( url.includes( '?' ) ? '&' : '?' ) + search;
	}
	return url;
}

/** Turns the envelope into its payload, or throws it as a CloudError. */
export async function unwrap< T >( response: Response ): Promise< T > {
	if ( response.status === 204 ) {
		return undefined as T;
	}
	const requestId = response.headers.get( 'X-Request-Id' );
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw httpError( response.status, requestId );
	}
	if ( ! isEnvelope( body ) ) {
		throw httpError( response.status, requestId );
	}
	if ( body.success === true && response.ok ) {
		if ( 'data' in body ) {
			return body.data as T;
		}
		const { success, request_id: ignored, ...list } = body;
		return list as T;
	}
	const failure = body as Partial< ErrorBody >;
	throw new CloudError( {
		status: response.status,
		code: typeof failure.code === 'string' ? failure.code : 'http_error',
		message: typeof failure.error === 'string' && failure.error ? failure.error : httpError( response.status ).message,
		fieldErrors: failure.errors ?? {},
		requestId: failure.request_id ?? requestId,
	} );
}

function isEnvelope( body: unknown ): body is { success: boolean; request_id?: string; [ key: string ]: unknown } {
	return typeof body === 'object' && body !== null && typeof ( body as { success?: unknown } ).success === 'boolean';
}

function httpError( status: number, requestId: string | null = null ): CloudError {
	return new CloudError( {
		status,
		code: status >= 200 && status < 300 ? 'invalid_response' : 'http_error',
		message: sprintf(
			/* translators: %d: HTTP status code */
			__( 'The IGNY8 cloud gave an unexpected answer (HTTP %d).', 'igny8' ),
			status
		),
		requestId,
	} );
}

/** No token, no call: the plugin's refusal (not connected, no capability) becomes the cloud call's error. */
function tokenError( error: unknown ): CloudError {
	if ( error instanceof ApiError ) {
		return new CloudError( {
			status: error.status,
			code: error.code,
			message: error.message,
			fieldErrors: error.fieldErrors,
		} );
	}
	return new CloudError( {
		status: 0,
		code: 'network_error',
		message: error instanceof Error ? error.message : String( error ),
	} );
}

function isAbort( error: unknown ): boolean {
	return typeof error === 'object' && error !== null && ( error as { name?: unknown } ).name === 'AbortError';
}

/** The page-wide client: one token cache shared by every store. */
export const cloud = createCloudClient();
