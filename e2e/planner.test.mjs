// End to end through wp-admin with no AI key: upload a CSV with broken rows, read the error report, cluster
// the keywords, open a cluster, create an idea from it, and turn the idea into a writer task.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freePort } from '../scripts/wp/env.mjs';
import { startStack } from '../scripts/dev/stack.mjs';
import { launch, wpLogin } from './browser.mjs';

let stack;
let browser;
let page;
const stateDir = mkdtempSync( path.join( os.tmpdir(), 'igny8-e2e-planner-' ) );
const csvFile = path.join( stateDir, 'keywords.csv' );

before( async () => {
	stack = await startStack( {
		stateDir,
		cloudPort: await freePort(),
		wpPort: await freePort(),
		connect: true,
		wpPassword: 'e2e-admin-pass',
	} );
	writeFileSync(
		csvFile,
		[
			'Keyword,Search Volume,KD,Intent',
			"men's running shoes,2400,40,commercial",
			'running shoes for men,900,38,commercial',
			'mens running shoe,300,35,commercial',
			'how to clean running shoes,400,12,informational',
			'how to clean running shoe,50,10,informational',
			',100,10,informational',
			'best trail shoes,abc,20,commercial',
			'trail shoes,700,140,commercial',
		].join( '\n' )
	);
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

const admin = ( slug, extra = '' ) =>
	`${ stack.wpUrl }/wp-admin/admin.php?page=${ slug }${ extra }`;

test( 'uploading a CSV shows created and skipped counts and every bad row', async () => {
	await page.goto( admin( 'igny8-keywords' ) );
	await page.getByTestId( 'igny8-sector-picker' ).waitFor();
	await page.getByTestId( 'igny8-csv-input' ).setInputFiles( csvFile );
	await page.getByTestId( 'igny8-csv-upload' ).click();
	const report = page.getByTestId( 'igny8-import-report' );
	await report.waitFor();
	const text = await report.textContent();
	assert.match( text, /5/ ); // created
	const errors = page.getByTestId( 'igny8-import-error' );
	assert.equal( await errors.count(), 3 );
	const errorText = ( await errors.allTextContents() ).join( ' | ' );
	assert.match( errorText, /7.*keyword/ );
	assert.match( errorText, /8.*volume/ );
	assert.match( errorText, /9.*difficulty/ );
	await page.getByTestId( 'igny8-keyword-row' ).first().waitFor();
	assert.equal( await page.getByTestId( 'igny8-keyword-row' ).count(), 5 );
} );

test( '"Cluster unclustered keywords" groups the keywords without AI', async () => {
	await page.getByTestId( 'igny8-cluster-button' ).click();
	const result = page.getByTestId( 'igny8-cluster-result' );
	await result.waitFor();
	assert.match( await result.textContent(), /2/ );
} );

test( 'a cluster opens with its keywords, and an idea made from it becomes a task', async () => {
	await page.goto( admin( 'igny8-clusters' ) );
	const row = page
		.getByTestId( 'igny8-cluster-row' )
		.filter( { hasText: "men's running shoes" } );
	await row.waitFor();
	await row.getByRole( 'link' ).first().click();
	const detail = page.getByTestId( 'igny8-cluster-detail' );
	await detail.waitFor();
	assert.equal(
		( await page.getByTestId( 'igny8-cluster-name' ).textContent() ).trim(),
		"men's running shoes"
	);
	await detail.getByTestId( 'igny8-keyword-row' ).first().waitFor();
	assert.equal( await detail.getByTestId( 'igny8-keyword-row' ).count(), 3 );

	await page.getByTestId( 'igny8-create-idea' ).click();
	// The idea form is prefilled from the cluster; save it.
	const dialog = page.getByRole( 'dialog' );
	await dialog.waitFor();
	await dialog
		.getByRole( 'button', { name: /create|save/i } )
		.last()
		.click();
	await dialog.waitFor( { state: 'detached' } );

	await page.goto( admin( 'igny8-ideas' ) );
	const idea = page
		.getByTestId( 'igny8-idea-row' )
		.filter( { hasText: "men's running shoes" } );
	await idea.waitFor();
	await idea.getByRole( 'checkbox' ).check();
	await page.getByTestId( 'igny8-create-tasks' ).click();
	const created = page.getByTestId( 'igny8-tasks-created' );
	await created.waitFor();
	assert.match( await created.textContent(), /1/ );

	const res = await fetch(
		`${ stack.cloudUrl }/api/v1/writer/tasks?site_id=${ stack.demo.site.id }`,
		{ headers: { authorization: `Bearer ${ stack.demo.owner.access }` } }
	);
	const tasks = await res.json();
	assert.equal( tasks.count, 1 );
	assert.match( tasks.results[ 0 ].title, /running shoes/i );
} );
