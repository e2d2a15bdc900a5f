#!/usr/bin/env node
// The Writer's AI functions against an instant OpenAI-compatible stand-in on loopback (issue 10):
//   1. the bare provider round trip of one article request (the exact request the cloud sent, replayed with fetch);
//   2. generate_content one job at a time: queue wait, processing, and processing minus that round trip = engine
//      overhead per content job (prompt building, parsing, block conversion, validation, the guarded save);
//   3. N tasks generated in one request (one job each): wall time until every article is saved, articles/s;
//   4. images: prompts for every article, then generate_images per article; images per minute end to end.
//   node bench/writer.mjs [articles=100] [images-per-article=4]
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { benchCloud, percentile } from './lib.mjs';

const ARTICLES = Number( process.argv[ 2 ] ?? 100 );
const IMAGES_PER_ARTICLE = Number( process.argv[ 3 ] ?? 4 );
const SINGLE = 20;
const fake = await startFakeOpenAi();
const cloud = await benchCloud();
const auth = {
	authorization: `Bearer ${ cloud.token }`,
	'content-type': 'application/json',
};
const call = async ( method, path, body ) => {
	const res = await fetch( `${ cloud.url }/api/v1${ path }`, {
		method,
		headers: auth,
		body: body ? JSON.stringify( body ) : undefined,
	} );
	const json = await res.json();
	if ( ! json.success )
		throw new Error(
			`${ method } ${ path }: ${ res.status } ${ JSON.stringify( json ) }`
		);
	return json;
};
const ms = ( a, b ) => Date.parse( b ) - Date.parse( a );
const site = cloud.site.id;

/** Waits until `n` jobs of `fn` succeeded (one light request every 300 ms: under the API's per-user limit). */
async function waitSucceeded( fn, n, timeoutMs ) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const done = (
			await call(
				'GET',
				`/ai/jobs?function=${ fn }&state=succeeded&page_size=1`
			)
		).count;
		if ( done >= n ) return;
		if ( Date.now() > until ) {
			const failed = await call(
				'GET',
				`/ai/jobs?function=${ fn }&state=failed&page_size=1`
			);
			throw new Error(
				`only ${ done } of ${ n } ${ fn } jobs done (${ failed.count } failed: ${ failed.results[ 0 ]?.error ?? '' })`
			);
		}
		await new Promise( ( r ) => setTimeout( r, 300 ) );
	}
}

async function tasks( n, from ) {
	const ids = [];
	for ( let i = 0; i < n; i++ ) {
		const t = await call( 'POST', '/writer/tasks', {
			site_id: site,
			sector_id: cloud.sector.id,
			title: `Espresso grinder guide ${ from + i }`,
			target_keywords: [ 'espresso grinder', 'burr grinder' ],
			content_structure: {
				sections: [
					{ heading: 'Why the grinder matters' },
					{ heading: 'Burr or blade' },
					{ heading: 'Dialling in', level: 3 },
					{ heading: 'Cleaning' },
				],
			},
			target_length: 1200,
		} );
		ids.push( t.data.id );
	}
	return ids;
}

try {
	await call( 'PUT', '/system/integrations/openai', {
		api_key: 'sk-bench-0000',
		base_url: fake.url,
		text_model: 'gpt-4o-mini',
		image_model: 'gpt-image-1',
	} );
	cloud.grant( ( ARTICLES + SINGLE ) * ( 4 + IMAGES_PER_ARTICLE + 1 ) + 100 );

	// 2. One article at a time (the first one also gives the request to replay).
	const single = [];
	for ( const [ i, id ] of ( await tasks( SINGLE, 0 ) ).entries() ) {
		const started = (
			await call( 'POST', '/writer/tasks/generate_content', {
				site_id: site,
				task_ids: [ id ],
			} )
		).data.jobs[ 0 ];
		await waitSucceeded( 'generate_content', i + 1, 60_000 );
		const row = ( await call( 'GET', `/ai/jobs/${ started.id }` ) ).data;
		single.push( {
			queue: ms( row.created_at, row.started_at ),
			processing: ms( row.started_at, row.finished_at ),
		} );
	}

	// 1. The provider alone, with the very request the cloud sent for an article.
	const last = await (
		await fetch(
			`${ new URL( fake.url ).origin }/__last?route=chat&contains=${ encodeURIComponent( 'Espresso grinder guide' ) }`
		)
	).json();
	const bare = [];
	for ( let i = 0; i < 50; i++ ) {
		const t = performance.now();
		const res = await fetch( `${ fake.url }/chat/completions`, {
			method: 'POST',
			headers: {
				authorization: 'Bearer sk-bench-0000',
				'content-type': 'application/json',
			},
			body: JSON.stringify( last.body ),
		} );
		await res.json();
		bare.push( performance.now() - t );
	}
	bare.sort( ( a, b ) => a - b );
	const bareP50 = percentile( bare, 50 );
	const q = single.map( ( s ) => s.queue ).sort( ( a, b ) => a - b );
	const p = single.map( ( s ) => s.processing ).sort( ( a, b ) => a - b );

	// 3. Many tasks in one request.
	const many = await tasks( ARTICLES, SINGLE );
	const t0 = performance.now();
	for ( let i = 0; i < many.length; i += 50 ) {
		const started = (
			await call( 'POST', '/writer/tasks/generate_content', {
				site_id: site,
				task_ids: many.slice( i, i + 50 ),
			} )
		).data;
		if ( started.not_started.length )
			throw new Error( JSON.stringify( started.not_started[ 0 ] ) );
	}
	const enqueued = performance.now() - t0;
	await waitSucceeded( 'generate_content', SINGLE + ARTICLES, 900_000 );
	const articlesWall = performance.now() - t0;

	// 4. Images for every article of step 3: prompts, then the images themselves.
	const content = [];
	for ( let page = 1; content.length < SINGLE + ARTICLES; page++ ) {
		const list = await call(
			'GET',
			`/writer/content?site_id=${ site }&page_size=100&page=${ page }`
		);
		content.push( ...list.results );
		if ( ! list.results.length ) break;
	}
	const pieces = content
		.filter( ( c ) => many.includes( c.task_id ) )
		.map( ( c ) => c.id );
	const words = content
		.map( ( c ) => c.word_count )
		.sort( ( a, b ) => a - b );
	const p0 = performance.now();
	for ( let i = 0; i < pieces.length; i += 50 )
		await call( 'POST', '/writer/content/generate_image_prompts', {
			site_id: site,
			content_ids: pieces.slice( i, i + 50 ),
			in_article: IMAGES_PER_ARTICLE,
		} );
	await waitSucceeded( 'generate_image_prompts', pieces.length, 600_000 );
	const promptsWall = performance.now() - p0;
	const i0 = performance.now();
	for ( const id of pieces )
		await call( 'POST', '/writer/images/generate', {
			site_id: site,
			content_id: id,
		} );
	await waitSucceeded( 'generate_images', pieces.length, 900_000 );
	const imagesWall = performance.now() - i0;
	const images = (
		await call(
			'GET',
			`/writer/images?site_id=${ site }&status=generated&page_size=1`
		)
	).count;

	console.log(
		`\nWriter against an instant OpenAI-compatible stand-in (gpt-4o-mini, structured outputs; images 1×1 PNG)\n`
	);
	console.log( '| measure | p50 | p95 |\n|---|---|---|' );
	console.log(
		`| bare provider round trip of one article request (fetch, loopback) | ${ bareP50.toFixed( 1 ) } ms | ${ percentile( bare, 95 ).toFixed( 1 ) } ms |`
	);
	console.log(
		`| queue wait (created → claimed) | ${ percentile( q, 50 ) } ms | ${ percentile( q, 95 ) } ms |`
	);
	console.log(
		`| generate_content processing (claimed → saved) | ${ percentile( p, 50 ) } ms | ${ percentile( p, 95 ) } ms |`
	);
	console.log(
		`| engine overhead per content job (processing − provider round trip) | ${ ( percentile( p, 50 ) - bareP50 ).toFixed( 1 ) } ms | ${ ( percentile( p, 95 ) - bareP50 ).toFixed( 1 ) } ms |`
	);
	console.log(
		`\nArticles: ${ SINGLE + ARTICLES } saved, ${ percentile( words, 50 ) } words p50 (the stand-in writes short ones)`
	);
	console.log(
		`${ ARTICLES } tasks in ${ Math.ceil( ARTICLES / 50 ) } request(s): enqueued in ${ ( enqueued / 1000 ).toFixed( 1 ) } s, all saved after ${ ( articlesWall / 1000 ).toFixed( 1 ) } s → ${ ( ARTICLES / ( articlesWall / 1000 ) ).toFixed( 1 ) } articles/s`
	);
	console.log(
		`Image prompts for ${ pieces.length } articles: ${ ( promptsWall / 1000 ).toFixed( 1 ) } s`
	);
	console.log(
		`Images: ${ images } generated and stored in R2 in ${ ( imagesWall / 1000 ).toFixed( 1 ) } s → ${ Math.round( images / ( imagesWall / 60_000 ) ) } images/min`
	);
} finally {
	await cloud.stop();
	await fake.close();
}
