// IGNY8 → Credits and the tabbed Settings, as WordPress serves them: each screen has one root div and loads
// only its own script (the Settings tabs come as chunks of that script, never as scripts of their own), and
// only users with a cloud token (edit_posts and up) get them. What the pages show in a browser against the
// real cloud is e2e/ai.test.mjs.

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
	MISSING_BUILD_NOTICE,
	anyOf,
	builtChunks,
	builtVersion,
	pluginWithRealBuild,
} from './real-build.mjs';
import { ADMIN_PASSWORD, fakeConnection, startSite } from './wp-fixture.mjs';

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
	const version = builtVersion( entry );
	has(
		html,
		new RegExp(
			`<script [^>]*src="[^"]+/build/${ entry }\\.js\\?ver=${ version }"`
		)
	);
	has( html, new RegExp( `build/${ entry }\\.css\\?ver=${ version }` ) );
	for ( const other of ENTRIES.filter( ( name ) => name !== entry ) ) {
		hasNot(
			html,
			new RegExp( `igny8-${ other }-js|build/${ other }\\.js` ),
			`${ entry } loads ${ other }`
		);
	}
	const chunks = Object.values( builtChunks() ).flat();
	assert.ok( chunks.length > 0, 'the build has lazy chunks' );
	hasNot(
		html,
		new RegExp( `build/(${ anyOf( chunks ) })` ),
		'a lazy chunk is enqueued'
	);
}

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

test( 'without a build the Credits page shows a notice instead of failing', async () => {
	await rm( path.join( pluginCopy, 'build' ), { recursive: true } );
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-credits', {
		headers: { cookie: admin.cookie },
	} );
	assert.equal( res.status, 200 );
	const html = await res.text();
	has( html, MISSING_BUILD_NOTICE );
	has( html, /<div id="igny8-credits-root" class="wrap"><\/div>/ );
	hasNot( html, /igny8-credits-js/ );
} );

test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
