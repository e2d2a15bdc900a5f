// Shared set-up for the cloud benchmarks: a fresh local cloud (wrangler dev, local D1) with an account on
// the agency plan and one site, reached over HTTP on loopback like a real client.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, startCloud } from '../scripts/dev/cloud.mjs';
import { demoOwner, demoSite } from '../scripts/dev/stack.mjs';
import { freePort } from '../scripts/wp/env.mjs';

export async function benchCloud() {
	const dir = mkdtempSync( path.join( os.tmpdir(), 'igny8-bench-' ) );
	const cloud = await startCloud( {
		port: await freePort(),
		persistDir: dir,
	} );
	const who = {
		email: 'bench@example.test',
		password: 'bench-password-1',
		account: 'Bench',
	};
	await demoOwner( cloud.url, who );
	const plan = spawnSync(
		'node',
		[
			path.join( REPO, 'scripts/operator.mjs' ),
			'set-plan',
			who.email,
			'agency',
			'--persist-to',
			dir,
		],
		{ encoding: 'utf8' }
	);
	if ( plan.status !== 0 ) throw new Error( plan.stderr );
	const owner = await demoOwner( cloud.url, who ); // a fresh token after the plan change
	const site = await demoSite( cloud.url, owner.access, 'Bench site' );
	const sectors = await (
		await fetch( `${ cloud.url }/api/v1/auth/sites/${ site.id }/sectors`, {
			headers: { authorization: `Bearer ${ owner.access }` },
		} )
	).json();
	return {
		url: cloud.url,
		/** The local state folder (D1, Queues, R2), for `d1()` and the operator command. */
		dir,
		token: owner.access,
		site,
		sector: sectors.results[ 0 ],
		/** Credits by the operator command (owners cannot top up themselves). */
		grant( amount ) {
			const res = spawnSync(
				'node',
				[
					path.join( REPO, 'scripts/operator.mjs' ),
					'grant-credits',
					who.email,
					String( amount ),
					'--persist-to',
					dir,
				],
				{ encoding: 'utf8' }
			);
			if ( res.status !== 0 ) throw new Error( res.stderr );
			return res.stdout.trim();
		},
		/** Stops the Worker and keeps `dir`, so `d1()` can read it alone (a second process on the same local D1 while
		 *  the Worker writes can make either fail with SQLITE_BUSY). `stop()` still removes it. */
		async halt() {
			await cloud.stop();
		},
		async stop() {
			await cloud.stop();
			rmSync( dir, { recursive: true, force: true } );
		},
	};
}

/**
 * Another account of the local cloud in `dir`, on the agency plan, signed in: { email, token } (the token is taken
 * after the plan change). `headers` go with its sign-up and sign-in (e.g. a CF-Connecting-IP of its own, since
 * sign-ins share a limit of 20 a minute per address).
 */
export async function agencyAccount( url, dir, who, headers = {} ) {
	const post = async ( route, body ) =>
		(
			await fetch( `${ url }/api/v1${ route }`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify( body ),
			} )
		).json();
	const made = await post( '/auth/signup', {
		email: who.email,
		password: who.password,
		account_name: who.account,
	} );
	if ( ! made.success )
		throw new Error(
			`sign-up of ${ who.email } failed: ${ JSON.stringify( made ) }`
		);
	const plan = spawnSync(
		'node',
		[
			path.join( REPO, 'scripts/operator.mjs' ),
			'set-plan',
			who.email,
			'agency',
			'--persist-to',
			dir,
		],
		{ encoding: 'utf8' }
	);
	if ( plan.status !== 0 ) throw new Error( plan.stderr );
	const login = await post( '/auth/login', {
		email: who.email,
		password: who.password,
	} );
	if ( ! login.success )
		throw new Error(
			`sign-in of ${ who.email } failed: ${ JSON.stringify( login ) }`
		);
	return { email: who.email, token: login.data.access };
}

/** Rows of one SQL statement against the local D1 in `dir`, read as the operator command does (wrangler d1 execute). */
export function d1( dir, sql ) {
	const res = spawnSync(
		path.join( REPO, 'node_modules/.bin/wrangler' ),
		[
			'd1',
			'execute',
			'DB',
			'--local',
			'--persist-to',
			dir,
			'--json',
			'--command',
			sql,
		],
		{
			cwd: REPO,
			encoding: 'utf8',
			env: {
				...process.env,
				WRANGLER_SEND_METRICS: 'false',
				CLOUDFLARE_CF_FETCH_ENABLED: 'false',
			},
		}
	);
	if ( res.status !== 0 )
		throw new Error(
			`wrangler d1 execute failed:\n${ res.stderr || res.stdout }`
		);
	return JSON.parse( res.stdout ).at( -1 )?.results ?? [];
}

/** A deterministic PRNG (mulberry32) so every run measures the same data. */
export function rng( seed = 42 ) {
	let a = seed >>> 0;
	return () => {
		a = ( a + 0x6d2b79f5 ) >>> 0;
		let t = a;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
}

const HEADS = [
	'running shoes',
	'coffee grinder',
	'espresso machine',
	'yoga mat',
	'standing desk',
	'air fryer',
	'trail bike',
	'gaming chair',
	'water filter',
	'rain jacket',
	'tent',
	'blender',
	'office chair',
	'hiking boots',
	'smart watch',
	'kettle',
	'sofa bed',
	'dog bed',
	'baby stroller',
	'robot vacuum',
];
const MODS = [
	'best',
	'cheap',
	'top',
	'how to clean',
	'how to choose',
	'review',
	'price',
	'vs',
	'for beginners',
	'for men',
	'for women',
	'near me',
	'buy',
	'sale',
	'2026',
	'small',
	'large',
	'portable',
	'electric',
	'manual',
];
const INTENTS = [
	'informational',
	'commercial',
	'transactional',
	'navigational',
];

/** n distinct keyword rows (keyword, volume, difficulty, intent). */
export function keywordRows( n, seed = 7 ) {
	const r = rng( seed );
	const rows = [];
	for ( let i = 0; rows.length < n; i++ ) {
		const head = HEADS[ i % HEADS.length ];
		const mod = MODS[ Math.floor( i / HEADS.length ) % MODS.length ];
		const variant = Math.floor( i / ( HEADS.length * MODS.length ) );
		rows.push( {
			keyword: `${ mod } ${ head }${ variant ? ` ${ variant }` : '' }`,
			volume: Math.floor( 10 ** ( 1 + r() * 4 ) ),
			difficulty: Math.floor( r() * 101 ),
			intent: INTENTS[ Math.floor( r() * 4 ) ],
		} );
	}
	return rows;
}

export function percentile( sorted, p ) {
	return sorted[
		Math.min( sorted.length - 1, Math.floor( ( p / 100 ) * sorted.length ) )
	];
}
