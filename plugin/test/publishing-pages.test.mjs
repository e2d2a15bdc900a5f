// Publishing in wp-admin (issue 11). First as WordPress serves the Publishing log: its root div and its own
// script only, in the IGNY8 menu between the Writer and Credits. Then in Chromium, built for real, against the
// local cloud (wrangler dev) and a real WordPress connected to it; the only stand-in is the AI vendor that
// writes the articles. Approved content is published from the Content page (as a draft and published), the
// record is followed to "published" and its links lead to the real post; the Publishing log lists the records;
// a publish made while WordPress is down fails with its error and its Retry gets through once WordPress is
// back; Settings shows the sync with the cloud's and the plugin's own numbers, and "Sync now" completes.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startFakeOpenAi } from '../../cloud/test/fake-openai.mjs';
import { launch, wpLogin } from '../../e2e/browser.mjs';
import { startStack } from '../../scripts/dev/stack.mjs';
import { freePort, runPhp, startWordPress } from '../../scripts/wp/env.mjs';
import {
	MISSING_BUILD_NOTICE,
	assertBuilt,
	builtVersion,
	pluginWithRealBuild,
} from './real-build.mjs';
import { ADMIN_PASSWORD, fakeConnection, startSite } from './wp-fixture.mjs';

const ENTRIES = [ 'settings', 'content', 'publishing', 'credits' ];

describe( 'the Publishing log as WordPress serves it (the real build)', () => {
	let site;
	let pluginCopy;
	let admin;

	const page = async ( slug, who = admin ) => {
		const res = await site.fetch( `/wp-admin/admin.php?page=${ slug }`, {
			headers: { cookie: who.cookie },
		} );
		return { status: res.status, html: await res.text() };
	};
	const loginAs = async ( login, role ) => {
		await site.createUser( login, role );
		await site.setPassword( login, `${ login }-password` );
		return site.login( login, `${ login }-password` );
	};

	before( async () => {
		pluginCopy = await pluginWithRealBuild( ENTRIES );
		site = await startSite( { pluginDir: pluginCopy } );
		await site.setConnection( fakeConnection() );
		admin = await site.login( 'admin', ADMIN_PASSWORD );
	} );

	after( async () => {
		await site?.stop();
		await rm( pluginCopy, { recursive: true, force: true } );
	} );

	test( 'igny8-publishing renders its root and loads only its own script and style, with the user’s rights', async () => {
		const { status, html } = await page( 'igny8-publishing' );
		assert.equal( status, 200 );
		assert.match(
			html,
			/<div id="igny8-publishing-root" class="wrap"><\/div>/
		);
		const version = builtVersion( 'publishing' );
		assert.match(
			html,
			new RegExp(
				`<script [^>]*src="[^"]+/build/publishing\\.js\\?ver=${ version }"`
			)
		);
		assert.match( html, /build\/publishing\.css\?ver=/ );
		for ( const other of [ 'settings', 'content', 'credits', 'tasks' ] ) {
			assert.doesNotMatch(
				html,
				new RegExp( `igny8-${ other }-js|build/${ other }\\.js` ),
				`the log loads ${ other }`
			);
		}
		assert.doesNotMatch( html, /build\/publishing-chart\.js/ );
		const state = JSON.parse(
			/<script[^>]*id="igny8-publishing-js-before"[^>]*>[^]*?window\.igny8Initial = (\{.*?\});\s*<\/script>/s.exec(
				html
			)[ 1 ]
		);
		assert.equal( state.connected, true );
		assert.equal( state.siteId, 7 );
		assert.deepEqual( state.user, {
			id: 1,
			canManage: true,
			canEdit: true,
		} );
		assert.doesNotMatch( html, /site_secret/ );
	} );

	test( 'the log is listed after the Writer’s pages and before Credits; a viewer may open it, a subscriber not', async () => {
		const { html } = await page( 'igny8-planner' );
		const at = ( slug ) =>
			html.search(
				new RegExp( `href=['"]admin\\.php\\?page=${ slug }['"]` )
			);
		const order = [
			'igny8-images',
			'igny8-publishing',
			'igny8-credits',
		].map( at );
		assert.ok(
			order.every( ( index ) => index > 0 ),
			`${ order }`
		);
		assert.deepEqual(
			[ ...order ].sort( ( a, b ) => a - b ),
			order
		);
		assert.match( html, />Publishing<\/a>/ );

		const contributor = await loginAs( 'contrib', 'contributor' );
		const asViewer = await page( 'igny8-publishing', contributor );
		assert.equal( asViewer.status, 200 );
		assert.match( asViewer.html, /"canEdit":false/ );
		const subscriber = await loginAs( 'sub', 'subscriber' );
		assert.equal(
			( await page( 'igny8-publishing', subscriber ) ).status,
			403
		);
	} );

	test( 'without a build the log shows a notice instead of failing', async () => {
		await rm( path.join( pluginCopy, 'build' ), { recursive: true } );
		const { status, html } = await page( 'igny8-publishing' );
		assert.equal( status, 200 );
		assert.match( html, MISSING_BUILD_NOTICE );
		assert.match(
			html,
			/<div id="igny8-publishing-root" class="wrap"><\/div>/
		);
	} );

	test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
		assert.deepEqual( await site.phpErrors(), [] );
	} );
} );

describe( 'in Chromium, against the local cloud and a connected WordPress (the real build)', () => {
	const WP_PASSWORD = 'publishing-admin-pass';
	const TITLES = {
		draft: 'Waxing a trail shoe',
		live: 'Lacing for steep descents',
		down: 'Drying shoes after a river crossing',
	};
	/** A publish waits in the queue, runs, and may be retried: allow for it. */
	const PUBLISH_TIMEOUT = 60_000;

	let fake;
	let stack;
	let stateDir;
	let browser;
	let page;
	let siteId;
	let wpPort;
	/** WordPress started again by the outage test (stopped in after()). */
	let restarted = null;
	/** Content id by key of TITLES. */
	const ids = {};
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
			`${ method } ${ route } answered ${ res.status }: ${ JSON.stringify( json ) }`
		);
		return json.data ?? json;
	}

	async function waitUntil( check, what, timeout = 20_000 ) {
		const until = Date.now() + timeout;
		for (;;) {
			const value = await check();
			if ( value ) {
				return value;
			}
			assert.ok( Date.now() < until, `timed out: ${ what }` );
			await new Promise( ( resolve ) => setTimeout( resolve, 250 ) );
		}
	}

	/** Writes each task with the stand-in model, then approves what it wrote; answers the content ids. */
	async function approvedArticles( titles ) {
		const sectors = await cloud( 'GET', `/auth/sites/${ siteId }/sectors` );
		const taskIds = [];
		for ( const title of titles ) {
			const task = await cloud( 'POST', '/writer/tasks', {
				site_id: siteId,
				sector_id: sectors.results[ 0 ].id,
				title,
				content_structure: {
					sections: [ { heading: 'Why it matters' } ],
				},
			} );
			taskIds.push( task.id );
		}
		const started = await cloud( 'POST', '/writer/tasks/generate_content', {
			site_id: siteId,
			task_ids: taskIds,
		} );
		assert.equal( started.jobs.length, titles.length );
		for ( const job of started.jobs ) {
			const ended = await waitUntil(
				async () => {
					const now = await cloud( 'GET', `/ai/jobs/${ job.id }` );
					return [ 'succeeded', 'failed', 'cancelled' ].includes(
						now.state
					)
						? now
						: null;
				},
				`job ${ job.id }`,
				60_000
			);
			assert.equal( ended.state, 'succeeded', JSON.stringify( ended ) );
		}
		const out = [];
		for ( const taskId of taskIds ) {
			const [ piece ] = (
				await cloud(
					'GET',
					`/writer/content?site_id=${ siteId }&task_id=${ taskId }`
				)
			).results;
			await cloud( 'PATCH', `/writer/content/${ piece.id }`, {
				status: 'approved',
			} );
			out.push( piece.id );
		}
		return out;
	}

	const content = ( id ) => cloud( 'GET', `/writer/content/${ id }` );
	const recordsOf = async ( contentId ) =>
		(
			await cloud(
				'GET',
				`/publisher/records?site_id=${ siteId }&content_id=${ contentId }&ordering=-created_at`
			)
		).results;

	/** The post as WordPress stores it, with its terms and IGNY8 meta. */
	async function wpPost( postId ) {
		const out = await runPhp(
			stack.wpDir,
			`$p = get_post( ${ Number( postId ) } );
			echo wp_json_encode( $p ? array(
				'status' => $p->post_status,
				'title' => $p->post_title,
				'categories' => wp_get_post_terms( $p->ID, 'category', array( 'fields' => 'names' ) ),
				'tags' => wp_get_post_terms( $p->ID, 'post_tag', array( 'fields' => 'names' ) ),
				'content_id' => (int) get_post_meta( $p->ID, '_igny8_content_id', true ),
				'permalink' => get_permalink( $p ),
			) : null );`
		);
		return JSON.parse( out.trim().split( '\n' ).pop() );
	}

	/**
	 * Waits until `where` shows the publish of `contentId` as published; on timeout, says what it showed and
	 * what the cloud's records say.
	 */
	async function shownPublished( where, contentId ) {
		const done = where.locator(
			'[data-testid="igny8-publish-progress"][data-status="published"]'
		);
		try {
			await done.waitFor( { timeout: PUBLISH_TIMEOUT } );
		} catch ( error ) {
			const shown = await where.innerText().catch( () => '' );
			const records = await recordsOf( contentId ).catch( () => [] );
			throw new Error(
				`${ error.message }\nshown: ${ shown }\nrecords: ${ JSON.stringify( records ) }`
			);
		}
		return done;
	}

	const admin = ( slug, extra = '' ) =>
		`${ stack.wpUrl }/wp-admin/admin.php?page=${ slug }${ extra }`;
	const text = async ( locator ) =>
		( await locator.textContent() ).replace( /\s+/g, ' ' ).trim();
	const settled = ( target ) =>
		target.locator( 'table.igny8-table[aria-busy="false"]' ).waitFor();
	const rowOf = ( title ) =>
		page.getByRole( 'row' ).filter( { hasText: title } );

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

	before( async () => {
		assertBuilt( ENTRIES );
		fake = await startFakeOpenAi();
		stateDir = await mkdtemp( path.join( tmpdir(), 'igny8-publishing-' ) );
		wpPort = await freePort();
		stack = await startStack( {
			stateDir,
			cloudPort: await freePort(),
			wpPort,
			connect: true,
			wpPassword: WP_PASSWORD,
			// A failed attempt is tried again after 1 s, then 2, 4…: a publish gives up within a minute.
			cloudVars: { SYNC_RETRY_BASE_SECONDS: '1' },
		} );
		siteId = stack.demo.site.id;
		await cloud( 'PUT', '/system/integrations/openai', {
			api_key: 'sk-test-publishing-pages',
			base_url: fake.url,
			text_model: 'gpt-4o-mini',
			image_model: 'gpt-image-1',
		} );
		[ ids.draft, ids.live, ids.down ] = await approvedArticles( [
			TITLES.draft,
			TITLES.live,
			TITLES.down,
		] );
		// A category WordPress already has: the publish dialog suggests it.
		await runPhp(
			stack.wpDir,
			`wp_insert_term( 'Trail gear', 'category' );`
		);
		browser = await launch();
		page = await newPage( stack.wpAdmin.user, WP_PASSWORD );
	} );

	after( async () => {
		for ( const context of contexts ) {
			await context.close().catch( () => {} );
		}
		await browser?.close();
		await restarted?.stop();
		await stack?.stop();
		await fake?.close();
		if ( stateDir ) {
			await rm( stateDir, { recursive: true, force: true } );
		}
	} );

	test( 'Content: an approved piece is published as a draft with a suggested category and a new tag; the record reaches “published” and “Edit in WordPress” opens the real post', async () => {
		await page.goto( admin( 'igny8-content' ) );
		await settled( page );
		const row = rowOf( TITLES.draft );
		assert.equal( await text( row.locator( 'td.column-wordpress' ) ), '—' );
		await row.getByRole( 'button', { name: 'Publish' } ).click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Publish to WordPress',
		} );
		await dialog.waitFor();
		assert.equal(
			await dialog.getByRole( 'radio', { name: 'A draft' } ).isChecked(),
			true,
			'a draft unless the user says otherwise'
		);
		await dialog.getByLabel( 'Categories' ).fill( 'Trail' );
		await dialog.getByRole( 'option', { name: 'Trail gear' } ).click();
		await dialog.getByLabel( 'Tags' ).fill( 'wet rock' );
		await dialog.getByLabel( 'Tags' ).press( 'Enter' );
		await dialog
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();

		const progress = await shownPublished( dialog, ids.draft );
		assert.equal(
			await text( progress.getByTestId( 'igny8-publish-summary' ) ),
			'Published in WordPress.'
		);
		assert.deepEqual(
			await progress
				.locator( '.igny8-publish-steps li.is-done' )
				.allTextContents(),
			[ 'Queued', 'Publishing', 'Published' ]
		);
		const [ record ] = await recordsOf( ids.draft );
		assert.equal( record.status, 'published' );
		assert.equal( record.publish_as, 'draft' );
		assert.deepEqual( record.categories, [ 'Trail gear' ] );
		assert.deepEqual( record.tags, [ 'wet rock' ] );
		const post = await wpPost( record.wp_post_id );
		assert.equal( post.status, 'draft' );
		assert.equal( post.title, TITLES.draft );
		assert.deepEqual( post.categories, [ 'Trail gear' ] );
		assert.deepEqual( post.tags, [ 'wet rock' ] );
		assert.equal( post.content_id, ids.draft );

		const edit = progress.getByRole( 'link', {
			name: 'Edit in WordPress',
		} );
		assert.equal(
			await edit.getAttribute( 'href' ),
			`post.php?post=${ record.wp_post_id }&action=edit`
		);
		await dialog.getByRole( 'button', { name: 'Done' } ).click();
		await dialog.waitFor( { state: 'detached' } );

		// The list: the badge, the post's status in WordPress, and the post's links.
		await row
			.locator( '[data-testid="igny8-sync-badge"]' )
			.filter( { hasText: 'Synced' } )
			.waitFor();
		assert.equal(
			await text( row.locator( '.igny8-wp-status' ) ),
			'Draft in WordPress'
		);
		assert.equal(
			await text( row.locator( 'td.column-status' ) ),
			'Published'
		);
		await row
			.getByRole( 'button', { name: 'Update in WordPress' } )
			.waitFor();
		await row.getByRole( 'link', { name: 'Edit in WordPress' } ).click();
		await page.waitForURL( /post\.php\?post=\d+&action=edit/ );
		const opened = await page.waitForFunction(
			() => {
				const editor = globalThis.wp?.data?.select( 'core/editor' );
				return editor?.getCurrentPostId()
					? [
							editor.getCurrentPostId(),
							editor.getEditedPostAttribute( 'title' ),
						]
					: null;
			},
			null,
			{ timeout: 30_000 }
		);
		assert.deepEqual( await opened.jsonValue(), [
			record.wp_post_id,
			TITLES.draft,
		] );
	} );

	test( 'Content: the review screen publishes a piece live, shows its WordPress status and links, and updates it', async () => {
		await page.goto( admin( 'igny8-content', `&content=${ ids.live }` ) );
		const panel = page.getByRole( 'region', { name: 'WordPress' } );
		await panel.waitFor();
		assert.equal(
			await text( panel.getByTestId( 'igny8-wp-status' ) ),
			'Not published yet.'
		);
		await panel.getByRole( 'button', { name: 'Publish' } ).click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Publish to WordPress',
		} );
		await dialog.getByRole( 'radio', { name: 'Published' } ).check();
		await dialog
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		await shownPublished( dialog, ids.live );
		await dialog.getByRole( 'button', { name: 'Done' } ).click();

		await panel
			.getByTestId( 'igny8-wp-status' )
			.filter( { hasText: 'Published in WordPress' } )
			.waitFor();
		const stored = await content( ids.live );
		assert.equal( stored.status, 'published' );
		assert.equal( stored.sync_state, 'synced' );
		assert.equal( stored.wp_status, 'publish' );
		assert.equal(
			await text(
				page.locator( '.igny8-review-header .igny8-sync-badge' )
			),
			'Synced'
		);
		assert.equal(
			await panel
				.getByRole( 'link', { name: 'Edit in WordPress' } )
				.getAttribute( 'href' ),
			`post.php?post=${ stored.external_id }&action=edit`
		);
		const view = panel.getByRole( 'link', { name: /View post/ } );
		assert.equal( await view.getAttribute( 'href' ), stored.external_url );
		const live = await fetch( stored.external_url );
		assert.equal( live.status, 200 );
		assert.match( await live.text(), new RegExp( TITLES.live ) );

		// Update: the post's own terms are offered, and only a change of them is sent.
		await panel
			.getByRole( 'button', { name: 'Update in WordPress' } )
			.click();
		const update = page.getByRole( 'dialog', {
			name: 'Update in WordPress',
		} );
		assert.equal(
			await update
				.getByRole( 'radio', { name: 'Published' } )
				.isChecked(),
			true
		);
		await update
			.locator( '.components-form-token-field__token' )
			.filter( { hasText: 'Uncategorized' } )
			.waitFor();
		await update.getByRole( 'button', { name: 'Update the post' } ).click();
		await shownPublished( update, ids.live );
		await update.getByRole( 'button', { name: 'Done' } ).click();
		const records = await recordsOf( ids.live );
		assert.deepEqual(
			records.map( ( r ) => [ r.action, r.status ] ),
			// Publishing again is the user's publish too ("update" is a cloud-side edit going out by itself).
			[
				[ 'publish', 'published' ],
				[ 'publish', 'published' ],
			]
		);
		assert.equal( records[ 0 ].categories, null, 'terms left alone' );
		assert.equal(
			( await wpPost( stored.external_id ) ).status,
			'publish'
		);
	} );

	test( 'Content: the list filters by sync state', async () => {
		await page.goto( admin( 'igny8-content' ) );
		await settled( page );
		await page
			.getByLabel( 'Sync state' )
			.selectOption( { label: 'Synced' } );
		await rowOf( TITLES.down ).waitFor( { state: 'detached' } );
		await settled( page );
		assert.deepEqual(
			(
				await page
					.locator( 'tbody th.column-primary strong' )
					.allTextContents()
			).sort(),
			[ TITLES.live, TITLES.draft ].sort()
		);
		await page
			.getByLabel( 'Sync state' )
			.selectOption( { label: 'Not published' } );
		await rowOf( TITLES.down ).waitFor();
		await settled( page );
		assert.equal( await rowOf( TITLES.draft ).count(), 0 );
	} );

	test( 'the Publishing log lists the site’s records newest first, with their links and attempts', async () => {
		await page.goto( admin( 'igny8-publishing' ) );
		await page
			.getByRole( 'heading', { name: 'Publishing log', level: 1 } )
			.waitFor();
		await settled( page );
		const rows = page.getByTestId( 'igny8-record-row' );
		assert.equal( await rows.count(), 3 );
		const cells = async ( row, key ) =>
			text( row.locator( `.column-${ key }` ) );
		const expected = [
			[ TITLES.live, 'Publish' ],
			[ TITLES.live, 'Publish' ],
			[ TITLES.draft, 'Publish' ],
		];
		const records = (
			await cloud(
				'GET',
				`/publisher/records?site_id=${ siteId }&ordering=-created_at`
			)
		).results;
		for ( const [ index, [ title, action ] ] of expected.entries() ) {
			const row = rows.nth( index );
			assert.equal( await cells( row, 'title' ), title );
			assert.equal( await cells( row, 'action' ), action );
			assert.equal( await cells( row, 'status' ), 'Published' );
			assert.equal( await cells( row, 'attempts' ), '1/6' );
			// A published record may carry a note (an image left out for want of a picture).
			assert.equal(
				await cells( row, 'error' ),
				records[ index ].error ?? '—'
			);
		}
		const first = rows.nth( 0 );
		const stored = await content( ids.live );
		assert.match(
			await first
				.getByRole( 'link', { name: TITLES.live } )
				.getAttribute( 'href' ),
			new RegExp( `page=igny8-content&content=${ ids.live }$` )
		);
		assert.equal(
			await first
				.getByRole( 'link', { name: 'Edit in WordPress' } )
				.getAttribute( 'href' ),
			`post.php?post=${ stored.external_id }&action=edit`
		);
		await page.getByLabel( 'Status' ).selectOption( { label: 'Failed' } );
		await page.getByText( 'No records with this status.' ).waitFor();
		assert.match( page.url(), /status=failed/ );
		await page.getByLabel( 'Status' ).selectOption( { label: 'All' } );
		await settled( page );

		await page
			.getByRole( 'button', { name: 'Last 14 days as a chart' } )
			.click();
		const chart = page.getByTestId( 'igny8-publishing-chart' );
		await chart.waitFor();
		assert.deepEqual(
			await chart.locator( '.igny8-legend li' ).allTextContents(),
			[ 'Published: 3', 'Failed: 0' ]
		);
		// All three today, the last of the 14 days.
		const days = chart.locator( 'g[data-date]' );
		assert.equal( await days.count(), 14 );
		assert.equal( await days.last().getAttribute( 'data-published' ), '3' );
		assert.equal( await days.last().getAttribute( 'data-failed' ), '0' );
	} );

	test( 'a publish made while WordPress is down fails with its error, and Retry gets it through once WordPress is back', async () => {
		await stack.wordpress.stop();
		let record;
		try {
			( { record } = await cloud(
				'POST',
				`/writer/content/${ ids.down }/publish`,
				{ status: 'publish' }
			) );
			record = await waitUntil(
				async () => {
					const now = await cloud(
						'GET',
						`/publisher/records/${ record.id }`
					);
					return now.status === 'failed' ? now : null;
				},
				'the publish gives up',
				120_000
			);
		} finally {
			restarted = await startWordPress( {
				dir: stack.wpDir,
				port: wpPort,
			} );
		}
		assert.equal( record.attempts, record.max_attempts );
		assert.ok( record.error, 'the record says what went wrong' );

		await page.goto( admin( 'igny8-content' ) );
		await settled( page );
		assert.equal(
			await text(
				rowOf( TITLES.down ).getByTestId( 'igny8-sync-badge' )
			),
			'Failed'
		);

		await page.goto( admin( 'igny8-publishing', '&status=failed' ) );
		await settled( page );
		const row = page
			.getByTestId( 'igny8-record-row' )
			.filter( { hasText: TITLES.down } );
		assert.equal( await text( row.locator( '.column-status' ) ), 'Failed' );
		assert.equal(
			await text( row.locator( '.column-attempts' ) ),
			`${ record.max_attempts }/${ record.max_attempts }`
		);
		assert.equal(
			await text( row.locator( '.column-error' ) ),
			record.error.replace( /\s+/g, ' ' ).trim()
		);
		await row.getByRole( 'button', { name: 'Retry' } ).click();
		await row
			.locator( '.column-status' )
			.filter( { hasText: 'Published' } )
			.waitFor( { timeout: PUBLISH_TIMEOUT } )
			.catch( async ( error ) => {
				throw new Error(
					`${ error.message }\nrow: ${ await row
						.innerText()
						.catch( () => '' ) }\nrecords: ${ JSON.stringify(
						await recordsOf( ids.down )
					) }`
				);
			} );
		const stored = await content( ids.down );
		assert.equal( stored.sync_state, 'synced' );
		assert.equal(
			await row
				.getByRole( 'link', { name: 'Edit in WordPress' } )
				.getAttribute( 'href' ),
			`post.php?post=${ stored.external_id }&action=edit`
		);
		assert.equal(
			( await wpPost( stored.external_id ) ).status,
			'publish'
		);
	} );

	test( 'Settings shows the sync with the cloud’s and the outbox’s numbers, and “Sync now” runs a full sync to its end', async () => {
		await page.goto( admin( 'igny8-settings' ) );
		const card = page.locator( '.igny8-sync-card' );
		await card.getByTestId( 'igny8-sync-mirrored' ).waitFor();
		const status = await cloud(
			'GET',
			`/integration/sites/${ siteId }/sync`
		);
		assert.equal(
			await text( card.getByTestId( 'igny8-sync-mirrored' ) ),
			status.posts_mirrored.toLocaleString( 'en-US' )
		);
		assert.equal(
			await text( card.getByTestId( 'igny8-sync-publishing' ) ),
			`${ status.publishing_pending } waiting · ${ status.publishing_failed } failed · ${ status.conflicts } in conflict`
		);
		await card
			.getByTestId( 'igny8-outbox' )
			.filter( { hasText: 'waiting' } )
			.waitFor();
		assert.match(
			await text( card.getByTestId( 'igny8-outbox' ) ),
			/^\d+ waiting · \d+ failed/
		);

		await card.getByRole( 'button', { name: 'Sync now' } ).click();
		const done = card.getByTestId( 'igny8-sync-done' );
		await done.waitFor( { timeout: PUBLISH_TIMEOUT } );
		const after = await cloud(
			'GET',
			`/integration/sites/${ siteId }/sync`
		);
		assert.equal( after.last_full_sync.state, 'succeeded' );
		const published = Number(
			(
				await runPhp(
					stack.wpDir,
					`echo (int) wp_count_posts( 'post' )->publish;`
				)
			).trim()
		);
		assert.ok( published >= 2, `${ published } published posts` );
		assert.equal(
			await text( done ),
			`Sync finished: ${ after.last_full_sync.posts_seen } posts read from WordPress.`
		);
		assert.match(
			await text( card.getByTestId( 'igny8-sync-last' ) ),
			new RegExp(
				`^Finished .* · ${ after.last_full_sync.posts_seen } posts? read$`
			)
		);
		assert.equal(
			await text( card.getByTestId( 'igny8-sync-mirrored' ) ),
			after.posts_mirrored.toLocaleString( 'en-US' )
		);
		assert.ok( after.posts_mirrored >= published );
		// The backlog as the plugin's own outbox counts it.
		const backlog = JSON.parse(
			(
				await runPhp(
					stack.wpDir,
					'echo wp_json_encode( \\IGNY8\\Outbox::backlog() );'
				)
			)
				.trim()
				.split( '\n' )
				.pop()
		);
		assert.match(
			await text( card.getByTestId( 'igny8-outbox' ) ),
			new RegExp(
				`^${ backlog.pending } waiting · ${ backlog.failed } failed`
			)
		);
	} );

	test( 'a viewer reads the log and the content’s WordPress state, without Publish or Retry', async () => {
		await runPhp(
			stack.wpDir,
			`$id = wp_insert_user( array( 'user_login' => 'reader', 'user_pass' => 'reader-pass-2026', 'user_email' => 'reader@example.com', 'role' => 'contributor' ) );
			if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }`
		);
		const viewer = await newPage( 'reader', 'reader-pass-2026' );
		await viewer.goto( admin( 'igny8-publishing' ) );
		await settled( viewer );
		// Four publishes: two of the draft and live pieces, an update, and the one retried after the outage.
		assert.equal(
			await viewer.getByTestId( 'igny8-record-row' ).count(),
			4
		);
		assert.equal(
			await viewer.getByRole( 'button', { name: 'Retry' } ).count(),
			0
		);
		await viewer.goto( admin( 'igny8-content', `&content=${ ids.live }` ) );
		const panel = viewer.getByRole( 'region', { name: 'WordPress' } );
		await panel
			.getByTestId( 'igny8-wp-status' )
			.filter( { hasText: 'Published in WordPress' } )
			.waitFor();
		assert.equal(
			await panel
				.getByRole( 'button', { name: 'Update in WordPress' } )
				.isDisabled(),
			true
		);
	} );
} );
