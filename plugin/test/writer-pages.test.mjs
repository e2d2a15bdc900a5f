// The Writer's wp-admin screens (Tasks, Content, Images). First as WordPress serves them: one root div and
// one script per screen, only on that screen, listed in the IGNY8 menu for edit_posts and up, with the
// translations of the chunks a screen loads later inlined before its script. Then in Chromium, built for
// real, against the local cloud (wrangler dev) whose AI provider is the stand-in OpenAI server, the only
// fake: lists, filters, editors, batch progress, the image grid and read-only roles as a user drives them,
// with jobs that really run, and a lazy chunk's strings in the user's language (the whole tasks → approve
// flow is e2e/'s).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startFakeOpenAi } from '../../cloud/test/fake-openai.mjs';
import { launch, wpLogin } from '../../e2e/browser.mjs';
import { startStack } from '../../scripts/dev/stack.mjs';
import { freePort, runPhp } from '../../scripts/wp/env.mjs';
import {
	MISSING_BUILD_NOTICE,
	anyOf,
	assertBuilt,
	builtChunks,
	builtVersion,
	pluginWithRealBuild,
} from './real-build.mjs';
import { ADMIN_PASSWORD, fakeConnection, startSite } from './wp-fixture.mjs';

const PAGES = {
	tasks: 'igny8-tasks',
	content: 'igny8-content',
	images: 'igny8-images',
};
const ENTRIES = [
	'settings',
	'planner',
	'keywords',
	'clusters',
	'ideas',
	...Object.keys( PAGES ),
	'credits',
];
let site;
let pluginCopy;
/** Entry => the chunks it loads later with import(), as the real build/chunks.php lists them. */
let chunks;
let admin;

function has( html, re, message = `expected ${ re }` ) {
	assert.ok( re.test( html ), message );
}
function hasNot( html, re, message = `unexpected ${ re }` ) {
	const found = re.exec( html );
	assert.ok(
		! found,
		`${ message }: …${ found && html.slice( Math.max( 0, found.index - 80 ), found.index + 80 ) }…`
	);
}

function inlineState( html, entry ) {
	const inline = new RegExp(
		`<script[^>]*id="igny8-${ entry }-js-before"[^>]*>[^]*?window\\.igny8Initial = (\\{.*?\\});\\s*</script>`,
		's'
	).exec( html );
	assert.ok(
		inline,
		`initial state is inlined before the ${ entry } script`
	);
	return JSON.parse( inline[ 1 ] );
}

async function loginAs( login, role ) {
	await site.createUser( login, role );
	await site.setPassword( login, `${ login }-password` );
	return site.login( login, `${ login }-password` );
}

const page = async ( slug, who = admin ) => {
	const res = await site.fetch( `/wp-admin/admin.php?page=${ slug }`, {
		headers: { cookie: who.cookie },
	} );
	return { status: res.status, html: await res.text() };
};

/** A JED translation file as WordPress's JSON translations are written (wp i18n make-json). */
const jed = ( locale, messages ) =>
	JSON.stringify( {
		'translation-revision-date': '2026-01-01 00:00+0000',
		generator: 'writer-pages.test.mjs',
		domain: 'messages',
		locale_data: {
			messages: {
				'': {
					domain: 'messages',
					lang: locale,
					'plural-forms': 'nplurals=2; plural=(n != 1);',
				},
				...Object.fromEntries(
					Object.entries( messages ).map( ( [ k, v ] ) => [
						k,
						[ v ],
					] )
				),
			},
		},
	} );
const md5 = ( text ) => createHash( 'md5' ).update( text ).digest( 'hex' );

describe( 'as WordPress serves them (the real build)', () => {
	before( async () => {
		pluginCopy = await pluginWithRealBuild( ENTRIES );
		chunks = builtChunks();
		for ( const entry of Object.keys( PAGES ) ) {
			assert.ok(
				chunks[ entry ]?.length > 0,
				`build/chunks.php lists the chunks of ${ entry }`
			);
		}
		site = await startSite( { pluginDir: pluginCopy } );
		await site.setConnection( fakeConnection() );
		admin = await site.login( 'admin', ADMIN_PASSWORD );
	} );

	after( async () => {
		await site?.stop();
		await rm( pluginCopy, { recursive: true, force: true } );
	} );

	for ( const [ entry, slug ] of Object.entries( PAGES ) ) {
		test( `${ slug } renders its root and loads only its own script and style`, async () => {
			const { status, html } = await page( slug );
			assert.equal( status, 200 );
			has(
				html,
				new RegExp(
					`<div id="igny8-${ entry }-root" class="wrap"></div>`
				)
			);
			const version = builtVersion( entry );
			has(
				html,
				new RegExp(
					`<script [^>]*src="[^"]+/build/${ entry }\\.js\\?ver=${ version }"`
				)
			);
			has(
				html,
				new RegExp( `build/${ entry }\\.css\\?ver=${ version }` )
			);
			for ( const other of ENTRIES.filter(
				( name ) => name !== entry
			) ) {
				hasNot(
					html,
					new RegExp( `igny8-${ other }-js|build/${ other }\\.js` ),
					`${ slug } loads ${ other }`
				);
			}
			hasNot(
				html,
				new RegExp(
					`build/(${ anyOf( Object.values( chunks ).flat() ) })`
				),
				'a lazy chunk is printed as a script'
			);
			const state = inlineState( html, entry );
			assert.equal( state.connected, true );
			assert.equal( state.siteId, 7 );
			assert.deepEqual( state.user, {
				id: 1,
				canManage: true,
				canEdit: true,
			} );
			hasNot( html, /site_secret/ );
		} );
	}

	test( 'the Writer pages are listed in the IGNY8 menu after the Planner and before Credits', async () => {
		const { html } = await page( 'igny8-planner' );
		const at = ( slug ) =>
			html.search(
				new RegExp( `href=['"]admin\\.php\\?page=${ slug }['"]` )
			);
		const order = [
			'igny8-ideas',
			'igny8-tasks',
			'igny8-content',
			'igny8-images',
			'igny8-credits',
		].map( at );
		assert.ok(
			order.every( ( index ) => index > 0 ),
			`every page is linked: ${ order }`
		);
		assert.deepEqual(
			[ ...order ].sort( ( a, b ) => a - b ),
			order,
			'Ideas, then Tasks, Content, Images, then Credits'
		);
		has( html, />Tasks<\/a>/ );
		has( html, />Content<\/a>/ );
		has( html, />Images<\/a>/ );
	} );

	test( 'an editor may change the Writer’s work; a contributor (an IGNY8 viewer) only looks', async () => {
		const editor = await loginAs( 'ed', 'editor' );
		const contributor = await loginAs( 'contrib', 'contributor' );
		for ( const [ entry, slug ] of Object.entries( PAGES ) ) {
			const asEditor = await page( slug, editor );
			assert.equal( asEditor.status, 200, slug );
			assert.deepEqual( inlineState( asEditor.html, entry ).user, {
				id: 2,
				canManage: false,
				canEdit: true,
			} );
			const asViewer = await page( slug, contributor );
			assert.equal( asViewer.status, 200, slug );
			assert.equal(
				inlineState( asViewer.html, entry ).user.canEdit,
				false
			);
		}
	} );

	test( 'a subscriber gets no Writer page, and logged-out visitors are sent to the login', async () => {
		const subscriber = await loginAs( 'sub', 'subscriber' );
		for ( const slug of Object.values( PAGES ) ) {
			assert.equal(
				( await page( slug, subscriber ) ).status,
				403,
				slug
			);
		}
		const res = await site.fetch( '/wp-admin/admin.php?page=igny8-tasks' );
		assert.equal( res.status, 302 );
		assert.match( res.headers.get( 'location' ) ?? '', /wp-login\.php/ );
	} );

	test( 'the translations of a lazily loaded chunk are added to the text domain before the entry runs', async () => {
		const languages = ( await site.php( 'echo WP_LANG_DIR;' ) ).trim();
		await mkdir( path.join( languages, 'plugins' ), { recursive: true } );
		// WordPress names a script's JSON translations after the md5 of its path inside the plugin.
		const [ chunk ] = chunks.tasks;
		const file = path.join(
			languages,
			'plugins',
			`igny8-de_DE-${ md5( `build/${ chunk }` ) }.json`
		);
		await writeFile( file, jed( 'de_DE', { Outline: 'Gliederung' } ) );
		const german = await loginAs( 'hans', 'editor' );
		await site.php(
			`update_user_meta( get_user_by( 'login', 'hans' )->ID, 'locale', 'de_DE' );`
		);
		try {
			const tasks = await page( 'igny8-tasks', german );
			assert.equal( tasks.status, 200 );
			const before = new RegExp(
				'<script[^>]*id="igny8-tasks-js-before"[^>]*>([^]*?)</script>'
			).exec( tasks.html );
			assert.ok( before, 'inline scripts before the tasks entry' );
			has(
				before[ 1 ],
				/wp\.i18n\.setLocaleData\( localeData, domain \); \} \)\( "igny8", \{[^]*"Outline":\["Gliederung"\]/,
				'the chunk’s strings join the igny8 domain'
			);
			assert.ok(
				tasks.html.indexOf( 'Gliederung' ) <
					tasks.html.search(
						/<script [^>]*src="[^"]+\/build\/tasks\.js/
					),
				'before the entry script'
			);
			hasNot(
				tasks.html,
				new RegExp( `build/${ anyOf( [ chunk ] ) }` ),
				'the chunk itself is still not printed'
			);

			// Other screens, and users in another language, get none of it.
			hasNot(
				( await page( 'igny8-content', german ) ).html,
				/Gliederung/
			);
			hasNot( ( await page( 'igny8-tasks' ) ).html, /Gliederung/ );
		} finally {
			await rm( file, { force: true } );
		}
	} );

	test( 'without a build a Writer page shows a notice instead of failing', async () => {
		await rm( path.join( pluginCopy, 'build' ), { recursive: true } );
		const { status, html } = await page( 'igny8-images' );
		assert.equal( status, 200 );
		has( html, MISSING_BUILD_NOTICE );
		has( html, /<div id="igny8-images-root" class="wrap"><\/div>/ );
		hasNot( html, /igny8-images-js/ );
	} );

	test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
		assert.deepEqual( await site.phpErrors(), [] );
	} );
} );

describe( 'in Chromium, against the local cloud (the real build)', () => {
	const WP_PASSWORD = 'writer-admin-pass';
	/** The account's text model; the stand-in writes articles and image prompts from the prompt. */
	const TEXT_MODEL = 'gpt-4o-mini';
	const BEST = 'Best trail running shoes for wet rock';
	const CLEAN = 'How to clean trail shoes';
	/** A signed image URL as the cloud makes it: the image's stable address, an expiry and an HMAC. */
	const SIGNED_FILE =
		/\/api\/v1\/writer\/images\/file\/[\w-]+\?exp=(\d+)&sig=[0-9a-f]{64}$/;

	let fake;
	let stack;
	let stateDir;
	let browser;
	let page;
	let siteId;
	/** The generated pieces of BEST and CLEAN, as the cloud stores them. */
	let content;
	let cleanContent;
	const contexts = [];

	async function cloud( method, route, body ) {
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
			json.success,
			`${ method } ${ route }: ${ JSON.stringify( json ) }`
		);
		return json.data ?? json;
	}

	/** Points the account's OpenAI-compatible provider at the stand-in, with a model that picks its behaviour. */
	const useModel = ( textModel ) =>
		cloud( 'PUT', '/system/integrations/openai', {
			api_key: 'sk-test-writer-pages',
			base_url: fake.url,
			text_model: textModel,
			image_model: 'gpt-image-1',
		} );

	const taskNamed = async ( title ) =>
		(
			await cloud( 'GET', `/writer/tasks?site_id=${ siteId }` )
		).results.find( ( task ) => task.title === title );
	const contentOf = async ( taskId ) => {
		const { results } = await cloud(
			'GET',
			`/writer/content?site_id=${ siteId }&task_id=${ taskId }`
		);
		assert.equal( results.length, 1, `one piece of task ${ taskId }` );
		return cloud( 'GET', `/writer/content/${ results[ 0 ].id }` );
	};
	const imagesOf = async ( contentId ) =>
		(
			await cloud(
				'GET',
				`/writer/images?site_id=${ siteId }&content_id=${ contentId }&ordering=position`
			)
		).results;

	/** The list table once it finished loading. */
	const settled = ( target ) =>
		target.locator( 'table.igny8-table[aria-busy="false"]' ).waitFor();
	/** A notice's words on the page (not the screen reader's copy WordPress keeps of them). */
	const notice = ( target, words ) =>
		target
			.locator( '.components-notice' )
			.getByText( words, { exact: true } )
			.waitFor();
	const text = async ( locator ) =>
		( await locator.textContent() ).replace( /\s+/g, ' ' ).trim();
	/** Jobs run in the cloud's queue: a batch or a job may take a few seconds to end. */
	const JOB_TIMEOUT = 30_000;

	/** Waits until an <img> has loaded a picture (its signed URL answered with image bytes). */
	async function loads( img, what ) {
		await img.waitFor();
		const until = Date.now() + 10_000;
		for (;;) {
			const width = await img.evaluate( ( el ) =>
				el.complete ? el.naturalWidth : -1
			);
			assert.notEqual( width, 0, `${ what }: the picture is broken` );
			if ( width > 0 ) {
				return;
			}
			assert.ok( Date.now() < until, `${ what }: still loading` );
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
	}

	async function waitUntil( check, what, timeout = 10_000 ) {
		const until = Date.now() + timeout;
		while ( ! ( await check() ) ) {
			assert.ok( Date.now() < until, what );
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
	}

	const admin = ( slug, extra = '' ) =>
		`${ stack.wpUrl }/wp-admin/admin.php?page=${ slug }${ extra }`;

	async function newPage( login, password ) {
		const context = await browser.newContext();
		contexts.push( context );
		const next = await context.newPage();
		next.on( 'pageerror', ( err ) =>
			console.error( 'page error:', err.message )
		);
		await wpLogin( next, stack.wpUrl, login, password );
		return next;
	}

	async function wpUser( login, role, locale = '' ) {
		await runPhp(
			stack.wpDir,
			`$id = wp_insert_user( array( 'user_login' => '${ login }', 'user_pass' => '${ login }-pass-2026', 'user_email' => '${ login }@example.com', 'role' => '${ role }', 'locale' => '${ locale }' ) );
			if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }`
		);
		return newPage( login, `${ login }-pass-2026` );
	}

	before( async () => {
		assertBuilt( ENTRIES );
		fake = await startFakeOpenAi();
		stateDir = await mkdtemp( path.join( tmpdir(), 'igny8-writer-' ) );
		stack = await startStack( {
			stateDir,
			cloudPort: await freePort(),
			wpPort: await freePort(),
			connect: true,
			wpPassword: WP_PASSWORD,
		} );
		siteId = stack.demo.site.id;
		await useModel( TEXT_MODEL );
		const sectors = await cloud( 'GET', `/auth/sites/${ siteId }/sectors` );
		await cloud( 'POST', '/writer/tasks', {
			site_id: siteId,
			sector_id: sectors.results[ 0 ].id,
			title: CLEAN,
		} );
		browser = await launch();
		page = await newPage( stack.wpAdmin.user, WP_PASSWORD );
	} );

	after( async () => {
		for ( const context of contexts ) {
			await context.close().catch( () => {} );
		}
		await browser?.close();
		await stack?.stop();
		await fake?.close();
		if ( stateDir ) {
			await rm( stateDir, { recursive: true, force: true } );
		}
	} );

	test( 'Tasks: a task is created with its outline, edited, and listed with a readable status', async () => {
		await page.goto( admin( 'igny8-tasks' ) );
		await page
			.getByRole( 'heading', { name: 'Tasks', level: 1 } )
			.waitFor();
		await page.getByRole( 'button', { name: 'New task' } ).click();
		const dialog = page.getByRole( 'dialog', { name: 'New task' } );
		await dialog
			.getByLabel( 'Title', { exact: true } )
			.fill( 'Best trail running shoes' );
		await dialog.getByLabel( 'Brief' ).fill( 'For runners new to trails' );
		await dialog
			.getByLabel( 'Target keywords' )
			.fill( 'trail running shoes\nbest trail shoes' );
		await dialog
			.getByLabel( 'Content type' )
			.selectOption( { label: 'Listicle' } );
		await dialog.getByLabel( 'Target length (words)' ).fill( '1200' );
		await dialog.getByRole( 'button', { name: 'Add section' } ).click();
		await dialog
			.getByLabel( 'Section 1 heading' )
			.fill( 'Grip on wet rock' );
		await dialog.getByRole( 'button', { name: 'Add section' } ).click();
		await dialog.getByLabel( 'Section 2 heading' ).fill( 'Fit' );
		await dialog
			.getByLabel( 'Section 2 level' )
			.selectOption( { label: 'H3' } );
		await dialog.getByLabel( 'Section 2 notes' ).fill( 'Wide feet' );
		await dialog
			.getByRole( 'button', { name: 'Move section 2 up' } )
			.click();
		await dialog.getByRole( 'button', { name: 'Create task' } ).click();
		await dialog.waitFor( { state: 'detached' } );

		const row = page
			.getByRole( 'row' )
			.filter( { hasText: 'Best trail running shoes' } );
		await row.waitFor();
		assert.equal( await text( row.locator( '.igny8-status' ) ), 'Queued' );
		assert.equal(
			await text( row.locator( 'td.column-type' ) ),
			'Listicle'
		);
		assert.equal(
			await text( row.locator( 'td.column-keywords' ) ),
			'trail running shoes, best trail shoes'
		);
		const [ task ] = (
			await cloud(
				'GET',
				`/writer/tasks?site_id=${ siteId }&search=running`
			)
		).results;
		assert.deepEqual( task.content_structure, {
			sections: [
				{ heading: 'Fit', level: 3, notes: 'Wide feet' },
				{ heading: 'Grip on wet rock' },
			],
		} );
		assert.equal( task.target_length, 1200 );
		assert.deepEqual( task.target_keywords, [
			'trail running shoes',
			'best trail shoes',
		] );

		await row.getByRole( 'button', { name: 'Edit' } ).click();
		const edit = page.getByRole( 'dialog', { name: 'Edit task' } );
		assert.equal(
			await edit.getByLabel( 'Section 1 heading' ).inputValue(),
			'Fit'
		);
		await edit
			.getByLabel( 'Title', { exact: true } )
			.fill( 'Best trail running shoes for wet rock' );
		await edit.getByRole( 'button', { name: 'Save task' } ).click();
		await edit.waitFor( { state: 'detached' } );
		await page
			.getByRole( 'row' )
			.filter( { hasText: 'Best trail running shoes for wet rock' } )
			.waitFor();
	} );

	test( 'Tasks: the list filters by status and text, and sorts by title', async () => {
		await page.getByLabel( 'Search tasks' ).fill( 'clean' );
		await page
			.getByRole( 'row' )
			.filter( { hasText: 'Best trail running shoes' } )
			.waitFor( { state: 'detached' } );
		await page
			.getByRole( 'row' )
			.filter( { hasText: 'How to clean trail shoes' } )
			.waitFor();
		await page.getByLabel( 'Search tasks' ).fill( '' );
		await page
			.getByLabel( 'Status' )
			.selectOption( { label: 'In review' } );
		await page.getByText( 'No tasks yet.' ).waitFor();
		await page.getByLabel( 'Status' ).selectOption( { label: 'All' } );
		await page
			.getByRole( 'row' )
			.filter( { hasText: 'Best trail running shoes' } )
			.waitFor();
		await page.getByRole( 'link', { name: 'Sort by Task' } ).click();
		await page
			.locator( 'th[aria-sort="ascending"]' )
			.filter( { hasText: 'Task' } )
			.waitFor();
		await settled( page );
		const titles = await page
			.locator( 'tbody th.column-primary strong' )
			.allTextContents();
		assert.deepEqual( titles, [
			'Best trail running shoes for wet rock',
			'How to clean trail shoes',
		] );
	} );

	test( 'Tasks: a job that fails shows the model’s reason in the progress view and on the task', async () => {
		// The stand-in's "blockless" model answers markup with no readable text: no article can be saved.
		await useModel( 'blockless' );
		try {
			await settled( page );
			await page
				.getByRole( 'checkbox', { name: `Select “${ CLEAN }”` } )
				.check();
			assert.equal(
				await text( page.locator( '#igny8-generate-content-price' ) ),
				'1 task · about 3 credits'
			);
			await page
				.getByRole( 'button', { name: 'Generate content' } )
				.click();
			const progress = page.getByRole( 'region', {
				name: 'Generating content',
			} );
			await progress
				.getByText( '1 of 1 done, 1 failed. Charged 0 credits.' )
				.waitFor( { timeout: JOB_TIMEOUT } );
			assert.equal(
				await progress.getAttribute( 'data-state' ),
				'partial'
			);
			const failed = await taskNamed( CLEAN );
			assert.equal( failed.status, 'failed' );
			assert.match( failed.error, /no readable text/ );
			const item = progress
				.locator( 'li.igny8-batch-item.is-failed' )
				.filter( { hasText: CLEAN } );
			await item.getByText( failed.error, { exact: true } ).waitFor();
			assert.equal(
				await item
					.getByRole( 'link', { name: 'Review the content' } )
					.count(),
				0
			);

			const row = page.getByRole( 'row' ).filter( { hasText: CLEAN } );
			await row.locator( '.igny8-status.is-failed' ).waitFor();
			assert.equal(
				await text( row.locator( '.igny8-status' ) ),
				'Failed'
			);
			assert.equal(
				await text( row.locator( '.igny8-task-error' ) ),
				failed.error
			);
			await progress.getByRole( 'button', { name: 'Dismiss' } ).click();
			await progress.waitFor( { state: 'detached' } );
		} finally {
			await useModel( TEXT_MODEL );
		}
	} );

	test( 'Tasks: "Generate content" is priced before it starts, and a batch shows one progress view', async () => {
		await settled( page );
		const before = await cloud( 'GET', '/billing/balance' );
		await page
			.getByRole( 'checkbox', { name: 'Select all rows on this page' } )
			.check();
		assert.equal(
			await text( page.locator( '#igny8-generate-content-price' ) ),
			'2 tasks · about 6 credits',
			'a queued and a failed task are both written again'
		);
		await page.getByRole( 'button', { name: 'Generate content' } ).click();
		const progress = page.getByRole( 'region', {
			name: 'Generating content',
		} );
		await progress
			.getByText( '2 of 2 done. Charged 6 credits.' )
			.waitFor( { timeout: JOB_TIMEOUT } );
		assert.equal( await progress.getAttribute( 'data-state' ), 'done' );
		assert.equal(
			await progress
				.getByRole( 'progressbar', { name: 'Generating content' } )
				.getAttribute( 'aria-valuenow' ),
			'100'
		);
		for ( const title of [ BEST, CLEAN ] ) {
			const piece = await contentOf( ( await taskNamed( title ) ).id );
			if ( title === BEST ) {
				content = piece;
			} else {
				cleanContent = piece;
			}
			assert.equal( piece.title, title );
			assert.equal( piece.status, 'review' );
			const item = progress
				.getByRole( 'listitem' )
				.filter( { hasText: title } );
			assert.equal(
				await item
					.getByRole( 'progressbar', { name: title } )
					.getAttribute( 'aria-valuenow' ),
				'100'
			);
			assert.match(
				await item
					.getByRole( 'link', { name: 'Review the content' } )
					.getAttribute( 'href' ),
				new RegExp( `page=igny8-content&content=${ piece.id }$` )
			);
			const row = page.getByRole( 'row' ).filter( { hasText: title } );
			await row.locator( '.igny8-status.is-review' ).waitFor();
			assert.equal(
				await text( row.locator( '.igny8-status' ) ),
				'In review'
			);
			assert.equal( await row.locator( '.igny8-task-error' ).count(), 0 );
		}
		const afterwards = await cloud( 'GET', '/billing/balance' );
		assert.equal( afterwards.balance, before.balance - 6 );
		assert.equal( afterwards.held, 0 );
		await progress.getByRole( 'button', { name: 'Dismiss' } ).click();
		await progress.waitFor( { state: 'detached' } );
	} );

	test( 'Tasks: a task is deleted after a confirmation', async () => {
		const row = page
			.getByRole( 'row' )
			.filter( { hasText: 'How to clean trail shoes' } );
		await row.getByRole( 'button', { name: 'Delete' } ).click();
		await page
			.getByRole( 'dialog' )
			.getByRole( 'button', { name: 'Delete' } )
			.click();
		await row.waitFor( { state: 'detached' } );
		const left = await cloud( 'GET', `/writer/tasks?site_id=${ siteId }` );
		assert.deepEqual(
			left.results.map( ( t ) => t.title ),
			[ 'Best trail running shoes for wet rock' ]
		);
	} );

	test( 'Content: the list shows status, words and meta title; a piece opens beside a preview, its image not made yet', async () => {
		await page.goto( admin( 'igny8-content' ) );
		await page
			.getByRole( 'heading', { name: 'Content', level: 1 } )
			.waitFor();
		await settled( page );
		assert.deepEqual(
			(
				await page
					.locator( 'tbody th.column-primary strong' )
					.allTextContents()
			).sort(),
			[ BEST, CLEAN ],
			'both pieces, the one whose task was deleted too'
		);
		const row = page.getByRole( 'row' ).filter( { hasText: BEST } );
		assert.equal(
			await text( row.locator( 'td.column-status' ) ),
			'In review'
		);
		assert.ok( content.word_count > 20, `${ content.word_count } words` );
		assert.equal(
			await text( row.locator( 'td.column-words' ) ),
			content.word_count.toLocaleString( 'en-US' )
		);
		assert.equal(
			await text( row.locator( 'td.column-meta' ) ),
			content.meta_title
		);

		await row.getByRole( 'link', { name: BEST } ).click();
		await page.getByRole( 'heading', { name: BEST, level: 2 } ).waitFor();
		assert.match( page.url(), new RegExp( `content=${ content.id }` ) );

		// The task's outline, as the article follows it; its one image has no picture yet.
		const preview = page.frameLocator(
			'iframe[title="Preview of the post"]'
		);
		await preview
			.getByRole( 'heading', { name: 'Grip on wet rock', level: 2 } )
			.waitFor();
		await preview
			.getByRole( 'heading', { name: 'Fit', level: 3 } )
			.waitFor();
		await preview
			.getByRole( 'img', { name: 'Image not generated yet' } )
			.waitFor();
		assert.equal( await preview.locator( 'img' ).count(), 0 );
		assert.equal( await preview.locator( 'script' ).count(), 0 );

		const images = page.getByRole( 'region', { name: 'Images' } );
		assert.deepEqual(
			(
				await images.locator( '.igny8-image-caption' ).allTextContents()
			).map( ( caption ) => caption.trim() ),
			[ 'In-article image 1 · Not generated yet' ]
		);
		assert.equal(
			await text( page.locator( '#igny8-image-prompts-price' ) ),
			'about 1 credit'
		);
		assert.equal(
			await text( page.locator( '#igny8-generate-images-price' ) ),
			'1 image · about 1 credit'
		);
		for ( const name of [ 'Generate images', 'Generate image prompts' ] ) {
			assert.equal(
				await images.getByRole( 'button', { name } ).isEnabled(),
				true,
				name
			);
		}
	} );

	test( 'Content: image prompts, then the images, are made from the review screen and shown through signed URLs', async () => {
		const images = page.getByRole( 'region', { name: 'Images' } );
		const captions = async () =>
			(
				await images.locator( '.igny8-image-caption' ).allTextContents()
			).map( ( caption ) => caption.trim() );

		await images
			.getByRole( 'button', { name: 'Generate image prompts' } )
			.click();
		const prompts = page.getByRole( 'region', {
			name: 'Writing image prompts',
		} );
		await prompts
			.getByText( '1 of 1 done. Charged 1 credit.' )
			.waitFor( { timeout: JOB_TIMEOUT } );
		await images
			.getByText( 'Featured image · Not generated yet' )
			.waitFor();
		assert.deepEqual( await captions(), [
			'Featured image · Not generated yet',
			'In-article image 1 · Not generated yet',
		] );
		assert.equal(
			await text( page.locator( '#igny8-generate-images-price' ) ),
			'2 images · about 2 credits'
		);

		await images.getByRole( 'button', { name: 'Generate images' } ).click();
		const job = page
			.getByTestId( 'igny8-job-progress' )
			.filter( { hasText: 'Generating images' } );
		await job
			.locator( '[data-testid="igny8-job-credits"]' )
			.waitFor( { timeout: JOB_TIMEOUT } );
		assert.equal( await job.getAttribute( 'data-state' ), 'succeeded' );
		assert.equal(
			await text( job.getByTestId( 'igny8-job-credits' ) ),
			'Charged 2 credits.'
		);
		await images.getByText( 'Featured image · Generated' ).waitFor();
		assert.deepEqual( await captions(), [
			'Featured image · Generated',
			'In-article image 1 · Generated',
		] );
		assert.equal(
			await text( page.locator( '#igny8-generate-images-price' ) ),
			'No image is waiting to be made.'
		);
		assert.equal(
			await images
				.getByRole( 'button', { name: 'Generate images' } )
				.isDisabled(),
			true
		);

		const [ featured, inArticle ] = await imagesOf( content.id );
		assert.equal( featured.kind, 'featured' );
		assert.equal( inArticle.kind, 'in_article' );
		for ( const image of [ featured, inArticle ] ) {
			assert.equal( image.status, 'generated' );
			assert.ok( image.alt, `image ${ image.id } has an alt text` );
			const thumb = images.getByRole( 'img', {
				name: image.alt,
				exact: true,
			} );
			assert.match( await thumb.getAttribute( 'src' ), SIGNED_FILE );
			await loads( thumb, `the ${ image.kind } thumbnail` );
		}

		// The sandboxed preview shows the in-article image where the body places it, through its signed URL.
		const preview = page.frameLocator(
			'iframe[title="Preview of the post"]'
		);
		const placed = preview.locator( 'img' );
		await placed.waitFor();
		assert.equal( await preview.locator( 'img' ).count(), 1 );
		const src = await placed.getAttribute( 'src' );
		assert.match( src, SIGNED_FILE );
		assert.equal( src.split( '?' )[ 0 ], inArticle.url.split( '?' )[ 0 ] );
		await loads( placed, 'the preview’s image' );
		assert.equal(
			await preview
				.getByRole( 'img', { name: 'Image not generated yet' } )
				.count(),
			0
		);
	} );

	test( 'Content: the meta fields count characters; a refused body shows why and keeps the text; a fixed one saves', async () => {
		await page.getByLabel( 'Meta title' ).fill( 'W'.repeat( 70 ) );
		await page.getByText( '70/60 characters' ).waitFor();
		await page
			.getByLabel( 'Meta title' )
			.fill( 'Trail shoes that grip on wet rock' );
		await page.getByText( '33/60 characters' ).waitFor();
		await page
			.getByLabel( 'Meta description' )
			.fill( 'What makes a trail shoe hold on wet rock.' );
		await page.getByText( '41/160 characters' ).waitFor();

		const body = page.getByLabel( 'Body (block markup)' );
		const broken =
			'<!-- wp:paragraph -->\n<p>This block never closes.</p>\n<!-- wp:heading -->';
		await body.fill( broken );
		await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
		const refusal = page.locator( '.components-notice.is-error' );
		await refusal.getByText( /not valid block markup/i ).waitFor();
		assert.match( await refusal.textContent(), /Body/ );
		assert.equal(
			await body.inputValue(),
			broken,
			'the text is kept as typed'
		);

		const fixed =
			'<!-- wp:paragraph -->\n<p>Wet rock asks a lot of a sole: deep lugs and soft rubber win.</p>\n<!-- /wp:paragraph -->';
		await body.fill( fixed );
		await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
		await notice( page, 'Saved.' );
		const stored = await cloud( 'GET', `/writer/content/${ content.id }` );
		await page.getByText( `${ stored.word_count } words` ).waitFor();
		assert.equal( stored.meta_title, 'Trail shoes that grip on wet rock' );
		assert.equal(
			stored.meta_description,
			'What makes a trail shoe hold on wet rock.'
		);
		assert.equal( stored.body, fixed );
		assert.equal( stored.word_count, 14 );
	} );

	test( 'Content: Approve, then Back to review', async () => {
		await page.getByRole( 'button', { name: 'Approve' } ).click();
		await notice( page, 'Approved.' );
		await page.getByRole( 'button', { name: 'Back to review' } ).waitFor();
		assert.equal(
			( await cloud( 'GET', `/writer/content/${ content.id }` ) ).status,
			'approved'
		);
		await page.getByRole( 'button', { name: 'Back to review' } ).click();
		await notice( page, 'Sent back to review.' );
		await page.getByRole( 'button', { name: 'Approve' } ).waitFor();
		assert.equal(
			( await cloud( 'GET', `/writer/content/${ content.id }` ) ).status,
			'review'
		);
		await page.getByRole( 'link', { name: '← All content' } ).click();
		await page
			.getByRole( 'row' )
			.filter( { hasText: 'Trail shoes that grip' } )
			.waitFor();
	} );

	test( 'Images: each image shows through its signed URL with its texts; its alt text is edited in place', async () => {
		const [ featured, inArticle ] = await imagesOf( content.id );
		await page.goto( admin( 'igny8-images', `&content=${ content.id }` ) );
		await page
			.getByRole( 'heading', { name: 'Images', level: 1 } )
			.waitFor();
		const grid = page.getByRole( 'list', { name: 'Images' } );
		const card = ( name ) =>
			grid.getByRole( 'listitem', { name: `${ name } of “${ BEST }”` } );
		await card( 'Featured image' ).waitFor();
		assert.deepEqual(
			await grid
				.locator( ':scope > li' )
				.evaluateAll( ( cards ) =>
					cards.map( ( li ) => li.getAttribute( 'aria-label' ) )
				),
			[
				`Featured image of “${ BEST }”`,
				`In-article image 1 of “${ BEST }”`,
			],
			'in their place in the article'
		);
		for ( const [ name, image ] of [
			[ 'Featured image', featured ],
			[ 'In-article image 1', inArticle ],
		] ) {
			const item = card( name );
			await loads(
				item.getByRole( 'img', { name: image.alt, exact: true } ),
				name
			);
			assert.deepEqual(
				( await item.locator( 'dd' ).allTextContents() ).map( ( t ) =>
					t.trim()
				),
				[ image.alt, image.caption || '—', image.prompt ]
			);
			assert.equal(
				await text( item.locator( '.igny8-status' ) ),
				'Generated'
			);
			assert.equal(
				await text( item.locator( '.igny8-price' ) ),
				'about 1 credit'
			);
			await item
				.getByRole( 'button', { name: 'Regenerate image' } )
				.waitFor();
		}

		const item = card( 'Featured image' );
		await item.getByRole( 'button', { name: 'Edit' } ).click();
		await item.getByLabel( 'Alt text' ).fill( 'Deep lugs on a wet rock' );
		await item.getByRole( 'button', { name: 'Save' } ).click();
		await loads(
			card( 'Featured image' ).getByRole( 'img', {
				name: 'Deep lugs on a wet rock',
				exact: true,
			} ),
			'the featured image after its alt text changed'
		);
		const stored = await cloud( 'GET', `/writer/images/${ featured.id }` );
		assert.equal( stored.alt, 'Deep lugs on a wet rock' );
		assert.equal( stored.prompt, featured.prompt );
		assert.equal( stored.status, 'generated' );
	} );

	test( 'Images: the grid filters by piece, status and kind; ticked images are priced and made together; a refused prompt fails only its image', async () => {
		const clean = cleanContent;
		const names = () =>
			page
				.getByRole( 'list', { name: 'Images' } )
				.locator( ':scope > li' )
				.evaluateAll( ( cards ) =>
					cards.map( ( li ) => li.getAttribute( 'aria-label' ) )
				);
		const idle = () =>
			page.locator( 'ul.igny8-image-grid[aria-busy="false"]' ).waitFor();
		await page.getByLabel( 'Content', { exact: true } ).selectOption( {
			label: 'All content',
		} );
		await page
			.getByLabel( 'Status' )
			.selectOption( { label: 'Not generated yet' } );
		await page
			.getByLabel( 'Order' )
			.selectOption( { label: 'Place in the article' } );
		await idle();
		assert.deepEqual( await names(), [
			`In-article image 1 of “${ CLEAN }”`,
			`In-article image 2 of “${ CLEAN }”`,
		] );

		// A prompt a safety system refuses: that image fails, the other one is made and charged.
		const second = page.getByRole( 'listitem', {
			name: `In-article image 2 of “${ CLEAN }”`,
		} );
		await second.getByRole( 'button', { name: 'Edit' } ).click();
		await second
			.getByLabel( 'Prompt' )
			.fill( '[refuse] A trail shoe in a mud puddle' );
		await second.getByRole( 'button', { name: 'Save' } ).click();
		await second
			.getByText( '[refuse] A trail shoe in a mud puddle', {
				exact: true,
			} )
			.waitFor();

		await page.getByRole( 'button', { name: 'Select all' } ).click();
		assert.equal(
			await text( page.locator( '#igny8-generate-images-price' ) ),
			'2 images · about 2 credits'
		);
		await page.getByRole( 'button', { name: 'Generate images' } ).click();
		const job = page
			.getByTestId( 'igny8-job-progress' )
			.filter( { hasText: 'Generating images' } );
		await job
			.getByTestId( 'igny8-job-credits' )
			.waitFor( { timeout: JOB_TIMEOUT } );
		assert.equal(
			await text( job.getByTestId( 'igny8-job-credits' ) ),
			'Charged 1 credit.'
		);
		// The grid loads again once the job ended: nothing of this piece is waiting any more.
		await page
			.getByText(
				'No images here yet. Generate image prompts for a piece on its review screen, then its images.'
			)
			.waitFor();

		await page.getByLabel( 'Status' ).selectOption( { label: 'Failed' } );
		await idle();
		assert.deepEqual( await names(), [
			`In-article image 2 of “${ CLEAN }”`,
		] );
		const [ , refused ] = await imagesOf( clean.id );
		assert.equal( refused.status, 'failed' );
		assert.equal(
			refused.error,
			'The AI provider answered 400',
			'the refusal is kept on the image, without the provider’s words'
		);
		await second.getByText( refused.error, { exact: true } ).waitFor();
		await second
			.getByRole( 'img', { name: 'Image not generated yet' } )
			.waitFor();
		await second
			.getByRole( 'button', { name: 'Generate image' } )
			.waitFor();

		await page
			.getByLabel( 'Status' )
			.selectOption( { label: 'Generated' } );
		await page
			.getByLabel( 'Content', { exact: true } )
			.selectOption( { label: CLEAN } );
		await idle();
		assert.deepEqual( await names(), [
			`In-article image 1 of “${ CLEAN }”`,
		] );
		const [ made ] = await imagesOf( clean.id );
		await loads(
			page.getByRole( 'img', { name: made.alt, exact: true } ),
			'the image made beside the refused one'
		);
		assert.match( page.url(), new RegExp( `content=${ clean.id }` ) );

		await page.getByLabel( 'Status' ).selectOption( { label: 'All' } );
		await page.getByLabel( 'Content', { exact: true } ).selectOption( {
			label: 'All content',
		} );
		await page
			.getByLabel( 'Kind' )
			.selectOption( { label: 'Featured image' } );
		await idle();
		assert.deepEqual( await names(), [ `Featured image of “${ BEST }”` ] );
	} );

	test( 'Images: signed URLs are asked for again shortly before they expire', async () => {
		// The page's clock runs ahead to just before the URLs' 15 minutes end; the cloud's does not.
		const lists = [];
		page.on( 'request', ( req ) => {
			if ( /\/api\/v1\/writer\/images\?/.test( req.url() ) ) {
				lists.push( req.url() );
			}
		} );
		await page.clock.install();
		await page.goto( admin( 'igny8-images', `&content=${ content.id }` ) );
		const thumb = page
			.getByRole( 'listitem', { name: `Featured image of “${ BEST }”` } )
			.getByRole( 'img', { name: 'Deep lugs on a wet rock' } );
		await loads( thumb, 'the featured image' );
		const first = await thumb.getAttribute( 'src' );
		const asked = lists.length;
		// The next signed URL expires at least a second later, so it differs.
		await new Promise( ( resolve ) => setTimeout( resolve, 1100 ) );
		await page.clock.fastForward( '14:45' );
		await waitUntil(
			async () => ( await thumb.getAttribute( 'src' ) ) !== first,
			'a new signed URL replaced the old one'
		);
		await page.clock.setSystemTime( new Date() );
		assert.ok( lists.length > asked, 'the list was asked for again' );
		assert.ok(
			Number(
				SIGNED_FILE.exec( await thumb.getAttribute( 'src' ) )[ 1 ]
			) > Number( SIGNED_FILE.exec( first )[ 1 ] )
		);
		await loads( thumb, 'the featured image through its new URL' );
	} );

	test( 'a viewer sees the Writer read only, with the reason', async () => {
		const viewer = await wpUser( 'reader', 'contributor' );
		await viewer.goto( admin( 'igny8-tasks' ) );
		await notice(
			viewer,
			'You can view the Writer’s work. Changing it, or starting AI jobs, takes an editor’s role.'
		);
		await viewer
			.getByRole( 'row' )
			.filter( { hasText: 'Best trail running shoes for wet rock' } )
			.waitFor();
		assert.equal( await viewer.getByRole( 'checkbox' ).count(), 0 );
		assert.equal(
			await viewer
				.getByRole( 'button', { name: 'New task' } )
				.isDisabled(),
			true
		);
		assert.equal(
			await viewer
				.getByRole( 'button', { name: 'Generate content' } )
				.isDisabled(),
			true
		);
		assert.match(
			await viewer
				.locator( '#igny8-generate-content-price' )
				.textContent(),
			/may view tasks but not change them/
		);
		await viewer.goto(
			admin( 'igny8-content', `&content=${ content.id }` )
		);
		await viewer.getByLabel( 'Body (block markup)' ).waitFor();
		assert.equal(
			await viewer.getByLabel( 'Body (block markup)' ).isDisabled(),
			true
		);
		assert.equal(
			await viewer
				.getByRole( 'button', { name: 'Approve' } )
				.isDisabled(),
			true
		);
		await viewer.goto(
			admin( 'igny8-images', `&content=${ content.id }` )
		);
		const featured = viewer.getByRole( 'listitem', {
			name: `Featured image of “${ BEST }”`,
		} );
		await loads(
			featured.getByRole( 'img', { name: 'Deep lugs on a wet rock' } ),
			'the featured image, for a viewer'
		);
		assert.equal( await viewer.getByRole( 'checkbox' ).count(), 0 );
		assert.equal(
			await featured.getByRole( 'button', { name: 'Edit' } ).isDisabled(),
			true
		);
		assert.equal(
			await text( viewer.locator( '#igny8-generate-images-price' ) ),
			'Your role may view images but not change them.'
		);
	} );

	test( 'a lazily loaded chunk speaks the user’s language', async () => {
		const languages = (
			await runPhp( stack.wpDir, 'echo WP_LANG_DIR;' )
		).trim();
		await mkdir( path.join( languages, 'plugins' ), { recursive: true } );
		// The task editor is a chunk of the tasks entry: its strings are in the JSON named after its path.
		for ( const chunk of builtChunks().tasks ) {
			await writeFile(
				path.join(
					languages,
					'plugins',
					`igny8-de_DE-${ md5( `build/${ chunk }` ) }.json`
				),
				jed( 'de_DE', {
					Outline: 'Gliederung',
					'Add section': 'Abschnitt hinzufügen',
				} )
			);
		}
		const german = await wpUser( 'hans', 'editor', 'de_DE' );
		await german.goto( admin( 'igny8-tasks' ) );
		await german.getByRole( 'button', { name: 'New task' } ).click();
		const dialog = german.getByRole( 'dialog' );
		await dialog.getByText( 'Gliederung', { exact: true } ).waitFor();
		await dialog
			.getByRole( 'button', { name: 'Abschnitt hinzufügen' } )
			.waitFor();
	} );
} );
