// Calls the IGNY8 cloud straight from the browser with a site token minted by the plugin (ARCHITECTURE §4).
import type { ErrorBody, ErrorCode, ListBody } from '@igny8/shared';
import { __, sprintf } from '@wordpress/i18n';
import { ApiError, type ApiErrorInit } from './errors';
import { getToken as getSiteToken, type SiteToken } from './wp';

/** A cached token is replaced this long before it expires, so no request leaves with a dying one. */
export const TOKEN_MARGIN_SECONDS = 60;

/** The envelope's codes, plus the client's own when no envelope arrived; `code` may hold others (a WP refusal). */
export type CloudErrorCode =
	ErrorCode | 'network_error' | 'invalid_response' | 'http_error';

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

export interface CloudDownloadOptions {
	query?: CloudRequestOptions[ 'query' ];
	/** What the file should be, e.g. `text/csv`. */
	accept?: string;
	signal?: AbortSignal;
	/** For an event stream opened again: the id of the last event received. */
	lastEventId?: string | null;
}

export interface CloudUploadOptions {
	query?: CloudRequestOptions[ 'query' ];
	/** The body's type as the cloud should read it, e.g. `text/csv`. */
	contentType: string;
	/** Bytes sent so far and in all; called as the upload goes (and again from 0 if it has to be retried). */
	onProgress?: ( loaded: number, total: number ) => void;
	signal?: AbortSignal;
}

export interface CloudClient {
	/** `path` is relative to `{cloud_url}/api/v1`, e.g. `/auth/me`. Resolves to the envelope's `data`. */
	request: < T >(
		path: string,
		options?: CloudRequestOptions
	) => Promise< T >;
	get: < T >(
		path: string,
		options?: Omit< CloudRequestOptions, 'method' | 'body' >
	) => Promise< T >;
	post: < T >(
		path: string,
		body?: unknown,
		options?: Omit< CloudRequestOptions, 'method' | 'body' >
	) => Promise< T >;
	/** A GET whose answer is a file (a CSV export): resolves to its body; errors still come as envelopes. */
	download: (
		path: string,
		options?: CloudDownloadOptions
	) => Promise< Blob >;
	/** A GET whose answer is read as it arrives (an event stream): resolves to the open response once it is OK. */
	stream: (
		path: string,
		options?: CloudDownloadOptions
	) => Promise< Response >;
	/** POSTs `body` as it is (a CSV file) with upload progress; resolves to the envelope's `data`. */
	upload: < T >(
		path: string,
		body: Blob,
		options: CloudUploadOptions
	) => Promise< T >;
	/** The role the cloud gives this WordPress user (admin, editor, viewer), as its site token says. */
	role: () => Promise< string >;
	/** Forget the cached token: after connecting, disconnecting or a role change. */
	clearToken: () => void;
}

/** The slice of XMLHttpRequest an upload needs: fetch() reports no upload progress. */
export interface UploadRequest {
	open: ( method: string, url: string ) => void;
	setRequestHeader: ( name: string, value: string ) => void;
	getResponseHeader: ( name: string ) => string | null;
	send: ( body: Blob ) => void;
	abort: () => void;
	readonly status: number;
	readonly responseText: string;
	withCredentials: boolean;
	onload: ( ( event: unknown ) => void ) | null;
	onerror: ( ( event: unknown ) => void ) | null;
	onabort: ( ( event: unknown ) => void ) | null;
	readonly upload: {
		onprogress:
			| ( ( event: {
					loaded: number;
					total: number;
					lengthComputable: boolean;
			  } ) => void )
			| null;
	};
}

export interface CloudClientDeps {
	getToken: () => Promise< SiteToken >;
	fetch: typeof fetch;
	/** Milliseconds, like `Date.now`. */
	now: () => number;
	createUploadRequest: () => UploadRequest;
}

export function createCloudClient(
	deps: Partial< CloudClientDeps > = {}
): CloudClient {
	const getToken = deps.getToken ?? getSiteToken;
	const send = deps.fetch ?? ( ( input, init ) => fetch( input, init ) );
	const now = deps.now ?? Date.now;
	const createUploadRequest =
		deps.createUploadRequest ??
		( () => new XMLHttpRequest() as UploadRequest );

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
			const asking = getToken().then(
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
			pending = asking;
			const settle = () => {
				if ( pending === asking ) {
					pending = null;
				}
			};
			asking.then( settle, settle );
		}
		return pending;
	}

	interface Attempt {
		method: string;
		headers: Record< string, string >;
		body?: string;
		signal?: AbortSignal;
	}

	async function attempt(
		token: SiteToken,
		path: string,
		query: CloudRequestOptions[ 'query' ],
		init: Attempt
	): Promise< Response > {
		try {
			return await send( cloudUrl( token.cloud_url, path, query ), {
				method: init.method,
				headers: {
					...init.headers,
					Authorization: `Bearer ${ token.token }`,
				},
				body: init.body,
				signal: init.signal,
				// The cloud never sees WordPress cookies.
				credentials: 'omit',
			} );
		} catch ( error ) {
			if ( isAbort( error ) ) {
				throw error;
			}
			throw unreachable( token );
		}
	}

	/**
	 * Sends with the current token; after a 401 (expired early, rotated secret) once more with a new one.
	 *
	 * @param sendWith Sends the request with a token.
	 */
	async function withToken(
		sendWith: ( token: SiteToken ) => Promise< Response >
	): Promise< Response > {
		const token = await currentToken();
		const response = await sendWith( token );
		if ( response.status !== 401 ) {
			return response;
		}
		if ( cached?.token === token.token ) {
			cached = null;
		}
		return sendWith( await currentToken() );
	}

	async function request< T >(
		path: string,
		options: CloudRequestOptions = {}
	): Promise< T > {
		const headers: Record< string, string > = {
			Accept: 'application/json',
		};
		let body: string | undefined;
		if ( options.body !== undefined ) {
			headers[ 'Content-Type' ] = 'application/json';
			body = JSON.stringify( options.body );
		}
		const init = {
			method: options.method ?? 'GET',
			headers,
			body,
			signal: options.signal,
		};
		return unwrap< T >(
			await withToken( ( token ) =>
				attempt( token, path, options.query, init )
			)
		);
	}

	/**
	 * A GET answered with something other than JSON; a failure still comes as an envelope.
	 *
	 * @param path    Relative to `{cloud_url}/api/v1`.
	 * @param options Query, headers and abort signal.
	 */
	async function open(
		path: string,
		options: CloudDownloadOptions
	): Promise< Response > {
		const init = {
			method: 'GET',
			headers: {
				Accept: `${ options.accept ?? '*/*' }, application/json;q=0.5`,
				...( options.lastEventId
					? { 'Last-Event-ID': options.lastEventId }
					: {} ),
			},
			signal: options.signal,
		};
		const response = await withToken( ( token ) =>
			attempt( token, path, options.query, init )
		);
		if ( ! response.ok ) {
			// Throws the envelope's error (or an http_error when there is none).
			await unwrap( response );
			throw httpError( response.status );
		}
		return response;
	}

	async function download(
		path: string,
		options: CloudDownloadOptions = {}
	): Promise< Blob > {
		return ( await open( path, options ) ).blob();
	}

	function uploadOnce(
		token: SiteToken,
		path: string,
		body: Blob,
		options: CloudUploadOptions
	): Promise< Response > {
		return new Promise( ( resolve, reject ) => {
			if ( options.signal?.aborted ) {
				reject( abortError() );
				return;
			}
			const xhr = createUploadRequest();
			const onAbort = () => xhr.abort();
			options.signal?.addEventListener( 'abort', onAbort );
			const done = () =>
				options.signal?.removeEventListener( 'abort', onAbort );
			xhr.open(
				'POST',
				cloudUrl( token.cloud_url, path, options.query )
			);
			xhr.setRequestHeader( 'Accept', 'application/json' );
			xhr.setRequestHeader( 'Authorization', `Bearer ${ token.token }` );
			xhr.setRequestHeader( 'Content-Type', options.contentType );
			xhr.withCredentials = false;
			const { onProgress } = options;
			if ( onProgress ) {
				onProgress( 0, body.size );
				xhr.upload.onprogress = ( event ) =>
					onProgress(
						event.loaded,
						event.lengthComputable ? event.total : body.size
					);
			}
			xhr.onload = () => {
				done();
				resolve( responseOf( xhr ) );
			};
			xhr.onerror = () => {
				done();
				reject( unreachable( token ) );
			};
			xhr.onabort = () => {
				done();
				reject( abortError() );
			};
			xhr.send( body );
		} );
	}

	async function upload< T >(
		path: string,
		body: Blob,
		options: CloudUploadOptions
	): Promise< T > {
		return unwrap< T >(
			await withToken( ( token ) =>
				uploadOnce( token, path, body, options )
			)
		);
	}

	return {
		request,
		get: ( path, options ) =>
			request( path, { ...options, method: 'GET' } ),
		post: ( path, body, options ) =>
			request( path, { ...options, method: 'POST', body } ),
		download,
		stream: ( path, options = {} ) => open( path, options ),
		upload,
		role: async () => ( await currentToken() ).role,
		clearToken() {
			generation++;
			cached = null;
			pending = null;
		},
	};
}

export function cloudUrl(
	base: string,
	path: string,
	query?: CloudRequestOptions[ 'query' ]
): string {
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

/**
 * Turns the envelope into its payload, or throws it as a CloudError.
 *
 * @param response The cloud's answer.
 */
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
	const {
		success,
		error,
		code,
		errors,
		request_id: bodyRequestId,
		...details
	} = body as Partial< ErrorBody > & Record< string, unknown >;
	throw new CloudError( {
		status: response.status,
		code: typeof code === 'string' ? code : 'http_error',
		message:
			typeof error === 'string' && error
				? error
				: httpError( response.status ).message,
		fieldErrors: errors ?? {},
		requestId: bodyRequestId ?? requestId,
		details,
	} );
}

/**
 * An XMLHttpRequest's answer as a fetch Response, so `unwrap` reads both alike.
 *
 * @param xhr The finished request.
 */
function responseOf( xhr: UploadRequest ): Response {
	const headers = new Headers();
	const requestId = xhr.getResponseHeader( 'X-Request-Id' );
	if ( requestId ) {
		headers.set( 'X-Request-Id', requestId );
	}
	// A Response can only carry a status of 200–599; anything else is no answer we can read.
	const status = xhr.status >= 200 && xhr.status <= 599 ? xhr.status : 502;
	const nullBody = status === 204 || status === 205 || status === 304;
	return new Response( nullBody ? null : xhr.responseText, {
		status,
		headers,
	} );
}

function unreachable( token: SiteToken ): CloudError {
	return new CloudError( {
		status: 0,
		code: 'network_error',
		message: sprintf(
			/* translators: %s: the cloud's URL */
			__( 'The IGNY8 cloud at %s could not be reached.', 'igny8' ),
			token.cloud_url
		),
	} );
}

function abortError(): Error {
	const error = new Error( 'The request was cancelled.' );
	error.name = 'AbortError';
	return error;
}

function isEnvelope(
	body: unknown
): body is { success: boolean; request_id?: string; [ key: string ]: unknown } {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof ( body as { success?: unknown } ).success === 'boolean'
	);
}

function httpError(
	status: number,
	requestId: string | null = null
): CloudError {
	return new CloudError( {
		status,
		code: status >= 200 && status < 300 ? 'invalid_response' : 'http_error',
		message: sprintf(
			/* translators: %d: HTTP status code */
			__(
				'The IGNY8 cloud gave an unexpected answer (HTTP %d).',
				'igny8'
			),
			status
		),
		requestId,
	} );
}

/**
 * No token, no call: the plugin's refusal (not connected, no capability) becomes the cloud call's error.
 *
 * @param error Why WordPress gave no token.
 */
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
	return (
		typeof error === 'object' &&
		error !== null &&
		( error as { name?: unknown } ).name === 'AbortError'
	);
}

/** The page-wide client: one token cache shared by every store. */
export const cloud = createCloudClient();

/**
 * The rows of a list as the cloud answers it: a list envelope's `results`, or an array as `data`.
 *
 * @param value The envelope's `data`, or the list envelope itself.
 */
export function itemsOf< T >( value: CloudList< T > | T[] | unknown ): T[] {
	if ( Array.isArray( value ) ) {
		return value as T[];
	}
	const results = ( value as { results?: unknown } | null )?.results;
	return Array.isArray( results ) ? ( results as T[] ) : [];
}
