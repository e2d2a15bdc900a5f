// The Writer's wp-admin screens (Tasks, Content, Images). First as WordPress serves them: one root div and
// one script per screen, only on that screen, listed in the IGNY8 menu for edit_posts and up, with the
// translations of the chunks a screen loads later inlined before its script. Then in Chromium, built for
// real, against the local cloud: tasks, content review and images as a user drives them, and a lazy
// chunk's strings in the user's language. The cloud's AI routes are stood in for where a test needs a job
// to run (the full generate → review → approve flow with the stand-in model is e2e/'s).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launch, wpLogin } from '../../e2e/browser.mjs';
import { startStack } from '../../scripts/dev/stack.mjs';
import { freePort, runPhp } from '../../scripts/wp/env.mjs';
import {
	ADMIN_PASSWORD,
	PLUGIN_DIR,
	fakeConnection,
	startSite,
} from './wp-fixture.mjs';

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
/** The chunks each Writer entry loads later with import(), as build/chunks.php lists them. */
const CHUNKS = {
	tasks: [ 'task-editor.js' ],
	content: [ 'content-review.js' ],
	images: [ 'image-preview.js' ],
};

let site;
let pluginCopy;
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

// A copy of the plugin with a stand-in build (entries, their chunks and the chunk manifest), so the
// screens can be checked without `npm run build`.
async function pluginWithFakeBuild() {
	const dir = await mkdtemp( path.join( tmpdir(), 'igny8-plugin-' ) );
	for ( const entry of [
		'igny8.php',
		'uninstall.php',
		'readme.txt',
		'php',
	] ) {
		await cp( path.join( PLUGIN_DIR, entry ), path.join( dir, entry ), {
			recursive: true,
		} );
	}
	await mkdir( path.join( dir, 'build' ) );
	for ( const entry of ENTRIES ) {
		await writeFile(
			path.join( dir, 'build', `${ entry }.asset.php` ),
			`<?php return array( 'dependencies' => array( 'wp-element', 'wp-components', 'wp-i18n' ), 'version' => 'v-${ entry }-1' );`
		);
		await writeFile(
			path.join( dir, 'build', `${ entry }.js` ),
			`/* ${ entry } */`
		);
		await writeFile(
			path.join( dir, 'build', `${ entry }.css` ),
			`.igny8-${ entry }{}`
		);
	}
	const rows = [];
	for ( const [ entry, files ] of Object.entries( CHUNKS ) ) {
		for ( const file of files ) {
			await writeFile(
				path.join( dir, 'build', file ),
				`/* ${ file } */`
			);
		}
		rows.push(
			`'${ entry }' => array( ${ files.map( ( f ) => `'${ f }'` ).join( ', ' ) } ),`
		);
	}
	await writeFile(
		path.join( dir, 'build', 'chunks.php' ),
		`<?php return array( ${ rows.join( ' ' ) } );`
	);
	return dir;
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

describe( 'as WordPress serves them (a stand-in build)', () => {
	before( async () => {
		pluginCopy = await pluginWithFakeBuild();
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
			has(
				html,
				new RegExp(
					`<script [^>]*src="[^"]+/build/${ entry }\\.js\\?ver=v-${ entry }-1"`
				)
			);
			has(
				html,
				new RegExp( `build/${ entry }\\.css\\?ver=v-${ entry }-1` )
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
				/build\/(task-editor|content-review|image-preview)\.js/,
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
		const file = path.join(
			languages,
			'plugins',
			`igny8-de_DE-${ md5( 'build/task-editor.js' ) }.json`
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
				/build\/task-editor\.js/,
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

	test( 'a screen still loads when the build has no chunk manifest', async () => {
		await rm( path.join( pluginCopy, 'build', 'chunks.php' ) );
		const { status, html } = await page( 'igny8-content' );
		assert.equal( status, 200 );
		has( html, /<script [^>]*src="[^"]+\/build\/content\.js/ );
	} );

	test( 'a Writer page that was not built shows a notice instead of failing', async () => {
		await rm( path.join( pluginCopy, 'build', 'images.asset.php' ) );
		const { status, html } = await page( 'igny8-images' );
		assert.equal( status, 200 );
		has( html, /notice-warning[^]*Run npm run build/ );
		has( html, /<div id="igny8-images-root" class="wrap"><\/div>/ );
		hasNot( html, /igny8-images-js/ );
	} );

	test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
		assert.deepEqual( await site.phpErrors(), [] );
	} );
} );

describe( 'in Chromium, against the local cloud (the real build)', () => {
	/* global HTMLImageElement -- evaluate() callbacks run in the page, not in Node */
	const WP_PASSWORD = 'writer-admin-pass';
	/** A 1×1 PNG for the stood-in image files. */
	const PNG = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
		'base64'
	);
	const CORS = {
		'access-control-allow-origin': '*',
		'access-control-allow-headers': 'authorization, content-type, accept',
		'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
	};

	let stack;
	let stateDir;
	let browser;
	let page;
	let siteId;
	let sectorId;
	let content;
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

	/** The list table once it finished loading. */
	const settled = ( target ) =>
		target.locator( 'table.igny8-table[aria-busy="false"]' ).waitFor();
	/** A notice's words on the page (not the screen reader's copy WordPress keeps of them). */
	const notice = ( target, text ) =>
		target
			.locator( '.components-notice' )
			.getByText( text, { exact: true } )
			.waitFor();

	const admin = ( slug, extra = '' ) =>
		`${ stack.wpUrl }/wp-admin/admin.php?page=${ slug }${ extra }`;
	const fileUrl = ( ref ) =>
		`${ stack.cloudUrl }/api/v1/writer/images/file/${ ref }`;

	/** A cloud answer as a routed request's response (cross-origin, so with CORS headers). */
	const answer = ( route, status, json ) =>
		route.request().method() === 'OPTIONS'
			? route.fulfill( { status: 204, headers: CORS } )
			: route.fulfill( {
					status,
					headers: CORS,
					contentType: 'application/json',
					body: JSON.stringify( {
						success: true,
						request_id: 'stand-in',
						...json,
					} ),
				} );

	function fakeJob( fields ) {
		return {
			id: 9000,
			site_id: siteId,
			function: 'generate_content',
			state: 'queued',
			phase: 'INIT',
			percentage: 0,
			message: null,
			model: 'stand-in',
			tokens_in: 0,
			tokens_out: 0,
			cost_usd: 0,
			credits_held: 3,
			credits_charged: 0,
			result: null,
			error: null,
			steps: [],
			attempts: 1,
			created_at: new Date().toISOString(),
			started_at: null,
			finished_at: null,
			...fields,
		};
	}

	function fakeImage( fields ) {
		return {
			id: 1,
			site_id: siteId,
			sector_id: sectorId,
			content_id: content.id,
			kind: 'featured',
			prompt: 'A trail shoe gripping a wet rock',
			alt: 'A trail shoe on a wet rock',
			caption: null,
			position: 0,
			provider: 'openai',
			model: 'stand-in',
			status: 'generated',
			stored: true,
			url: null,
			url_expires_at: null,
			error: null,
			created_at: '2026-01-01T00:00:00Z',
			updated_at: '2026-01-01T00:00:00Z',
			...fields,
		};
	}

	/** Image files asked for (by their ref) through a signed URL. */
	const files = [];

	async function waitFor( check, what, timeout = 10_000 ) {
		const until = Date.now() + timeout;
		while ( ! check() ) {
			assert.ok( Date.now() < until, what );
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
	}

	/** The stood-in images of a list, and their files (a real PNG) behind signed URLs. */
	async function serveImages( target, images ) {
		await target.route( /\/api\/v1\/writer\/images\/file\//, ( route ) => {
			const url = new URL( route.request().url() );
			if ( url.searchParams.get( 'sig' ) ) {
				files.push( url.pathname.split( '/' ).pop() );
			}
			return route.fulfill( {
				status: 200,
				headers: CORS,
				contentType: 'image/png',
				body: PNG,
			} );
		} );
		let calls = 0;
		await target.route( /\/api\/v1\/writer\/images\?/, ( route ) => {
			calls++;
			return answer( route, 200, {
				count: images().length,
				next: null,
				previous: null,
				results: images(),
			} );
		} );
		return () => calls;
	}

	const signed = ( ref, seconds = 900 ) => ( {
		url: `${ fileUrl( ref ) }?exp=${ Math.floor( Date.now() / 1000 ) + seconds }&sig=stand-in`,
		url_expires_at: new Date( Date.now() + seconds * 1000 ).toISOString(),
	} );

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
		assert.ok(
			existsSync( path.join( PLUGIN_DIR, 'build', 'tasks.asset.php' ) ),
			'the plugin is built (npm run build)'
		);
		stateDir = await mkdtemp( path.join( tmpdir(), 'igny8-writer-' ) );
		stack = await startStack( {
			stateDir,
			cloudPort: await freePort(),
			wpPort: await freePort(),
			connect: true,
			wpPassword: WP_PASSWORD,
		} );
		siteId = stack.demo.site.id;
		const sectors = await cloud( 'GET', `/auth/sites/${ siteId }/sectors` );
		sectorId = sectors.results[ 0 ].id;
		content = await cloud( 'POST', '/writer/content', {
			site_id: siteId,
			sector_id: sectorId,
			title: 'Trail shoes that grip',
			status: 'review',
			body: [
				'<!-- wp:paragraph -->\n<p>Wet rock asks a lot of a sole.</p>\n<!-- /wp:paragraph -->',
				'<!-- wp:heading -->\n<h2 class="wp-block-heading">Grip on wet rock</h2>\n<!-- /wp:heading -->',
				`<!-- wp:image -->\n<figure class="wp-block-image"><img src="${ fileUrl( 'lugs' ) }" alt="Deep lugs"/></figure>\n<!-- /wp:image -->`,
				'<!-- wp:paragraph -->\n<p>Deep lugs and soft rubber win.</p>\n<!-- /wp:paragraph -->',
				`<!-- wp:image -->\n<figure class="wp-block-image"><img src="${ fileUrl( 'later' ) }" alt="A muddy trail"/></figure>\n<!-- /wp:image -->`,
			].join( '\n\n' ),
		} );
		await cloud( 'POST', '/writer/tasks', {
			site_id: siteId,
			sector_id: sectorId,
			title: 'How to clean trail shoes',
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
		assert.match( await row.textContent(), /Queued/ );
		assert.match( await row.textContent(), /Listicle/ );
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

	test( 'Tasks: "Generate content" is priced before it starts, and a batch shows one progress view', async () => {
		await settled( page );
		let polls = 0;
		await page.route(
			/\/api\/v1\/writer\/tasks\/generate_content/,
			( route ) =>
				answer( route, 202, {
					data: {
						jobs: [
							fakeJob( { id: 9001 } ),
							fakeJob( { id: 9002 } ),
						],
						not_started: [],
					},
				} )
		);
		await page.route( /\/api\/v1\/ai\/jobs\?/, ( route ) => {
			polls++;
			const results =
				polls < 2
					? [
							fakeJob( {
								id: 9001,
								state: 'running',
								phase: 'AI_CALL',
								percentage: 50,
								message: 'Writing the article',
							} ),
							fakeJob( {
								id: 9002,
								state: 'running',
								phase: 'PREP',
								percentage: 20,
							} ),
						]
					: [
							fakeJob( {
								id: 9001,
								state: 'succeeded',
								phase: 'DONE',
								percentage: 100,
								credits_charged: 3,
								result: { content_id: content.id },
							} ),
							fakeJob( {
								id: 9002,
								state: 'failed',
								phase: 'AI_CALL',
								percentage: 40,
								error: 'The model did not answer in time',
							} ),
						];
			return answer( route, 200, {
				count: results.length,
				next: null,
				previous: null,
				results,
			} );
		} );

		await page
			.getByRole( 'checkbox', { name: 'Select all rows on this page' } )
			.check();
		const price = page.locator( '#igny8-generate-content-price' );
		assert.equal(
			( await price.textContent() ).trim(),
			'2 tasks · about 6 credits'
		);
		await page.getByRole( 'button', { name: 'Generate content' } ).click();
		const progress = page.getByRole( 'region', {
			name: 'Generating content',
		} );
		await progress
			.getByText( 'Writing the article' )
			.waitFor( { timeout: 15_000 } );
		await progress
			.getByText( /2 of 2 done, 1 failed\. Charged 3 credits\./ )
			.waitFor( { timeout: 15_000 } );
		assert.equal(
			await progress
				.getByRole( 'progressbar', { name: 'Generating content' } )
				.getAttribute( 'aria-valuenow' ),
			'100'
		);
		assert.match(
			await progress
				.getByRole( 'link', { name: 'Review the content' } )
				.getAttribute( 'href' ),
			new RegExp( `page=igny8-content&content=${ content.id }$` )
		);
		await progress
			.getByText( 'The model did not answer in time' )
			.waitFor();
		await progress.getByRole( 'button', { name: 'Dismiss' } ).click();
		await progress.waitFor( { state: 'detached' } );
		await page.unrouteAll();
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

	test( 'Content: the list shows status and words; a piece opens beside a preview with its images', async () => {
		await serveImages( page, () => [
			fakeImage( {
				id: 1,
				...signed( 'lugs' ),
				kind: 'in_article',
				position: 1,
			} ),
			fakeImage( {
				id: 2,
				kind: 'in_article',
				position: 2,
				status: 'pending',
				stored: false,
				prompt: 'A muddy trail',
			} ),
		] );
		await page.goto( admin( 'igny8-content' ) );
		await page
			.getByRole( 'heading', { name: 'Content', level: 1 } )
			.waitFor();
		const row = page
			.getByRole( 'row' )
			.filter( { hasText: 'Trail shoes that grip' } );
		await row.waitFor();
		assert.match( await row.textContent(), /In review/ );
		assert.match(
			await row.textContent(),
			new RegExp( `${ content.word_count }` )
		);

		await row
			.getByRole( 'link', { name: 'Trail shoes that grip' } )
			.click();
		await page
			.getByRole( 'heading', { name: 'Trail shoes that grip', level: 2 } )
			.waitFor();
		assert.match( page.url(), new RegExp( `content=${ content.id }` ) );

		const preview = page.frameLocator(
			'iframe[title="Preview of the post"]'
		);
		await preview
			.getByRole( 'heading', { name: 'Grip on wet rock' } )
			.waitFor();
		const shown = preview.getByRole( 'img', { name: 'Deep lugs' } );
		assert.match(
			await shown.getAttribute( 'src' ),
			/\/file\/lugs\?exp=\d+&sig=stand-in$/
		);
		await waitFor(
			() => files.includes( 'lugs' ),
			'the sandboxed preview loads the image through its signed URL'
		);
		await preview
			.getByRole( 'img', { name: 'Image not generated yet' } )
			.waitFor();
		assert.equal( await preview.locator( 'script' ).count(), 0 );

		const images = page.getByRole( 'region', { name: 'Images' } );
		assert.match(
			await images.textContent(),
			/In-article image 1 · Generated/
		);
		assert.match(
			await images.textContent(),
			/In-article image 2 · Not generated yet/
		);
		assert.equal(
			(
				await page
					.locator( '#igny8-generate-images-price' )
					.textContent()
			).trim(),
			'1 image · about 1 credit'
		);
		assert.equal(
			await images
				.getByRole( 'button', { name: 'Generate images' } )
				.isEnabled(),
			true
		);
		assert.equal(
			await images
				.getByRole( 'button', { name: 'Generate image prompts' } )
				.isEnabled(),
			true
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
		await page.unrouteAll();
	} );

	test( 'Images: previews through signed URLs asked for again before they expire; texts edited in place; priced', async () => {
		let alt = 'A trail shoe on a wet rock';
		const calls = await serveImages( page, () => [
			// Expires in 40 s: the page asks again 30 s before, so within about 10 s.
			fakeImage( { id: 1, alt, ...signed( 'lugs', 40 ) } ),
			fakeImage( {
				id: 2,
				kind: 'in_article',
				position: 1,
				status: 'failed',
				stored: false,
				error: 'The image model refused the prompt',
			} ),
		] );
		await page.route( /\/api\/v1\/writer\/images\/1$/, async ( route ) => {
			if ( route.request().method() !== 'PATCH' ) {
				return route.fallback();
			}
			alt = JSON.parse( route.request().postData() ).alt;
			return answer( route, 200, {
				data: fakeImage( {
					id: 1,
					alt,
					...signed( 'lugs', 40 ),
					updated_at: new Date().toISOString(),
				} ),
			} );
		} );
		await page.goto( admin( 'igny8-images', `&content=${ content.id }` ) );
		await page
			.getByRole( 'heading', { name: 'Images', level: 1 } )
			.waitFor();
		const featured = page.getByRole( 'listitem', {
			name: 'Featured image of “Trail shoes that grip”',
		} );
		const failed = page.getByRole( 'listitem', {
			name: 'In-article image 1 of “Trail shoes that grip”',
		} );
		await featured.waitFor();
		assert.ok(
			await featured
				.getByRole( 'img', { name: 'A trail shoe on a wet rock' } )
				.evaluate(
					( img ) =>
						img instanceof HTMLImageElement &&
						img.complete &&
						img.naturalWidth > 0
				),
			'the signed URL loads'
		);
		await failed
			.getByRole( 'img', { name: 'Image not generated yet' } )
			.waitFor();
		await failed
			.getByText( 'The image model refused the prompt' )
			.waitFor();
		await featured
			.getByRole( 'button', { name: 'Regenerate image' } )
			.waitFor();
		await failed
			.getByRole( 'button', { name: 'Generate image' } )
			.waitFor();
		assert.match( await featured.textContent(), /about 1 credit/ );

		await featured.getByRole( 'button', { name: 'Edit' } ).click();
		await featured
			.getByLabel( 'Alt text' )
			.fill( 'Deep lugs on a wet rock' );
		await featured.getByRole( 'button', { name: 'Save' } ).click();
		await page
			.getByRole( 'listitem', {
				name: 'Featured image of “Trail shoes that grip”',
			} )
			.getByRole( 'img', { name: 'Deep lugs on a wet rock' } )
			.waitFor();

		await page
			.getByRole( 'checkbox', { name: /Select Featured image/ } )
			.check();
		await page
			.getByRole( 'checkbox', { name: /Select In-article image 1/ } )
			.check();
		assert.equal(
			(
				await page
					.locator( '#igny8-generate-images-price' )
					.textContent()
			).trim(),
			'2 images · about 2 credits'
		);

		const before = calls();
		await page.waitForTimeout( 12_000 );
		assert.ok(
			calls() > before,
			'the list was asked for again before its URLs expired'
		);
		await page.unrouteAll();
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
	} );

	test( 'a lazily loaded chunk speaks the user’s language', async () => {
		const languages = (
			await runPhp( stack.wpDir, 'echo WP_LANG_DIR;' )
		).trim();
		await mkdir( path.join( languages, 'plugins' ), { recursive: true } );
		await writeFile(
			path.join(
				languages,
				'plugins',
				`igny8-de_DE-${ md5( 'build/task-editor.js' ) }.json`
			),
			jed( 'de_DE', {
				Outline: 'Gliederung',
				'Add section': 'Abschnitt hinzufügen',
			} )
		);
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
