#!/usr/bin/env node
// Lints the API's OpenAPI document with Redocly: starts the Worker (wrangler dev, local D1), reads
// /api/v1/openapi.json as clients see it, and runs `redocly lint` on it with redocly.yaml's rules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, startCloud } from '../dev/cloud.mjs';
import { freePort } from '../wp/env.mjs';

const dir = mkdtempSync( path.join( os.tmpdir(), 'igny8-openapi-' ) );
let cloud;
let status = 1;
try {
	cloud = await startCloud( { port: await freePort(), persistDir: dir } );
	const doc = await (
		await fetch( `${ cloud.url }/api/v1/openapi.json` )
	).json();
	const file = path.join( dir, 'openapi.json' );
	writeFileSync( file, JSON.stringify( doc, null, 2 ) );
	const res = spawnSync(
		path.join( REPO, 'node_modules/.bin/redocly' ),
		[
			'lint',
			file,
			'--config',
			path.join( REPO, 'redocly.yaml' ),
			'--format',
			'stylish',
		],
		{
			cwd: REPO,
			stdio: 'inherit',
			env: {
				...process.env,
				REDOCLY_TELEMETRY: 'off',
				REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
			},
		}
	);
	status = res.status ?? 1;
	const operations = Object.values( doc.paths ).flatMap( ( methods ) =>
		Object.values( methods )
	);
	console.log(
		`${ operations.length } operations, ${ operations.filter( ( op ) => op.operationId ).length } with an operationId`
	);
} finally {
	await cloud?.stop();
	rmSync( dir, { recursive: true, force: true } );
}
process.exit( status );
