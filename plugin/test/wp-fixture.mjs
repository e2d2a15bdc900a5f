// Test fixture: a real WordPress 6.5.5 (scripts/wp/env.mjs) in a temp dir on a free port, with the
// plugin symlinked and active, WP_DEBUG logging on, plus helpers to call it as users or as the cloud.

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	freePort,
	prepareWordPress,
	runPhp,
	startWordPress,
} from '../../scripts/wp/env.mjs';

export const PLUGIN_DIR = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
export const ADMIN_PASSWORD = 'admin-password-for-tests';

export const sha256Hex = ( body ) =>
	createHash( 'sha256' ).update( body ).digest( 'hex' );
export const randomHex = ( bytes ) => randomBytes( bytes ).toString( 'hex' );

/** The signing spec (ARCHITECTURE.md §4), written independently of the PHP code it checks. */
export function sign( {
	method,
	target,
	timestamp,
	nonce,
	body = '',
	secret,
} ) {
	const canonical = [
		method.toUpperCase(),
		target,
		String( timestamp ),
		nonce,
		sha256Hex( body ),
	].join( '\n' );
	return createHmac( 'sha256', secret ).update( canonical ).digest( 'hex' );
}

export function signedHeaders( {
	siteId,
	secret,
	method,
	target,
	body = '',
	timestamp,
	nonce,
} ) {
	timestamp ??= Math.floor( Date.now() / 1000 );
	nonce ??= randomHex( 16 );
	return {
		'X-IGNY8-Site': String( siteId ),
		'X-IGNY8-Timestamp': String( timestamp ),
		'X-IGNY8-Nonce': nonce,
		'X-IGNY8-Signature': sign( {
			method,
			target,
			timestamp,
			nonce,
			body,
			secret,
		} ),
	};
}

export const basicAuth = ( user, password ) =>
	`Basic ${ Buffer.from( `${ user }:${ password }` ).toString( 'base64' ) }`;

/**
 * Prepares and starts a WordPress. Call from a `before` hook; call `site.stop()` in `after`.
 *
 * @param {{ pluginDir?: string, extraConfig?: string[] }} [options]
 */
export async function startSite( {
	pluginDir = PLUGIN_DIR,
	extraConfig = [],
} = {} ) {
	const dir = await mkdtemp( path.join( tmpdir(), 'igny8-wp-' ) );
	const port = await freePort();
	const url = `http://127.0.0.1:${ port }`;
	const debugLog = path.join( dir, 'debug.log' );
	await prepareWordPress( {
		dir,
		url,
		pluginDir,
		adminPassword: ADMIN_PASSWORD,
		siteTitle: 'Plugin Test Site',
		shareCore: true,
		extraConfig: [
			"define( 'WP_DEBUG', true );",
			`define( 'WP_DEBUG_LOG', '${ debugLog }' );`,
			"define( 'WP_DEBUG_DISPLAY', false );",
			...extraConfig,
		],
	} );
	const server = await startWordPress( { dir, port } );

	const php = ( code, env ) => runPhp( dir, code, env );

	const site = {
		dir,
		url,
		php,

		async stop() {
			await server.stop();
			if ( ! process.env.IGNY8_KEEP_WP ) {
				await rm( dir, { recursive: true, force: true } );
			}
		},

		/** fetch() against the site; `path` starts with "/". */
		fetch( urlPath, init = {} ) {
			return fetch( url + urlPath, { redirect: 'manual', ...init } );
		},

		/** JSON request; resolves { status, body, text, headers }. */
		async request(
			urlPath,
			{ method = 'GET', headers = {}, body, auth } = {}
		) {
			const init = { method, headers: { ...headers } };
			if ( auth ) {
				init.headers.Authorization = basicAuth(
					auth.user,
					auth.password
				);
			}
			if ( body !== undefined ) {
				init.body =
					typeof body === 'string' ? body : JSON.stringify( body );
				init.headers[ 'Content-Type' ] ??= 'application/json';
			}
			const res = await site.fetch( urlPath, init );
			const text = await res.text();
			let json;
			try {
				json = JSON.parse( text );
			} catch {
				json = undefined;
			}
			return {
				status: res.status,
				body: json,
				text,
				headers: res.headers,
			};
		},

		/** Creates a user with a role; resolves its id. */
		async createUser( login, role ) {
			const out = await php(
				`$id = wp_insert_user( array( 'user_login' => ${ JSON.stringify( login ) }, 'user_pass' => 'pw-' . wp_generate_password( 12, false ), 'user_email' => ${ JSON.stringify( `${ login }@example.com` ) }, 'role' => ${ JSON.stringify( role ) }, 'display_name' => ${ JSON.stringify( `${ login } Display` ) } ) );
				if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
				echo $id;`
			);
			return Number( out );
		},

		/** An Application Password for HTTP basic auth; resolves { user, password }. */
		async appPassword( login ) {
			const password = await php(
				`$user = get_user_by( 'login', ${ JSON.stringify( login ) } );
				$created = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => 'tests ' . wp_generate_password( 6, false ) ) );
				if ( is_wp_error( $created ) ) { fwrite( STDERR, $created->get_error_message() ); exit( 1 ); }
				echo $created[0];`
			);
			return { user: login, password };
		},

		/** Logs in through wp-login.php; resolves { cookie, nonce } for cookie-authenticated REST calls. */
		async login( login, password ) {
			const res = await site.fetch( '/wp-login.php', {
				method: 'POST',
				headers: {
					cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
				},
				body: new URLSearchParams( {
					log: login,
					pwd: password,
					'wp-submit': 'Log In',
					testcookie: '1',
				} ),
			} );
			await res.arrayBuffer();
			if ( res.status !== 302 ) {
				throw new Error(
					`login as ${ login } failed: HTTP ${ res.status }`
				);
			}
			const cookie = res.headers
				.getSetCookie()
				.map( ( c ) => c.split( ';' )[ 0 ] )
				.filter( ( c ) => ! c.endsWith( '=deleted' ) )
				.join( '; ' );
			const nonceRes = await site.fetch(
				'/wp-admin/admin-ajax.php?action=rest-nonce',
				{ headers: { cookie } }
			);
			return { cookie, nonce: ( await nonceRes.text() ).trim() };
		},

		async setPassword( login, password ) {
			await php(
				`wp_set_password( ${ JSON.stringify( password ) }, get_user_by( 'login', ${ JSON.stringify( login ) } )->ID );`
			);
		},

		/** Stores a connection as if the site had connected to a cloud. */
		async setConnection( connection ) {
			await php(
				`IGNY8\\Options::update( IGNY8\\Options::CONNECTION, json_decode( getenv( 'IGNY8_TEST_VALUE' ), true ) );`,
				{
					IGNY8_TEST_VALUE: JSON.stringify( connection ),
				}
			);
		},

		async clearConnection() {
			await php(
				`IGNY8\\Options::delete( IGNY8\\Options::CONNECTION );`
			);
		},

		async getOption( name ) {
			const out = await php(
				`echo wp_json_encode( get_option( ${ JSON.stringify( name ) }, null ) );`
			);
			return JSON.parse( out );
		},

		/** PHP errors, warnings, notices and deprecations logged so far (debug.log + php -S log). */
		async phpErrors() {
			const logs = await Promise.all(
				[ debugLog, server.logFile ].map( ( f ) =>
					readFile( f, 'utf8' ).catch( () => '' )
				)
			);
			return logs
				.join( '\n' )
				.split( '\n' )
				.filter( ( line ) =>
					/PHP (Fatal|Parse|Warning|Notice|Deprecated)|doing_it_wrong|was called <strong>incorrectly/i.test(
						line
					)
				);
		},
	};
	return site;
}

/** A connection as the cloud would have issued it. */
export function fakeConnection( overrides = {} ) {
	return {
		cloud_url: 'http://127.0.0.1:9',
		site_id: 7,
		site_secret: randomHex( 32 ),
		account_name: 'Acme Publishing',
		site_name: 'Acme Blog',
		connected_at: '2026-01-01T00:00:00Z',
		...overrides,
	};
}
