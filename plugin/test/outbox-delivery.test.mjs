// The outbox delivered to the real cloud (wrangler dev with local D1): WordPress's changes arrive as
// events and are marked sent; while the cloud is down they wait, tried with a growing delay; once it is
// back a flush delivers each exactly once; an event the cloud refuses is set aside without blocking the rest.
// The stack's own parts (scripts/dev/cloud.mjs, scripts/dev/stack.mjs's connection steps), put together
// here so that the cloud can be stopped and started again under WordPress.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { REPO, startCloud } from '../../scripts/dev/cloud.mjs';
import {
	connectWordPress,
	connectionCode,
	demoOwner,
	demoSite,
} from '../../scripts/dev/stack.mjs';
import { freePort } from '../../scripts/wp/env.mjs';
import { startSite } from './wp-fixture.mjs';

const API = '/wp-json/igny8/v1';

let site;
let cloud;
let cloudPort;
let cloudDir;
let owner;
let cloudSite;
let admin;

before( async () => {
	cloudDir = await mkdtemp( path.join( tmpdir(), 'igny8-outbox-cloud-' ) );
	cloudPort = await freePort();
	[ site, cloud ] = await Promise.all( [
		startSite(),
		startCloud( { port: cloudPort, persistDir: cloudDir } ),
	] );
	owner = await demoOwner( cloud.url, {
		email: 'outbox@example.test',
		password: 'outbox-password-1',
		account: 'Outbox Publishing',
	} );
	cloudSite = await demoSite( cloud.url, owner.access, 'Outbox Blog' );
	await connectWordPress(
		site.dir,
		cloud.url,
		await connectionCode( cloud.url, owner.access, cloudSite.id )
	);
	admin = await site.appPassword( 'admin' );
} );

after( async () => {
	await Promise.all( [ site?.stop(), cloud?.stop() ] );
	await rm( cloudDir, { recursive: true, force: true } );
} );

const php = async ( code ) => JSON.parse( await site.php( code ) );

/** The outbox rows, oldest first. */
const outbox = () =>
	php( `
		global $wpdb;
		echo wp_json_encode( $wpdb->get_results( "SELECT id, event_id, event_type, object_id, status, attempts, next_attempt_at, created_at, last_error FROM {$wpdb->prefix}igny8_outbox ORDER BY id", ARRAY_A ) );
	` );

/** Rows of the cloud's D1 (read as the cloud reads it, through wrangler). */
function cloudQuery( sql ) {
	const res = spawnSync(
		path.join( REPO, 'node_modules/.bin/wrangler' ),
		[
			'd1',
			'execute',
			'DB',
			'--local',
			'--persist-to',
			cloudDir,
			'--json',
			'--command',
			sql,
		],
		{
			cwd: REPO,
			encoding: 'utf8',
			env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
		}
	);
	assert.equal( res.status, 0, res.stderr );
	return JSON.parse( res.stdout )[ 0 ].results;
}

/** The events the cloud stored for the site. */
const cloudEvents = () =>
	cloudQuery(
		`SELECT event_id, seq, type, object_id FROM sync_events WHERE site_id = ${ Number( cloudSite.id ) } ORDER BY seq`
	);

/** The cloud's mirror of these posts: id => title. */
const mirrored = ( ids ) =>
	Object.fromEntries(
		cloudQuery(
			`SELECT wp_id, title FROM wp_posts WHERE site_id = ${ Number( cloudSite.id ) } AND wp_id IN ( ${ ids.map( Number ).join( ', ' ) } )`
		).map( ( r ) => [ r.wp_id, r.title ] )
	);

/** What the cloud's Settings screen shows of the site's sync (wrangler dev may be reloading: try again). */
async function cloudSyncStatus() {
	for ( let attempt = 1; ; attempt++ ) {
		try {
			const res = await fetch(
				`${ cloud.url }/api/v1/integration/sites/${ cloudSite.id }/sync`,
				{ headers: { authorization: `Bearer ${ owner.access }` } }
			);
			assert.equal( res.status, 200 );
			return ( await res.json() ).data;
		} catch ( error ) {
			if ( attempt >= 5 || ! /fetch failed/.test( error.message ) ) {
				throw error;
			}
			await new Promise( ( r ) => setTimeout( r, 1000 ) );
		}
	}
}

const flush = () =>
	site.request( `${ API }/outbox/flush`, { method: 'POST', auth: admin } );

test( 'changes are delivered after the request and marked sent; the cloud stores each once, by seq', async () => {
	const made = await php( `
		$cat = wp_insert_term( 'Roasting', 'category' );
		$a   = wp_insert_post( array( 'post_title' => 'Light roasts', 'post_status' => 'publish', 'post_content' => '<p>Light</p>', 'post_category' => array( $cat['term_id'] ) ) );
		$b   = wp_insert_post( array( 'post_title' => 'Dark roasts', 'post_status' => 'publish', 'post_content' => '<p>Dark</p>' ) );
		echo wp_json_encode( array( 'cat' => $cat['term_id'], 'a' => $a, 'b' => $b ) );
	` );
	const rows = await outbox();
	assert.deepEqual(
		rows.map( ( r ) => [ r.event_type, Number( r.object_id ), r.status ] ),
		[
			[ 'term.updated', made.cat, 'sent' ],
			[ 'post.updated', made.a, 'sent' ],
			[ 'post.updated', made.b, 'sent' ],
		]
	);
	assert.deepEqual(
		cloudEvents(),
		rows.map( ( r ) => ( {
			event_id: r.event_id,
			seq: Number( r.id ),
			type: r.event_type,
			object_id: Number( r.object_id ),
		} ) )
	);
	const status = await cloudSyncStatus();
	assert.ok(
		Date.parse( status.last_event_at ) >=
			Date.parse( `${ rows[ 0 ].created_at }Z` )
	);
	assert.deepEqual( mirrored( [ made.a, made.b ] ), {
		[ made.a ]: 'Light roasts',
		[ made.b ]: 'Dark roasts',
	} );

	const backlog = ( await site.request( `${ API }/status`, { auth: admin } ) )
		.body.outbox;
	assert.equal( backlog.pending, 0 );
	assert.equal( backlog.failed, 0 );
	assert.equal( backlog.oldest_pending_at, null );
	assert.equal( backlog.last_error, null );
	assert.ok(
		Math.abs( Date.parse( backlog.last_delivery_at ) - Date.now() ) < 60_000
	);
} );

test( 'with the cloud down, events stay pending with attempts and backoff; once it is back a flush delivers each exactly once', async () => {
	await cloud.stop();
	const sentBefore = ( await outbox() ).filter(
		( r ) => r.status === 'sent'
	).length;
	const offline = await php( `
		$id = wp_insert_post( array( 'post_title' => 'Written while the cloud was down', 'post_status' => 'publish' ) );
		wp_insert_term( 'Offline tag', 'post_tag' );
		echo $id;
	` );
	let pending = ( await outbox() ).filter( ( r ) => r.status === 'pending' );
	assert.equal( pending.length, 2 );
	for ( const row of pending ) {
		assert.equal( Number( row.attempts ), 1 );
		assert.match( row.last_error, /could not be reached/ );
		assert.ok(
			Date.parse( `${ row.next_attempt_at }Z` ) >=
				Date.parse( `${ row.created_at }Z` ) + 29_000
		);
	}
	const down = await flush();
	assert.equal( down.status, 200 );
	assert.equal( down.body.pending, 2 );
	assert.match( down.body.last_error, /could not be reached/ );
	pending = ( await outbox() ).filter( ( r ) => r.status === 'pending' );
	assert.deepEqual(
		pending.map( ( r ) => Number( r.attempts ) ),
		[ 2, 2 ],
		'a flush asked for by an admin tries even events waiting for their retry'
	);

	cloud = await startCloud( { port: cloudPort, persistDir: cloudDir } );
	const up = await flush();
	assert.equal( up.status, 200 );
	assert.equal( up.body.pending, 0 );
	assert.equal( up.body.last_error, null );
	const rows = await outbox();
	assert.ok( rows.every( ( r ) => r.status === 'sent' ) );
	assert.equal( rows.length, sentBefore + 2 );

	// Nothing is left to send: another flush sends nothing, and every event is in the cloud once.
	assert.equal( ( await flush() ).body.pending, 0 );
	const stored = cloudEvents();
	assert.deepEqual(
		stored.map( ( e ) => e.event_id ),
		rows.map( ( r ) => r.event_id )
	);
	assert.deepEqual( mirrored( [ offline ] ), {
		[ offline ]: 'Written while the cloud was down',
	} );
} );

test( 'an event whose acknowledgement was lost is sent again and taken as a duplicate', async () => {
	const [ first ] = await outbox();
	await site.php(
		`global $wpdb; $wpdb->update( IGNY8\\Outbox::table(), array( 'status' => 'pending', 'sent_at' => null ), array( 'id' => ${ first.id } ) );`
	);
	const res = await flush();
	assert.equal( res.body.pending, 0 );
	assert.equal(
		( await outbox() ).find( ( r ) => r.id === first.id ).status,
		'sent'
	);
	assert.equal(
		cloudEvents().filter( ( e ) => e.event_id === first.event_id ).length,
		1
	);
} );

test( 'an event the cloud refuses is marked failed with its reason; the events around it are delivered', async () => {
	await cloud.stop();
	// Three changes while the cloud is down, the middle one stored broken (as a bug might have stored it).
	const ids = await php( `
		global $wpdb;
		$ids = array();
		foreach ( array( 'Before the bad one', 'The bad one', 'After the bad one' ) as $title ) {
			$ids[] = wp_insert_post( array( 'post_title' => $title, 'post_status' => 'publish' ) );
			IGNY8\\Sync::write_buffer();
		}
		$bad = $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$wpdb->prefix}igny8_outbox WHERE object_id = %d", $ids[1] ) );
		$wpdb->update( IGNY8\\Outbox::table(), array( 'payload' => '{"post":{"id":' . $ids[1] . ',"title":"no other field"}}' ), array( 'id' => $bad ) );
		echo wp_json_encode( $ids );
	` );
	cloud = await startCloud( { port: cloudPort, persistDir: cloudDir } );
	const res = await flush();
	assert.equal( res.status, 200 );
	assert.equal( res.body.pending, 0 );
	assert.equal( res.body.failed, 1 );
	const rows = ( await outbox() ).filter( ( r ) =>
		ids.includes( Number( r.object_id ) )
	);
	assert.deepEqual(
		rows.map( ( r ) => r.status ),
		[ 'sent', 'failed', 'sent' ]
	);
	assert.match( rows[ 1 ].last_error, /^400 / );
	const stored = cloudEvents().map( ( e ) => e.event_id );
	assert.ok( stored.includes( rows[ 0 ].event_id ) );
	assert.ok( ! stored.includes( rows[ 1 ].event_id ) );
	assert.ok( stored.includes( rows[ 2 ].event_id ) );
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
