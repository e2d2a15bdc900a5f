#!/usr/bin/env node
// Publishing through the real stack (issue 11): the cloud under `wrangler dev` and a real WordPress 6.5.5 (php -S,
// 4 workers) connected to it. N approved articles with 2 images each (a featured image and one in-article image,
// 1×1 PNGs from an instant OpenAI-compatible stand-in) are published in one go: each publish is a record on the
// SYNC_JOBS queue whose consumer looks the post up, uploads both images to the media library, rewrites the body's
// image block and writes the post. Measured: wall time from the first publish request until every record is
// published → posts/min, and each record's queue time (created → first attempt) and attempt time.
//   node bench/publishing.mjs [posts=100]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { REPO } from '../scripts/dev/cloud.mjs';
import { demoOwner, DEMO, startStack } from '../scripts/dev/stack.mjs';
import { freePort, runPhp } from '../scripts/wp/env.mjs';
import { percentile } from './lib.mjs';

const POSTS = Number( process.argv[ 2 ] ?? 100 );
const stateDir = mkdtempSync(
	path.join( os.tmpdir(), 'igny8-bench-publish-' )
);
const fake = await startFakeOpenAi();
const stack = await startStack( {
	stateDir,
	cloudPort: await freePort(),
	wpPort: await freePort(),
	connect: true,
	wpPassword: 'bench-publish-pass',
	cloudVars: { SYNC_RETRY_BASE_SECONDS: '1' },
} );

function operator( ...args ) {
	const res = spawnSync(
		'node',
		[
			path.join( REPO, 'scripts/operator.mjs' ),
			...args,
			'--persist-to',
			stack.cloudDir,
		],
		{ encoding: 'utf8' }
	);
	if ( res.status !== 0 ) throw new Error( res.stderr || res.stdout );
}

let token = stack.demo.owner.access;
const site = stack.demo.site.id;
const call = async ( method, route, body ) => {
	const res = await fetch( `${ stack.cloudUrl }/api/v1${ route }`, {
		method,
		headers: {
			authorization: `Bearer ${ token }`,
			'content-type': 'application/json',
		},
		body: body ? JSON.stringify( body ) : undefined,
	} );
	const json = await res.json();
	if ( ! json.success )
		throw new Error(
			`${ method } ${ route }: ${ res.status } ${ JSON.stringify( json ) }`
		);
	return json;
};
const sleep = ( ms ) => new Promise( ( r ) => setTimeout( r, ms ) );

/** Waits until `n` jobs of `fn` succeeded (one light request every 300 ms). */
async function jobsDone( fn, n ) {
	const until = Date.now() + 900_000;
	for (;;) {
		const done = (
			await call(
				'GET',
				`/ai/jobs?function=${ fn }&state=succeeded&page_size=1`
			)
		).count;
		if ( done >= n ) return;
		if ( Date.now() > until )
			throw new Error( `only ${ done } of ${ n } ${ fn } jobs done` );
		await sleep( 300 );
	}
}

/** Every record of the site (page by page). */
async function records() {
	const out = [];
	let next = `/publisher/records?site_id=${ site }&page_size=200`;
	while ( next ) {
		const page = await call( 'GET', next.replace( /^\/api\/v1/, '' ) );
		out.push( ...page.results );
		next = page.next;
	}
	return out;
}

try {
	// The agency plan and credits for N articles (3), their image prompts (1) and 2 images (2).
	operator( 'set-plan', DEMO.email, 'agency' );
	operator( 'grant-credits', DEMO.email, String( POSTS * 6 + 100 ) );
	// A fresh token after the plan change (wrangler dev may be reloading: try again for a few seconds).
	for ( let i = 0; ; i++ ) {
		try {
			token = ( await demoOwner( stack.cloudUrl ) ).access;
			break;
		} catch ( err ) {
			if ( i >= 20 ) throw err;
			await sleep( 500 );
		}
	}
	await call( 'PUT', '/system/integrations/openai', {
		api_key: 'sk-bench-publish-0000',
		base_url: fake.url,
		text_model: 'gpt-4o-mini',
		image_model: 'gpt-image-1',
	} );
	const sector = ( await call( 'GET', `/auth/sites/${ site }/sectors` ) )
		.results[ 0 ].id;

	// N approved articles, each with one in-article image (after its one H2) and a featured image.
	const t = performance.now();
	const taskIds = [];
	for ( let i = 0; i < POSTS; i++ )
		taskIds.push(
			(
				await call( 'POST', '/writer/tasks', {
					site_id: site,
					sector_id: sector,
					title: `Burr grinder guide ${ i + 1 }`,
					target_keywords: [ 'burr grinder' ],
					content_structure: {
						sections: [ { heading: 'Why the grinder matters' } ],
					},
				} )
			).data.id
		);
	for ( let i = 0; i < taskIds.length; i += 50 )
		await call( 'POST', '/writer/tasks/generate_content', {
			site_id: site,
			task_ids: taskIds.slice( i, i + 50 ),
		} );
	await jobsDone( 'generate_content', POSTS );
	const content = [];
	for ( let page = 1; content.length < POSTS; page++ ) {
		const list = await call(
			'GET',
			`/writer/content?site_id=${ site }&page_size=100&page=${ page }`
		);
		if ( ! list.results.length ) break;
		content.push( ...list.results.map( ( c ) => c.id ) );
	}
	for ( let i = 0; i < content.length; i += 50 )
		await call( 'POST', '/writer/content/generate_image_prompts', {
			site_id: site,
			content_ids: content.slice( i, i + 50 ),
			in_article: 1,
		} );
	await jobsDone( 'generate_image_prompts', POSTS );
	for ( const id of content )
		await call( 'POST', '/writer/images/generate', {
			site_id: site,
			content_id: id,
		} );
	await jobsDone( 'generate_images', POSTS );
	for ( const id of content )
		await call( 'PATCH', `/writer/content/${ id }`, {
			status: 'approved',
		} );
	const images = (
		await call(
			'GET',
			`/writer/images?site_id=${ site }&status=generated&page_size=1`
		)
	).count;
	const prepared = ( performance.now() - t ) / 1000;

	// Publish all of them at once, then wait until every record is published.
	const p0 = performance.now();
	for ( const id of content )
		await call( 'POST', `/writer/content/${ id }/publish`, {
			status: 'publish',
			categories: [ 'Grinders' ],
			tags: [ 'coffee' ],
		} );
	const enqueued = ( performance.now() - p0 ) / 1000;
	let all;
	for (;;) {
		all = await records();
		const done = all.filter( ( r ) =>
			[ 'published', 'failed', 'conflict' ].includes( r.status )
		);
		if ( done.length >= POSTS ) break;
		if ( performance.now() - p0 > 1_800_000 )
			throw new Error( `${ done.length } of ${ POSTS } published` );
		await sleep( 500 );
	}
	const wall = ( performance.now() - p0 ) / 1000;
	const failed = all.filter( ( r ) => r.status !== 'published' );
	if ( failed.length )
		throw new Error(
			`${ failed.length } not published: ${ JSON.stringify( failed[ 0 ] ) }`
		);
	const posts = Number(
		(
			await runPhp(
				stack.wpDir,
				"echo count( get_posts( array( 'post_type' => 'post', 'post_status' => 'any', 'meta_key' => '_igny8_content_id', 'fields' => 'ids', 'posts_per_page' => -1 ) ) );"
			)
		)
			.trim()
			.split( '\n' )
			.pop()
	);
	const uploaded = all.reduce( ( n, r ) => n + r.images_uploaded, 0 );
	const retried = all.filter( ( r ) => r.attempts > 1 ).length;
	// Each record's life: created → published (its queue wait and its one attempt).
	const life = all
		.map(
			( r ) => Date.parse( r.published_at ) - Date.parse( r.created_at )
		)
		.sort( ( a, b ) => a - b );

	console.log(
		`\nPublishing through the real stack: wrangler dev + WordPress 6.5.5 (php -S, 4 workers, SQLite), loopback\n`
	);
	console.log(
		`Prepared ${ POSTS } approved articles with ${ images } images in ${ prepared.toFixed( 1 ) } s (instant AI stand-in)`
	);
	console.log(
		`${ POSTS } publishes queued in ${ enqueued.toFixed( 1 ) } s; all published after ${ wall.toFixed( 1 ) } s → ` +
			`${ ( POSTS / ( wall / 60 ) ).toFixed( 1 ) } posts/min, ${ ( uploaded / ( wall / 60 ) ).toFixed( 1 ) } images/min`
	);
	console.log(
		`Posts in WordPress with IGNY8 meta: ${ posts }; images uploaded: ${ uploaded }; records retried: ${ retried }`
	);
	console.log(
		`Record created → published: p50 ${ percentile( life, 50 ) } ms, p95 ${ percentile( life, 95 ) } ms, max ${ life.at( -1 ) } ms`
	);
} finally {
	await stack.stop();
	await fake.close();
	rmSync( stateDir, { recursive: true, force: true } );
}
