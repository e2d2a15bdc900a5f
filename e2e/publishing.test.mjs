// End to end through publishing (issue 11): approved articles, written by AI with a featured image and in-article
// images, become WordPress posts through the cloud's SYNC_JOBS queue, against a real WordPress 6.5.5 connected to
// the real local cloud (wrangler dev). Faults are real too: the WordPress server stopped and started again,
// WordPress answering 503 (or 400) after it made the post, the same record sent to the queue again, a refused
// signature, a post edited on both sides. Each fault test counts the posts carrying the content's IGNY8 meta:
// none lost, none doubled. The AI provider is the local OpenAI-compatible stand-in (the only fake allowed).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { freePort, runPhp, startWordPress } from '../scripts/wp/env.mjs';
import { startStack } from '../scripts/dev/stack.mjs';
import { launch, wpLogin } from './browser.mjs';

/* global wp -- evaluate() and waitForFunction() callbacks run in the page, not in Node */

/** Publishing retries after 2, 4, 8, 16, 32 s here: the "WordPress down" test spans a few of them. */
const RETRY_BASE_SECONDS = 2;
const WP_PASSWORD = 'e2e-publish-pass';
const STABLE_PATH = '/api/v1/writer/images/file/';

let stack;
let fake;
let wpPort;
/** The WordPress server started again by the "down" test (the stack's own one is stopped there). */
let restartedWordPress = null;
let sectorId;
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-e2e-publish-' ) );
const sha256 = ( text ) =>
	createHash( 'sha256' ).update( text ).digest( 'hex' );
const sleep = ( ms ) => new Promise( ( r ) => setTimeout( r, ms ) );

/** The cloud's API as the account's owner; `expect` is the status wanted (any 2xx when omitted). */
async function api( method, route, body, expect ) {
	const res = await fetch( `${ stack.cloudUrl }/api/v1${ route }`, {
		method,
		headers: {
			authorization: `Bearer ${ stack.demo.owner.access }`,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	const json = await res.json();
	if ( expect !== undefined )
		assert.equal(
			res.status,
			expect,
			`${ method } ${ route }: ${ JSON.stringify( json ) }`
		);
	else
		assert.ok(
			res.ok,
			`${ method } ${ route } answered ${ res.status }: ${ JSON.stringify( json ) }`
		);
	return json;
}

/** PHP inside the WordPress (through wp-load.php): its last line of output, read as JSON. */
async function php( code ) {
	const out = await runPhp( stack.wpDir, code );
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

/** Ids of the posts (any status but the trash) that carry this content's IGNY8 meta. */
const postsOf = ( contentId ) =>
	php( `echo wp_json_encode( array_map( 'intval', get_posts( array(
		'post_type' => 'post', 'post_status' => array( 'publish', 'draft', 'pending', 'private', 'future' ),
		'meta_key' => '_igny8_content_id', 'meta_value' => '${ Number( contentId ) }',
		'fields' => 'ids', 'posts_per_page' => -1, 'suppress_filters' => true ) ) ) );` );

/** Exactly one post for the content: none lost, none doubled. */
async function onePost( contentId, label ) {
	const posts = await postsOf( contentId );
	assert.equal(
		posts.length,
		1,
		`${ label }: ${ posts.length } posts for content ${ contentId } (${ posts.join( ', ' ) }): ` +
			( posts.length ? 'doubled' : 'lost' )
	);
	return posts[ 0 ];
}

/** What WordPress holds of a post: fields, terms, featured image, IGNY8 meta, and the attachments by image ref. */
const wordpressPost = ( id ) =>
	php( `$id = ${ Number( id ) }; $p = get_post( $id ); $thumb = (int) get_post_thumbnail_id( $id );
	$attachments = array();
	foreach ( get_posts( array( 'post_type' => 'attachment', 'post_status' => 'any', 'posts_per_page' => -1,
		'meta_key' => '_igny8_image_ref', 'suppress_filters' => true ) ) as $a ) {
		$attachments[ get_post_meta( $a->ID, '_igny8_image_ref', true ) ] = array( 'id' => $a->ID,
			'url' => wp_get_attachment_url( $a->ID ), 'alt' => get_post_meta( $a->ID, '_wp_attachment_image_alt', true ),
			'caption' => $a->post_excerpt, 'parent' => $a->post_parent, 'file' => basename( get_attached_file( $a->ID ) ) );
	}
	echo wp_json_encode( array( 'status' => $p->post_status, 'title' => $p->post_title, 'content' => $p->post_content,
		'excerpt' => $p->post_excerpt, 'modified' => $p->post_modified_gmt,
		'categories' => wp_get_post_terms( $id, 'category', array( 'fields' => 'names' ) ),
		'tags' => wp_get_post_terms( $id, 'post_tag', array( 'fields' => 'names' ) ),
		'thumbnail' => $thumb, 'permalink' => get_permalink( $id ), 'attachments' => $attachments,
		'meta' => array( 'content_id' => get_post_meta( $id, '_igny8_content_id', true ),
			'task_id' => get_post_meta( $id, '_igny8_task_id', true ), 'managed' => get_post_meta( $id, '_igny8_managed', true ),
			'revision' => get_post_meta( $id, '_igny8_revision', true ), 'last_synced' => get_post_meta( $id, '_igny8_last_synced', true ),
			'meta_title' => get_post_meta( $id, '_igny8_meta_title', true ),
			'meta_description' => get_post_meta( $id, '_igny8_meta_description', true ) ) ) );` );

async function waitJob( id ) {
	for ( let i = 0; i < 600; i++ ) {
		const job = ( await api( 'GET', `/ai/jobs/${ id }` ) ).data;
		if ( job.state === 'succeeded' ) return job;
		assert.ok(
			! [ 'failed', 'cancelled' ].includes( job.state ),
			`job ${ id } ${ job.state }: ${ job.error }`
		);
		await sleep( 100 );
	}
	throw new Error( `job ${ id } did not finish` );
}

/**
 * An approved article written by the AI stand-in for a task, with its featured image and two in-article images
 * generated and stored. Answers the content, its task id and its images (with the ref read from their URL).
 */
async function approvedArticle( title, { refuse = null } = {} ) {
	const task = (
		await api( 'POST', '/writer/tasks', {
			site_id: stack.demo.site.id,
			sector_id: sectorId,
			title,
			target_keywords: [ title.toLowerCase() ],
			content_structure: {
				sections: [
					{ heading: 'Getting the basics right' },
					{ heading: 'Going further' },
					{ heading: 'Keeping it up' },
				],
			},
		} )
	).data;
	const site = stack.demo.site.id;
	const written = (
		await api( 'POST', '/writer/tasks/generate_content', {
			site_id: site,
			task_ids: [ task.id ],
		} )
	).data;
	await waitJob( written.jobs[ 0 ].id );
	const [ content ] = (
		await api(
			'GET',
			`/writer/content?site_id=${ site }&task_id=${ task.id }`
		)
	).results;
	const prompts = (
		await api( 'POST', '/writer/content/generate_image_prompts', {
			site_id: site,
			content_ids: [ content.id ],
			in_article: 2,
		} )
	).data;
	await waitJob( prompts.jobs[ 0 ].id );
	if ( refuse !== null ) {
		// The image model refuses this prompt: that image stays without a picture.
		const listed = (
			await api(
				'GET',
				`/writer/images?site_id=${ site }&content_id=${ content.id }&ordering=position`
			)
		).results;
		const image = listed.find( ( i ) => i.position === refuse );
		await api( 'PATCH', `/writer/images/${ image.id }`, {
			prompt: `${ image.prompt } [refuse]`,
		} );
	}
	const made = (
		await api( 'POST', '/writer/images/generate', {
			site_id: site,
			content_id: content.id,
		} )
	).data;
	await waitJob( made.id );
	await api( 'PATCH', `/writer/content/${ content.id }`, {
		status: 'approved',
	} );
	const images = (
		await api(
			'GET',
			`/writer/images?site_id=${ site }&content_id=${ content.id }&ordering=position`
		)
	).results.map( ( image ) => ( {
		...image,
		ref: image.url
			? decodeURIComponent(
					new URL( image.url ).pathname.slice( STABLE_PATH.length )
				)
			: null,
	} ) );
	if ( refuse !== null )
		return {
			content: ( await api( 'GET', `/writer/content/${ content.id }` ) )
				.data,
			taskId: task.id,
			images,
		};
	assert.equal(
		images[ 0 ].kind,
		'featured',
		`${ title }: a featured image`
	);
	assert.ok(
		images.length >= 3 &&
			images.slice( 1 ).every( ( i ) => i.kind === 'in_article' ) &&
			images.every( ( i ) => i.status === 'generated' ),
		`${ title }: a featured and at least two in-article images, all generated: ${ JSON.stringify(
			images.map( ( i ) => [ i.kind, i.status ] )
		) }`
	);
	const full = ( await api( 'GET', `/writer/content/${ content.id }` ) ).data;
	for ( const image of images.slice( 1 ) )
		assert.ok(
			full.body.includes( `${ STABLE_PATH }${ image.ref }` ),
			`${ title }: the body places image ${ image.position } at its stable address`
		);
	return { content: full, taskId: task.id, images };
}

const record = async ( id ) =>
	( await api( 'GET', `/publisher/records/${ id }` ) ).data;

/** Polls a record until `ok` holds for it (or fails the test with the last one seen). */
async function recordUntil( id, ok, what, timeoutMs = 90_000 ) {
	const until = Date.now() + timeoutMs;
	let seen;
	for (;;) {
		seen = await record( id );
		if ( ok( seen ) ) return seen;
		if ( Date.now() > until )
			assert.fail(
				`record ${ id } never ${ what }: ${ JSON.stringify( seen ) }`
			);
		await sleep( 200 );
	}
}
const published = ( id ) =>
	recordUntil(
		id,
		( r ) => [ 'published', 'failed', 'conflict' ].includes( r.status ),
		'finished'
	).then( ( r ) => {
		assert.equal( r.status, 'published', JSON.stringify( r ) );
		return r;
	} );

before( async () => {
	fake = await startFakeOpenAi();
	wpPort = await freePort();
	stack = await startStack( {
		stateDir,
		cloudPort: await freePort(),
		wpPort,
		connect: true,
		wpPassword: WP_PASSWORD,
		cloudVars: { SYNC_RETRY_BASE_SECONDS: String( RETRY_BASE_SECONDS ) },
	} );
	await api( 'PUT', '/system/integrations/openai', {
		api_key: 'sk-e2e-publish-key-4242',
		base_url: fake.url,
		text_model: 'gpt-4o-mini',
		image_model: 'gpt-image-1',
	} );
	sectorId = (
		await api( 'GET', `/auth/sites/${ stack.demo.site.id }/sectors` )
	).results[ 0 ].id;
	// A fault only this test's WordPress has: when the option is set, the answer to the next POST /posts is
	// lost after WordPress made the post: a 503 in its place (as a proxy timing out would send) for
	// "transient", a 400 for "fatal" (the cloud gives up at once; the user retries by hand).
	writeFileSync(
		path.join( stack.wpDir, 'wp-content/mu-plugins/igny8-e2e-faults.php' ),
		`<?php
add_filter( 'rest_post_dispatch', static function ( $response, $server, $request ) {
	$fault = get_option( 'igny8_e2e_lose_answer' );
	if ( 'POST' === $request->get_method() && '/igny8/v1/posts' === $request->get_route()
		&& ! is_wp_error( $response ) && $response->get_status() < 300 && $fault ) {
		delete_option( 'igny8_e2e_lose_answer' );
		return 'fatal' === $fault
			? new WP_REST_Response( array( 'code' => 'rest_invalid_param', 'message' => 'Refused on the way back' ), 400 )
			: new WP_REST_Response( array( 'code' => 'gateway_timeout', 'message' => 'The answer was lost on the way' ), 503 );
	}
	return $response;
}, 10, 3 );
`
	);
} );

after( async () => {
	await restartedWordPress?.stop();
	await stack?.stop();
	await fake?.close();
	rmSync( stateDir, { recursive: true, force: true } );
} );

let first;
let firstRecord;

test( 'an approved article becomes a post with its featured and in-article images, terms and IGNY8 meta', async () => {
	first = await approvedArticle( 'Cold brew at home' );
	const { content, images } = first;
	const started = await api(
		'POST',
		`/writer/content/${ content.id }/publish`,
		{
			status: 'publish',
			categories: [ 'Coffee', 'Brewing guides' ],
			tags: [ 'cold brew', 'summer' ],
		},
		202
	);
	assert.equal( started.data.record.status, 'queued' );
	firstRecord = await published( started.data.record.id );
	const postId = await onePost( content.id, 'first publish' );
	assert.equal( firstRecord.wp_post_id, postId );
	assert.equal( firstRecord.images_uploaded, images.length );
	assert.equal( firstRecord.error, null );
	assert.equal( firstRecord.attempts, 1 );
	assert.ok( firstRecord.published_at );

	const post = await wordpressPost( postId );
	assert.equal( post.status, 'publish' );
	assert.equal( post.title, content.title );
	assert.equal( firstRecord.url, post.permalink );
	assert.deepEqual( post.categories.sort(), [ 'Brewing guides', 'Coffee' ] );
	assert.deepEqual( post.tags.sort(), [ 'cold brew', 'summer' ] );
	assert.equal( post.excerpt, content.meta_description );
	assert.deepEqual(
		{ ...post.meta, last_synced: Boolean( post.meta.last_synced ) },
		{
			content_id: String( content.id ),
			task_id: String( first.taskId ),
			managed: '1',
			revision: sha256( post.content ),
			last_synced: true,
			meta_title: content.meta_title,
			meta_description: content.meta_description,
		}
	);
	// Every image is in the media library once, with its alt text; the featured one is the post's thumbnail.
	for ( const image of images ) {
		const attachment = post.attachments[ image.ref ];
		assert.ok(
			attachment,
			`image ${ image.position } is in the media library`
		);
		assert.equal( attachment.alt, image.alt );
		assert.equal( attachment.file, `igny8-${ image.ref }.png` );
	}
	assert.equal( post.thumbnail, post.attachments[ images[ 0 ].ref ].id );
	// The body points at the media library: each in-article image as its attachment's block.
	assert.ok(
		! post.content.includes( STABLE_PATH ),
		'no stable address left'
	);
	for ( const image of images.slice( 1 ) ) {
		const a = post.attachments[ image.ref ];
		assert.ok(
			post.content.includes(
				`<!-- wp:image {"id":${ a.id },"sizeSlug":"large","linkDestination":"none"} -->\n` +
					`<figure class="wp-block-image size-large"><img src="${ a.url }" alt="`
			),
			`image ${ image.position } as attachment ${ a.id }`
		);
		assert.ok( post.content.includes( `class="wp-image-${ a.id }"/>` ) );
	}

	// The cloud copy is now exactly what WordPress stores, and the task knows its post.
	const after = ( await api( 'GET', `/writer/content/${ content.id }` ) )
		.data;
	assert.equal( after.body, post.content );
	assert.equal( after.status, 'published' );
	assert.equal( after.sync_state, 'synced' );
	assert.equal( after.wp_status, 'publish' );
	assert.equal( after.external_id, postId );
	assert.equal( after.external_url, post.permalink );
	const task = ( await api( 'GET', `/writer/tasks/${ first.taskId }` ) ).data;
	assert.equal( task.wp_post_id, postId );
	assert.equal( task.post_url, post.permalink );
} );

test( 'the published post opens in the block editor with every block valid and its images shown', async () => {
	const postId = firstRecord.wp_post_id;
	const browser = await launch();
	try {
		const page = await browser.newPage( {
			viewport: { width: 1400, height: 1000 },
		} );
		await wpLogin( page, stack.wpUrl, 'admin', WP_PASSWORD );
		await page.goto(
			`${ stack.wpUrl }/wp-admin/post.php?post=${ postId }&action=edit`
		);
		await page.waitForFunction(
			( id ) =>
				globalThis.wp?.data
					?.select( 'core/editor' )
					?.getCurrentPostId() === id &&
				wp.data.select( 'core/block-editor' ).getBlocks().length > 0,
			postId
		);
		const blocks = await page.evaluate( () => {
			const out = [];
			const walk = ( list ) =>
				list.forEach( ( b ) => {
					out.push( {
						name: b.name,
						isValid: b.isValid,
						id: b.attributes.id ?? null,
						alt: b.attributes.alt ?? null,
					} );
					walk( b.innerBlocks );
				} );
			walk( wp.data.select( 'core/block-editor' ).getBlocks() );
			return out;
		} );
		const invalid = blocks.filter(
			( b ) =>
				! b.isValid ||
				b.name === 'core/freeform' ||
				b.name === 'core/missing'
		);
		assert.deepEqual( invalid, [], 'every block is valid' );
		const post = await wordpressPost( postId );
		assert.deepEqual(
			blocks
				.filter( ( b ) => b.name === 'core/image' )
				.map( ( b ) => [ b.id, b.alt ] ),
			first.images
				.slice( 1 )
				.map( ( i ) => [ post.attachments[ i.ref ].id, i.alt ] )
		);
		const canvas = ( await page
			.locator( 'iframe[name="editor-canvas"]' )
			.count() )
			? page.frameLocator( 'iframe[name="editor-canvas"]' )
			: page;
		await canvas.locator( 'figure.wp-block-image img' ).first().waitFor();
		assert.equal(
			await canvas.locator( '.block-editor-warning' ).count(),
			0
		);
		// Each in-article image is shown from the media library, loaded.
		const shown = await canvas
			.locator( 'figure.wp-block-image img' )
			.evaluateAll( ( imgs ) =>
				imgs.map( ( img ) => ( {
					src: img.getAttribute( 'src' ),
					loaded: img.complete && img.naturalWidth > 0,
				} ) )
			);
		for ( const image of first.images.slice( 1 ) ) {
			const url = post.attachments[ image.ref ].url;
			assert.ok(
				shown.some( ( s ) => s.src === url && s.loaded ),
				`image ${ image.position } (${ url }) is shown loaded: ${ JSON.stringify( shown ) }`
			);
		}
	} finally {
		await browser.close();
	}
} );

test( 'a cloud-side edit of the published post goes out as an update of the same post', async () => {
	const { content } = first;
	const edited = (
		await api( 'PATCH', `/writer/content/${ content.id }`, {
			title: 'Cold brew at home, the slow way',
		} )
	).data;
	assert.equal( edited.sync_state, 'pending' );
	const updates = (
		await api(
			'GET',
			`/publisher/records?site_id=${ stack.demo.site.id }&content_id=${ content.id }`
		)
	).results;
	assert.equal( updates[ 0 ].action, 'update' );
	await published( updates[ 0 ].id );
	const postId = await onePost( content.id, 'update' );
	assert.equal( postId, firstRecord.wp_post_id );
	const post = await wordpressPost( postId );
	assert.equal( post.title, 'Cold brew at home, the slow way' );
	assert.equal(
		( await api( 'GET', `/writer/content/${ content.id }` ) ).data
			.sync_state,
		'synced'
	);
} );

test( 'fault (a): WordPress down during a publish: retried with the reason and the next attempt, then exactly one post', async () => {
	const { content } = await approvedArticle( 'Iced latte without a machine' );
	await stack.wordpress.stop();
	let recordId;
	try {
		recordId = (
			await api(
				'POST',
				`/writer/content/${ content.id }/publish`,
				{ status: 'draft' },
				202
			)
		).data.record.id;
		const waiting = await recordUntil(
			recordId,
			( r ) => r.status === 'queued' && r.attempts >= 1,
			'waited for a retry'
		);
		assert.match(
			waiting.error,
			/^WordPress did not answer: .+\(GET \/post-by-content-id\/\d+\)$/
		);
		const wait =
			( Date.parse( waiting.next_attempt_at ) -
				Date.parse( waiting.updated_at ) ) /
			1000;
		assert.ok(
			Math.abs(
				wait - RETRY_BASE_SECONDS * 2 ** ( waiting.attempts - 1 )
			) < 1.5,
			`next attempt ${ wait } s after attempt ${ waiting.attempts }`
		);
		assert.equal(
			( await api( 'GET', `/writer/content/${ content.id }` ) ).data
				.sync_state,
			'pending'
		);
		assert.deepEqual(
			await postsOf( content.id ),
			[],
			'nothing while down'
		);
	} finally {
		restartedWordPress = await startWordPress( {
			dir: stack.wpDir,
			port: wpPort,
		} );
	}
	const done = await published( recordId );
	assert.ok( done.attempts >= 2, `attempts: ${ done.attempts }` );
	assert.equal( done.error, null );
	const postId = await onePost( content.id, 'WordPress down' );
	assert.equal( done.wp_post_id, postId );
	assert.equal( ( await wordpressPost( postId ) ).status, 'draft' );
} );

test( 'fault (b): WordPress made the post but its answer was lost: the retry updates that post', async () => {
	const { content } = await approvedArticle( 'Pour-over for beginners' );
	await php(
		"update_option( 'igny8_e2e_lose_answer', 'transient' ); echo wp_json_encode( true );"
	);
	const recordId = (
		await api(
			'POST',
			`/writer/content/${ content.id }/publish`,
			{ status: 'publish' },
			202
		)
	).data.record.id;
	const done = await published( recordId );
	assert.equal( done.attempts, 2 );
	assert.equal(
		await php(
			"echo wp_json_encode( get_option( 'igny8_e2e_lose_answer', 'consumed' ) );"
		),
		'consumed',
		'the fault happened'
	);
	const postId = await onePost( content.id, 'answer lost' );
	assert.equal( done.wp_post_id, postId );
	const post = await wordpressPost( postId );
	assert.equal( post.status, 'publish' );
	assert.equal(
		( await api( 'GET', `/writer/content/${ content.id }` ) ).data.body,
		post.content
	);
} );

test( 'fault (c): the same record sent to the queue again after WordPress made its post (and the cloud never learnt it) keeps one post', async () => {
	const { content } = await approvedArticle( 'Turkish coffee in a cezve' );
	await php(
		"update_option( 'igny8_e2e_lose_answer', 'fatal' ); echo wp_json_encode( true );"
	);
	const recordId = (
		await api(
			'POST',
			`/writer/content/${ content.id }/publish`,
			{ status: 'publish' },
			202
		)
	).data.record.id;
	const failed = await recordUntil(
		recordId,
		( r ) => r.status === 'failed',
		'failed'
	);
	assert.match(
		failed.error,
		/^WordPress refused POST \/posts \(HTTP 400\): Refused on the way back$/
	);
	assert.equal( failed.wp_post_id, null );
	// WordPress did make the post; the cloud does not know it.
	const made = await onePost( content.id, 'made, answer refused' );
	const before = await wordpressPost( made );
	const known = ( await api( 'GET', `/writer/content/${ content.id }` ) )
		.data;
	assert.equal( known.external_id, null );
	assert.equal( known.sync_state, 'failed' );

	// The same record, delivered again (retried by hand): the lookup finds the post and updates it.
	const again = await api(
		'POST',
		`/publisher/records/${ recordId }/retry`,
		undefined,
		202
	);
	assert.equal( again.data.record.attempts, 0 );
	const done = await published( recordId );
	assert.equal( done.attempts, 1 );
	assert.equal( done.wp_post_id, made );
	assert.equal( await onePost( content.id, 'delivered again' ), made );
	const after = await wordpressPost( made );
	assert.equal( after.content, before.content );
	assert.deepEqual(
		after.attachments,
		before.attachments,
		'no image uploaded twice'
	);
	const synced = ( await api( 'GET', `/writer/content/${ content.id }` ) )
		.data;
	assert.equal( synced.external_id, made );
	assert.equal( synced.sync_state, 'synced' );
} );

test( 'edited in WordPress and in the cloud: a conflict with both versions, resolved by keeping the cloud’s', async () => {
	const { content } = first;
	const postId = firstRecord.wp_post_id;
	// WordPress is down while the cloud's edit waits to go out; meanwhile someone edits the post in WordPress.
	await restartedWordPress.stop();
	restartedWordPress = null;
	const cloudBody =
		'<!-- wp:paragraph -->\n<p>The cloud’s version of the article.</p>\n<!-- /wp:paragraph -->';
	await api( 'PATCH', `/writer/content/${ content.id }`, {
		body: cloudBody,
	} );
	const wpBody =
		'<!-- wp:paragraph -->\n<p>Edited in WordPress by an editor.</p>\n<!-- /wp:paragraph -->';
	await php(
		`echo wp_json_encode( wp_update_post( array( 'ID' => ${ Number( postId ) }, 'post_content' => ${ JSON.stringify(
			wpBody
		) } ), true ) );`
	);
	restartedWordPress = await startWordPress( {
		dir: stack.wpDir,
		port: wpPort,
	} );
	const update = (
		await api(
			'GET',
			`/publisher/records?site_id=${ stack.demo.site.id }&content_id=${ content.id }&ordering=-id`
		)
	).results[ 0 ];
	assert.equal( update.action, 'update' );
	const stopped = await recordUntil(
		update.id,
		( r ) => [ 'conflict', 'published', 'failed' ].includes( r.status ),
		'finished'
	);
	assert.equal( stopped.status, 'conflict', JSON.stringify( stopped ) );
	assert.equal(
		( await wordpressPost( postId ) ).content,
		wpBody,
		'WordPress kept its edit'
	);

	const shown = (
		await api( 'GET', `/writer/content/${ content.id }/conflict` )
	).data;
	assert.equal( shown.cloud.body, cloudBody );
	assert.equal( shown.wordpress.body, wpBody );
	assert.equal( shown.wordpress.content_hash, sha256( wpBody ) );

	const kept = await api(
		'POST',
		`/writer/content/${ content.id }/resolve_conflict`,
		{ keep: 'cloud', wp_hash: shown.wordpress.content_hash },
		202
	);
	await published( kept.data.record.id );
	assert.equal( ( await wordpressPost( postId ) ).content, cloudBody );
	assert.equal( await onePost( content.id, 'conflict resolved' ), postId );
	const synced = ( await api( 'GET', `/writer/content/${ content.id }` ) )
		.data;
	assert.equal( synced.sync_state, 'synced' );
	assert.equal( synced.body, cloudBody );
	await api(
		'GET',
		`/writer/content/${ content.id }/conflict`,
		undefined,
		404
	);
} );

test( 'an image without a picture is left out of the post, with a note on the record', async () => {
	const { content, images } = await approvedArticle( 'Aeropress tricks', {
		refuse: 1,
	} );
	const refused = images.find( ( i ) => i.position === 1 );
	assert.equal( refused.status, 'failed' );
	assert.equal( refused.stored, false );
	assert.ok(
		content.body.includes( STABLE_PATH ),
		'the body still places the image without a picture'
	);
	const recordId = (
		await api(
			'POST',
			`/writer/content/${ content.id }/publish`,
			{ status: 'publish' },
			202
		)
	).data.record.id;
	const done = await published( recordId );
	assert.equal(
		done.error,
		'Published without in-article image 1 (no picture yet)'
	);
	assert.equal( done.images_uploaded, images.length - 1 );
	const post = await wordpressPost(
		await onePost( content.id, 'image left out' )
	);
	assert.ok(
		! post.content.includes( STABLE_PATH ),
		'no broken image address'
	);
	// Every image block of the cloud body with a picture is in the post as its attachment; the one without is not.
	const placed = [
		...content.body.matchAll(
			/\/api\/v1\/writer\/images\/file\/([0-9a-f-]+)/g
		),
	].map( ( m ) => m[ 1 ] );
	const stored = images.filter( ( i ) => i.stored ).map( ( i ) => i.ref );
	const shown = placed.filter( ( ref ) => stored.includes( ref ) );
	assert.equal(
		placed.length - shown.length,
		1,
		'one placed image has no picture'
	);
	assert.equal(
		( post.content.match( /<!-- wp:image /g ) ?? [] ).length,
		shown.length
	);
	for ( const ref of shown )
		assert.ok(
			post.content.includes(
				`class="wp-image-${ post.attachments[ ref ].id }"`
			)
		);
	assert.equal( post.thumbnail, post.attachments[ images[ 0 ].ref ].id );
} );

test( 'WordPress refusing the signature fails the publish at once with its reason', async () => {
	const { content } = await approvedArticle( 'Moka pot basics' );
	const saved = await php(
		"echo wp_json_encode( get_option( 'igny8_connection' ) );"
	);
	await php(
		`$c = get_option( 'igny8_connection' ); $c['site_secret'] = str_repeat( 'ab', 32 );
     update_option( 'igny8_connection', $c ); echo wp_json_encode( true );`
	);
	let done;
	try {
		const recordId = (
			await api(
				'POST',
				`/writer/content/${ content.id }/publish`,
				{ status: 'publish' },
				202
			)
		).data.record.id;
		done = await recordUntil(
			recordId,
			( r ) => r.status === 'failed',
			'failed'
		);
	} finally {
		await php(
			`update_option( 'igny8_connection', json_decode( ${ JSON.stringify(
				JSON.stringify( saved )
			) }, true ) ); echo wp_json_encode( true );`
		);
	}
	assert.equal( done.attempts, 1 );
	assert.match(
		done.error,
		/^WordPress refused GET \/post-by-content-id\/\d+ \(HTTP 401\)/
	);
	assert.deepEqual( await postsOf( content.id ), [] );
	assert.equal(
		( await api( 'GET', `/writer/content/${ content.id }` ) ).data
			.sync_state,
		'failed'
	);
	// Retried by hand once the site is fixed: published.
	await api(
		'POST',
		`/publisher/records/${ done.id }/retry`,
		undefined,
		202
	);
	await published( done.id );
	await onePost( content.id, 'retried by hand' );
} );
