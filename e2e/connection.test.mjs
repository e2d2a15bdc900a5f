// End to end: a real cloud (wrangler dev) and a real WordPress 6.5.5, driven through wp-admin in Chromium.
// The admin pastes a connection code made in the cloud, sees "Connected" with the site's name from the
// cloud, tests both directions, and disconnects.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freePort } from '../scripts/wp/env.mjs';
import {
	connectionCode,
	demoOwner,
	demoSite,
	startStack,
	wordpressConnection,
} from '../scripts/dev/stack.mjs';
import { launch, wpLogin } from './browser.mjs';

/* global document -- waitForFunction() callbacks run in the page, not in Node */

const SITE_NAME = 'Espresso Lab';
let stack;
let browser;
let page;
let owner;
let site;
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-e2e-' ) );

before( async () => {
	stack = await startStack( {
		stateDir,
		cloudPort: await freePort(),
		wpPort: await freePort(),
		connect: false,
		wpPassword: 'e2e-admin-pass',
	} );
	owner = await demoOwner( stack.cloudUrl, {
		email: 'e2e@example.test',
		password: 'e2e-password-123',
		account: 'E2E Agency',
	} );
	site = await demoSite( stack.cloudUrl, owner.access, SITE_NAME );
	browser = await launch();
	page = await browser.newPage();
	page.on( 'pageerror', ( err ) =>
		console.error( 'page error:', err.message )
	);
	await wpLogin( page, stack.wpUrl, 'admin', 'e2e-admin-pass' );
} );

after( async () => {
	await browser?.close();
	await stack?.stop();
	rmSync( stateDir, { recursive: true, force: true } );
} );

async function cloudSite() {
	const res = await fetch(
		`${ stack.cloudUrl }/api/v1/auth/sites/${ site.id }`,
		{ headers: { authorization: `Bearer ${ owner.access }` } }
	);
	return ( await res.json() ).data;
}

test( 'an admin connects the site with a code from the cloud and sees "Connected" with the site name', async () => {
	const code = await connectionCode( stack.cloudUrl, owner.access, site.id );
	await page.goto(
		`${ stack.wpUrl }/wp-admin/admin.php?page=igny8-settings`
	);
	await page.getByLabel( 'Cloud URL' ).fill( stack.cloudUrl );
	await page.getByLabel( 'Connection code' ).fill( code );
	await page.getByRole( 'button', { name: 'Connect', exact: true } ).click();
	// The plan comes only from the cloud (GET /auth/me with the WordPress-minted token, CORS).
	await page
		.getByTestId( 'igny8-plan-name' )
		.filter( { hasText: 'Free' } )
		.waitFor();
	assert.equal(
		( await page.getByTestId( 'igny8-site-name' ).textContent() ).trim(),
		SITE_NAME
	);
	assert.equal(
		( await page.getByTestId( 'igny8-account-name' ).textContent() ).trim(),
		'E2E Agency'
	);

	// After a reload the page shows the connection and the details fetched from the cloud.
	await page.reload();
	await page
		.getByTestId( 'igny8-plan-name' )
		.filter( { hasText: 'Free' } )
		.waitFor();
	assert.equal(
		( await page.getByTestId( 'igny8-site-name' ).textContent() ).trim(),
		SITE_NAME
	);
	assert.ok(
		await page.getByText( 'Connected', { exact: true } ).isVisible()
	);
	assert.equal(
		( await wordpressConnection( stack.wpDir ) ).siteId,
		site.id
	);
	assert.equal( ( await cloudSite() ).connected, true );
} );

test( '"Test connection" checks WordPress → cloud and cloud → WordPress', async () => {
	await page.getByRole( 'button', { name: 'Test connection' } ).click();
	const result = page.getByTestId( 'igny8-test-result' );
	await result.waitFor();
	await page.waitForFunction( () =>
		/Cloud → WordPress: (OK|Failed)/.test(
			document.querySelector( '[data-testid="igny8-test-result"]' )
				?.textContent ?? ''
		)
	);
	const text = await result.textContent();
	assert.match( text, /WordPress → cloud: OK/ );
	assert.match( text, /Cloud → WordPress: OK/ );
	assert.ok( ( await cloudSite() ).last_seen_at );
} );

test( "a wrong code shows the cloud's error and changes nothing", async () => {
	// Disconnect first (from the page), then try a bad code.
	await page.getByRole( 'button', { name: 'Disconnect' } ).click();
	const confirm = page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'Disconnect' } );
	await confirm.click();
	await page.getByLabel( 'Connection code' ).waitFor();
	assert.equal( await wordpressConnection( stack.wpDir ), null );
	assert.equal( ( await cloudSite() ).connected, false );

	await page.getByLabel( 'Connection code' ).fill( 'IG8-WRNG-CODE-XXXX' );
	await page.getByRole( 'button', { name: 'Connect', exact: true } ).click();
	await page
		.locator( '#igny8-settings-root' )
		.getByText( /wrong, used or expired/ )
		.waitFor();
	assert.equal( await wordpressConnection( stack.wpDir ), null );
} );
