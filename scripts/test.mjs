#!/usr/bin/env node
// `npm test`: every layer (ARCHITECTURE §9) — lint, types, shared (node), cloud (workerd), plugin JS, the plugin
// build and its budgets, the PHP bridge inside a real WordPress, and end to end in Chromium.
// Ends with one line "N passed, N failed".
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
const only = process.argv.slice( 2 );
const tmp = mkdtempSync( path.join( os.tmpdir(), 'igny8-test-' ) );
const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function run( cmd, args, { capture = false, env = {} } = {} ) {
	return new Promise( ( resolve ) => {
		const child = spawn( cmd, args, {
			cwd: REPO,
			env: {
				...process.env,
				WRANGLER_SEND_METRICS: 'false',
				FORCE_COLOR: '0',
				CLOUDFLARE_CF_FETCH_ENABLED: 'false',
				...env,
			},
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let out = '';
		const onData = ( stream ) => ( chunk ) => {
			stream.write( chunk );
			if ( capture ) out += chunk;
		};
		child.stdout.on( 'data', onData( process.stdout ) );
		child.stderr.on( 'data', onData( process.stderr ) );
		child.on( 'close', ( code ) => resolve( { code, out } ) );
	} );
}

async function vitest( name, config ) {
	const report = path.join( tmp, `${ name }.json` );
	const { code } = await run( 'npx', [
		'vitest',
		'run',
		'--config',
		config,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${ report }`,
	] );
	let counted = false;
	if ( existsSync( report ) ) {
		const r = JSON.parse( readFileSync( report, 'utf8' ) );
		totals.passed += r.numPassedTests;
		totals.failed += r.numFailedTests;
		counted = r.numTotalTests > 0;
	}
	if ( code !== 0 || ! counted ) fail( name, code );
}

async function nodeTests( name, dir ) {
	const files = readdirSync( path.join( REPO, dir ) )
		.filter( ( f ) => f.endsWith( '.test.mjs' ) )
		.map( ( f ) => path.join( dir, f ) );
	const { code, out } = await run(
		'node',
		[ '--test', '--test-concurrency=1', '--test-reporter=spec', ...files ],
		{ capture: true }
	);
	const pass = Number( /ℹ pass (\d+)/.exec( out )?.[ 1 ] ?? 0 );
	const failed = Number( /ℹ fail (\d+)/.exec( out )?.[ 1 ] ?? 0 );
	totals.passed += pass;
	totals.failed += failed;
	if ( code !== 0 || pass === 0 ) fail( name, code );
}

async function step( name, cmd, args ) {
	const started = Date.now();
	const { code } = await run( cmd, args );
	const seconds = ( ( Date.now() - started ) / 1000 ).toFixed( 1 );
	if ( code !== 0 ) {
		totals.failed += 1;
		fail( name, code );
	} else totals.passed += 1;
	console.log(
		`${ code === 0 ? 'passed' : 'FAILED' }: ${ name } (${ seconds } s)`
	);
	return code === 0;
}

function fail( name, code ) {
	failedSteps.push( `${ name } (exit ${ code })` );
}

const steps = {
	// Each linter is its own counted step, so one failing does not hide what the others say.
	lint: async () => {
		await step(
			'ESLint: cloud, shared and scripts (typescript-eslint)',
			'npx',
			[ 'eslint', '.' ]
		);
		await step( 'ESLint: plugin/src (wp-scripts lint-js)', 'npm', [
			'run',
			'lint',
			'--silent',
			'-w',
			'plugin',
		] );
		await step( 'formatting (prettier --check)', 'npx', [
			'prettier',
			'--check',
			'.',
		] );
		await step( 'OpenAPI document (redocly lint)', 'node', [
			'scripts/lint/openapi.mjs',
		] );
	},
	types: () =>
		step( 'typecheck', 'npx', [ 'tsc', '-p', 'shared' ] )
			.then( () =>
				step( 'typecheck cloud', 'npx', [ 'tsc', '-p', 'cloud' ] )
			)
			.then( () =>
				step( 'typecheck cloud (node side)', 'npx', [
					'tsc',
					'-p',
					'cloud/tsconfig.node.json',
				] )
			)
			.then( () =>
				step( 'typecheck plugin', 'npx', [ 'tsc', '-p', 'plugin' ] )
			),
	shared: () => vitest( 'shared', 'shared/vitest.config.ts' ),
	cloud: () => vitest( 'cloud', 'cloud/vitest.config.ts' ),
	'plugin-js': () => vitest( 'plugin-js', 'plugin/vitest.config.ts' ),
	// The size check measures what the build just wrote: after a failed build it would judge stale files.
	build: async () =>
		( await step( 'plugin build', 'npm', [
			'run',
			'build',
			'--silent',
		] ) ) &&
		step( 'bundle size', 'node', [ 'scripts/check-bundle-size.mjs' ] ),
	php: () => nodeTests( 'plugin PHP bridge', 'plugin/test' ),
	e2e: () => nodeTests( 'end to end', 'e2e' ),
};

for ( const [ name, fn ] of Object.entries( steps ) ) {
	if ( only.length && ! only.includes( name ) ) continue;
	console.log( `\n=== ${ name } ===` );
	await fn();
}
rmSync( tmp, { recursive: true, force: true } );

console.log( '' );
if ( failedSteps.length )
	console.log( `Failed: ${ failedSteps.join( ', ' ) }` );
console.log( `${ totals.passed } passed, ${ totals.failed } failed` );
process.exit( failedSteps.length ? 1 : 0 );
