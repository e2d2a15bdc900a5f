// End to end with AI: the account's owner saves an OpenAI-compatible provider in the IGNY8 dashboard (pointed at
// the local stand-in server, the only fake allowed) and tests it; wp-admin's AI settings only point there. A
// WordPress admin runs "Cluster with AI" on the Keywords page and watches the progress bar reach 100%; the
// Credits page then shows this site's charge, and the dashboard's ledger the whole account's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { freePort } from '../scripts/wp/env.mjs';
import { DEMO, startStack } from '../scripts/dev/stack.mjs';
import { dashboardLogin, launch, wpLogin } from './browser.mjs';

/* global document -- waitForFunction() callbacks run in the page, not in Node */

let stack;
let fake;
let browser;
let page;
/** Every call wp-admin made to the cloud, as `METHOD /api/v1/path`. */
const cloudCalls = [];
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-e2e-ai-' ) );

before( async () => {
	fake = await startFakeOpenAi();
	stack = await startStack( {
		stateDir,
		cloudPort: await freePort(),
		wpPort: await freePort(),
		connect: true,
		wpPassword: 'e2e-admin-pass',
	} );
	const { site, owner } = stack.demo;
	const sectors = await (
		await fetch(
			`${ stack.cloudUrl }/api/v1/auth/sites/${ site.id }/sectors`,
			{ headers: { authorization: `Bearer ${ owner.access }` } }
		)
	).json();
	const keywords = [
		'espresso grinder',
		'espresso grinders',
		'best espresso grinder',
		'burr grinder',
		'burr grinders',
		'coffee scale',
		'coffee scales',
		'milk frother',
	].map( ( keyword, i ) => ( { keyword, volume: 100 * ( i + 1 ) } ) );
	const res = await fetch(
		`${ stack.cloudUrl }/api/v1/planner/keywords/bulk_create`,
		{
			method: 'POST',
			headers: {
				authorization: `Bearer ${ owner.access }`,
				'content-type': 'application/json',
			},
			body: JSON.stringify( {
				site_id: site.id,
				sector_id: sectors.results[ 0 ].id,
				keywords,
			} ),
		}
	);
	assert.equal( res.status, 201 );
	browser = await launch();
	page = await browser.newPage();
	page.on( 'pageerror', ( err ) =>
		console.error( 'page error:', err.message )
	);
	page.on( 'request', ( req ) => {
		const url = new URL( req.url() );
		if (
			url.origin === stack.cloudUrl &&
			page.url().startsWith( stack.wpUrl ) &&
			req.method() !== 'OPTIONS'
		)
			cloudCalls.push( `${ req.method() } ${ url.pathname }` );
	} );
	await wpLogin( page, stack.wpUrl, 'admin', 'e2e-admin-pass' );
} );

after( async () => {
	await browser?.close();
	await stack?.stop();
	await fake?.close();
	rmSync( stateDir, { recursive: true, force: true } );
} );

test( 'the dashboard is served with a CSP that forbids inline script and framing, and works under it', async () => {
	const res = await fetch( `${ stack.cloudUrl }/` );
	const csp = res.headers.get( 'content-security-policy' ) ?? '';
	assert.match( csp, /script-src 'self'(;|$)/ );
	assert.match( csp, /frame-ancestors 'none'/ );
	assert.equal( res.headers.get( 'x-frame-options' ), 'DENY' );
	assert.doesNotMatch( await res.text(), /<script>/ );
} );

test( 'the owner saves and tests an OpenAI-compatible provider in the IGNY8 dashboard; the key is only shown masked', async () => {
	const dashboard = await browser.newPage();
	const violations = [];
	dashboard.on( 'console', ( message ) => {
		if ( /Content Security Policy/i.test( message.text() ) )
			violations.push( message.text() );
	} );
	dashboard.on( 'pageerror', ( err ) =>
		console.error( 'dashboard error:', err.message )
	);
	await dashboardLogin(
		dashboard,
		stack.cloudUrl,
		DEMO.email,
		DEMO.password
	);
	const form = dashboard.locator( '#provider-openai' );
	await form.waitFor();
	await dashboard
		.locator( '#openai-status[data-configured]' )
		.waitFor( { state: 'attached' } );
	await dashboard
		.locator( '#openai-api-key' )
		.fill( 'sk-e2e-secret-key-7777' );
	await dashboard.locator( '#openai-base-url' ).fill( fake.url );
	await dashboard.locator( '#openai-text-model' ).fill( 'gpt-4o-mini' );
	await form.getByRole( 'button', { name: 'Save' } ).click();
	await dashboard
		.locator( '#openai-key' )
		.filter( { hasText: 'sk-…7777' } )
		.waitFor();
	assert.equal(
		await dashboard
			.locator( '#openai-status' )
			.getAttribute( 'data-configured' ),
		'true'
	);
	assert.equal(
		await dashboard.locator( '#openai-api-key' ).inputValue(),
		'',
		'the key field is emptied after a save'
	);
	assert.equal(
		await dashboard.getByText( 'sk-e2e-secret-key-7777' ).count(),
		0
	);
	assert.equal(
		await dashboard.locator( '#openai-base-url' ).inputValue(),
		fake.url
	);

	// The stored key never follows a new base URL: the form asks for the key of the new address.
	await dashboard
		.locator( '#openai-base-url' )
		.fill( 'https://example.test/v1' );
	await form.getByRole( 'button', { name: 'Save' } ).click();
	await dashboard
		.locator( '#openai-result.err' )
		.filter( { hasText: /API key/ } )
		.waitFor();
	await dashboard.reload();
	await dashboard
		.locator( '#openai-key' )
		.filter( { hasText: 'sk-…7777' } )
		.waitFor();
	assert.equal(
		await dashboard.locator( '#openai-base-url' ).inputValue(),
		fake.url,
		'nothing was saved'
	);

	await form.getByRole( 'button', { name: 'Test' } ).click();
	await dashboard.waitForFunction(
		() =>
			document.getElementById( 'openai-result' )?.dataset.ok !== undefined
	);
	assert.equal(
		await dashboard.locator( '#openai-result' ).getAttribute( 'data-ok' ),
		'true',
		await dashboard.locator( '#openai-result' ).textContent()
	);
	assert.deepEqual( violations, [], 'the dashboard ran into its own CSP' );
	await dashboard.close();
} );

test( "wp-admin's AI settings point to the IGNY8 dashboard: no key field, and no call to account-wide settings", async () => {
	cloudCalls.length = 0;
	await page.goto(
		`${ stack.wpUrl }/wp-admin/admin.php?page=igny8-settings&tab=ai-providers`
	);
	const panel = page.getByTestId( 'igny8-providers-in-dashboard' );
	await panel.waitFor();
	assert.match(
		await panel.textContent(),
		/AI providers are set for your whole IGNY8 account in the IGNY8 dashboard/
	);
	assert.equal(
		await panel
			.getByTestId( 'igny8-dashboard-link' )
			.getAttribute( 'href' ),
		`${ stack.cloudUrl }/`
	);
	assert.equal(
		await page.locator( '#igny8-settings-root input' ).count(),
		0,
		'no key, base URL or model field'
	);
	assert.equal( await page.getByText( 'sk-…7777' ).count(), 0 );

	// Prompts and author profiles are shown read only.
	await page.goto(
		`${ stack.wpUrl }/wp-admin/admin.php?page=igny8-settings&tab=prompts`
	);
	await page.getByTestId( 'igny8-prompts-in-dashboard' ).waitFor();
	await page.getByTestId( 'igny8-prompt-auto_cluster-text' ).waitFor();
	assert.equal(
		await page.locator( '#igny8-settings-root textarea' ).count(),
		0
	);
	await page.goto(
		`${ stack.wpUrl }/wp-admin/admin.php?page=igny8-settings&tab=author-profiles`
	);
	await page.getByTestId( 'igny8-author-profiles-in-dashboard' ).waitFor();
	await page.getByTestId( 'igny8-author-profiles-table' ).waitFor();
	assert.equal(
		await page
			.locator( '#igny8-settings-root .igny8-author-profiles button' )
			.count(),
		0,
		'no add, edit or delete'
	);

	const refused = cloudCalls.filter( ( call ) =>
		/\/system\/integrations|^(PUT|POST|PATCH|DELETE) \/api\/v1\/system\/(prompts|author-profiles)/.test(
			call
		)
	);
	assert.deepEqual(
		refused,
		[],
		'wp-admin never calls what WordPress tokens are refused'
	);
	assert.ok(
		cloudCalls.includes( 'GET /api/v1/system/prompts' ),
		cloudCalls.join( ', ' )
	);
} );

test( '"Cluster with AI" shows the job progressing to 100% and the charge', async () => {
	await page.goto(
		`${ stack.wpUrl }/wp-admin/admin.php?page=igny8-keywords`
	);
	await page.getByTestId( 'igny8-keyword-row' ).first().waitFor();
	await page.getByTestId( 'igny8-cluster-ai-button' ).click();
	const progress = page.getByTestId( 'igny8-job-progress' );
	await progress.waitFor();
	const seen = new Set();
	const until = Date.now() + 30_000;
	for (;;) {
		const state = await progress.getAttribute( 'data-state' );
		seen.add( Number( await progress.getAttribute( 'data-percentage' ) ) );
		if ( state === 'succeeded' || state === 'failed' || Date.now() > until )
			break;
		await page.waitForTimeout( 100 );
	}
	assert.equal(
		await progress.getAttribute( 'data-state' ),
		'succeeded',
		await progress.textContent()
	);
	assert.equal( await progress.getAttribute( 'data-percentage' ), '100' );
	assert.match(
		await page.getByTestId( 'igny8-job-credits' ).textContent(),
		/1 credit/
	);
	assert.ok(
		fake.stats()[ 'gpt-4o-mini' ] >= 2,
		'the provider test and the job reached the stand-in server'
	);

	const clusters = await (
		await fetch(
			`${ stack.cloudUrl }/api/v1/planner/clusters?site_id=${ stack.demo.site.id }`,
			{
				headers: {
					authorization: `Bearer ${ stack.demo.owner.access }`,
				},
			}
		)
	).json();
	assert.ok( clusters.count > 0 );
	assert.ok( clusters.results.every( ( c ) => c.name.startsWith( 'AI: ' ) ) );
} );

test( "the Credits page shows the balance, this site's usage with the charge, and how to get more credits", async () => {
	cloudCalls.length = 0;
	await page.goto( `${ stack.wpUrl }/wp-admin/admin.php?page=igny8-credits` );
	await page.getByTestId( 'igny8-credit-balance' ).waitFor();
	assert.match(
		await page.getByTestId( 'igny8-credit-balance' ).textContent(),
		/99/
	);
	assert.match(
		await page.getByTestId( 'igny8-usage-title' ).textContent(),
		/This site’s usage/
	);
	await page.getByTestId( 'igny8-usage-daily-chart' ).waitFor();
	assert.match(
		await page
			.getByTestId( 'igny8-usage-row' )
			.filter( { hasText: 'Clustering' } )
			.textContent(),
		/Clustering\s*1/
	);
	assert.match(
		await page.getByTestId( 'igny8-plan-credits' ).textContent(),
		/Your plan adds [\d,]+ credits? each month/
	);
	assert.match(
		await page.getByTestId( 'igny8-more-credits' ).textContent(),
		/ask the owner of your IGNY8 account/
	);
	assert.match(
		await page.getByTestId( 'igny8-ledger-in-dashboard' ).textContent(),
		/The full credit ledger is in the IGNY8 dashboard/
	);
	assert.equal(
		await page
			.locator( '#igny8-credits-root input[type="number"]' )
			.count(),
		0,
		'no top-up form'
	);
	assert.deepEqual(
		cloudCalls.filter( ( call ) =>
			/billing\/(transactions|topup)/.test( call )
		),
		[]
	);
	assert.ok(
		cloudCalls.some( ( call ) =>
			new RegExp( `^GET /api/v1/billing/usage` ).test( call )
		),
		cloudCalls.join( ', ' )
	);
} );

test( "the dashboard's credit ledger lists the job's hold", async () => {
	const dashboard = await browser.newPage();
	await dashboardLogin(
		dashboard,
		stack.cloudUrl,
		DEMO.email,
		DEMO.password
	);
	await dashboard.locator( '#ledger tr' ).first().waitFor();
	const types = await dashboard
		.locator( '#ledger tr td:nth-child(2)' )
		.allTextContents();
	assert.ok( types.includes( 'hold' ), types.join( ', ' ) );
	assert.ok( types.includes( 'grant' ), types.join( ', ' ) );
	await dashboard.close();
} );
