// IGNY8 → Credits and the tabbed Settings, as WordPress serves them: each screen has one root div and loads
// only its own script (the Settings tabs come as chunks of that script, never as scripts of their own), and
// only users with a cloud token (edit_posts and up) get them. What the pages show in a browser against the
// real cloud is e2e/ai.test.mjs.

import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
	ADMIN_PASSWORD,
	PLUGIN_DIR,
	fakeConnection,
	startSite,
} from './wp-fixture.mjs';

const ENTRIES = [
	'settings',
	'planner',
	'keywords',
	'clusters',
	'ideas',
	'credits',
];

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

// A copy of the plugin with a stand-in build, so the screens can be checked without `npm run build`.
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
			`<?php return array( 'dependencies' => array( 'wp-element', 'wp-components' ), 'version' => 'v-${ entry }-1' );`
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
	// Lazily loaded chunks sit next to the entries; nothing may enqueue them.
	for ( const chunk of [
		'settings-providers',
		'settings-prompts',
		'settings-authors',
		'settings-strategies',
		'credits-charts',
	] ) {
		await writeFile(
			path.join( dir, 'build', `${ chunk }.js` ),
			`/* ${ chunk } */`
		);
	}
	return dir;
}

function inlineState( html, entry ) {
	const inline = new RegExp(
		`<script[^>]*id="igny8-${ entry }-js-before"[^>]*>\\s*window\\.igny8Initial = (\\{.*?\\});\\s*</script>`,
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

function assertOnlyEntry( html, entry ) {
	has(
		html,
		new RegExp(
			`<script [^>]*src="[^"]+/build/${ entry }\\.js\\?ver=v-${ entry }-1"`
		)
	);
	has( html, new RegExp( `build/${ entry }\\.css\\?ver=v-${ entry }-1` ) );
	for ( const other of ENTRIES.filter( ( name ) => name !== entry ) ) {
		hasNot(
			html,
			new RegExp( `igny8-${ other }-js|build/${ other }\\.js` ),
			`${ entry } loads ${ other }`
		);
	}
	hasNot(
		html,
		/build\/(settings-[a-z]+|credits-charts)\.js/,
		'a lazy chunk is enqueued'
	);
}

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

test( 'igny8-credits renders its root and loads only its own script and style', async () => {
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-credits', {
		headers: { cookie: admin.cookie },
	} );
	assert.equal( res.status, 200 );
	const html = await res.text();
	has( html, /<div id="igny8-credits-root" class="wrap"><\/div>/ );
	assertOnlyEntry( html, 'credits' );
	const state = inlineState( html, 'credits' );
	assert.equal( state.connected, true );
	assert.equal( state.siteId, 7 );
	assert.equal( typeof state.cloudUrl, 'string' );
	assert.deepEqual( state.user, { id: 1, canManage: true, canEdit: true } );
	hasNot( html, /site_secret/ );
} );

test( 'the settings page, whichever tab the URL asks for, loads only the settings script', async () => {
	for ( const tab of [
		'',
		'&tab=ai-providers',
		'&tab=prompts',
		'&tab=author-profiles',
		'&tab=strategies',
	] ) {
		const res = await site.fetch(
			`/wp-admin/admin.php?page=igny8-settings${ tab }`,
			{ headers: { cookie: admin.cookie } }
		);
		assert.equal( res.status, 200, tab );
		const html = await res.text();
		has( html, /<div id="igny8-settings-root" class="wrap"><\/div>/ );
		assertOnlyEntry( html, 'settings' );
		assert.equal( inlineState( html, 'settings' ).user.canManage, true );
	}
} );

test( 'Credits is listed in the IGNY8 menu after the Planner pages', async () => {
	const html = await (
		await site.fetch( '/wp-admin/index.php', {
			headers: { cookie: admin.cookie },
		} )
	).text();
	const ideas = html.search( /href=['"]admin\.php\?page=igny8-ideas['"]/ );
	const credits = html.search(
		/href=['"]admin\.php\?page=igny8-credits['"]/
	);
	assert.ok(
		ideas > 0 && credits > ideas,
		'the menu links to Credits, after Ideas'
	);
	hasNot(
		html,
		/igny8-credits-js|igny8Initial/,
		'no IGNY8 script on other screens'
	);
} );

test( 'a subscriber gets no IGNY8 page: below edit_posts there is no cloud token to show anything with', async () => {
	const subscriber = await loginAs( 'sub', 'subscriber' );
	const menu = await (
		await site.fetch( '/wp-admin/profile.php', {
			headers: { cookie: subscriber.cookie },
		} )
	).text();
	hasNot( menu, /href=['"]admin\.php\?page=igny8-/ );
	for ( const screen of [
		'igny8-credits',
		'igny8-settings&tab=ai-providers',
	] ) {
		const res = await site.fetch( `/wp-admin/admin.php?page=${ screen }`, {
			headers: { cookie: subscriber.cookie },
		} );
		assert.equal( res.status, 403, screen );
	}
} );

test( 'a contributor (an IGNY8 viewer) may open Credits, not the settings', async () => {
	const contributor = await loginAs( 'contrib', 'contributor' );
	const credits = await site.fetch(
		'/wp-admin/admin.php?page=igny8-credits',
		{ headers: { cookie: contributor.cookie } }
	);
	assert.equal( credits.status, 200 );
	const user = inlineState( await credits.text(), 'credits' ).user;
	assert.equal( user.canManage, false );
	assert.equal( user.canEdit, false );
	const settings = await site.fetch(
		'/wp-admin/admin.php?page=igny8-settings&tab=ai-providers',
		{
			headers: { cookie: contributor.cookie },
		}
	);
	assert.equal( settings.status, 403 );
} );

test( 'a Credits page that was not built shows a notice instead of failing', async () => {
	await rm( path.join( pluginCopy, 'build', 'credits.asset.php' ) );
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-credits', {
		headers: { cookie: admin.cookie },
	} );
	assert.equal( res.status, 200 );
	const html = await res.text();
	has( html, /notice-warning[^]*Run npm run build/ );
	has( html, /<div id="igny8-credits-root" class="wrap"><\/div>/ );
	hasNot( html, /igny8-credits-js/ );
} );

test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
