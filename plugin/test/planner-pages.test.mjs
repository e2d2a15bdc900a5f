// The Planner's wp-admin screens: one root div and one script per screen, only on that screen, with the
// initial state saying whether the user may change the plan.

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
	MISSING_BUILD_NOTICE,
	builtDependencies,
	builtVersion,
	pluginWithRealBuild,
} from './real-build.mjs';
import { ADMIN_PASSWORD, fakeConnection, startSite } from './wp-fixture.mjs';

const PAGES = {
	planner: 'igny8-planner',
	keywords: 'igny8-keywords',
	clusters: 'igny8-clusters',
	ideas: 'igny8-ideas',
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

before( async () => {
	pluginCopy = await pluginWithRealBuild( [
		'settings',
		...Object.keys( PAGES ),
	] );
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
		const res = await site.fetch( `/wp-admin/admin.php?page=${ slug }`, {
			headers: { cookie: admin.cookie },
		} );
		assert.equal( res.status, 200 );
		const html = await res.text();
		has(
			html,
			new RegExp( `<div id="igny8-${ entry }-root" class="wrap"></div>` )
		);
		const version = builtVersion( entry );
		has(
			html,
			new RegExp(
				`<script [^>]*src="[^"]+/build/${ entry }\\.js\\?ver=${ version }"`
			)
		);
		has( html, new RegExp( `build/${ entry }\\.css\\?ver=${ version }` ) );
		for ( const dependency of builtDependencies( entry ) ) {
			has(
				html,
				new RegExp(
					`id="${ dependency }-js"|load%5Bchunk_\\d+%5D=([^'"&]*,)?${ dependency }[,&'"]`
				),
				`${ dependency }, a dependency in build/${ entry }.asset.php, is loaded`
			);
		}
		for ( const other of [ 'settings', ...Object.keys( PAGES ) ].filter(
			( name ) => name !== entry
		) ) {
			hasNot(
				html,
				new RegExp( `igny8-${ other }-js|build/${ other }\\.js` ),
				`${ slug } loads ${ other }`
			);
		}
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

test( 'the Planner pages are listed in the IGNY8 menu', async () => {
	const html = await (
		await site.fetch( '/wp-admin/index.php', {
			headers: { cookie: admin.cookie },
		} )
	).text();
	for ( const slug of Object.values( PAGES ) ) {
		has(
			html,
			new RegExp( `href=['"]admin\\.php\\?page=${ slug }['"]` ),
			`menu links to ${ slug }`
		);
	}
	hasNot(
		html,
		/igny8-(planner|keywords|clusters|ideas)-js|igny8Initial/,
		'no Planner script on other screens'
	);
} );

test( 'an editor is led from the IGNY8 menu to the Planner and may change it', async () => {
	const editor = await loginAs( 'ed', 'editor' );
	const dashboard = await (
		await site.fetch( '/wp-admin/index.php', {
			headers: { cookie: editor.cookie },
		} )
	).text();
	has(
		dashboard,
		/<a href='admin\.php\?page=igny8-planner' class="[^"]*menu-top/,
		'the top-level IGNY8 link opens the Planner'
	);
	hasNot(
		dashboard,
		/href='admin\.php\?page=igny8-settings'/,
		'no link to the settings an editor may not open'
	);
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-keywords', {
		headers: { cookie: editor.cookie },
	} );
	assert.equal( res.status, 200 );
	assert.deepEqual( inlineState( await res.text(), 'keywords' ).user, {
		id: 2,
		canManage: false,
		canEdit: true,
	} );
} );

test( 'a contributor (an IGNY8 viewer) sees the Planner read-only; a subscriber gets no IGNY8 page', async () => {
	const contributor = await loginAs( 'contrib', 'contributor' );
	for ( const [ entry, slug ] of Object.entries( PAGES ) ) {
		const res = await site.fetch( `/wp-admin/admin.php?page=${ slug }`, {
			headers: { cookie: contributor.cookie },
		} );
		assert.equal( res.status, 200, slug );
		assert.equal(
			inlineState( await res.text(), entry ).user.canEdit,
			false
		);
	}
	const subscriber = await loginAs( 'sub', 'subscriber' );
	for ( const slug of [ ...Object.values( PAGES ), 'igny8-settings' ] ) {
		const res = await site.fetch( `/wp-admin/admin.php?page=${ slug }`, {
			headers: { cookie: subscriber.cookie },
		} );
		assert.equal( res.status, 403, slug );
	}
} );

test( 'logged-out visitors are sent to the login', async () => {
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-keywords' );
	assert.equal( res.status, 302 );
	assert.match( res.headers.get( 'location' ) ?? '', /wp-login\.php/ );
} );

test( 'without a build a Planner page shows a notice instead of failing', async () => {
	await rm( path.join( pluginCopy, 'build' ), { recursive: true } );
	const res = await site.fetch( '/wp-admin/admin.php?page=igny8-ideas', {
		headers: { cookie: admin.cookie },
	} );
	assert.equal( res.status, 200 );
	const html = await res.text();
	has( html, MISSING_BUILD_NOTICE );
	has( html, /<div id="igny8-ideas-root" class="wrap"><\/div>/ );
	hasNot( html, /igny8-ideas-js/ );
} );

test( 'nothing above logged a PHP error, warning, notice or deprecation', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
