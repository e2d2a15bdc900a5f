#!/usr/bin/env node
// The WordPress → cloud sync (issue 11), on the real stack (wrangler dev cloud + WordPress 6.5.5 with the
// plugin, connected):
//   1. outbox delivery: N posts changed in WordPress (events queued, not yet sent), then the plugin's own
//      flush delivers them; time until the cloud stored every one (events/s; aim: 1,000 in ≤ 10 s);
//   2. full sync: a site of M published posts paged into the cloud's mirror; time from the request until
//      the sync succeeded (posts/s).
//   node bench/sync.mjs [events=1000] [posts=5000]
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoOwner, startStack } from '../scripts/dev/stack.mjs';
import { freePort, runPhp } from '../scripts/wp/env.mjs';
import { d1 } from './lib.mjs';

const EVENTS = Number( process.argv[ 2 ] ?? 1000 );
const POSTS = Number( process.argv[ 3 ] ?? 5000 );
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-bench-sync-' ) );
const stack = await startStack( {
	stateDir,
	cloudPort: await freePort(),
	wpPort: await freePort(),
	connect: true,
	wpPassword: 'bench-admin-pass',
} );
const siteId = stack.demo.site.id;
const seconds = ( ms ) => ( ms / 1000 ).toFixed( 2 );

async function wp( code ) {
	const out = await runPhp( stack.wpDir, code );
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

async function api( method, route ) {
	// Reading the local D1 (wrangler d1 execute) makes wrangler dev drop kept-alive connections: try again.
	let res;
	for ( let i = 1; ! res; i++ ) {
		res = await fetch( `${ stack.cloudUrl }/api/v1${ route }`, {
			method,
			headers: { authorization: `Bearer ${ stack.demo.owner.access }` },
		} ).catch( ( err ) => {
			if ( i >= 5 ) throw err;
			return new Promise( ( r ) => setTimeout( r, 300 * i ) );
		} );
	}
	const json = await res.json();
	assert.ok( res.ok, `${ method } ${ route }: ${ JSON.stringify( json ) }` );
	return json.data;
}

/**
 * Publishes `n` posts without events, straight into the posts table in multi-row inserts (wp_insert_post
 * takes minutes for thousands; what the sync reads of a post is the same).
 */
async function makePosts( n, prefix ) {
	await wp( `
    global $wpdb;
    $now = current_time( 'mysql' );
    $gmt = current_time( 'mysql', true );
    for ( $from = 1; $from <= ${ n }; $from += 500 ) {
      $rows = array();
      for ( $i = $from; $i < $from + 500 && $i <= ${ n }; $i++ ) {
        $title = "${ prefix } $i";
        $body  = "<!-- wp:paragraph --><p>Body $i with <a href='/about/'>a link</a></p><!-- /wp:paragraph -->";
        $rows[] = $wpdb->prepare(
          "(1, %s, %s, %s, %s, '', 'publish', 'open', 'open', %s, %s, %s, '', '', '', 'post', '')",
          $now, $gmt, $body, $title, sanitize_title( $title ), $now, $gmt
        );
      }
      $wpdb->query( "INSERT INTO {$wpdb->posts} (post_author, post_date, post_date_gmt, post_content, post_title,
        post_excerpt, post_status, comment_status, ping_status, post_name, post_modified, post_modified_gmt,
        to_ping, pinged, post_content_filtered, post_type, guid) VALUES " . implode( ',', $rows ) );
    }
    echo wp_json_encode( true );` );
}

/** Waits for the sync started by this request (after one already running) to end. */
async function fullSync() {
	const asked = new Date().toISOString();
	for (;;) {
		const sync = await api( 'POST', `/integration/sites/${ siteId }/sync` );
		if ( sync.started_at >= asked ) return sync;
		await new Promise( ( r ) => setTimeout( r, 500 ) );
	}
}

try {
	// 1. Outbox delivery -----------------------------------------------------------------------------------
	await makePosts( EVENTS, 'Outbox post' );
	await wp(
		`\\IGNY8\\Outbox_Delivery::run( true ); echo wp_json_encode( true );`
	);
	const queued = await wp( `
    global $wpdb;
    remove_all_actions( 'shutdown' );
    $ids = get_posts( array( 'post_type' => 'post', 'posts_per_page' => ${ EVENTS }, 's' => 'Outbox post',
      'fields' => 'ids', 'orderby' => 'ID', 'order' => 'ASC' ) );
    foreach ( $ids as $id ) {
      wp_update_post( array( 'ID' => $id, 'post_title' => "Outbox post $id, edited" ) );
    }
    \\IGNY8\\Sync::write_buffer();
    echo wp_json_encode( (int) $wpdb->get_var( "SELECT count(*) FROM " . \\IGNY8\\Outbox::table() . " WHERE status = 'pending'" ) );` );
	assert.equal( queued, EVENTS, 'events waiting in the outbox' );
	const before = d1(
		stack.cloudDir,
		`SELECT count(*) AS n FROM sync_events WHERE site_id = ${ siteId }`
	)[ 0 ].n;
	const t0 = performance.now();
	// The plugin's flush (20 batches of 100 at most per run): run it until the outbox is empty.
	for ( let run = 0; run < 10; run++ ) {
		const left = await wp( `
      \\IGNY8\\Outbox_Delivery::run( true );
      global $wpdb;
      echo wp_json_encode( (int) $wpdb->get_var( "SELECT count(*) FROM " . \\IGNY8\\Outbox::table() . " WHERE status = 'pending'" ) );` );
		if ( left === 0 ) break;
	}
	const deliveryMs = performance.now() - t0;
	const after = d1(
		stack.cloudDir,
		`SELECT count(*) AS n FROM sync_events WHERE site_id = ${ siteId }`
	)[ 0 ].n;
	assert.equal( after - before, EVENTS, 'every event stored once' );
	console.log(
		`outbox delivery: ${ EVENTS } events in ${ seconds( deliveryMs ) } s = ${ Math.round(
			( EVENTS * 1000 ) / deliveryMs
		) } events/s (the plugin's flush, batches of 100, until the cloud acknowledged all)`
	);

	// 2. Full sync -----------------------------------------------------------------------------------------
	await makePosts( POSTS - EVENTS, 'Mirror post' );
	// A fresh token: making posts may outlast the first one.
	stack.demo.owner = await demoOwner( stack.cloudUrl );
	const published = await wp(
		`echo wp_json_encode( array_sum( array_map( function ( $t ) { return (int) wp_count_posts( $t )->publish; }, \\IGNY8\\Post_Snapshot::post_types() ) ) );`
	);
	const t1 = performance.now();
	const started = await fullSync();
	let sync = started;
	while ( ! [ 'succeeded', 'failed' ].includes( sync.state ) ) {
		await new Promise( ( r ) => setTimeout( r, 250 ) );
		sync = ( await api( 'GET', `/integration/sites/${ siteId }/sync` ) )
			.last_full_sync;
	}
	const syncMs = performance.now() - t1;
	assert.equal( sync.state, 'succeeded', sync.error );
	const status = await api( 'GET', `/integration/sites/${ siteId }/sync` );
	assert.equal( status.posts_mirrored, published );
	console.log(
		`full sync: ${ published } published posts (${ sync.total_pages } pages of 100) mirrored in ${ seconds(
			syncMs
		) } s = ${ Math.round( ( published * 1000 ) / syncMs ) } posts/s (${ seconds(
			Date.parse( sync.finished_at ) - Date.parse( sync.started_at )
		) } s from the sync's start to its end in the cloud)`
	);
} finally {
	await stack.stop();
	rmSync( stateDir, { recursive: true, force: true } );
}
