#!/usr/bin/env node
// Under load (issue "Security"): autocannon against the Worker under `wrangler dev` and against the plugin's
// token route in a real WordPress, all on loopback. Four mixes, run one after another and reported apart:
//   lists    GET /planner/keywords with a rotation of filters over a sector of 20,000 keywords
//   imports  POST /planner/keywords/import_csv, 200 rows a request (mostly new keywords), over several agency accounts
//   jobs     POST /ai/jobs (generate_ideas, 1 credit held each) against the instant OpenAI-compatible stand-in; then
//            the queue drains and the ledger must still equal the balance of every account
//   token    GET /wp-json/igny8/v1/token as a logged-in WordPress admin: PHP (`php -S`, 4 workers), so 8 connections
//   limits   the rate limiters, each probed from fresh clients inside one minute window
// Errors other than 429 must be 0 and every 429 must carry Retry-After; the script exits 1 otherwise.
//
//   node bench/load.mjs [--connections 50] [--duration 60] [--wp-connections 8] [--clients N]
//                       [--keywords 20000] [--mixes lists,imports,jobs,limits,token]
//
// The API allows 600 requests a minute per user and per client address (API_LIMITER; the address is
// CF-Connecting-IP, which Cloudflare sets and `wrangler dev` passes through). All of the load from one user would
// mostly measure the limiter's 429s, so the requests rotate over N clients (default: one per connection, at most the
// agency plan's 50 users), each a user of the account at an address of its own. `--clients 1` sends everything as
// the owner from one address. Tokens are renewed before a mix once 8 minutes old (access tokens live 15).
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeOpenAi } from '../cloud/test/fake-openai.mjs';
import { demoSite, startStack } from '../scripts/dev/stack.mjs';
import { freePort } from '../scripts/wp/env.mjs';
import { agencyAccount, benchCloud, d1, keywordRows, rng } from './lib.mjs';

const { values: opts } = parseArgs( {
	options: {
		connections: { type: 'string', default: '50' },
		duration: { type: 'string', default: '60' },
		'wp-connections': { type: 'string', default: '8' },
		clients: { type: 'string' },
		keywords: { type: 'string', default: '20000' },
		mixes: { type: 'string', default: 'lists,imports,jobs,limits,token' },
	},
} );
const CONNECTIONS = Number( opts.connections );
const DURATION = Number( opts.duration );
const WP_CONNECTIONS = Number( opts[ 'wp-connections' ] );
const CLIENTS = Math.min( 50, Number( opts.clients ?? CONNECTIONS ) );
const SEED_KEYWORDS = Number( opts.keywords );
const MIXES = new Set( opts.mixes.split( ',' ) );
const ROWS_PER_IMPORT = 200;
/** Imports a second the import accounts are sized for: several times what 2 cores take (see bench/RESULTS.md). */
const IMPORTS_PER_SECOND = 100;
/** New keywords an import account takes; the agency plan allows 250,000 (cloud/migrations/0001_seed_plans_industries.sql). */
const ACCOUNT_BUDGET = 240_000;
const PASSWORD = 'bench-password-1';
const log = ( msg ) => console.error( `[load] ${ msg }` );
const header = ( headers, name ) =>
	headers[ Object.keys( headers ).find( ( k ) => k.toLowerCase() === name ) ];
const sleep = ( ms ) => new Promise( ( r ) => setTimeout( r, ms ) );
const tail = ( file, lines = 40 ) => {
	try {
		return readFileSync( file, 'utf8' )
			.split( '\n' )
			.slice( -lines )
			.join( '\n' );
	} catch {
		return '(no log)';
	}
};

/**
 * One autocannon run. `next()` gives each request ({ method, path, headers?, body? }); `onBody(status, body)` sees
 * every answer. Counts answers by status and 429s without Retry-After, and keeps a few bodies of each other status.
 * Statuses in `allowed` are expected refusals: reported, not errors.
 */
async function load(
	name,
	{
		url,
		connections = CONNECTIONS,
		duration = DURATION,
		amount,
		allowed = [],
		next,
		onBody,
	}
) {
	const statuses = {};
	const samples = {};
	let tooManyWithoutRetryAfter = 0;
	log(
		`${ name }: ${ connections } connections × ${ amount ? `${ amount } requests` : `${ duration } s` }…`
	);
	const result = await autocannon( {
		url,
		connections,
		...( amount ? { amount } : { duration } ),
		requests: [
			{
				setupRequest: ( req ) => {
					const r = next();
					return {
						...req,
						...r,
						headers: { ...req.headers, ...r.headers },
					};
				},
				onResponse: ( status, body, _context, headers ) => {
					statuses[ status ] = ( statuses[ status ] ?? 0 ) + 1;
					if ( status === 429 && ! header( headers, 'retry-after' ) )
						tooManyWithoutRetryAfter += 1;
					if (
						( status < 200 || status >= 300 ) &&
						( samples[ status ] ??= [] ).length < 3
					)
						samples[ status ].push( body.slice( 0, 300 ) );
					onBody?.( status, body );
				},
			},
		],
	} );
	const non2xx = Object.fromEntries(
		Object.entries( statuses ).filter( ( [ s ] ) => s < 200 || s >= 300 )
	);
	const errorStatuses = Object.keys( non2xx ).filter(
		( s ) => s !== '429' && ! allowed.includes( Number( s ) )
	);
	return {
		name,
		shape: `${ connections } × ${ amount ? `${ amount } requests` : `${ result.duration } s` }`,
		ok:
			errorStatuses.length === 0 &&
			result.errors === 0 &&
			tooManyWithoutRetryAfter === 0,
		total: result.requests.total,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		tooManyWithoutRetryAfter,
		samples,
	};
}

/** JSON (or CSV, for a string body) API call as `client`; throws on anything but success. */
async function call( cloudUrl, client, method, route, body ) {
	const res = await fetch( `${ cloudUrl }/api/v1${ route }`, {
		method,
		headers: {
			authorization: `Bearer ${ client.token }`,
			'cf-connecting-ip': client.ip,
			...( body === undefined
				? {}
				: {
						'content-type':
							typeof body === 'string'
								? 'text/csv'
								: 'application/json',
					} ),
		},
		body:
			body === undefined
				? undefined
				: typeof body === 'string'
					? body
					: JSON.stringify( body ),
	} );
	const json = await res.json();
	if ( ! json.success )
		throw new Error(
			`${ method } ${ route }: ${ res.status } ${ JSON.stringify( json ).slice( 0, 500 ) }`
		);
	return json;
}

/**
 * Signs each client in from its own address (sign-ins are limited to 20 a minute per address), 4 at a time; a token
 * younger than 8 minutes is kept (access tokens live 15).
 */
async function signIn( cloudUrl, clients ) {
	const stale = clients.filter(
		( c ) => ! ( c.signedInAt > Date.now() - 8 * 60_000 )
	);
	for ( let i = 0; i < stale.length; i += 4 ) {
		await Promise.all(
			stale.slice( i, i + 4 ).map( async ( c ) => {
				const res = await fetch( `${ cloudUrl }/api/v1/auth/login`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'cf-connecting-ip': c.ip,
					},
					body: JSON.stringify( {
						email: c.email,
						password: PASSWORD,
					} ),
				} );
				const json = await res.json();
				if ( ! json.success )
					throw new Error(
						`sign-in of ${ c.email }: ${ res.status } ${ JSON.stringify( json ) }`
					);
				c.token = json.data.access;
				c.signedInAt = Date.now();
			} )
		);
	}
	return clients;
}

/** `owner` plus n − 1 admins of its account, each at an address of its own (10.<net>.x.y), signed in. */
async function clientsOf( cloudUrl, owner, n, net, prefix ) {
	const clients = [ { ...owner, ip: `10.${ net }.0.1` } ];
	for ( let i = 1; i < n; i++ ) {
		const email = `${ prefix }-${ i }@example.test`;
		await call( cloudUrl, clients[ 0 ], 'POST', '/auth/users', {
			email,
			role: 'admin',
			password: PASSWORD,
		} );
		clients.push( {
			email,
			ip: `10.${ net }.${ i >> 8 }.${ ( i & 255 ) + 1 }`,
		} );
	}
	return signIn( cloudUrl, clients );
}

const csvOf = ( rows ) =>
	'keyword,volume,difficulty,intent\n' +
	rows
		.map(
			( r ) =>
				`${ r.keyword },${ r.volume },${ r.difficulty },${ r.intent }`
		)
		.join( '\n' );

/**
 * `php -S` answers every request with `Connection: close` and no Content-Length, which autocannon cannot read (it
 * never sees the end of a body). This relay in front of it takes each answer whole and gives it back with a
 * Content-Length over a kept-alive connection; PHP still gets one new connection a request, as from browsers.
 */
function keepAliveRelay( target ) {
	const to = new URL( target );
	const server = http.createServer( ( req, res ) => {
		const upstream = http.request(
			{
				host: to.hostname,
				port: to.port,
				path: req.url,
				method: req.method,
				headers: { ...req.headers, host: to.host },
				agent: false,
			},
			( answer ) => {
				const chunks = [];
				answer.on( 'data', ( c ) => chunks.push( c ) );
				answer.on( 'end', () => {
					const body = Buffer.concat( chunks );
					const headers = {
						...answer.headers,
						'content-length': body.length,
					};
					delete headers.connection;
					delete headers[ 'transfer-encoding' ];
					res.writeHead( answer.statusCode, headers );
					res.end( body );
				} );
			}
		);
		upstream.on( 'error', ( err ) => {
			res.writeHead( 502, { 'content-type': 'text/plain' } );
			res.end( `relay: ${ err.message }` );
		} );
		req.pipe( upstream );
	} );
	return new Promise( ( resolve ) =>
		server.listen( 0, '127.0.0.1', () =>
			resolve( {
				url: `http://127.0.0.1:${ server.address().port }`,
				close: () => new Promise( ( r ) => server.close( r ) ),
			} )
		)
	);
}

/**
 * The rate limiters, each from fresh clients (owners of three new accounts), inside one minute window (Miniflare
 * counts per calendar minute): 700 requests as one user from ten addresses (the per-user limit), 700 as two users
 * from one address (the per-address limit), and 30 wrong passwords from one address (sign-in, 20 a minute).
 * Resolves with the two autocannon runs, a line for the report, and whether the sign-ins answered only 401/429
 * with Retry-After.
 */
async function limiterCheck( cloud ) {
	const [ solo, pairA, pairB ] = await Promise.all(
		[ 'solo', 'pair-a', 'pair-b' ].map( async ( name, k ) => {
			const email = `bench-limit-${ name }@example.test`;
			const ip = `10.251.0.${ k + 1 }`;
			const res = await fetch( `${ cloud.url }/api/v1/auth/signup`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'cf-connecting-ip': ip,
				},
				body: JSON.stringify( {
					email,
					password: PASSWORD,
					account_name: `Limits ${ name }`,
				} ),
			} );
			const json = await res.json();
			if ( ! json.success )
				throw new Error(
					`sign-up of ${ email }: ${ res.status } ${ JSON.stringify( json ) }`
				);
			return { email, ip, token: json.data.access };
		} )
	);
	pairB.ip = pairA.ip;
	const intoMinute = Date.now() % 60_000;
	if ( intoMinute > 20_000 ) {
		log(
			`limiter check: waiting ${ ( ( 60_000 - intoMinute ) / 1000 ).toFixed( 0 ) } s for a fresh minute window…`
		);
		await sleep( 60_000 - intoMinute + 200 );
	}
	const minute = Math.floor( Date.now() / 60_000 );
	let p = 0;
	let q = 0;
	const [ perUser, perAddress, logins ] = await Promise.all( [
		load( 'limiter: 1 user, 10 addresses', {
			url: cloud.url,
			connections: 5,
			amount: 700,
			next: () => ( {
				method: 'GET',
				path: '/api/v1/auth/me',
				headers: {
					authorization: `Bearer ${ solo.token }`,
					'cf-connecting-ip': `10.251.2.${ ( p++ % 10 ) + 1 }`,
				},
			} ),
		} ),
		load( 'limiter: 2 users, 1 address', {
			url: cloud.url,
			connections: 5,
			amount: 700,
			next: () => {
				const c = q++ % 2 ? pairB : pairA;
				return {
					method: 'GET',
					path: '/api/v1/auth/me',
					headers: {
						authorization: `Bearer ${ c.token }`,
						'cf-connecting-ip': c.ip,
					},
				};
			},
		} ),
		( async () => {
			const statuses = {};
			let withoutRetryAfter = 0;
			for ( let k = 0; k < 30; k++ ) {
				const res = await fetch( `${ cloud.url }/api/v1/auth/login`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'cf-connecting-ip': '10.251.1.1',
					},
					body: JSON.stringify( {
						email: solo.email,
						password: 'not-the-password',
					} ),
				} );
				await res.arrayBuffer();
				statuses[ res.status ] = ( statuses[ res.status ] ?? 0 ) + 1;
				if ( res.status === 429 && ! res.headers.get( 'retry-after' ) )
					withoutRetryAfter += 1;
			}
			return { statuses, withoutRetryAfter };
		} )(),
	] );
	const sameWindow = Math.floor( Date.now() / 60_000 ) === minute;
	const byStatus = ( o ) =>
		Object.entries( o )
			.map( ( [ s, k ] ) => `${ k } × ${ s }` )
			.join( ', ' );
	const withOk = ( r ) =>
		byStatus( {
			200:
				r.total -
				Object.values( r.non2xx ).reduce( ( a, b ) => a + b, 0 ),
			...r.non2xx,
		} );
	return {
		runs: [ perUser, perAddress ],
		ok:
			! logins.withoutRetryAfter &&
			Object.keys( logins.statuses ).every(
				( s ) => s === '401' || s === '429'
			),
		note:
			`limiter (${ sameWindow ? 'all in one minute window' : '**crossed a minute boundary**: counts span two windows' }): 700 × GET /auth/me as 1 user from 10 addresses → ` +
			`${ withOk( perUser ) }; as 2 users from 1 address → ${ withOk( perAddress ) }; 30 wrong passwords from 1 address → ${ byStatus( logins.statuses ) }; ` +
			`429s without Retry-After: ${ perUser.tooManyWithoutRetryAfter + perAddress.tooManyWithoutRetryAfter + logins.withoutRetryAfter }`,
	};
}

// ---------------------------------------------------------------------------------------------

const cleanups = [];
const cleanup = async () => {
	while ( cleanups.length )
		await cleanups
			.pop()()
			.catch( ( err ) => log( `cleanup: ${ err.message }` ) );
};
for ( const signal of [ 'SIGINT', 'SIGTERM' ] ) {
	process.once( signal, async () => {
		log( `${ signal }: stopping what was started…` );
		await cleanup();
		process.exit( 130 );
	} );
}

const runs = [];
const notes = [];
let failed = false;
try {
	if (
		[ 'lists', 'imports', 'jobs', 'limits' ].some( ( m ) => MIXES.has( m ) )
	) {
		log( 'starting the cloud (wrangler dev, local D1/Queues/R2)…' );
		const cloud = await benchCloud();
		cleanups.push( async () => {
			// On trouble, what wrangler dev said goes with the report.
			if ( failed || runs.some( ( r ) => ! r.ok ) )
				console.error(
					`[load] wrangler dev log, last lines:\n${ tail( path.join( cloud.dir, 'wrangler.log' ) ) }`
				);
			await cloud.stop();
		} );
		log( `signing in ${ CLIENTS } clients of the bench account…` );
		const clients = await clientsOf(
			cloud.url,
			{ email: 'bench@example.test', token: cloud.token },
			CLIENTS,
			1,
			'bench-client'
		);
		const owner = clients[ 0 ];
		// Credits for the jobs mix, granted now while the Worker is idle: the operator command is a second process on the
		// same local D1 (see d1() below). One credit a job; 20 a connection-second is several times what 2 cores start,
		// so 402s would mean a real shortfall.
		if ( MIXES.has( 'jobs' ) )
			log(
				cloud.grant(
					Math.min( 9_999_999, CONNECTIONS * DURATION * 20 )
				)
			);
		/** Read once the Worker has stopped: D1 from outside while it writes can fail either side with SQLITE_BUSY. */
		const afterHalt = [];
		let sent = 0;
		const nextClient = () => clients[ sent++ % clients.length ];

		if ( MIXES.has( 'lists' ) ) {
			log(
				`seeding ${ SEED_KEYWORDS.toLocaleString( 'en' ) } keywords…`
			);
			await call(
				cloud.url,
				owner,
				'POST',
				`/planner/keywords/import_csv?site_id=${ cloud.site.id }&sector_id=${ cloud.sector.id }`,
				csvOf( keywordRows( SEED_KEYWORDS ) )
			);
			const r = rng( 11 );
			const pick = ( xs ) => xs[ Math.floor( r() * xs.length ) ];
			const filters = [
				() => '',
				() => '&status=active&ordering=-volume',
				() =>
					`&intent=${ pick( [ 'informational', 'commercial', 'transactional', 'navigational' ] ) }&ordering=-volume`,
				() =>
					`&min_volume=${ Math.floor( r() * 5000 ) }&max_volume=${ 5000 + Math.floor( r() * 45000 ) }&ordering=volume`,
				() =>
					`&search=${ encodeURIComponent( pick( [ 'shoes', 'coffee', 'best', 'how to', 'chair', 'vacuum' ] ) ) }`,
				() =>
					`&status=active&intent=${ pick( [ 'informational', 'commercial' ] ) }&min_volume=100&ordering=-difficulty`,
				() =>
					`&ordering=${ pick( [ 'keyword', '-keyword', 'difficulty', '-created_at' ] ) }`,
			];
			const base = `/api/v1/planner/keywords?site_id=${ cloud.site.id }&sector_id=${ cloud.sector.id }`;
			let i = 0;
			await signIn( cloud.url, clients );
			runs.push(
				await load( 'keyword lists with filters', {
					url: cloud.url,
					next: () => {
						const c = nextClient();
						return {
							method: 'GET',
							path: `${ base }&page_size=${ pick( [ 25, 50, 100 ] ) }${ filters[ i++ % filters.length ]() }`,
							headers: {
								authorization: `Bearer ${ c.token }`,
								'cf-connecting-ip': c.ip,
							},
						};
					},
				} )
			);
			runs.at( -1 ).extra =
				`${ SEED_KEYWORDS.toLocaleString( 'en' ) } keywords in the sector; 7 filter shapes (status, intent, volume range, search, ordering) × page sizes 25/50/100`;
		}

		if ( MIXES.has( 'imports' ) ) {
			// Plan limits answer 422, an error here: each account takes at most ACCOUNT_BUDGET new rows, and there are
			// enough accounts for IMPORTS_PER_SECOND. Past every budget, requests would carry only duplicates.
			const accounts = Math.max(
				2,
				Math.ceil(
					( DURATION * IMPORTS_PER_SECOND * ROWS_PER_IMPORT ) /
						ACCOUNT_BUDGET
				)
			);
			const perAccount = Math.ceil( CLIENTS / accounts );
			log(
				`making ${ accounts } agency accounts (3 sites, ${ perAccount } users each) for the imports…`
			);
			const targets = [];
			for ( let a = 0; a < accounts; a++ ) {
				const who = {
					email: `bench-import-${ a }@example.test`,
					password: PASSWORD,
					account: `Import ${ a }`,
				};
				const acct = await agencyAccount( cloud.url, cloud.dir, who, {
					'cf-connecting-ip': `10.${ 10 + a }.0.1`,
				} );
				const importers = await clientsOf(
					cloud.url,
					acct,
					perAccount,
					10 + a,
					`bench-import-${ a }`
				);
				const sectors = [];
				for ( let s = 0; s < 3; s++ ) {
					const site = await demoSite(
						cloud.url,
						acct.token,
						`Import ${ a }.${ s }`
					);
					sectors.push(
						`site_id=${ site.id }&sector_id=${ ( await call( cloud.url, importers[ 0 ], 'GET', `/auth/sites/${ site.id }/sectors` ) ).results[ 0 ].id }`
					);
				}
				targets.push( {
					clients: importers,
					sectors,
					rows: 0,
					requests: 0,
				} );
			}
			// A request's rows: 180 never seen before (a counter makes them unique) and 20 from a small shared pool that the
			// sectors soon have (duplicates, skipped).
			const pool = keywordRows( 400, 5 );
			const r = rng( 17 );
			const words = [
				'best',
				'cheap',
				'quiet',
				'compact',
				'pro',
				'mini',
				'smart',
				'eco',
				'budget',
				'premium',
			];
			const heads = [
				'grinder',
				'kettle',
				'desk lamp',
				'backpack',
				'monitor arm',
				'drone',
				'router',
				'juicer',
			];
			let made = 0;
			let n = 0;
			let overBudget = 0;
			let created = 0;
			let skipped = 0;
			const body = ( fresh ) => {
				const rows = [];
				for ( let k = 0; k < fresh; k++ ) {
					made += 1;
					rows.push( {
						keyword: `${ words[ made % words.length ] } ${ heads[ ( made >> 3 ) % heads.length ] } ${ made }`,
						volume: Math.floor( 10 ** ( 1 + r() * 4 ) ),
						difficulty: Math.floor( r() * 101 ),
						intent: 'commercial',
					} );
				}
				while ( rows.length < ROWS_PER_IMPORT )
					rows.push( pool[ Math.floor( r() * pool.length ) ] );
				return csvOf( rows );
			};
			for ( const t of targets ) await signIn( cloud.url, t.clients );
			runs.push(
				await load( `CSV imports (${ ROWS_PER_IMPORT } rows)`, {
					url: cloud.url,
					next: () => {
						const t = targets[ n++ % targets.length ]; // accounts in turn, so they fill evenly
						const fresh =
							t.rows + ROWS_PER_IMPORT <= ACCOUNT_BUDGET;
						if ( fresh ) t.rows += ROWS_PER_IMPORT;
						else overBudget += 1;
						const c = t.clients[ t.requests % t.clients.length ];
						t.requests += 1;
						return {
							method: 'POST',
							path: `/api/v1/planner/keywords/import_csv?${ t.sectors[ t.requests % t.sectors.length ] }`,
							headers: {
								authorization: `Bearer ${ c.token }`,
								'content-type': 'text/csv',
								'cf-connecting-ip': c.ip,
							},
							body: body( fresh ? ROWS_PER_IMPORT - 20 : 0 ),
						};
					},
					onBody: ( status, text ) => {
						if ( status !== 200 ) return;
						const json = JSON.parse( text );
						created += json.data.created;
						skipped += json.data.skipped_duplicates;
					},
				} )
			);
			const run = runs.at( -1 );
			afterHalt.push( () => {
				const counts = d1(
					cloud.dir,
					`SELECT a.name, count(k.id) AS n FROM accounts a LEFT JOIN keywords k ON k.account_id = a.id WHERE a.name LIKE 'Import %' GROUP BY a.id ORDER BY a.id`
				);
				run.extra =
					`${ created.toLocaleString( 'en' ) } keywords created, ${ skipped.toLocaleString( 'en' ) } duplicates skipped (answers read in the run); ${ accounts } accounts × 3 sites, ` +
					`${ perAccount } users each; keywords per account after the mix (limit 250,000): ${ counts.map( ( c ) => c.n.toLocaleString( 'en' ) ).join( ', ' ) }`;
			} );
			if ( overBudget )
				notes.push(
					`imports: ${ overBudget } requests came after every account's budget was spent and carried only duplicates (raise IMPORTS_PER_SECOND)`
				);
		}

		if ( MIXES.has( 'jobs' ) ) {
			const fake = await startFakeOpenAi();
			cleanups.push( () => fake.close() );
			await signIn( cloud.url, clients );
			await call(
				cloud.url,
				owner,
				'PUT',
				'/system/integrations/openai',
				{
					api_key: 'sk-bench-0000',
					base_url: fake.url,
					text_model: 'gpt-4o-mini',
				}
			);
			const kws = keywordRows( 40, 23 ).map( ( k ) => ( {
				keyword: `${ k.keyword } ideas`,
				volume: k.volume,
			} ) );
			await call(
				cloud.url,
				owner,
				'POST',
				'/planner/keywords/bulk_create',
				{
					site_id: cloud.site.id,
					sector_id: cloud.sector.id,
					keywords: kws,
				}
			);
			const ids = (
				await call(
					cloud.url,
					owner,
					'GET',
					`/planner/keywords?site_id=${ cloud.site.id }&sector_id=${ cloud.sector.id }&search=ideas&page_size=100`
				)
			).results.map( ( k ) => k.id );
			const clusterIds = [];
			for ( let c = 0; c < 8; c++ ) {
				clusterIds.push(
					(
						await call(
							cloud.url,
							owner,
							'POST',
							'/planner/clusters',
							{
								site_id: cloud.site.id,
								sector_id: cloud.sector.id,
								name: `Load ${ c }`,
								keyword_ids: ids.slice( c * 5, c * 5 + 5 ),
							}
						)
					).data.id
				);
			}
			let j = 0;
			runs.push(
				await load( 'AI jobs with credit holds', {
					url: cloud.url,
					allowed: [ 402 ], // refused for want of credits: expected once a grant runs out, counted apart
					next: () => {
						const c = nextClient();
						return {
							method: 'POST',
							path: '/api/v1/ai/jobs',
							headers: {
								authorization: `Bearer ${ c.token }`,
								'content-type': 'application/json',
								'cf-connecting-ip': c.ip,
							},
							body: JSON.stringify( {
								function: 'generate_ideas',
								payload: {
									site_id: cloud.site.id,
									cluster_ids: [
										clusterIds[ j++ % clusterIds.length ],
									],
									ideas_per_cluster: 1,
								},
							} ),
						};
					},
				} )
			);
			// The ledger is read once the queue has drained: no job queued or running (two light requests every 500 ms).
			log( 'waiting for the queue to drain…' );
			await signIn( cloud.url, [ owner ] );
			const t0 = performance.now();
			const until = Date.now() + Math.max( 600_000, DURATION * 10_000 );
			const open = async () =>
				(
					await call(
						cloud.url,
						owner,
						'GET',
						'/ai/jobs?state=queued&page_size=1'
					)
				).count +
				(
					await call(
						cloud.url,
						owner,
						'GET',
						'/ai/jobs?state=running&page_size=1'
					)
				).count;
			for ( let left = await open(); left > 0; left = await open() ) {
				if ( Date.now() > until )
					throw new Error(
						`the queue did not drain: ${ left } jobs still queued or running`
					);
				await sleep( 500 );
			}
			const drained = ( performance.now() - t0 ) / 1000;
			const providerCalls = Object.values( fake.stats() ).reduce(
				( a, b ) => a + b,
				0
			);
			const run = runs.at( -1 );
			afterHalt.push( () => {
				const states = d1(
					cloud.dir,
					`SELECT state, count(*) AS n, coalesce(sum(credits_charged), 0) AS charged FROM ai_jobs GROUP BY state ORDER BY state`
				);
				const ledger = d1(
					cloud.dir,
					`SELECT a.name, a.credits AS balance, coalesce((SELECT sum(t.amount) FROM credit_transactions t WHERE t.account_id = a.id), 0) AS ledger,
             (SELECT count(*) FROM credit_transactions t WHERE t.account_id = a.id) AS entries FROM accounts a ORDER BY a.id`
				);
				const bench = ledger.find( ( a ) => a.name === 'Bench' );
				const off = ledger.filter( ( a ) => a.balance !== a.ledger );
				if ( off.length ) failed = true;
				run.extra =
					`queue drained ${ drained.toFixed( 1 ) } s after the mix; jobs ${ states.map( ( st ) => `${ st.state } ${ st.n }` ).join( ', ' ) } (more than the answers counted: ` +
					`requests still in flight when the run ends are served too); ${ states.reduce( ( sum, st ) => sum + st.charged, 0 ) } credits charged; ${ providerCalls } provider calls; ` +
					`**ledger = balance: ${ off.length ? `NO** (${ off.map( ( a ) => `${ a.name }: balance ${ a.balance }, ledger ${ a.ledger }` ).join( '; ' ) })` : `yes** for every account (${ ledger.length }; Bench: ${ bench.balance } = sum of ${ bench.entries } entries)` }`;
			} );
		}

		if ( MIXES.has( 'limits' ) ) {
			const limits = await limiterCheck( cloud );
			runs.push( ...limits.runs );
			notes.push( limits.note );
			if ( ! limits.ok ) failed = true;
		}
		await cloud.halt();
		for ( const read of afterHalt ) read();
		await cleanup(); // the cloud and the stand-in stop before WordPress starts: one stack at a time on 2 cores
	}

	if ( MIXES.has( 'token' ) ) {
		const stateDir = mkdtempSync(
			path.join( os.tmpdir(), 'igny8-load-wp-' )
		);
		cleanups.push( async () =>
			rmSync( stateDir, { recursive: true, force: true } )
		);
		log(
			'starting the stack (cloud + WordPress 6.5.5 with the plugin connected)…'
		);
		const stack = await startStack( {
			stateDir,
			cloudPort: await freePort(),
			wpPort: await freePort(),
			wpPassword: 'bench-admin-password',
		} );
		cleanups.push( () => stack.stop() );
		const relay = await keepAliveRelay( stack.wpUrl );
		cleanups.push( () => relay.close() );
		// Logged in as wp-admin is: the auth cookies from wp-login.php and a REST nonce.
		const login = await fetch( `${ stack.wpUrl }/wp-login.php`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
			body: new URLSearchParams( {
				log: stack.wpAdmin.user,
				pwd: stack.wpAdmin.password,
				'wp-submit': 'Log In',
				testcookie: '1',
			} ),
		} );
		await login.arrayBuffer();
		if ( login.status !== 302 )
			throw new Error( `WordPress login failed: HTTP ${ login.status }` );
		const cookie = login.headers
			.getSetCookie()
			.map( ( c ) => c.split( ';' )[ 0 ] )
			.filter( ( c ) => ! c.endsWith( '=deleted' ) )
			.join( '; ' );
		const nonce = (
			await (
				await fetch(
					`${ stack.wpUrl }/wp-admin/admin-ajax.php?action=rest-nonce`,
					{ headers: { cookie } }
				)
			).text()
		).trim();
		let sample = null;
		runs.push(
			await load( 'WordPress token (PHP)', {
				url: relay.url,
				connections: WP_CONNECTIONS,
				next: () => ( {
					method: 'GET',
					path: '/wp-json/igny8/v1/token',
					headers: { cookie, 'x-wp-nonce': nonce },
				} ),
				onBody: ( status, text ) => {
					if ( status === 200 && ! sample )
						sample = JSON.parse( text );
				},
			} )
		);
		// A minted token is one the cloud takes.
		const me =
			sample &&
			( await fetch( `${ stack.cloudUrl }/api/v1/auth/me`, {
				headers: { authorization: `Bearer ${ sample.token }` },
			} ) );
		if ( me?.status !== 200 ) failed = true;
		runs.at( -1 ).extra =
			`\`php -S\` with 4 workers behind a keep-alive relay in the bench process (php -S closes every connection without a Content-Length, which autocannon cannot read); ` +
			`a minted token (role ${ sample?.role }) ${ me?.status === 200 ? 'is taken by the cloud (GET /auth/me 200)' : `is **refused** by the cloud (${ me?.status })` }`;
	}
} catch ( err ) {
	failed = true;
	console.error( err );
} finally {
	await cleanup();
}

// ---------------------------------------------------------------------------------------------

const ms = ( v ) => `${ Number( v ).toFixed( v < 10 ? 1 : 0 ) } ms`;
const byStatus = ( o ) =>
	Object.entries( o )
		.map( ( [ s, n ] ) => `${ n.toLocaleString( 'en' ) } × ${ s }` )
		.join( ', ' ) || '—';
console.log(
	`\nUnder load: autocannon on loopback against wrangler dev (local D1/Queues) and php -S; ${ CLIENTS } client${ CLIENTS === 1 ? '' : 's' } (user + address); ${ new Date().toISOString().slice( 0, 10 ) }\n`
);
console.log(
	'| mix | connections × time | requests | req/s | p50 | p99 | non-2xx by status | 429 without Retry-After | errors (timeouts) |'
);
console.log( '|---|---|---:|---:|---:|---:|---|---:|---:|' );
for ( const r of runs ) {
	if ( ! r.ok ) failed = true;
	console.log(
		`| ${ r.name } | ${ r.shape } | ${ r.total.toLocaleString( 'en' ) } | ${ r.rps.toFixed( 1 ) } | ${ ms( r.p50 ) } | ${ ms( r.p99 ) } | ${ byStatus( r.non2xx ) } | ${ r.tooManyWithoutRetryAfter } | ${ r.errors } (${ r.timeouts }) |`
	);
}
console.log( '' );
for ( const r of runs )
	if ( r.extra ) console.log( `- ${ r.name }: ${ r.extra }` );
for ( const n of notes ) console.log( `- ${ n }` );
for ( const r of runs ) {
	for ( const [ status, bodies ] of Object.entries( r.samples ) )
		if ( status !== '429' || r.tooManyWithoutRetryAfter )
			console.error(
				`[load] ${ r.name }: ${ status }, e.g. ${ bodies[ 0 ] }`
			);
}
console.log(
	`\n${ failed ? 'FAILED: an error other than 429, a 429 without Retry-After, or the ledger off the balance (see above)' : 'OK: no errors other than 429, every 429 with Retry-After, the ledger equals the balance' }`
);
process.exitCode = failed ? 1 : 0;
