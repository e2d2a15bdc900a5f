// End to end through the sync between a real WordPress (with the plugin, connected) and the real local
// cloud (wrangler dev): a full sync pages the site's published posts into the cloud's mirror and drops the
// posts WordPress no longer has; while the cloud is down, changes wait in the plugin's outbox and, once it
// is back, every one of them arrives exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { d1 } from '../bench/lib.mjs';
import { freePort, runPhp } from '../scripts/wp/env.mjs';
import { startStack } from '../scripts/dev/stack.mjs';

const POSTS = 250;
const CHANGES = 20;

let stack;
let siteId;
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-e2e-sync-' ) );

/**
 * Reading the local D1 with `wrangler d1 execute` makes `wrangler dev` drop its open connections (the next
 * request on a kept-alive socket fails with "other side closed"): a request that never got through is sent
 * again.
 */
async function fetchAgain( url, init, tries = 5 ) {
	for ( let i = 1; ; i++ ) {
		try {
			return await fetch( url, init );
		} catch ( err ) {
			if ( i >= tries ) throw err;
			await new Promise( ( r ) => setTimeout( r, 300 * i ) );
		}
	}
}

async function api( method, route ) {
	const res = await fetchAgain( `${ stack.cloudUrl }/api/v1${ route }`, {
		method,
		headers: {
			authorization: `Bearer ${ stack.demo.owner.access }`,
			'content-type': 'application/json',
		},
	} );
	const json = await res.json();
	assert.ok(
		res.ok,
		`${ method } ${ route } answered ${ res.status }: ${ JSON.stringify( json ) }`
	);
	return json.data;
}

/** PHP in WordPress; answers what the code echoes as JSON (the last line of its output). */
async function wp( code ) {
	const out = await runPhp( stack.wpDir, code );
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

/** Rows from the cloud's local D1 (read between requests, while the Worker is idle). */
function cloudRows( sql ) {
	return d1( stack.cloudDir, sql );
}

const syncState = () => api( 'GET', `/integration/sites/${ siteId }/sync` );

/** Starts a full sync of its own (waiting out one already running) and waits until it ends. */
async function fullSync() {
	const asked = new Date().toISOString();
	let sync = await api( 'POST', `/integration/sites/${ siteId }/sync` );
	const until = Date.now() + 180_000;
	for (;;) {
		if ( [ 'succeeded', 'failed' ].includes( sync.state ) ) {
			if ( sync.started_at >= asked ) return sync;
			// An earlier sync (the one connecting started) answered: ours comes after it.
			sync = await api( 'POST', `/integration/sites/${ siteId }/sync` );
			continue;
		}
		assert.ok(
			Date.now() < until,
			`the sync did not end: ${ JSON.stringify( sync ) }`
		);
		await new Promise( ( r ) => setTimeout( r, 300 ) );
		const now = ( await syncState() ).last_full_sync;
		sync = now.id === sync.id ? now : sync;
	}
}

/** Published posts of the types the mirror covers, as WordPress counts them. */
const publishedInWordPress = () =>
	wp( `echo wp_json_encode( array_sum( array_map( function ( $type ) {
      return (int) wp_count_posts( $type )->publish;
    }, \\IGNY8\\Post_Snapshot::post_types() ) ) );` );

before( async () => {
	stack = await startStack( {
		stateDir,
		cloudPort: await freePort(),
		wpPort: await freePort(),
		connect: true,
		wpPassword: 'e2e-admin-pass',
	} );
	siteId = stack.demo.site.id;
} );

after( async () => {
	await stack?.stop();
	rmSync( stateDir, { recursive: true, force: true } );
} );

test( `a full sync mirrors the site's ${ POSTS } published posts with their titles, addresses and terms`, async () => {
	// Made as the cloud's own writes are (the outbox stays silent): only the full sync can find them.
	const made = await wp( `
    $ids = \\IGNY8\\Sync::applying_cloud_write( function () {
      wp_defer_term_counting( true );
      $cat = wp_insert_term( 'Espresso & Co', 'category' );
      $ids = array();
      for ( $i = 1; $i <= ${ POSTS }; $i++ ) {
        $ids[] = wp_insert_post( array(
          'post_title'    => "Mirror post $i",
          'post_status'   => 'publish',
          'post_content'  => "<!-- wp:paragraph --><p>Body $i</p><!-- /wp:paragraph -->",
          'post_category' => $i <= 3 ? array( $cat['term_id'] ) : array(),
          'tags_input'    => $i <= 3 ? array( 'beans' ) : array(),
        ) );
      }
      for ( $i = 1; $i <= 5; $i++ ) {
        wp_insert_post( array( 'post_title' => "Draft $i", 'post_status' => 'draft' ) );
      }
      wp_defer_term_counting( false );
      return $ids;
    } );
    echo wp_json_encode( array_map( function ( $id ) {
      return array(
        'id' => $id,
        'title' => get_the_title( $id ),
        'url' => get_permalink( $id ),
        // WordPress keeps term names HTML-escaped; the sync speaks plain text.
        'categories' => array_map( 'wp_specialchars_decode', wp_get_post_categories( $id, array( 'fields' => 'names' ) ) ),
        'tags' => array_map( 'wp_specialchars_decode', wp_get_post_tags( $id, array( 'fields' => 'names' ) ) ),
      );
    }, $ids ) );` );
	assert.equal( made.length, POSTS );
	const sync = await fullSync();
	assert.equal( sync.state, 'succeeded', sync.error );
	const published = await publishedInWordPress();
	assert.ok( published >= POSTS );
	assert.equal( sync.posts_seen, published );
	assert.equal( sync.total_pages, Math.ceil( published / 100 ) );
	assert.equal( sync.pages_done, sync.total_pages );
	assert.equal( sync.percentage, 100 );
	assert.ok( sync.finished_at );
	const status = await syncState();
	assert.equal( status.posts_mirrored, published );

	const sample = [ made[ 0 ], made[ 2 ], made[ 150 ], made.at( -1 ) ];
	const rows = cloudRows(
		`SELECT wp_id, title, url, status, categories, tags, sync_run FROM wp_posts
     WHERE site_id = ${ siteId } AND (wp_id IN (${ sample.map( ( p ) => p.id ).join( ',' ) })
       OR title LIKE 'Draft %')`
	);
	assert.equal(
		rows.filter( ( r ) => r.title.startsWith( 'Draft' ) ).length,
		0,
		'drafts are not mirrored'
	);
	for ( const post of sample ) {
		const row = rows.find( ( r ) => r.wp_id === post.id );
		assert.ok( row, `post ${ post.id } is not in the mirror` );
		assert.equal( row.title, post.title );
		assert.equal( row.url, post.url );
		assert.equal( row.status, 'publish' );
		assert.equal( row.sync_run, sync.id );
		assert.deepEqual(
			JSON.parse( row.categories ).map( ( t ) => t.name ),
			post.categories
		);
		assert.deepEqual(
			JSON.parse( row.tags ).map( ( t ) => t.name ),
			post.tags
		);
	}
	assert.deepEqual( made[ 0 ].categories, [ 'Espresso & Co' ] );
	assert.deepEqual( made[ 0 ].tags, [ 'beans' ] );
} );

test( 'a post deleted in WordPress leaves the mirror with the next full sync', async () => {
	const before = ( await syncState() ).posts_mirrored;
	const gone = await wp( `
    $post = get_page_by_path( 'mirror-post-7', OBJECT, 'post' );
    \\IGNY8\\Sync::applying_cloud_write( function () use ( $post ) {
      wp_delete_post( $post->ID, true );
    } );
    echo wp_json_encode( $post->ID );` );
	assert.equal(
		cloudRows(
			`SELECT count(*) AS n FROM wp_posts WHERE site_id = ${ siteId } AND wp_id = ${ gone }`
		)[ 0 ].n,
		1
	);
	const sync = await fullSync();
	assert.equal( sync.state, 'succeeded', sync.error );
	const status = await syncState();
	assert.equal( status.posts_mirrored, before - 1 );
	assert.equal( status.posts_mirrored, await publishedInWordPress() );
	assert.equal(
		cloudRows(
			`SELECT count(*) AS n FROM wp_posts WHERE site_id = ${ siteId } AND wp_id = ${ gone }`
		)[ 0 ].n,
		0
	);
} );

test( `changes made while the cloud is down arrive once each when it is back (${ CHANGES } edits)`, async () => {
	// Whatever earlier steps queued is delivered first, so the count below is this test's alone.
	await wp(
		`\\IGNY8\\Outbox_Delivery::run( true ); echo wp_json_encode( true );`
	);
	const count = () =>
		cloudRows(
			`SELECT count(*) AS n FROM sync_events WHERE site_id = ${ siteId }`
		)[ 0 ].n;
	const stored = count();

	await stack.stopCloud();
	const queued = await wp( `
    global $wpdb;
    $table = \\IGNY8\\Outbox::table();
    $from = (int) $wpdb->get_var( "SELECT COALESCE( MAX( id ), 0 ) FROM $table" );
    for ( $i = 1; $i <= ${ CHANGES }; $i++ ) {
      $post = get_page_by_path( "mirror-post-$i", OBJECT, 'post' );
      if ( $post ) {
        wp_update_post( array( 'ID' => $post->ID, 'post_title' => "Edited offline $i" ) );
      } else {
        wp_insert_post( array( 'post_title' => "Edited offline $i", 'post_status' => 'publish' ) );
      }
    }
    // The buffer is written at shutdown, where delivery is tried (and fails): write it now to count it.
    \\IGNY8\\Sync::write_buffer();
    echo wp_json_encode( $wpdb->get_col( $wpdb->prepare(
      "SELECT event_id FROM $table WHERE id > %d ORDER BY id", $from
    ) ) );` );
	assert.equal( queued.length, CHANGES );
	const pending = await wp( `
    global $wpdb;
    echo wp_json_encode( (int) $wpdb->get_var( "SELECT count(*) FROM " . \\IGNY8\\Outbox::table() . " WHERE status = 'pending'" ) );` );
	assert.equal( pending, CHANGES, 'the changes wait in the outbox' );

	await stack.startCloud();
	const back = new Date().toISOString();
	await wp(
		`\\IGNY8\\Outbox_Delivery::run( true ); echo wp_json_encode( true );`
	);

	const [ after ] = cloudRows(
		`SELECT
       (SELECT count(*) FROM sync_events WHERE site_id = ${ siteId }) AS stored,
       (SELECT json_group_array(event_id) FROM sync_events WHERE site_id = ${ siteId }
         AND event_id IN (${ queued.map( ( id ) => `'${ id }'` ).join( ',' ) })) AS arrived,
       (SELECT count(*) FROM wp_posts WHERE site_id = ${ siteId } AND status = 'publish'
         AND title LIKE 'Edited offline %') AS edited`
	);
	assert.equal( after.stored, stored + CHANGES );
	assert.deepEqual(
		JSON.parse( after.arrived ).sort(),
		[ ...queued ].sort()
	);
	assert.equal( after.edited, CHANGES );
	const status = await syncState();
	assert.ok(
		status.last_event_at >= back,
		`last_event_at ${ status.last_event_at } is before the cloud came back (${ back })`
	);

	// Sending again finds nothing left, and the cloud would take nothing twice.
	const left = await wp( `
    \\IGNY8\\Outbox_Delivery::run( true );
    global $wpdb;
    echo wp_json_encode( (int) $wpdb->get_var( "SELECT count(*) FROM " . \\IGNY8\\Outbox::table() . " WHERE status <> 'sent'" ) );` );
	assert.equal( left, 0 );
	assert.equal( count(), stored + CHANGES );
} );
