// WordPress → cloud: the changes WordPress makes itself become outbox events (shared/src/schemas/sync.ts
// syncEvent), one per object and request, with increasing seq; the cloud's own writes make none. The
// site is connected to a cloud address nobody answers: every delivery fails, and the events wait.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';

import { fakeConnection, signedHeaders, startSite } from './wp-fixture.mjs';

const { syncEvent } = await tsImport(
	'../../shared/src/schemas/sync.ts',
	import.meta.url
);

const API = '/wp-json/igny8/v1';

let site;
let connection;
let admin;
/** The outbox row id read last: each test looks at the events after it. */
let seen = 0;

const php = async ( code ) => JSON.parse( await site.php( code ) );

/** The events queued since the last call, as the delivery would send them, checked against syncEvent. */
async function newEvents() {
	const rows = await php( `
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}igny8_outbox WHERE id > %d ORDER BY id", ${ seen } ), ARRAY_A );
		echo wp_json_encode( array_map( function ( $row ) { return array( 'event' => IGNY8\\Outbox_Delivery::event( $row ), 'row' => $row ); }, $rows ) );
	` );
	if ( rows.length ) {
		seen = Number( rows[ rows.length - 1 ].row.id );
	}
	return rows.map( ( { event } ) => syncEvent.parse( event ) );
}

async function signed( method, target, body ) {
	const text = JSON.stringify( body );
	return site.request( target, {
		method,
		body: text,
		headers: signedHeaders( {
			siteId: connection.site_id,
			secret: connection.site_secret,
			method,
			target,
			body: text,
		} ),
	} );
}

/** A post IGNY8 published (through the signed route: no event). */
async function managedPost( contentId, content = '<p>Managed body</p>' ) {
	const res = await signed( 'POST', `${ API }/posts`, {
		content_id: contentId,
		task_id: null,
		title: `Managed ${ contentId }`,
		content,
		excerpt: '',
		status: 'draft',
		meta_title: null,
		meta_description: null,
		revision_hash: 'a'.repeat( 64 ),
	} );
	assert.equal( res.status, 201, res.text );
	return res.body.post.id;
}

before( async () => {
	site = await startSite();
	connection = fakeConnection( { site_id: 7 } );
	await site.setConnection( connection );
	admin = await site.appPassword( 'admin' );
	await newEvents();
} );

after( () => site?.stop() );

test( 'editing an IGNY8-managed post, even a draft, queues post.updated with its body', async () => {
	const id = await managedPost( 501 );
	assert.deepEqual(
		await newEvents(),
		[],
		'the cloud’s own write is not echoed'
	);

	await site.php(
		`wp_update_post( array( 'ID' => ${ id }, 'post_title' => 'Edited in WordPress', 'post_content' => '<p>Edited body</p>' ) );`
	);
	const events = await newEvents();
	assert.equal( events.length, 1 );
	const [ event ] = events;
	assert.equal( event.type, 'post.updated' );
	assert.equal( event.post.id, id );
	assert.equal( event.post.status, 'draft' );
	assert.equal( event.post.title, 'Edited in WordPress' );
	assert.equal( event.post.content, '<p>Edited body</p>' );
	assert.equal( event.post.content_omitted, false );
	assert.equal( event.post.managed, true );
	assert.equal( event.post.content_id, 501 );
	assert.match( event.occurred_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ );
} );

test( 'a managed post past 400,000 bytes leaves its body out', async () => {
	const id = await managedPost( 502 );
	await site.php(
		`wp_update_post( array( 'ID' => ${ id }, 'post_content' => str_repeat( 'x', 400001 ) ) );`
	);
	const [ event ] = await newEvents();
	assert.equal( event.post.content, null );
	assert.equal( event.post.content_omitted, true );
	assert.match( event.post.content_hash, /^[0-9a-f]{64}$/ );
} );

test( 'an ordinary post makes events while published and when it stops being published, without its body', async () => {
	const id = Number(
		await site.php(
			`echo wp_insert_post( array( 'post_title' => 'Ordinary', 'post_status' => 'draft', 'post_content' => '<p>Mine</p>' ) );`
		)
	);
	assert.deepEqual(
		await newEvents(),
		[],
		'a draft of an ordinary post is none of the mirror’s business'
	);

	await site.php( `wp_publish_post( ${ id } );` );
	let [ event ] = await newEvents();
	assert.equal( event.type, 'post.updated' );
	assert.equal( event.post.status, 'publish' );
	assert.equal( event.post.content, null );
	assert.equal( event.post.content_omitted, false );
	assert.equal( event.post.managed, false );

	await site.php(
		`wp_update_post( array( 'ID' => ${ id }, 'post_status' => 'draft' ) );`
	);
	[ event ] = await newEvents();
	assert.equal( event.post.status, 'draft', 'leaving publish is sent' );

	await site.php(
		`wp_update_post( array( 'ID' => ${ id }, 'post_title' => 'Still a draft' ) );`
	);
	assert.deepEqual( await newEvents(), [] );
} );

test( 'trashing, restoring and deleting a published post are sent; a draft never published is not', async () => {
	const id = Number(
		await site.php(
			`echo wp_insert_post( array( 'post_title' => 'To trash', 'post_status' => 'publish', 'post_content' => 'x' ) );`
		)
	);
	await newEvents();
	await site.php( `wp_trash_post( ${ id } );` );
	let events = await newEvents();
	assert.deepEqual(
		events.map( ( e ) => [ e.type, e.post.status ] ),
		[ [ 'post.updated', 'trash' ] ]
	);
	await site.php( `wp_untrash_post( ${ id } );` );
	assert.deepEqual(
		await newEvents(),
		[],
		'restored as a draft: still out of the mirror'
	);
	await site.php(
		`wp_publish_post( ${ id } ); wp_delete_post( ${ id }, true );`
	);
	events = await newEvents();
	assert.deepEqual(
		events.map( ( e ) => [ e.type, e.post ] ),
		[ [ 'post.deleted', { id, type: 'post', content_id: null } ] ],
		'published then deleted in one request: only the deletion'
	);

	const managed = await managedPost( 503 );
	await site.php( `wp_delete_post( ${ managed }, true );` );
	events = await newEvents();
	assert.deepEqual(
		events.map( ( e ) => [ e.type, e.post ] ),
		[ [ 'post.deleted', { id: managed, type: 'post', content_id: 503 } ] ]
	);

	await site.php(
		`$d = wp_insert_post( array( 'post_title' => 'Draft', 'post_status' => 'draft' ) ); wp_delete_post( $d, true );`
	);
	assert.deepEqual( await newEvents(), [] );
} );

test( 'several saves of one post in one request make one event with the last state', async () => {
	const id = await managedPost( 504 );
	await site.php( `
		for ( $i = 1; $i <= 5; $i++ ) {
			wp_update_post( array( 'ID' => ${ id }, 'post_title' => "Save $i" ) );
		}
	` );
	const events = await newEvents();
	assert.equal( events.length, 1 );
	assert.equal( events[ 0 ].post.title, 'Save 5' );
} );

test( 'category and tag changes make term events; other taxonomies none', async () => {
	const ids = await php( `
		$cat = wp_insert_term( 'Roasting', 'category' );
		$tag = wp_insert_term( 'light roast', 'post_tag' );
		wp_insert_term( 'Main menu', 'nav_menu' );
		echo wp_json_encode( array( $cat['term_id'], $tag['term_id'] ) );
	` );
	let events = await newEvents();
	assert.deepEqual(
		events.map( ( e ) => [ e.type, e.term ] ),
		[
			[
				'term.updated',
				{
					id: ids[ 0 ],
					taxonomy: 'category',
					name: 'Roasting',
					slug: 'roasting',
				},
			],
			[
				'term.updated',
				{
					id: ids[ 1 ],
					taxonomy: 'post_tag',
					name: 'light roast',
					slug: 'light-roast',
				},
			],
		]
	);

	await site.php(
		`wp_update_term( ${ ids[ 0 ] }, 'category', array( 'name' => 'Roasting & Cupping' ) ); wp_update_term( ${ ids[ 0 ] }, 'category', array( 'slug' => 'roasting-cupping' ) );`
	);
	events = await newEvents();
	assert.deepEqual(
		events.map( ( e ) => [ e.type, e.term ] ),
		[
			[
				'term.updated',
				{
					id: ids[ 0 ],
					taxonomy: 'category',
					name: 'Roasting & Cupping',
					slug: 'roasting-cupping',
				},
			],
		]
	);

	await site.php( `wp_delete_term( ${ ids[ 1 ] }, 'post_tag' );` );
	events = await newEvents();
	assert.deepEqual(
		events.map( ( e ) => [ e.type, e.term ] ),
		[ [ 'term.deleted', { id: ids[ 1 ], taxonomy: 'post_tag' } ] ]
	);
} );

test( 'the cloud’s writes through the signed routes make no event', async () => {
	const id = await managedPost( 505 );
	const terms = await signed( 'POST', `${ API }/terms`, {
		taxonomy: 'category',
		names: [ 'Made by the cloud' ],
	} );
	assert.equal( terms.status, 200 );
	const put = await signed( 'PUT', `${ API }/posts/${ id }`, {
		content_id: 505,
		task_id: 3,
		title: 'Published by the cloud',
		content: '<p>cloud</p>',
		excerpt: '',
		status: 'publish',
		categories: [ terms.body.terms[ 0 ].id ],
		meta_title: null,
		meta_description: null,
		revision_hash: 'b'.repeat( 64 ),
	} );
	assert.equal( put.status, 200 );
	assert.deepEqual( await newEvents(), [] );
} );

test( 'seq is the outbox row id and increases in the order of the changes', async () => {
	const ids = await php( `
		$a = wp_insert_post( array( 'post_title' => 'A', 'post_status' => 'publish' ) );
		$b = wp_insert_post( array( 'post_title' => 'B', 'post_status' => 'publish' ) );
		wp_update_post( array( 'ID' => $a, 'post_title' => 'A again' ) );
		echo wp_json_encode( array( $a, $b ) );
	` );
	const events = await newEvents();
	assert.deepEqual(
		events.map( ( e ) => e.post.id ),
		[ ids[ 1 ], ids[ 0 ] ],
		'A changed last, so it comes last'
	);
	assert.ok( events[ 0 ].seq < events[ 1 ].seq );
	const all = await php(
		`global $wpdb; echo wp_json_encode( array_map( 'intval', $wpdb->get_col( "SELECT id FROM {$wpdb->prefix}igny8_outbox ORDER BY created_at, id" ) ) );`
	);
	assert.deepEqual(
		all,
		[ ...all ].sort( ( x, y ) => x - y )
	);
} );

test( 'a delivery that does not get through keeps the events pending, with attempts, a backoff and a retry', async () => {
	// The retry is due 30 s after a failure (WP-cron may run it any time after): fail once more now.
	await site.php(
		`wp_insert_post( array( 'post_title' => 'Fails to deliver', 'post_status' => 'publish' ) );`
	);
	await newEvents();
	const rows = await php( `
		global $wpdb;
		echo wp_json_encode( $wpdb->get_results( "SELECT id, status, attempts, next_attempt_at, created_at, last_error FROM {$wpdb->prefix}igny8_outbox ORDER BY id", ARRAY_A ) );
	` );
	assert.ok( rows.length >= 10 );
	for ( const row of rows ) {
		assert.equal( row.status, 'pending' );
		assert.ok( Number( row.attempts ) >= 1, `row ${ row.id } was tried` );
		assert.match( row.last_error, /could not be reached/ );
		assert.ok(
			Date.parse( `${ row.next_attempt_at }Z` ) >=
				Date.parse( `${ row.created_at }Z` ) + 29_000,
			`row ${ row.id } waits before its next attempt`
		);
	}
	const cron = await php( `
		echo wp_json_encode( array(
			'flush'    => wp_get_scheduled_event( 'igny8_outbox_flush' ),
			'retry'    => wp_next_scheduled( 'igny8_outbox_retry' ),
			'backoffs' => array_map( array( 'IGNY8\\\\Outbox', 'backoff' ), array( 1, 2, 3, 7, 8, 30 ) ),
		) );
	` );
	assert.equal( cron.flush.schedule, 'igny8_five_minutes' );
	assert.equal( cron.flush.interval, 300 );
	// A retry is scheduled (an earlier one, overdue until WP-cron next runs, counts: WordPress keeps one).
	assert.equal( typeof cron.retry, 'number' );
	assert.ok( cron.retry <= Date.now() / 1000 + 60 );
	assert.deepEqual( cron.backoffs, [ 30, 60, 120, 1920, 3600, 3600 ] );
} );

test( 'GET /status shows the backlog; POST /outbox/flush tries now and answers it', async () => {
	const status = await site.request( `${ API }/status`, { auth: admin } );
	assert.equal( status.status, 200 );
	assert.equal( status.body.connected, true );
	const pending = await php(
		`global $wpdb; echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}igny8_outbox WHERE status = 'pending'" );`
	);
	assert.equal( status.body.outbox.pending, pending );
	assert.equal( status.body.outbox.failed, 0 );
	assert.match(
		status.body.outbox.oldest_pending_at,
		/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
	);
	assert.equal( status.body.outbox.last_delivery_at, null );
	assert.match( status.body.outbox.last_error, /could not be reached/ );

	const attempts = () =>
		php(
			`global $wpdb; echo (int) $wpdb->get_var( "SELECT SUM(attempts) FROM {$wpdb->prefix}igny8_outbox" );`
		);
	const before = await attempts();
	const flush = await site.request( `${ API }/outbox/flush`, {
		method: 'POST',
		auth: admin,
	} );
	assert.equal( flush.status, 200 );
	assert.equal( flush.body.pending, pending );
	assert.match( flush.body.last_error, /could not be reached/ );
	assert.ok(
		( await attempts() ) > before,
		'events waiting for their retry were tried as well'
	);

	await site.createUser( 'editor1', 'editor' );
	const editor = await site.appPassword( 'editor1' );
	const refused = await site.request( `${ API }/outbox/flush`, {
		method: 'POST',
		auth: editor,
	} );
	assert.equal( refused.status, 403 );
	const anonymous = await site.request( `${ API }/outbox/flush`, {
		method: 'POST',
	} );
	assert.equal( anonymous.status, 401 );
} );

test( 'a lock lets one flush at a time through, and is taken over once expired', async () => {
	const out = await php( `
		$first  = IGNY8\\Lock::acquire( 'probe', 60 );
		$second = IGNY8\\Lock::acquire( 'probe', 60 );
		IGNY8\\Lock::release( 'probe', $first );
		$third  = IGNY8\\Lock::acquire( 'probe', -1 );
		$fourth = IGNY8\\Lock::acquire( 'probe', 60 );
		IGNY8\\Lock::release( 'probe', $fourth );
		echo wp_json_encode( array( null !== $first, $second, null !== $third, null !== $fourth ) );
	` );
	assert.deepEqual( out, [ true, null, true, true ] );
} );

test( 'sent events are pruned after 7 days', async () => {
	const out = await php( `
		global $wpdb;
		$table = IGNY8\\Outbox::table();
		foreach ( array( 8, 6 ) as $days ) {
			$wpdb->insert( $table, array( 'event_id' => wp_generate_uuid4(), 'event_type' => 'term.deleted', 'object_type' => 'term', 'object_id' => 1, 'payload' => '{}', 'created_at' => gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS ), 'status' => 'sent', 'sent_at' => gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS ) ) );
		}
		$pruned = IGNY8\\Outbox::prune();
		$kept   = array_map( 'intval', $wpdb->get_col( "SELECT ROUND( ( julianday( 'now' ) - julianday( sent_at ) ) ) FROM {$table} WHERE status = 'sent'" ) );
		$wpdb->query( "DELETE FROM {$table} WHERE status = 'sent'" );
		echo wp_json_encode( array( $pruned, $kept ) );
	` );
	assert.deepEqual( out, [ 1, [ 6 ] ] );
} );

test( 'an unconnected site queues nothing; disconnecting keeps what is pending', async () => {
	await site.clearConnection();
	await site.php(
		`wp_insert_post( array( 'post_title' => 'Offline', 'post_status' => 'publish' ) ); wp_insert_term( 'Offline', 'category' );`
	);
	assert.deepEqual( await newEvents(), [] );
	const flush = await site.request( `${ API }/outbox/flush`, {
		method: 'POST',
		auth: admin,
	} );
	assert.equal( flush.status, 409 );
	assert.equal( flush.body.code, 'igny8_not_connected' );
	await site.setConnection( connection );
} );

test( 'uninstall removes the delivery record, locks and cron events', async () => {
	await php( `
		IGNY8\\Outbox::record_delivery( null );
		IGNY8\\Lock::acquire( 'left-behind', 600 );
		wp_insert_post( array( 'post_title' => 'Pending at uninstall', 'post_status' => 'publish' ) );
		echo 1;
	` );
	const snapshot = `
		global $wpdb;
		echo wp_json_encode( array(
			'options' => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%igny8%' ORDER BY option_name" ),
			'cron'    => array( wp_next_scheduled( 'igny8_outbox_flush' ), wp_next_scheduled( 'igny8_outbox_retry' ) ),
		) );
	`;
	const before = await php( snapshot );
	assert.ok( before.options.includes( 'igny8_outbox_delivery' ) );
	assert.ok( before.options.includes( 'igny8_lock_left-behind' ) );
	assert.ok( before.cron.every( Boolean ) );
	await site.php( `
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		deactivate_plugins( 'igny8/igny8.php' );
		uninstall_plugin( 'igny8/igny8.php' );
	` );
	assert.deepEqual( await php( snapshot ), {
		options: [],
		cron: [ false, false ],
	} );
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
