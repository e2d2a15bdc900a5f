#!/usr/bin/env node
// AI engine overhead and throughput against an instant OpenAI-compatible stand-in on loopback:
//   1. the bare provider round trip (the SDK's work is not in it: a plain fetch of one chat completion);
//   2. one job at a time: queue wait, processing time, and processing minus the provider call = engine overhead;
//   3. 200 jobs queued at once: wall time until all succeeded, jobs per second.
//   node bench/ai-engine.mjs [jobs]
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { benchCloud, percentile } from './lib.mjs';

const JOBS = Number( process.argv[ 2 ] ?? 200 );
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

try {
	await call( 'PUT', '/system/integrations/openai', {
		api_key: 'sk-bench-0000',
		base_url: fake.url,
		text_model: 'gpt-4o-mini',
	} );
	cloud.grant( JOBS * 2 + 100 );
	const kw = await call( 'POST', '/planner/keywords/bulk_create', {
		site_id: cloud.site.id,
		sector_id: cloud.sector.id,
		keywords: [
			{ keyword: 'espresso grinder', volume: 10 },
			{ keyword: 'burr grinder', volume: 5 },
		],
	} );
	const ids = (
		await call( 'GET', `/planner/keywords?site_id=${ cloud.site.id }` )
	).results.map( ( k ) => k.id );
	const cluster = (
		await call( 'POST', '/planner/clusters', {
			site_id: cloud.site.id,
			sector_id: cloud.sector.id,
			name: 'Grinders',
			keyword_ids: ids,
		} )
	).data;
	void kw;

	// 1. The provider alone.
	const bare = [];
	for ( let i = 0; i < 50; i++ ) {
		const t = performance.now();
		const res = await fetch( `${ fake.url }/chat/completions`, {
			method: 'POST',
			headers: {
				authorization: 'Bearer sk-bench-0000',
				'content-type': 'application/json',
			},
			body: JSON.stringify( {
				model: 'gpt-4o-mini',
				messages: [
					{
						role: 'user',
						content: `propose 1 distinct\nc${ cluster.id }: Grinders — keywords: espresso grinder`,
					},
				],
			} ),
		} );
		await res.json();
		bare.push( performance.now() - t );
	}
	bare.sort( ( a, b ) => a - b );

	// 2. One job at a time.
	const job = () =>
		call( 'POST', '/planner/clusters/generate_ideas', {
			site_id: cloud.site.id,
			cluster_ids: [ cluster.id ],
			ideas_per_cluster: 1,
		} );
	const waitAll = async ( ids, timeoutMs ) => {
		const until = Date.now() + timeoutMs;
		// One light request every 300 ms keeps the run under the API's 600 requests a minute per user.
		for (;;) {
			const done = (
				await call( 'GET', `/ai/jobs?state=succeeded&page_size=1` )
			).count;
			if ( done >= ids ) return;
			if ( Date.now() > until ) {
				const failed = (
					await call( 'GET', `/ai/jobs?state=failed&page_size=1` )
				).count;
				throw new Error(
					`only ${ done } of ${ ids } jobs done (${ failed } failed)`
				);
			}
			await new Promise( ( r ) => setTimeout( r, 300 ) );
		}
	};
	const single = [];
	for ( let i = 0; i < 20; i++ ) {
		const started = ( await job() ).data;
		await waitAll( i + 1, 60_000 );
		const row = ( await call( 'GET', `/ai/jobs/${ started.id }` ) ).data;
		single.push( {
			queue: ms( row.created_at, row.started_at ),
			processing: ms( row.started_at, row.finished_at ),
		} );
	}
	const q = single.map( ( s ) => s.queue ).sort( ( a, b ) => a - b );
	const p = single.map( ( s ) => s.processing ).sort( ( a, b ) => a - b );
	const bareP50 = percentile( bare, 50 );

	// 3. Many at once.
	const before = (
		await call( 'GET', `/ai/jobs?state=succeeded&page_size=1` )
	).count;
	const t0 = performance.now();
	for ( let i = 0; i < JOBS; i++ ) await job();
	const enqueued = performance.now() - t0;
	await waitAll( before + JOBS, 600_000 );
	const wall = performance.now() - t0;

	console.log(
		`\nAI engine against an instant OpenAI-compatible stand-in (generate_ideas, 1 cluster, 1 idea per job)\n`
	);
	console.log( '| measure | p50 | p95 |\n|---|---|---|' );
	console.log(
		`| bare provider round trip (fetch, loopback) | ${ bareP50.toFixed( 1 ) } ms | ${ percentile( bare, 95 ).toFixed( 1 ) } ms |`
	);
	console.log(
		`| queue wait (created → claimed) | ${ percentile( q, 50 ) } ms | ${ percentile( q, 95 ) } ms |`
	);
	console.log(
		`| processing (claimed → saved, six phases) | ${ percentile( p, 50 ) } ms | ${ percentile( p, 95 ) } ms |`
	);
	console.log(
		`| engine overhead (processing − provider round trip) | ${ ( percentile( p, 50 ) - bareP50 ).toFixed( 1 ) } ms | ${ ( percentile( p, 95 ) - bareP50 ).toFixed( 1 ) } ms |`
	);
	console.log(
		`\n${ JOBS } jobs: enqueued in ${ ( enqueued / 1000 ).toFixed( 1 ) } s (${ ( JOBS / ( enqueued / 1000 ) ).toFixed( 0 ) } requests/s), all succeeded after ${ ( wall / 1000 ).toFixed( 1 ) } s → ${ ( JOBS / ( wall / 1000 ) ).toFixed( 1 ) } jobs/s`
	);
} finally {
	await cloud.stop();
	await fake.close();
}
