// The whole product on this machine: the cloud (wrangler dev) and a real WordPress with the plugin
// connected to it through a real connection code. Used by `npm start` and by the end-to-end tests.
import path from 'node:path';
import { prepareWordPress, runPhp, startWordPress } from '../wp/env.mjs';
import { REPO, startCloud } from './cloud.mjs';

export const DEMO = {
	email: 'demo@igny8.local',
	password: 'demo-password-2026',
	account: 'Demo Agency',
	site: 'Demo Site',
};

async function cloudCall( cloudUrl, method, route, { token, body } = {} ) {
	const res = await fetch( `${ cloudUrl }/api/v1${ route }`, {
		method,
		headers: {
			'content-type': 'application/json',
			...( token ? { authorization: `Bearer ${ token }` } : {} ),
		},
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	const json = await res.json();
	return { status: res.status, json };
}

/** Signs the demo owner up (or in, when the state persisted from an earlier start). */
export async function demoOwner( cloudUrl, who = DEMO ) {
	let res = await cloudCall( cloudUrl, 'POST', '/auth/login', {
		body: { email: who.email, password: who.password },
	} );
	if ( res.status === 401 )
		res = await cloudCall( cloudUrl, 'POST', '/auth/signup', {
			body: {
				email: who.email,
				password: who.password,
				account_name: who.account,
			},
		} );
	if ( ! res.json.success )
		throw new Error(
			`demo sign-in failed: ${ JSON.stringify( res.json ) }`
		);
	return res.json.data;
}

export async function demoSite( cloudUrl, token, name = DEMO.site ) {
	const sites = await cloudCall( cloudUrl, 'GET', '/auth/sites', { token } );
	const found = sites.json.results.find( ( s ) => s.name === name );
	if ( found ) return found;
	const made = await cloudCall( cloudUrl, 'POST', '/auth/sites', {
		token,
		body: { name },
	} );
	if ( ! made.json.success )
		throw new Error( `demo site failed: ${ JSON.stringify( made.json ) }` );
	return made.json.data;
}

export async function connectionCode( cloudUrl, token, siteId ) {
	const res = await cloudCall(
		cloudUrl,
		'POST',
		`/integration/sites/${ siteId }/connection-code`,
		{ token }
	);
	if ( ! res.json.success )
		throw new Error(
			`connection code failed: ${ JSON.stringify( res.json ) }`
		);
	return res.json.data.code;
}

/** Connects WordPress to the cloud as the Settings page would, from PHP on the server. */
export async function connectWordPress( wpDir, cloudUrl, code ) {
	const out = await runPhp(
		wpDir,
		`$r = \\IGNY8\\Connection::connect( ${ JSON.stringify( cloudUrl ) }, ${ JSON.stringify( code ) } );
     echo wp_json_encode( is_wp_error( $r ) ? array( 'error' => $r->get_error_message() ) : $r );`
	);
	const result = JSON.parse( out.trim().split( '\n' ).pop() );
	if ( result.error )
		throw new Error( `WordPress could not connect: ${ result.error }` );
	return result;
}

export async function wordpressConnection( wpDir ) {
	const out = await runPhp(
		wpDir,
		`echo wp_json_encode( get_option( 'igny8_connection', null ) );`
	);
	const value = JSON.parse( out.trim().split( '\n' ).pop() || 'null' );
	return value && value.site_id
		? { siteId: Number( value.site_id ), cloudUrl: value.cloud_url }
		: null;
}

/**
 * Starts the cloud and WordPress under `stateDir`. With `connect`, the demo account, a site and the
 * connection are made (or kept, when an earlier start left them connected).
 */
export async function startStack( {
	stateDir,
	cloudPort = 8787,
	wpPort = 8888,
	connect = true,
	wpPassword,
	cloudVars = {},
	log = () => {},
} ) {
	const started = [];
	const stopAll = async () => {
		for ( const s of started.reverse() ) await s.stop().catch( () => {} );
	};
	try {
		log( `Starting the cloud (wrangler dev) on 127.0.0.1:${ cloudPort }…` );
		const cloudOptions = {
			port: cloudPort,
			persistDir: path.join( stateDir, 'wrangler' ),
			vars: cloudVars,
		};
		let cloud = await startCloud( cloudOptions );
		// Stopping everything stops whichever cloud process runs by then (see startCloud below).
		started.push( { stop: () => cloud.stop() } );

		log( `Preparing WordPress 6.5.5 on 127.0.0.1:${ wpPort }…` );
		const wpDir = path.join( stateDir, 'wordpress' );
		const wpUrl = `http://127.0.0.1:${ wpPort }`;
		const wpInfo = await prepareWordPress( {
			dir: wpDir,
			url: wpUrl,
			pluginDir: path.join( REPO, 'plugin' ),
			adminPassword: wpPassword,
			siteTitle: 'IGNY8 Demo',
			extraConfig: [
				`define( 'IGNY8_CLOUD_URL', ${ JSON.stringify( cloud.url ) } );`,
			],
		} );
		const wp = await startWordPress( { dir: wpDir, port: wpPort } );
		started.push( wp );

		let demo = null;
		if ( connect ) {
			const owner = await demoOwner( cloud.url );
			const site = await demoSite( cloud.url, owner.access );
			const current = await wordpressConnection( wpDir );
			if ( ! (
				current &&
				current.siteId === site.id &&
				current.cloudUrl === cloud.url &&
				site.connected
			) ) {
				log(
					'Connecting WordPress to the cloud with a fresh connection code…'
				);
				await connectWordPress(
					wpDir,
					cloud.url,
					await connectionCode( cloud.url, owner.access, site.id )
				);
			}
			demo = { owner, site };
		}
		return {
			cloudUrl: cloud.url,
			wpUrl,
			wpDir,
			wpAdmin: { user: wpInfo.adminUser, password: wpInfo.adminPassword },
			/** The php -S server alone (tests stop it to take WordPress down, and start it again on wpPort). */
			wordpress: wp,
			/** The local D1, Queues and R2 of the cloud. */
			cloudDir: path.join( stateDir, 'wrangler' ),
			demo,
			/** Stops the cloud alone (WordPress keeps running): an outage, for sync tests. */
			stopCloud: () => cloud.stop(),
			/** Starts the cloud again on the same port with the same state. */
			startCloud: async () => {
				cloud = await startCloud( cloudOptions );
			},
			stop: stopAll,
		};
	} catch ( err ) {
		await stopAll();
		throw err;
	}
}
