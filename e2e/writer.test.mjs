// End to end through the Writer in wp-admin, as a site owner works: tasks (one made in the Tasks page's
// editor) are written by AI in one batch, an article is reviewed, edited, given images and approved, its
// images are edited on the Images page, and a generation that fails gives the credits back. The provider
// is the local OpenAI-compatible stand-in (the only fake allowed); everything else is real.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { freePort } from '../scripts/wp/env.mjs';
import { startStack } from '../scripts/dev/stack.mjs';
import { launch, wpLogin } from './browser.mjs';

/* global document -- evaluate() callbacks run in the page, not in Node */

const PROFILE = {
	name: 'Lena Brandt',
	language: 'German',
	tone: 'warm and witty',
};
/** Made in the Tasks page's editor: its outline is what the review screen must show. */
const EDITOR_TASK = {
	title: 'Brewing espresso at home',
	keywords: 'espresso at home, home espresso',
	sections: [
		{ heading: 'Choosing the beans', level: 2 },
		{ heading: 'Roast dates that matter', level: 3 },
		{ heading: 'Dialling in the grind', level: 2 },
		{ heading: 'Pulling the shot', level: 2 },
	],
};
const API_TASKS = [
	{
		title: 'Cleaning a burr grinder',
		target_keywords: [ 'clean burr grinder' ],
		content_structure: {
			sections: [
				{ heading: 'Taking it apart' },
				{ heading: 'Brushes' },
			],
		},
	},
	{
		title: 'Choosing a coffee scale',
		target_keywords: [ 'coffee scale' ],
		content_structure: {
			sections: [ { heading: 'Accuracy' }, { heading: 'Timers' } ],
		},
	},
];
const FAILING_TASK = 'Frothing milk without a wand';
const CREDITS_PER_ARTICLE = 3;

let stack;
let fake;
let browser;
let page;
let sectorId;
/** Set as the steps go: the piece written for EDITOR_TASK, and its task. */
let contentId;
let taskId;
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-e2e-writer-' ) );

/** The cloud's API as the account's owner; fails the test with what the cloud answered. */
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
	return json;
}

const balance = async () => ( await api( 'GET', '/billing/balance' ) ).data;
const textModel = ( model ) =>
	api( 'PUT', '/system/integrations/openai', { text_model: model } );

const admin = ( slug, extra = '' ) =>
	`${ stack.wpUrl }/wp-admin/admin.php?page=${ slug }${ extra }`;

/**
 * Waits until a progress view's data-state is one of `ends`; answers it (or the last seen on timeout).
 *
 * @param {import('playwright-core').Locator} view
 * @param {string[]}                          ends
 */
async function settled( view, ends, timeout = 60_000 ) {
	await view.waitFor();
	const until = Date.now() + timeout;
	for (;;) {
		const state = await view.getAttribute( 'data-state' );
		if ( ends.includes( state ) || Date.now() > until ) return state;
		await page.waitForTimeout( 100 );
	}
}

/** The body of the preview iframe as its reader sees it (headings, paragraphs, images, placeholders). */
async function previewShows() {
	const frame = page.frameLocator( 'iframe.igny8-preview-frame' );
	return frame.locator( 'main' ).evaluate( ( main ) => ( {
		h1: main.querySelector( 'h1' )?.textContent ?? '',
		headings: [ ...main.querySelectorAll( 'h2, h3, h4' ) ].map(
			( h ) => `${ h.tagName }:${ h.textContent }`
		),
		paragraphs: [ ...main.querySelectorAll( 'p' ) ].map(
			( p ) => p.textContent
		),
		images: [ ...main.querySelectorAll( 'img' ) ].map( ( img ) => ( {
			src: img.getAttribute( 'src' ),
			loaded: img.complete && img.naturalWidth > 0,
		} ) ),
		placeholders: main.querySelectorAll( '.igny8-image-placeholder' )
			.length,
	} ) );
}

/** Polls the preview until `ok` holds for what it shows (it redraws when the text or images change). */
async function previewUntil( ok, timeout = 20_000 ) {
	const until = Date.now() + timeout;
	let shown = null;
	for (;;) {
		// The frame is redrawn under our feet when its srcdoc changes: a failed read just reads again.
		shown = await previewShows().catch( () => shown );
		if ( ( shown && ok( shown ) ) || Date.now() > until ) return shown;
		await page.waitForTimeout( 150 );
	}
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
	const { site } = stack.demo;
	await api( 'PUT', '/system/integrations/openai', {
		api_key: 'sk-e2e-writer-key-4242',
		base_url: fake.url,
		text_model: 'gpt-4o-mini',
		image_model: 'gpt-image-1',
	} );
	await api( 'POST', '/system/author-profiles', {
		...PROFILE,
		is_default: true,
	} );
	const sectors = await api( 'GET', `/auth/sites/${ site.id }/sectors` );
	sectorId = sectors.results[ 0 ].id;
	for ( const task of API_TASKS )
		await api( 'POST', '/writer/tasks', {
			site_id: site.id,
			sector_id: sectorId,
			...task,
		} );
	browser = await launch();
	page = await browser.newPage( { viewport: { width: 1400, height: 1000 } } );
	page.on( 'pageerror', ( err ) =>
		console.error( 'page error:', err.message )
	);
	await wpLogin( page, stack.wpUrl, 'admin', 'e2e-admin-pass' );
} );

after( async () => {
	await browser?.close();
	await stack?.stop();
	await fake?.close();
	rmSync( stateDir, { recursive: true, force: true } );
} );

test( 'a task made in the Tasks page editor, with its outline and author profile, is listed', async () => {
	await page.goto( admin( 'igny8-tasks' ) );
	await page.getByRole( 'heading', { name: 'Tasks', level: 1 } ).waitFor();
	await page.getByRole( 'button', { name: 'New task' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'New task' } );
	await dialog.waitFor();
	await dialog
		.getByLabel( 'Title', { exact: true } )
		.fill( EDITOR_TASK.title );
	await dialog
		.getByLabel( 'Target keywords', { exact: true } )
		.fill( EDITOR_TASK.keywords );
	await dialog
		.getByLabel( 'Author profile' )
		.selectOption( { label: PROFILE.name } );
	for ( const [ i, section ] of EDITOR_TASK.sections.entries() ) {
		await dialog.getByRole( 'button', { name: 'Add section' } ).click();
		await dialog
			.getByLabel( `Section ${ i + 1 } heading` )
			.fill( section.heading );
		await dialog
			.getByLabel( `Section ${ i + 1 } level` )
			.selectOption( String( section.level ) );
	}
	await dialog.getByRole( 'button', { name: 'Create task' } ).click();
	await dialog.waitFor( { state: 'detached' } );

	const rows = page.locator( '#igny8-tasks-root tbody tr' );
	for ( const title of [
		EDITOR_TASK.title,
		...API_TASKS.map( ( t ) => t.title ),
	] ) {
		const row = rows.filter( { hasText: title } );
		await row.waitFor();
		assert.equal(
			( await row.locator( '.igny8-status' ).textContent() ).trim(),
			'Queued',
			`the row of “${ title }” reads: ${ await row.textContent() }`
		);
	}

	const tasks = await api(
		'GET',
		`/writer/tasks?site_id=${ stack.demo.site.id }&search=${ encodeURIComponent( 'espresso at home' ) }`
	);
	const made = tasks.results.find( ( t ) => t.title === EDITOR_TASK.title );
	assert.ok( made, JSON.stringify( tasks.results ) );
	taskId = made.id;
	assert.deepEqual( made.target_keywords, [
		'espresso at home',
		'home espresso',
	] );
	assert.deepEqual(
		made.content_structure.sections.map( ( s ) => [
			s.heading,
			s.level ?? 2,
		] ),
		EDITOR_TASK.sections.map( ( s ) => [ s.heading, s.level ] )
	);
} );

test( '"Generate content" prices 3 credits a task, writes every ticked task to 100% and charges exactly that', async () => {
	const before = await balance();
	const titles = [ EDITOR_TASK.title, ...API_TASKS.map( ( t ) => t.title ) ];
	for ( const title of titles )
		await page
			.getByRole( 'checkbox', { name: `Select “${ title }”` } )
			.check();
	const price = page.locator( '#igny8-generate-content-price' );
	assert.match(
		await price.textContent(),
		new RegExp( `^3 tasks · about ${ 3 * CREDITS_PER_ARTICLE } credits$` ),
		'the price next to "Generate content"'
	);
	await page.getByRole( 'button', { name: 'Generate content' } ).click();

	const batch = page.locator(
		'section.igny8-batch[aria-label="Generating content"]'
	);
	const state = await settled( batch, [ 'done', 'partial' ] );
	assert.equal( state, 'done', await batch.textContent() );
	assert.equal( await batch.getAttribute( 'data-percentage' ), '100' );
	const items = batch.locator( 'li.igny8-batch-item' );
	assert.equal( await items.count(), titles.length );
	for ( const title of titles ) {
		const item = items.filter( { hasText: title } );
		assert.match(
			await item.getAttribute( 'class' ),
			/is-succeeded/,
			`the batch row of “${ title }” reads: ${ await item.textContent() }`
		);
		assert.match( await item.textContent(), /Done · 100%/ );
		await item
			.getByRole( 'link', { name: 'Review the content' } )
			.waitFor();
	}
	assert.match(
		await batch.locator( '.igny8-job-message' ).first().textContent(),
		new RegExp(
			`3 of 3 done\\. Charged ${ 3 * CREDITS_PER_ARTICLE } credits`
		)
	);

	// The list follows the jobs: every task now waits for review.
	const rows = page.locator( '#igny8-tasks-root tbody tr' );
	for ( const title of titles )
		await rows
			.filter( { hasText: title } )
			.locator( '.igny8-status', { hasText: 'In review' } )
			.waitFor( { timeout: 10_000 } );

	const after = await balance();
	assert.equal(
		before.balance - after.balance,
		3 * CREDITS_PER_ARTICLE,
		`balance went from ${ before.balance } to ${ after.balance }`
	);
	assert.equal( after.held, 0, 'no credits stay held' );

	// The author profile's language and tone reached the prompt the provider received.
	const sent = await fetch(
		`${ fake.url.replace( /\/v1$/, '' ) }/__last?route=chat&contains=${ encodeURIComponent( `titled "${ EDITOR_TASK.title }"` ) }`
	);
	assert.equal( sent.status, 200, 'the stand-in got the article prompt' );
	const { prompt } = await sent.json();
	assert.match(
		prompt,
		new RegExp(
			`Write in ${ PROFILE.language } as ${ PROFILE.name }, tone: ${ PROFILE.tone }\\.`
		)
	);
	assert.match(
		prompt,
		/- Choosing the beans\n {2}- Roast dates that matter\n- Dialling in the grind\n- Pulling the shot/
	);

	await items
		.filter( { hasText: EDITOR_TASK.title } )
		.getByRole( 'link', { name: 'Review the content' } )
		.click();
	await page.waitForURL( /page=igny8-content&content=\d+/ );
	contentId = Number( new URL( page.url() ).searchParams.get( 'content' ) );
} );

test( 'the review screen shows the article: title, words, its outline and paragraphs in the preview, block markup', async () => {
	const title = page.locator( '.igny8-review-title' );
	await title.waitFor();
	assert.equal( ( await title.textContent() ).trim(), EDITOR_TASK.title );
	assert.equal(
		(
			await page
				.locator( '.igny8-review-header .igny8-status' )
				.textContent()
		).trim(),
		'In review'
	);
	const facts = await page.locator( '.igny8-review-facts' ).textContent();
	const words = Number(
		/([\d,]+) words?/.exec( facts )?.[ 1 ].replace( /,/g, '' )
	);
	assert.ok( words > 0, `the screen says: ${ facts }` );

	const shown = await previewUntil( ( s ) => s.headings.length > 0 );
	assert.equal( shown.h1, EDITOR_TASK.title );
	for ( const section of EDITOR_TASK.sections )
		assert.ok(
			shown.headings.includes(
				`H${ section.level }:${ section.heading }`
			),
			`the preview's headings: ${ shown.headings.join( ' | ' ) }`
		);
	assert.ok(
		shown.paragraphs.some( ( p ) =>
			p.includes( 'What to know about choosing the beans' )
		),
		shown.paragraphs.join( ' | ' )
	);
	assert.ok(
		shown.paragraphs.some( ( p ) =>
			p.includes( `written in ${ PROFILE.language }` )
		),
		'the article is written in the profile’s language'
	);
	// In-article images were placed, and none is made yet.
	assert.equal( shown.images.length, 0 );
	assert.equal( shown.placeholders, 3, 'one placeholder per H2' );

	const body = await page.getByLabel( 'Body (block markup)' ).inputValue();
	assert.match( body, /^<!-- wp:/ );
	assert.match( body, /<!-- wp:heading -->/ );
} );

test( 'edits to the title and meta description are saved and kept; an invalid body shows the problem and keeps the text', async () => {
	const titleField = page.getByLabel( 'Title', { exact: true } );
	const metaField = page.getByLabel( 'Meta description', { exact: true } );
	const bodyField = page.getByLabel( 'Body (block markup)' );
	const newTitle = `${ EDITOR_TASK.title }: a calm guide`;
	const newMeta =
		'How to brew espresso at home: beans, grind and the shot, without fuss.';
	const originalBody = await bodyField.inputValue();
	await titleField.fill( newTitle );
	await metaField.fill( newMeta );
	await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
	await page
		.locator( '.components-notice.is-success', { hasText: 'Saved.' } )
		.waitFor();
	assert.equal(
		( await page.locator( '.igny8-review-title' ).textContent() ).trim(),
		newTitle
	);

	await page.reload();
	await page
		.locator( '.igny8-review-title', { hasText: newTitle } )
		.waitFor();
	assert.equal( await titleField.inputValue(), newTitle );
	assert.equal( await metaField.inputValue(), newMeta );
	const stored = ( await api( 'GET', `/writer/content/${ contentId }` ) )
		.data;
	assert.equal( stored.title, newTitle );
	assert.equal( stored.meta_description, newMeta );
	assert.equal( stored.body, originalBody );

	const broken = '<!-- wp:paragraph --><p>unclosed';
	await bodyField.fill( broken );
	await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
	const problem = page.locator( '.components-notice.is-error' );
	await problem.waitFor();
	const said = await problem.textContent();
	assert.match(
		said,
		/not valid block markup/,
		`the notice says: ${ said }`
	);
	assert.match( said, /Body/, `the notice names the field: ${ said }` );
	assert.ok(
		( await page
			.locator( '.igny8-body-field .igny8-field-error li' )
			.count() ) > 0,
		'the body field lists its problems'
	);
	assert.equal(
		await bodyField.inputValue(),
		broken,
		'the typed text is kept'
	);
	assert.match(
		await page.locator( '.igny8-review-facts' ).textContent(),
		/unsaved/
	);
	assert.equal(
		( await api( 'GET', `/writer/content/${ contentId }` ) ).data.body,
		originalBody,
		'nothing was saved'
	);

	await page.getByRole( 'button', { name: 'Discard changes' } ).click();
	assert.equal( await bodyField.inputValue(), originalBody );
	assert.doesNotMatch(
		await page.locator( '.igny8-review-facts' ).textContent(),
		/unsaved/
	);
} );

test( 'image prompts, then images: the strip and the preview show images that load through signed URLs', async () => {
	const strip = page.locator( 'section.igny8-image-strip' );
	await strip.scrollIntoViewIfNeeded();
	await strip
		.getByRole( 'button', { name: 'Generate image prompts' } )
		.click();
	const prompts = page.locator(
		'section.igny8-batch[aria-label="Writing image prompts"]'
	);
	assert.equal(
		await settled( prompts, [ 'done', 'partial' ] ),
		'done',
		await prompts.textContent()
	);
	assert.equal( await prompts.getAttribute( 'data-percentage' ), '100' );

	const items = strip.locator( 'li.igny8-image-strip-item' );
	await items.nth( 3 ).waitFor();
	const captions = (
		await items.locator( '.igny8-image-caption' ).allTextContents()
	).map( ( t ) => t.trim() );
	assert.deepEqual( captions, [
		'Featured image · Not generated yet',
		'In-article image 1 · Not generated yet',
		'In-article image 2 · Not generated yet',
		'In-article image 3 · Not generated yet',
	] );
	const pending = (
		await api(
			'GET',
			`/writer/images?site_id=${ stack.demo.site.id }&content_id=${ contentId }&ordering=position`
		)
	).results;
	assert.deepEqual(
		pending.map( ( i ) => [ i.kind, i.status ] ),
		[
			[ 'featured', 'pending' ],
			[ 'in_article', 'pending' ],
			[ 'in_article', 'pending' ],
			[ 'in_article', 'pending' ],
		]
	);
	for ( const image of pending )
		assert.match(
			image.alt,
			new RegExp( `\\(${ PROFILE.language }\\)` ),
			'alt text written in the profile’s language'
		);
	assert.deepEqual(
		( await items.locator( '.igny8-image-alt' ).allTextContents() ).map(
			( t ) => t.trim()
		),
		pending.map( ( i ) => `Alt text: ${ i.alt }` ),
		'the strip shows each pending image’s alt text'
	);
	assert.match(
		await strip.locator( '#igny8-generate-images-price' ).textContent(),
		/^4 images · about 4 credits$/
	);

	const before = await balance();
	await strip.getByRole( 'button', { name: 'Generate images' } ).click();
	const job = strip.getByTestId( 'igny8-job-progress' );
	assert.equal(
		await settled( job, [ 'succeeded', 'failed', 'cancelled' ] ),
		'succeeded',
		await job.textContent()
	);
	assert.equal( await job.getAttribute( 'data-percentage' ), '100' );
	assert.match(
		await strip.getByTestId( 'igny8-job-result' ).textContent(),
		/4 images made.*Charged 4 credits/
	);
	assert.equal( before.balance - ( await balance() ).balance, 4 );

	await items
		.locator( '.igny8-status', { hasText: 'Generated' } )
		.nth( 3 )
		.waitFor( { timeout: 10_000 } );
	const thumbs = strip.locator( 'img.igny8-image-thumb' );
	await strip.scrollIntoViewIfNeeded();
	await page.waitForFunction(
		() => {
			const imgs = [
				...document.querySelectorAll(
					'.igny8-image-strip img.igny8-image-thumb'
				),
			];
			return (
				imgs.length === 4 &&
				imgs.every( ( img ) => img.complete && img.naturalWidth > 0 )
			);
		},
		null,
		{ timeout: 10_000 }
	);
	const generated = (
		await api(
			'GET',
			`/writer/images?site_id=${ stack.demo.site.id }&content_id=${ contentId }&ordering=position`
		)
	).results;
	for ( const [ i, image ] of generated.entries() ) {
		const thumb = thumbs.nth( i );
		const src = await thumb.getAttribute( 'src' );
		assert.match( src, /[?&]exp=\d+/, `thumbnail ${ i } src: ${ src }` );
		assert.match(
			src,
			/[?&]sig=[0-9a-f]+/,
			`thumbnail ${ i } src: ${ src }`
		);
		assert.equal( await thumb.getAttribute( 'alt' ), image.alt );
	}

	const shown = await previewUntil(
		( s ) =>
			s.placeholders === 0 &&
			s.images.length === 3 &&
			s.images.every( ( img ) => img.loaded )
	);
	assert.equal(
		shown.placeholders,
		0,
		'the preview no longer says "Image not generated yet"'
	);
	assert.equal( shown.images.length, 3, JSON.stringify( shown.images ) );
	for ( const img of shown.images ) {
		assert.match( img.src, /exp=\d+&sig=[0-9a-f]+/ );
		assert.ok( img.loaded, `the preview image ${ img.src } did not load` );
	}
} );

test( 'the Images page lists the piece’s images with alt text; an alt text edited in place is kept', async () => {
	await page.goto( admin( 'igny8-images', `&content=${ contentId }` ) );
	const cards = page.locator( 'li.igny8-image-card' );
	await cards.nth( 3 ).waitFor();
	assert.equal( await cards.count(), 4 );
	const images = (
		await api(
			'GET',
			`/writer/images?site_id=${ stack.demo.site.id }&content_id=${ contentId }&ordering=position`
		)
	).results;
	for ( const [ i, image ] of images.entries() ) {
		const card = cards.nth( i );
		assert.equal(
			(
				await card
					.locator( '.igny8-image-texts dd' )
					.first()
					.textContent()
			).trim(),
			image.alt,
			`card ${ i } reads: ${ await card.textContent() }`
		);
		await card
			.getByRole( 'button', { name: 'Regenerate image' } )
			.waitFor();
	}

	// Shown large, the featured image loads.
	const featured = cards.first();
	await featured.getByRole( 'button', { name: /^Show .* large$/ } ).click();
	const modal = page.locator( '.igny8-image-preview' );
	await modal.waitFor();
	await page.waitForFunction( () => {
		const img = document.querySelector( '.igny8-image-preview img' );
		return img && img.complete && img.naturalWidth > 0;
	} );
	await page.keyboard.press( 'Escape' );
	await modal.waitFor( { state: 'detached' } );

	const newAlt = 'Eine Tasse Espresso auf einem Holztisch';
	await featured.getByRole( 'button', { name: 'Edit' } ).click();
	await featured.getByLabel( 'Alt text' ).fill( newAlt );
	await featured.getByRole( 'button', { name: 'Save' } ).click();
	await featured
		.locator( '.igny8-image-texts dd', { hasText: newAlt } )
		.waitFor();
	const saved = ( await api( 'GET', `/writer/images/${ images[ 0 ].id }` ) )
		.data;
	assert.equal( saved.alt, newAlt );

	await page.reload();
	await cards
		.first()
		.locator( '.igny8-image-texts dd', { hasText: newAlt } )
		.waitFor();
} );

test( '"Regenerate image" on the Images page makes the image again for 1 credit, from its prompt in the profile’s language', async () => {
	const before = await balance();
	const card = page.locator( 'li.igny8-image-card' ).nth( 1 );
	const prompt = (
		await card.locator( '.igny8-image-prompt' ).textContent()
	).trim();
	assert.match(
		await card.locator( '.igny8-price' ).textContent(),
		/1 credit/
	);
	await card.getByRole( 'button', { name: 'Regenerate image' } ).click();
	const job = page.getByTestId( 'igny8-job-progress' );
	assert.equal(
		await settled( job, [ 'succeeded', 'failed', 'cancelled' ] ),
		'succeeded',
		await job.textContent()
	);
	assert.match(
		await page.getByTestId( 'igny8-job-result' ).textContent(),
		/1 image made.*Charged 1 credit\./
	);
	assert.equal( before.balance - ( await balance() ).balance, 1 );

	const sent = await fetch(
		`${ fake.url.replace( /\/v1$/, '' ) }/__last?route=images&contains=${ encodeURIComponent( prompt ) }`
	);
	assert.equal( sent.status, 200, `the stand-in got “${ prompt }”` );
	assert.match(
		( await sent.json() ).prompt,
		new RegExp(
			`written in ${ PROFILE.language }, tone: ${ PROFILE.tone }`
		)
	);
	await page.waitForFunction( () => {
		const img = document.querySelectorAll(
			'li.igny8-image-card img.igny8-image-thumb'
		)[ 1 ];
		return img && img.complete && img.naturalWidth > 0;
	} );
} );

test( 'Approve: the piece reads Approved, its task is completed, the Content list shows the status', async () => {
	await page.goto( admin( 'igny8-content', `&content=${ contentId }` ) );
	await page.locator( '.igny8-review-title' ).waitFor();
	await page.getByRole( 'button', { name: 'Approve' } ).click();
	await page
		.locator( '.components-notice.is-success', { hasText: 'Approved.' } )
		.waitFor();
	assert.equal(
		(
			await page
				.locator( '.igny8-review-header .igny8-status' )
				.textContent()
		).trim(),
		'Approved'
	);
	await page.getByRole( 'button', { name: 'Back to review' } ).waitFor();
	assert.equal(
		await page.getByRole( 'button', { name: 'Approve' } ).count(),
		0
	);

	const task = ( await api( 'GET', `/writer/tasks/${ taskId }` ) ).data;
	assert.equal( task.status, 'completed' );
	assert.equal(
		( await api( 'GET', `/writer/content/${ contentId }` ) ).data.status,
		'approved'
	);

	await page.locator( '.igny8-back a' ).click();
	const row = page
		.locator( '#igny8-content-root tbody tr' )
		.filter( { hasText: `${ EDITOR_TASK.title }: a calm guide` } );
	await row.waitFor();
	assert.equal(
		( await row.locator( '.igny8-status' ).textContent() ).trim(),
		'Approved'
	);

	await page.goto( admin( 'igny8-tasks' ) );
	await page
		.locator( '#igny8-tasks-root tbody tr' )
		.filter( { hasText: EDITOR_TASK.title } )
		.locator( '.igny8-status', { hasText: 'Completed' } )
		.waitFor();
} );

test( 'a generation the provider fails shows Failed with the reason, and gives the held credits back', async () => {
	await api( 'POST', '/writer/tasks', {
		site_id: stack.demo.site.id,
		sector_id: sectorId,
		title: FAILING_TASK,
		target_keywords: [ 'froth milk' ],
	} );
	await textModel( 'down' );
	try {
		const before = await balance();
		await page.goto( admin( 'igny8-tasks' ) );
		await page
			.getByRole( 'checkbox', { name: `Select “${ FAILING_TASK }”` } )
			.check();
		assert.match(
			await page.locator( '#igny8-generate-content-price' ).textContent(),
			/^1 task · about 3 credits$/
		);
		await page.getByRole( 'button', { name: 'Generate content' } ).click();
		const batch = page.locator(
			'section.igny8-batch[aria-label="Generating content"]'
		);
		assert.equal(
			await settled( batch, [ 'done', 'partial' ] ),
			'partial',
			await batch.textContent()
		);
		const item = batch.locator( 'li.igny8-batch-item' );
		assert.match( await item.getAttribute( 'class' ), /is-failed/ );
		const reason = (
			await item.locator( '.igny8-batch-detail' ).textContent()
		).trim();
		assert.match(
			reason,
			/The AI provider failed \(503\) after retries; try again later/,
			`the failed row says: ${ await item.textContent() }`
		);
		assert.match(
			await batch.locator( '.igny8-job-message' ).first().textContent(),
			/1 of 1 done, 1 failed\. Charged 0 credits/
		);

		const row = page
			.locator( '#igny8-tasks-root tbody tr' )
			.filter( { hasText: FAILING_TASK } );
		await row
			.locator( '.igny8-status', { hasText: 'Failed' } )
			.waitFor( { timeout: 10_000 } );
		assert.equal(
			( await row.locator( '.igny8-task-error' ).textContent() ).trim(),
			reason
		);

		const after = await balance();
		assert.equal(
			after.balance,
			before.balance,
			'the hold was given back'
		);
		assert.equal( after.held, 0 );
	} finally {
		await textModel( 'gpt-4o-mini' );
	}
} );
