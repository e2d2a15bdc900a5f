#!/usr/bin/env node
// GET /planner/keywords with filters at 100,000 keywords in a sector: p50/p95/p99 over 1,000 requests,
// sent one after another over loopback to the local cloud (wrangler dev, local D1).
//   node bench/planner-list.mjs [keywords] [requests]
import { benchCloud, keywordRows, percentile, rng } from './lib.mjs';

const N = Number( process.argv[ 2 ] ?? 100_000 );
const REQUESTS = Number( process.argv[ 3 ] ?? 1000 );
const cloud = await benchCloud();
try {
	const csv =
		'keyword,volume,difficulty,intent\n' +
		keywordRows( N )
			.map(
				( r ) =>
					`${ r.keyword },${ r.volume },${ r.difficulty },${ r.intent }`
			)
			.join( '\n' );
	const imported = await (
		await fetch(
			`${ cloud.url }/api/v1/planner/keywords/import_csv?site_id=${ cloud.site.id }&sector_id=${ cloud.sector.id }`,
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${ cloud.token }`,
					'content-type': 'text/csv',
				},
				body: csv,
			}
		)
	).json();
	if ( ! imported.success ) throw new Error( JSON.stringify( imported ) );

	const r = rng( 3 );
	const base = `${ cloud.url }/api/v1/planner/keywords?site_id=${ cloud.site.id }&sector_id=${ cloud.sector.id }&page_size=50`;
	const shapes = [
		() => '',
		() => `&ordering=-volume`,
		() => `&intent=commercial&ordering=-volume`,
		() =>
			`&min_volume=${ Math.floor( r() * 5000 ) }&max_volume=${ 50000 }&ordering=volume`,
		() => `&max_difficulty=${ Math.floor( r() * 60 ) }&ordering=difficulty`,
		() =>
			`&search=${ encodeURIComponent( [ 'shoes', 'coffee', 'best', 'how to', 'chair' ][ Math.floor( r() * 5 ) ] ) }`,
		() =>
			`&status=active&intent=informational&min_difficulty=20&max_difficulty=70&ordering=-difficulty`,
		() => `&cluster_id=none&ordering=keyword`,
	];
	// The API allows 600 requests a minute per user and per address: spread the run over three admins of
	// the account, each from its own address (Cloudflare sets CF-Connecting-IP; wrangler dev passes ours on).
	const tokens = [ cloud.token ];
	for ( const n of [ 1, 2 ] ) {
		const email = `bench-admin-${ n }@example.test`;
		const made = await fetch( `${ cloud.url }/api/v1/auth/users`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${ cloud.token }`,
				'content-type': 'application/json',
			},
			body: JSON.stringify( {
				email,
				role: 'admin',
				password: 'bench-password-1',
			} ),
		} );
		if ( made.status !== 201 ) throw new Error( await made.text() );
		const login = await (
			await fetch( `${ cloud.url }/api/v1/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( { email, password: 'bench-password-1' } ),
			} )
		).json();
		tokens.push( login.data.access );
	}
	const headers = { authorization: `Bearer ${ cloud.token }` };
	// Warm up, and collect a few cursors to page from.
	const cursors = [];
	for ( let i = 0; i < 20; i++ ) {
		const res = await (
			await fetch( `${ base }${ shapes[ i % shapes.length ]() }`, {
				headers,
			} )
		).json();
		if ( res.next ) cursors.push( `${ cloud.url }${ res.next }` );
	}
	const times = [];
	const perShape = new Map();
	for ( let i = 0; i < REQUESTS; i++ ) {
		const which = i % ( shapes.length + 1 );
		const url =
			which === shapes.length
				? cursors[ i % cursors.length ]
				: `${ base }${ shapes[ which ]() }`;
		const t = performance.now();
		const res = await fetch( url, {
			headers: {
				authorization: `Bearer ${ tokens[ i % tokens.length ] }`,
				'cf-connecting-ip': `10.0.0.${ ( i % tokens.length ) + 1 }`,
			},
		} );
		await res.arrayBuffer();
		const ms = performance.now() - t;
		if ( res.status !== 200 )
			throw new Error( `status ${ res.status } for ${ url }` );
		times.push( ms );
		const key =
			which === shapes.length
				? 'next page (cursor)'
				: shapes[ which ]().replace( /=\d+/g, '=N' ) || '(no filter)';
		perShape.set( key, [ ...( perShape.get( key ) ?? [] ), ms ] );
	}
	times.sort( ( x, y ) => x - y );
	// The floor: an authenticated request that reads two rows (user, account), through the same stack.
	const floor = [];
	for ( let i = 0; i < 200; i++ ) {
		const t = performance.now();
		const res = await fetch( `${ cloud.url }/api/v1/auth/me`, {
			headers: {
				authorization: `Bearer ${ tokens[ i % tokens.length ] }`,
				'cf-connecting-ip': `10.0.1.${ ( i % tokens.length ) + 1 }`,
			},
		} );
		await res.arrayBuffer();
		floor.push( performance.now() - t );
	}
	floor.sort( ( x, y ) => x - y );
	console.log(
		`\nGET /planner/keywords at ${ N.toLocaleString( 'en' ) } keywords in one sector, ${ REQUESTS } requests\n`
	);
	console.log( `| p50 | p95 | p99 | max |\n|---|---|---|---|` );
	console.log(
		`| ${ percentile( times, 50 ).toFixed( 1 ) } ms | ${ percentile( times, 95 ).toFixed( 1 ) } ms | ${ percentile( times, 99 ).toFixed( 1 ) } ms | ${ times.at( -1 ).toFixed( 1 ) } ms |`
	);
	console.log(
		`\nfloor (GET /auth/me, 200 requests): p50 ${ percentile( floor, 50 ).toFixed( 1 ) } ms, p95 ${ percentile( floor, 95 ).toFixed( 1 ) } ms`
	);
	console.log( '\n| request shape | p50 | p95 |\n|---|---|---|' );
	for ( const [ k, v ] of perShape ) {
		v.sort( ( x, y ) => x - y );
		console.log(
			`| \`${ k }\` | ${ percentile( v, 50 ).toFixed( 1 ) } ms | ${ percentile( v, 95 ).toFixed( 1 ) } ms |`
		);
	}
} finally {
	await cloud.stop();
}
