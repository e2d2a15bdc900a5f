// Issue 11 end to end, as a site owner works in wp-admin: an article written by AI (the local OpenAI-compatible
// stand-in, the only fake) with its images is reviewed and approved in the Writer, published from it, and opens
// in WordPress 6.5's block editor with valid blocks only and its images in the media library with their alt
// text. The post's status changed in WordPress shows on the Writer's Content list. The post edited in WordPress
// and the same content edited in the Writer make a conflict: its badge shows, Compare shows both versions, and
// the version kept is the one both sides end with (a WordPress change made while comparing is shown first).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { freePort, runPhp } from '../scripts/wp/env.mjs';
import { startStack } from '../scripts/dev/stack.mjs';
import { launch, wpLogin } from './browser.mjs';

/* global wp -- evaluate() and waitForFunction() callbacks run in the page, not in Node */

const TITLE = 'Grinding coffee for a moka pot';
const SECTIONS = [
	{ heading: 'How fine is fine enough' },
	{ heading: 'Burr or blade' },
];
const WP_EDIT = 'Edited in WordPress.';
const WRITER_EDIT = 'Edited in the Writer.';
const WP_EDIT_AGAIN = 'Changed in WordPress again.';
const PUBLISH_TIMEOUT = 60_000;
/** The core blocks IGNY8 writes (shared/src/blocks EMITTED_BLOCKS), as the editor names them. */
const CORE_BLOCKS =
	/^core\/(paragraph|heading|list|list-item|quote|image|table|separator|code|preformatted)$/;

let stack;
let fake;
let browser;
let page;
let siteId;
let contentId;
let postId;
/** The outbox lock held while WordPress's edit must wait (see the conflict test). */
let heldLock = null;
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-e2e-publish-' ) );

async function api( method, route, body ) {
	const res = await fetch( `${ stack.cloudUrl }/api/v1${ route }`, {
		method,
		headers: {
			authorization: `Bearer ${ stack.demo.owner.access }`,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	const json = await res.json();
	assert.ok(
		res.ok,
		`${ method } ${ route } answered ${ res.status }: ${ JSON.stringify( json ) }`
	);
	return json.data ?? json;
}

async function php( code ) {
	return ( await runPhp( stack.wpDir, code ) ).trim().split( '\n' ).pop();
}

async function waitUntil( check, what, timeout = 30_000 ) {
	const until = Date.now() + timeout;
	for (;;) {
		const value = await check();
		if ( value ) return value;
		assert.ok( Date.now() < until, `timed out: ${ what }` );
		await new Promise( ( resolve ) => setTimeout( resolve, 250 ) );
	}
}

const jobEnded = ( id ) =>
	waitUntil(
		async () => {
			const job = await api( 'GET', `/ai/jobs/${ id }` );
			return [ 'succeeded', 'failed', 'cancelled' ].includes( job.state )
				? job
				: null;
		},
		`job ${ id }`,
		60_000
	);

const admin = ( slug, extra = '' ) =>
	`${ stack.wpUrl }/wp-admin/admin.php?page=${ slug }${ extra }`;
const text = async ( locator ) =>
	( await locator.textContent() ).replace( /\s+/g, ' ' ).trim();

/** The post as WordPress stores it. */
async function wpPost() {
	return JSON.parse(
		await php(
			`$p = get_post( ${ Number( postId ) } );
			echo wp_json_encode( array( 'status' => $p->post_status, 'title' => $p->post_title, 'content' => $p->post_content ) );`
		)
	);
}

/** Opens the post in the block editor; answers the page and its canvas once the blocks are there. */
async function openInEditor() {
	await page.goto(
		`${ stack.wpUrl }/wp-admin/post.php?post=${ postId }&action=edit`
	);
	await page.waitForFunction(
		( id ) =>
			globalThis.wp?.data?.select( 'core/editor' )?.getCurrentPostId() ===
				id &&
			wp.data.select( 'core/block-editor' ).getBlocks().length > 0,
		postId,
		{ timeout: 30_000 }
	);
	// 6.5 puts the canvas in an iframe when every block is API v3 (core's are); the page itself otherwise.
	const canvas = ( await page
		.locator( 'iframe[name="editor-canvas"]' )
		.count() )
		? page.frameLocator( 'iframe[name="editor-canvas"]' )
		: page;
	await canvas.locator( '.is-root-container > .wp-block' ).first().waitFor();
	return canvas;
}

/** Saves the post in the editor and waits for the save to end. */
async function editorSaved() {
	await page.waitForFunction(
		() =>
			! wp.data.select( 'core/editor' ).isSavingPost() &&
			! wp.data.select( 'core/editor' ).isEditedPostDirty(),
		null,
		{ timeout: 30_000 }
	);
}

/** Every block in the editor, depth first. */
function editorBlocks() {
	const out = [];
	const walk = ( blocks ) =>
		blocks.forEach( ( block ) => {
			// Rich text (6.5's RichTextData) as the HTML it holds.
			const attributes = Object.fromEntries(
				Object.entries( block.attributes ).map( ( [ key, value ] ) => [
					key,
					typeof value?.toHTMLString === 'function'
						? value.toHTMLString()
						: value,
				] )
			);
			out.push( {
				name: block.name,
				isValid: block.isValid,
				attributes,
			} );
			walk( block.innerBlocks );
		} );
	walk( wp.data.select( 'core/block-editor' ).getBlocks() );
	return out;
}

before( async () => {
	fake = await startFakeOpenAi();
	stack = await startStack( {
		stateDir,
		cloudPort: await freePort(),
		wpPort: await freePort(),
		connect: true,
		wpPassword: 'e2e-admin-pass',
	} );
	siteId = stack.demo.site.id;
	await api( 'PUT', '/system/integrations/openai', {
		api_key: 'sk-e2e-publishing-4242',
		base_url: fake.url,
		text_model: 'gpt-4o-mini',
		image_model: 'gpt-image-1',
	} );
	// The article, its image prompts and its images, made by the cloud's real jobs.
	const sectors = await api( 'GET', `/auth/sites/${ siteId }/sectors` );
	const task = await api( 'POST', '/writer/tasks', {
		site_id: siteId,
		sector_id: sectors.results[ 0 ].id,
		title: TITLE,
		target_keywords: [ 'moka pot grind' ],
		content_structure: { sections: SECTIONS },
	} );
	const written = await api( 'POST', '/writer/tasks/generate_content', {
		site_id: siteId,
		task_ids: [ task.id ],
	} );
	assert.equal(
		( await jobEnded( written.jobs[ 0 ].id ) ).state,
		'succeeded'
	);
	[ { id: contentId } ] = (
		await api(
			'GET',
			`/writer/content?site_id=${ siteId }&task_id=${ task.id }`
		)
	).results;
	const prompts = await api(
		'POST',
		'/writer/content/generate_image_prompts',
		{ site_id: siteId, content_ids: [ contentId ] }
	);
	assert.equal(
		( await jobEnded( prompts.jobs[ 0 ].id ) ).state,
		'succeeded'
	);
	const images = await api( 'POST', '/writer/images/generate', {
		site_id: siteId,
		content_id: contentId,
	} );
	const imagesJob = images.job ?? images;
	assert.equal( ( await jobEnded( imagesJob.id ) ).state, 'succeeded' );

	// No welcome guide over the block editor (a user preference).
	await php(
		`global $wpdb; update_user_meta( 1, $wpdb->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );`
	);
	browser = await launch();
	page = await browser.newPage( { viewport: { width: 1400, height: 1000 } } );
	page.on( 'pageerror', ( err ) =>
		console.error( 'page error:', err.message )
	);
	await wpLogin( page, stack.wpUrl, 'admin', 'e2e-admin-pass' );
} );

after( async () => {
	if ( heldLock ) {
		await php(
			`\\IGNY8\\Lock::release( 'outbox', ${ JSON.stringify( heldLock ) } );`
		).catch( () => {} );
	}
	await browser?.close();
	await stack?.stop();
	await fake?.close();
	rmSync( stateDir, { recursive: true, force: true } );
} );

test( 'a reviewed article with its images is approved and published from the Writer', async () => {
	await page.goto( admin( 'igny8-content', `&content=${ contentId }` ) );
	await page.getByRole( 'heading', { name: TITLE, level: 2 } ).waitFor();
	const images = page.getByRole( 'region', { name: 'Images' } );
	await images.getByText( 'Featured image · Generated' ).waitFor();
	const panel = page.getByRole( 'region', { name: 'WordPress' } );
	assert.equal(
		await panel.getByRole( 'button', { name: 'Publish' } ).isDisabled(),
		true,
		'content in review is not published'
	);
	await page.getByRole( 'button', { name: 'Approve' } ).click();
	await page
		.locator( '.components-notice' )
		.getByText( 'Approved.', { exact: true } )
		.waitFor();

	await panel.getByRole( 'button', { name: 'Publish' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Publish to WordPress' } );
	await dialog.getByRole( 'radio', { name: 'Published' } ).check();
	await dialog.getByLabel( 'Categories' ).fill( 'Brewing' );
	await dialog.getByLabel( 'Categories' ).press( 'Enter' );
	await dialog
		.getByRole( 'button', { name: 'Publish', exact: true } )
		.click();
	const done = dialog.locator(
		'[data-testid="igny8-publish-progress"][data-status="published"]'
	);
	await done.waitFor( { timeout: PUBLISH_TIMEOUT } );
	const stored = await api( 'GET', `/writer/content/${ contentId }` );
	postId = stored.external_id;
	assert.ok( postId > 0 );
	const made = (
		await api(
			'GET',
			`/writer/images?site_id=${ siteId }&content_id=${ contentId }`
		)
	).results.filter( ( image ) => image.status === 'generated' ).length;
	assert.ok( made >= 2, `${ made } images` );
	assert.equal(
		await text( done.getByTestId( 'igny8-publish-summary' ) ),
		`Published in WordPress, with ${ made } images added to the media library.`
	);
	assert.equal(
		await done
			.getByRole( 'link', { name: 'Edit in WordPress' } )
			.getAttribute( 'href' ),
		`post.php?post=${ postId }&action=edit`
	);
	await dialog.getByRole( 'button', { name: 'Done' } ).click();
	await panel
		.getByTestId( 'igny8-wp-status' )
		.filter( { hasText: 'Published in WordPress' } )
		.waitFor();
	assert.equal( ( await wpPost() ).status, 'publish' );
} );

test( 'the post opens in the block editor with valid core blocks only, its images from the media library with their alt text', async () => {
	const canvas = await openInEditor();
	const blocks = await page.evaluate( editorBlocks );
	const problems = blocks.filter(
		( block ) => ! block.isValid || ! CORE_BLOCKS.test( block.name )
	);
	assert.deepEqual( problems, [], 'invalid or unexpected blocks' );
	assert.equal(
		await canvas
			.getByText( 'This block contains unexpected or invalid content' )
			.count(),
		0
	);
	assert.equal(
		await page.evaluate( () =>
			wp.data.select( 'core/editor' ).getEditedPostAttribute( 'title' )
		),
		TITLE
	);
	// The task's outline, as the article follows it.
	const headings = blocks
		.filter( ( block ) => block.name === 'core/heading' )
		.map( ( block ) => String( block.attributes.content ) );
	for ( const section of SECTIONS ) {
		assert.ok(
			headings.includes( section.heading ),
			`“${ section.heading }” in ${ JSON.stringify( headings ) }`
		);
	}

	const cloudImages = (
		await api(
			'GET',
			`/writer/images?site_id=${ siteId }&content_id=${ contentId }&ordering=position`
		)
	).results;
	const featured = cloudImages.find( ( image ) => image.kind === 'featured' );
	const inArticle = cloudImages.filter(
		( image ) => image.kind === 'in_article'
	);
	assert.ok( featured && inArticle.length > 0 );
	const imageBlocks = blocks.filter(
		( block ) => block.name === 'core/image'
	);
	assert.equal( imageBlocks.length, inArticle.length );

	// Each image block points at an attachment of this WordPress, with the cloud image's alt text.
	const uploads = `${ stack.wpUrl }/wp-content/uploads/`;
	for ( const [ index, block ] of imageBlocks.entries() ) {
		assert.ok( block.attributes.id > 0, 'an attachment id' );
		assert.ok(
			block.attributes.url.startsWith( uploads ),
			`${ block.attributes.url } is in the media library`
		);
		assert.equal( block.attributes.alt, inArticle[ index ].alt );
		const attachment = JSON.parse(
			await php(
				`$a = get_post( ${ Number( block.attributes.id ) } );
				echo wp_json_encode( array( 'type' => $a->post_type, 'mime' => $a->post_mime_type, 'alt' => get_post_meta( $a->ID, '_wp_attachment_image_alt', true ), 'url' => wp_get_attachment_url( $a->ID ) ) );`
			)
		);
		assert.equal( attachment.type, 'attachment' );
		assert.match( attachment.mime, /^image\// );
		assert.equal( attachment.alt, inArticle[ index ].alt );
		assert.equal( attachment.url, block.attributes.url );
		// Shown in the canvas from the media library.
		const shown = canvas.locator(
			`img[src=${ JSON.stringify( block.attributes.url ) }]`
		);
		await shown.waitFor();
		assert.equal(
			await shown.getAttribute( 'alt' ),
			inArticle[ index ].alt
		);
	}
	const thumbnail = JSON.parse(
		await php(
			`$id = get_post_thumbnail_id( ${ Number( postId ) } );
			echo wp_json_encode( array( 'id' => $id, 'alt' => get_post_meta( $id, '_wp_attachment_image_alt', true ) ) );`
		)
	);
	assert.ok( thumbnail.id > 0, 'a featured image' );
	assert.equal( thumbnail.alt, featured.alt );
} );

test( 'the post switched to draft in the block editor shows as a draft on the Writer’s Content list', async () => {
	await page.getByRole( 'button', { name: 'Switch to draft' } ).click();
	await page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'OK' } )
		.click();
	await page.waitForFunction(
		() =>
			wp.data
				.select( 'core/editor' )
				.getCurrentPostAttribute( 'status' ) === 'draft'
	);
	await editorSaved();
	assert.equal( ( await wpPost() ).status, 'draft' );

	// The outbox tells the cloud; the list shows it once it arrived.
	await waitUntil(
		async () =>
			( await api( 'GET', `/writer/content/${ contentId }` ) )
				.wp_status === 'draft',
		'the cloud hears of the draft'
	);
	await page.goto( admin( 'igny8-content' ) );
	const row = page.getByRole( 'row' ).filter( { hasText: TITLE } );
	await row.waitFor();
	assert.equal(
		await text( row.getByTestId( 'igny8-sync-badge' ) ),
		'Synced'
	);
	assert.equal(
		await text( row.locator( '.igny8-wp-status' ) ),
		'Draft in WordPress'
	);
} );

test( 'the post edited in WordPress and in the Writer is a conflict: its badge shows, Compare shows both, and the cloud’s version ends on both sides', async () => {
	// WordPress's edit and the Writer's cross: WordPress's event is still in its outbox (its lock held, as
	// while a delivery is under way) when the Writer's update reaches WordPress.
	heldLock = await waitUntil( async () => {
		const token = await php(
			`echo (string) \\IGNY8\\Lock::acquire( 'outbox', 600 );`
		);
		return token || null;
	}, 'the outbox lock' );
	const canvas = await openInEditor();
	const firstParagraph = canvas.locator( 'p.wp-block-paragraph' ).first();
	await firstParagraph.click();
	await page.keyboard.press( 'End' );
	await page.keyboard.type( ` ${ WP_EDIT }` );
	await page.getByRole( 'button', { name: 'Save draft' } ).click();
	await editorSaved();
	assert.match( ( await wpPost() ).content, new RegExp( WP_EDIT ) );

	await page.goto( admin( 'igny8-content', `&content=${ contentId }` ) );
	const body = page.getByLabel( 'Body (block markup)' );
	const markup = await body.inputValue();
	const last = markup.lastIndexOf( '</p>' );
	await body.fill(
		`${ markup.slice( 0, last ) } ${ WRITER_EDIT }${ markup.slice( last ) }`
	);
	await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
	// The edit goes to WordPress as an update, which WordPress refuses: the post changed there.
	const notice = page.getByTestId( 'igny8-conflict-notice' );
	await notice.waitFor( { timeout: PUBLISH_TIMEOUT } );
	assert.equal(
		await text( page.locator( '.igny8-review-header .igny8-sync-badge' ) ),
		'Conflict'
	);
	// WordPress's event may go now.
	await php(
		`\\IGNY8\\Lock::release( 'outbox', ${ JSON.stringify( heldLock ) } ); \\IGNY8\\Outbox_Delivery::run( true );`
	);
	heldLock = null;

	await page.goto( admin( 'igny8-content' ) );
	const row = page.getByRole( 'row' ).filter( { hasText: TITLE } );
	assert.equal(
		await text( row.getByTestId( 'igny8-sync-badge' ) ),
		'Conflict'
	);
	await page.getByLabel( 'Sync state' ).selectOption( { label: 'Conflict' } );
	await page.locator( 'table.igny8-table[aria-busy="false"]' ).waitFor();
	assert.deepEqual(
		await page
			.locator( 'tbody th.column-primary strong' )
			.allTextContents(),
		[ TITLE ]
	);
	await row.getByRole( 'link', { name: TITLE } ).click();

	await page.getByRole( 'button', { name: 'Compare versions' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Compare versions' } );
	const cloudSide = dialog.getByTestId( 'igny8-compare-cloud' );
	const wpSide = dialog.getByTestId( 'igny8-compare-wordpress' );
	await cloudSide.waitFor();
	const changed = ( side ) =>
		side.locator( 'li.is-changed' ).allTextContents();
	assert.ok(
		( await changed( cloudSide ) ).some( ( line ) =>
			line.includes( WRITER_EDIT )
		),
		'the Writer’s line is marked on the cloud’s side'
	);
	assert.ok(
		( await changed( wpSide ) ).some( ( line ) => line.includes( WP_EDIT ) )
	);
	assert.equal(
		( await cloudSide.textContent() ).includes( WP_EDIT ),
		false
	);
	assert.equal(
		( await wpSide.textContent() ).includes( WRITER_EDIT ),
		false
	);

	// WordPress changes the post again while the user compares: the choice is refused and the new version shown.
	await php(
		`$p = get_post( ${ Number( postId ) } );
		wp_update_post( array( 'ID' => $p->ID, 'post_content' => str_replace( ${ JSON.stringify(
			WP_EDIT
		) }, ${ JSON.stringify( `${ WP_EDIT } ${ WP_EDIT_AGAIN }` ) }, $p->post_content ) ) );
		\\IGNY8\\Outbox_Delivery::run( true );`
	);
	await waitUntil(
		async () =>
			(
				await api( 'GET', `/writer/content/${ contentId }/conflict` )
			).wordpress.body.includes( WP_EDIT_AGAIN ),
		'the cloud hears of the second edit'
	);
	await dialog
		.getByRole( 'button', { name: 'Keep the cloud version' } )
		.click();
	await dialog
		.getByText( /The post changed in WordPress again while you compared/ )
		.waitFor();
	await wpSide.getByText( WP_EDIT_AGAIN, { exact: false } ).waitFor();

	await dialog
		.getByRole( 'button', { name: 'Keep the cloud version' } )
		.click();
	await dialog
		.locator(
			'[data-testid="igny8-publish-progress"][data-status="published"]'
		)
		.waitFor( { timeout: PUBLISH_TIMEOUT } );
	await dialog.getByRole( 'button', { name: 'Done' } ).click();
	await page
		.locator( '.igny8-review-header .igny8-sync-badge' )
		.filter( { hasText: 'Synced' } )
		.waitFor();

	// Both sides hold the cloud's version: the Writer's edit, not WordPress's.
	const post = await wpPost();
	assert.match( post.content, new RegExp( WRITER_EDIT ) );
	assert.doesNotMatch( post.content, new RegExp( WP_EDIT ) );
	assert.equal( post.status, 'draft', 'the update kept the post a draft' );
	const stored = await api( 'GET', `/writer/content/${ contentId }` );
	assert.equal( stored.sync_state, 'synced' );
	assert.match( stored.body, new RegExp( WRITER_EDIT ) );
	assert.doesNotMatch( stored.body, new RegExp( WP_EDIT ) );
	assert.equal(
		await page.getByLabel( 'Body (block markup)' ).inputValue(),
		stored.body
	);
	await page
		.getByRole( 'region', { name: 'WordPress' } )
		.getByTestId( 'igny8-wp-status' )
		.filter( { hasText: 'Draft in WordPress' } )
		.waitFor();
} );
