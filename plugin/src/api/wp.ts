// The plugin's own REST routes (igny8/v1), called from wp-admin with the login cookie and the REST nonce.
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';
import { ApiError, type FieldErrors } from './errors';

/** Inlined by PHP before each admin page's script as `window.igny8Initial`. */
export interface InitialState {
	restRoot: string;
	restNonce: string;
	namespace: string;
	connected: boolean;
	siteId: number | null;
	cloudUrl: string;
	siteName: string | null;
	accountName: string | null;
	pluginVersion: string;
	wpVersion: string;
	user: {
		id: number;
		canManage: boolean;
		/** Whether the user may change content (`edit_posts`); inlined on the Planner and Writer pages. */
		canEdit?: boolean;
	};
}

declare global {
	interface Window {
		igny8Initial?: InitialState;
	}
}

/** The plugin's queue of events for the cloud (posts and terms changed in WordPress). */
export interface OutboxStatus {
	/** Events waiting to be sent, retries included. */
	pending: number;
	/** Events that gave up. */
	failed: number;
	/** When the oldest waiting event was queued (ISO 8601), or null. */
	oldest_pending_at: string | null;
	/** When events last reached the cloud, or null. */
	last_delivery_at: string | null;
	/** Why the last delivery failed, or null. */
	last_error: string | null;
}

export interface ConnectionStatus {
	connected: boolean;
	cloud_url: string;
	site_id: number | null;
	site_name: string | null;
	account_name: string | null;
	/** ISO 8601 or unix seconds, as the PHP side stored it. */
	connected_at: string | number | null;
	plugin_version: string;
	wp_version: string;
	/** The outbox backlog, once the plugin reports it. */
	outbox?: OutboxStatus;
}

export interface ConnectionTestResult {
	wp_to_cloud: boolean;
	cloud_to_wp: boolean;
	error?: string;
	site?: {
		id: number;
		name: string;
		domain: string | null;
		status: string;
	} | null;
	account?: { id: number; name: string } | null;
	plan?: { name: string } | null;
}

export interface DisconnectResult {
	connected: false;
	/** Whether the cloud forgot the site too; false when it could not be reached. */
	cloud_cleared: boolean;
}

/** A short-lived JWT for calling the cloud straight from the browser (ARCHITECTURE §4). */
export interface SiteToken {
	token: string;
	/** Unix seconds. */
	expires_at: number;
	cloud_url: string;
	site_id: number;
	role: string;
}

export class WpError extends ApiError {
	constructor( ...args: ConstructorParameters< typeof ApiError > ) {
		super( ...args );
		this.name = 'WpError';
	}
}

let namespace = 'igny8/v1';
let configuredFor: string | null = null;

export function readInitialState(): InitialState {
	const initial = window.igny8Initial;
	if ( ! initial ) {
		throw new Error(
			'IGNY8: window.igny8Initial is missing; the page was not rendered by the plugin.'
		);
	}
	return initial;
}

/**
 * Points api-fetch at this site's REST root with its nonce; safe to call once per page.
 *
 * @param initial The page's initial state.
 */
export function configureApiFetch(
	initial: Pick< InitialState, 'restRoot' | 'restNonce' | 'namespace' >
): void {
	namespace = initial.namespace || namespace;
	const key = `${ initial.restRoot }|${ initial.restNonce }`;
	if ( configuredFor === key ) {
		return;
	}
	configuredFor = key;
	apiFetch.use( apiFetch.createRootURLMiddleware( initial.restRoot ) );
	apiFetch.use( apiFetch.createNonceMiddleware( initial.restNonce ) );
}

/**
 * The status as far as the page already knows it, so the first paint needs no request.
 *
 * @param initial The page's initial state.
 */
export function statusFromInitialState(
	initial: InitialState
): ConnectionStatus {
	return {
		connected: initial.connected,
		cloud_url: initial.cloudUrl,
		site_id: initial.siteId,
		site_name: initial.siteName,
		account_name: initial.accountName,
		connected_at: null,
		plugin_version: initial.pluginVersion,
		wp_version: initial.wpVersion,
	};
}

interface WpErrorBody {
	code?: unknown;
	message?: unknown;
	data?: { status?: unknown; params?: unknown } | null;
}

/**
 * api-fetch rejects with the parsed `WP_Error` body, or `{ code: 'fetch_error' }` when offline.
 *
 * @param error What api-fetch rejected with.
 */
export function toWpError( error: unknown ): WpError {
	if ( error instanceof WpError ) {
		return error;
	}
	const body = (
		typeof error === 'object' && error !== null ? error : {}
	) as WpErrorBody;
	const status = typeof body.data?.status === 'number' ? body.data.status : 0;
	const code = typeof body.code === 'string' ? body.code : 'unknown_error';
	const message =
		typeof body.message === 'string' && body.message
			? body.message
			: __( 'WordPress could not complete the request.', 'igny8' );
	return new WpError( {
		status,
		code,
		message,
		fieldErrors: paramErrors( body.data?.params ),
	} );
}

/**
 * `rest_invalid_param` lists `{ param: message }`; keep the envelope's `{ field: [message] }` shape.
 *
 * @param params The `params` of a `rest_invalid_param` error.
 */
function paramErrors( params: unknown ): FieldErrors {
	if ( typeof params !== 'object' || params === null ) {
		return {};
	}
	const out: Record< string, string[] > = {};
	for ( const [ field, message ] of Object.entries( params ) ) {
		out[ field ] = [ String( message ) ];
	}
	return out;
}

async function call< T >(
	path: string,
	method: 'GET' | 'POST' = 'GET',
	data?: object
): Promise< T > {
	try {
		return await apiFetch< T >( {
			path: `/${ namespace }${ path }`,
			method,
			data,
		} );
	} catch ( error ) {
		throw toWpError( error );
	}
}

export const getStatus = () => call< ConnectionStatus >( '/status' );

export const connect = ( body: { cloud_url: string; code: string } ) =>
	call< ConnectionStatus >( '/connect', 'POST', body );

export const testConnection = () =>
	call< ConnectionTestResult >( '/test', 'POST' );

export const disconnect = () =>
	call< DisconnectResult >( '/disconnect', 'POST' );

export const getToken = () => call< SiteToken >( '/token' );

/** Sends what waits in the outbox now (manage_options); answers the backlog left. */
export const flushOutbox = () => call< unknown >( '/outbox/flush', 'POST' );

/**
 * The backlog in the flush's answer: `{ outbox: {…} }` or the backlog itself; null when neither.
 *
 * @param value What `POST /outbox/flush` answered.
 */
export function outboxOf( value: unknown ): OutboxStatus | null {
	const inner = ( value as { outbox?: unknown } | null )?.outbox ?? value;
	const backlog = inner as Partial< OutboxStatus > | null;
	return backlog &&
		typeof backlog.pending === 'number' &&
		typeof backlog.failed === 'number'
		? {
				pending: backlog.pending,
				failed: backlog.failed,
				oldest_pending_at: backlog.oldest_pending_at ?? null,
				last_delivery_at: backlog.last_delivery_at ?? null,
				last_error: backlog.last_error ?? null,
			}
		: null;
}

/** A category or tag as WordPress's own REST API lists it (`_fields=id,name`). */
export interface WpTermName {
	id: number;
	name: string;
}

export type WpTaxonomyRoute = 'categories' | 'tags';

/**
 * Terms of WordPress's own REST API (`/wp/v2/categories|tags`), with the login cookie and REST nonce.
 *
 * @param taxonomy Categories or tags.
 * @param query    `search`, `include`, `orderby`… as WordPress takes them.
 */
export async function listWpTerms(
	taxonomy: WpTaxonomyRoute,
	query: Record< string, string | number >
): Promise< WpTermName[] > {
	const search = new URLSearchParams( {
		per_page: '100',
		_fields: 'id,name',
		...Object.fromEntries(
			Object.entries( query ).map( ( [ k, v ] ) => [ k, String( v ) ] )
		),
	} );
	try {
		return await apiFetch< WpTermName[] >( {
			path: `/wp/v2/${ taxonomy }?${ search.toString() }`,
		} );
	} catch ( error ) {
		throw toWpError( error );
	}
}

/**
 * The category and tag ids of a post, as WordPress's own REST API gives them to its editors.
 *
 * @param postId The post.
 */
export async function getWpPostTerms(
	postId: number
): Promise< { categories: number[]; tags: number[] } > {
	try {
		return await apiFetch< { categories: number[]; tags: number[] } >( {
			path: `/wp/v2/posts/${ postId }?context=edit&_fields=categories,tags`,
		} );
	} catch ( error ) {
		throw toWpError( error );
	}
}
