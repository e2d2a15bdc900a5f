import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { api } from '../../test/helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	type SiteFixture,
} from '../../test/world';
import { deadLetter, runJob } from './engine';
import { grantMonthlyCredits } from '../billing/ledger';
import { createDb } from '../db';

const FAKE = inject( 'fakeOpenAiUrl' );
let token: string;
let site: SiteFixture;
let accountId: number;

beforeEach( async () => {
	accountId = await insertAccount( 'AI Co' );
	token = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'AI site' );
} );

async function configure(
	model = 'gpt-4o-mini',
	apiKey = 'sk-test-abcdef123456'
) {
	const res = await api( 'PUT', '/system/integrations/openai', {
		token,
		body: { api_key: apiKey, base_url: FAKE, text_model: model },
	} );
	expect( res.status ).toBe( 200 );
	return res;
}

/** Sets the balance with an adjustment entry, as an operator would. */
async function setBalance( credits: number ) {
	const { balance } = await ledger();
	await env.DB.prepare( 'UPDATE accounts SET credits = ? WHERE id = ?' )
		.bind( credits, accountId )
		.run();
	await env.DB.prepare(
		`INSERT INTO credit_transactions (account_id, type, amount, balance_after, reference)
     VALUES (?, 'adjustment', ?, ?, 'test')`
	)
		.bind( accountId, credits - balance, credits )
		.run();
}

async function addKeywords( n: number, prefix = 'espresso' ) {
	const words = [ 'grinder', 'machine', 'beans', 'cups', 'tamper', 'scale' ];
	const keywords = Array.from( { length: n }, ( _, i ) => ( {
		keyword:
			`${ prefix } ${ words[ i % words.length ] }` +
			( i >= words.length ? ` ${ Math.floor( i / words.length ) }` : '' ),
		volume: 100 + i,
	} ) );
	const res = await api( 'POST', '/planner/keywords/bulk_create', {
		token,
		body: { site_id: site.id, sector_id: site.sectorId, keywords },
	} );
	expect( res.status ).toBe( 201 );
}

async function waitForJob( id: number, timeoutMs = 20_000 ) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const res = await api( 'GET', `/ai/jobs/${ id }`, { token } );
		if (
			[ 'succeeded', 'failed', 'cancelled' ].includes(
				res.json.data.state
			)
		)
			return res.json.data;
		if ( Date.now() > until )
			throw new Error(
				`job ${ id } still ${ res.json.data.state } at ${ res.json.data.percentage }%`
			);
		await new Promise( ( r ) => setTimeout( r, 100 ) );
	}
}

async function ledger() {
	const rows = await env.DB.prepare(
		'SELECT type, amount, balance_after FROM credit_transactions WHERE account_id = ? ORDER BY id'
	)
		.bind( accountId )
		.all< { type: string; amount: number; balance_after: number } >();
	const account = await env.DB.prepare(
		'SELECT credits FROM accounts WHERE id = ?'
	)
		.bind( accountId )
		.first< { credits: number } >();
	return {
		rows: rows.results,
		sum: rows.results.reduce( ( s, r ) => s + r.amount, 0 ),
		balance: account!.credits,
	};
}

const clusterAi = () =>
	api( 'POST', '/planner/keywords/auto_cluster', {
		token,
		body: { site_id: site.id, sector_id: site.sectorId, mode: 'ai' },
	} );

describe( 'providers', () => {
	it( 'answers AI functions with a clear 422 and charges nothing until a provider is configured', async () => {
		await addKeywords( 12 );
		const before = await ledger();
		const res = await clusterAi();
		expect( res.status ).toBe( 422 );
		expect( res.json.error ).toMatch( /Configure an AI provider/ );
		expect( await ledger() ).toEqual( before );
		expect(
			( await env.DB.prepare(
				'SELECT count(*) AS n FROM ai_jobs WHERE account_id = ?'
			)
				.bind( accountId )
				.first< { n: number } >() )!.n
		).toBe( 0 );
	} );

	it( 'stores the key encrypted, shows only a mask, and tests the provider', async () => {
		const saved = await configure();
		expect( saved.json.data ).toMatchObject( {
			provider: 'openai',
			configured: true,
			api_key: 'sk-…3456',
			base_url: FAKE,
			text_model: 'gpt-4o-mini',
		} );
		const row = await env.DB.prepare(
			'SELECT * FROM provider_settings WHERE account_id = ?'
		)
			.bind( accountId )
			.first();
		expect( JSON.stringify( row ) ).not.toContain( 'sk-test-abcdef123456' );
		const read = await api( 'GET', '/system/integrations/openai', {
			token,
		} );
		expect( read.text ).not.toContain( 'abcdef' );
		const test = await api( 'POST', '/system/integrations/openai/test', {
			token,
			raw: '',
		} );
		expect( test.json.data ).toMatchObject( {
			ok: true,
			model: 'gpt-4o-mini',
		} );
		await configure( 'gpt-4o-mini', 'bad-key-000' );
		const bad = await api( 'POST', '/system/integrations/openai/test', {
			token,
			raw: '',
		} );
		expect( bad.json.data.ok ).toBe( false );
		expect( bad.json.data.message ).toMatch(
			/refused the API key \(401\)/
		);
		await configure( 'unknown-model' );
		const unknown = await api( 'POST', '/system/integrations/openai/test', {
			token,
			raw: '',
		} );
		expect( unknown.json.data.message ).toMatch(
			/does not know the model "unknown-model"/
		);
		const removed = await api( 'PUT', '/system/integrations/openai', {
			token,
			body: { api_key: null },
		} );
		expect( removed.json.data.configured ).toBe( false );
	} );
} );

describe( 'the job pipeline', () => {
	it( 'clusters with AI: 202 at once, six phases to 100%, outputs, usage and an exact charge', async () => {
		await configure();
		await addKeywords( 40 );
		const start = await clusterAi();
		expect( start.status ).toBe( 202 );
		expect( start.json.data ).toMatchObject( {
			function: 'auto_cluster',
			state: 'queued',
			credits_held: 2,
		} );
		const job = await waitForJob( start.json.data.id );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			phase: 'DONE',
			percentage: 100,
			credits_charged: 2,
			model: 'gpt-4o-mini',
			error: null,
		} );
		expect( job.tokens_in ).toBeGreaterThan( 0 );
		expect( job.cost_usd ).toBeGreaterThan( 0 );
		expect( job.result.keywords_considered ).toBe( 40 );
		expect( job.steps.map( ( s: { kind: string } ) => s.kind ) ).toEqual(
			expect.arrayContaining( [ 'request', 'response' ] )
		);
		const clusters = await api(
			'GET',
			`/planner/clusters?site_id=${ site.id }&sector_id=${ site.sectorId }`,
			{ token }
		);
		expect( clusters.json.count ).toBeGreaterThan( 0 );
		expect(
			clusters.json.results.every( ( c: { name: string } ) =>
				c.name.startsWith( 'AI: ' )
			)
		).toBe( true );
		const l = await ledger();
		expect( l.balance ).toBe( l.sum );
		const hold = l.rows.find( ( r ) => r.type === 'hold' )!;
		const release = l.rows
			.filter( ( r ) => r.type === 'release' )
			.reduce( ( s, r ) => s + r.amount, 0 );
		expect( -( hold.amount + release ) ).toBe( 2 );
		const usage = await api( 'GET', '/billing/usage', { token } );
		expect( usage.json.data.rows ).toEqual( [
			expect.objectContaining( {
				operation: 'auto_cluster',
				credits: 2,
				count: 1,
			} ),
		] );
		const balance = await api( 'GET', '/billing/balance', { token } );
		expect( balance.json.data ).toMatchObject( {
			balance: l.balance,
			held: 0,
		} );
	} );

	it( 'generates ideas per cluster and charges per idea produced', async () => {
		await configure();
		await addKeywords( 6 );
		const ids = (
			await api(
				'GET',
				`/planner/keywords?site_id=${ site.id }&sector_id=${ site.sectorId }`,
				{ token }
			)
		).json.results.map( ( k: { id: number } ) => k.id );
		const a = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'Grinders',
				keyword_ids: ids.slice( 0, 3 ),
			},
		} );
		const b = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'Machines',
				keyword_ids: ids.slice( 3 ),
			},
		} );
		const start = await api( 'POST', '/planner/clusters/generate_ideas', {
			token,
			body: {
				site_id: site.id,
				cluster_ids: [ a.json.data.id, b.json.data.id ],
				ideas_per_cluster: 2,
			},
		} );
		expect( start.status ).toBe( 202 );
		const job = await waitForJob( start.json.data.id );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			credits_charged: 4,
		} );
		const ideas = await api( 'GET', `/planner/ideas?site_id=${ site.id }`, {
			token,
		} );
		expect( ideas.json.count ).toBe( 4 );
		expect(
			ideas.json.results.map( ( i: { title: string } ) => i.title ).sort()
		).toEqual( [
			'Grinders: idea 1',
			'Grinders: idea 2',
			'Machines: idea 1',
			'Machines: idea 2',
		] );
	} );

	it( 'fails cleanly on malformed model output: no outputs, the hold released', async () => {
		await configure( 'malformed' );
		await addKeywords( 10 );
		const before = await ledger();
		const job = await waitForJob( ( await clusterAi() ).json.data.id );
		expect( job.state ).toBe( 'failed' );
		expect( job.error ).toMatch( /not JSON/ );
		expect( job.credits_charged ).toBe( 0 );
		const after = await ledger();
		expect( after.balance ).toBe( before.balance );
		expect( after.balance ).toBe( after.sum );
		expect(
			(
				await api( 'GET', `/planner/clusters?site_id=${ site.id }`, {
					token,
				} )
			).json.count
		).toBe( 0 );
	} );

	it( 'reports a provider that is down after retries, and charges nothing', async () => {
		await configure( 'down' );
		await addKeywords( 5 );
		const before = await ledger();
		const job = await waitForJob(
			( await clusterAi() ).json.data.id,
			30_000
		);
		expect( job.state ).toBe( 'failed' );
		expect( job.error ).toMatch( /failed \(503\) after retries/ );
		expect( ( await ledger() ).balance ).toBe( before.balance );
	} );

	it( 'retries a flaky provider (500 once) and succeeds', async () => {
		await configure( 'flaky' );
		await addKeywords( 5 );
		const job = await waitForJob(
			( await clusterAi() ).json.data.id,
			30_000
		);
		expect( job.state ).toBe( 'succeeded' );
	} );

	it( 'does its work once when delivered again, and after it finished', async () => {
		await configure();
		await addKeywords( 12 );
		const start = await clusterAi();
		// The queue delivers it; deliver it twice more by hand, at the same time.
		await Promise.all( [
			runJob( env, start.json.data.id ),
			runJob( env, start.json.data.id ),
		] );
		const job = await waitForJob( start.json.data.id );
		expect( job.state ).toBe( 'succeeded' );
		expect( await runJob( env, start.json.data.id ) ).toEqual( {
			kind: 'done',
		} );
		const links = await env.DB.prepare(
			'SELECT keyword_id, count(*) AS n FROM keyword_clusters GROUP BY keyword_id HAVING n > 1'
		).all();
		expect( links.results ).toEqual( [] );
		const usage = await env.DB.prepare(
			'SELECT count(*) AS n FROM usage_logs WHERE job_id = ?'
		)
			.bind( start.json.data.id )
			.first< { n: number } >();
		expect( usage!.n ).toBe( 1 );
		const l = await ledger();
		expect( l.balance ).toBe( l.sum );
	} );

	it( 'releases the hold and says why when the queue gives up (dead-letter queue)', async () => {
		await configure( 'slow' );
		await addKeywords( 5 );
		const start = await clusterAi();
		const before = await ledger();
		await deadLetter( env, start.json.data.id );
		const job = (
			await api( 'GET', `/ai/jobs/${ start.json.data.id }`, { token } )
		).json.data;
		expect( job.state ).toBe( 'failed' );
		expect( job.error ).toMatch( /given up/ );
		expect( ( await ledger() ).balance ).toBe(
			before.balance + start.json.data.credits_held
		);
	} );

	it( 'cancels a running job: the hold comes back and its late answer writes nothing', async () => {
		await configure( 'slow' );
		await addKeywords( 8 );
		const start = await clusterAi();
		const id = start.json.data.id;
		await new Promise( ( r ) => setTimeout( r, 400 ) );
		const cancelled = await api( 'POST', `/ai/jobs/${ id }/cancel`, {
			token,
			raw: '',
		} );
		expect( cancelled.json.data.state ).toBe( 'cancelled' );
		await new Promise( ( r ) => setTimeout( r, 3500 ) );
		expect(
			( await api( 'GET', `/ai/jobs/${ id }`, { token } ) ).json.data
				.state
		).toBe( 'cancelled' );
		expect(
			(
				await api( 'GET', `/planner/clusters?site_id=${ site.id }`, {
					token,
				} )
			).json.count
		).toBe( 0 );
		const l = await ledger();
		expect( l.balance ).toBe( l.sum );
		expect(
			l.rows
				.filter( ( r ) => r.type === 'hold' || r.type === 'release' )
				.reduce( ( s, r ) => s + r.amount, 0 )
		).toBe( 0 );
		expect(
			(
				await api( 'POST', `/ai/jobs/${ id }/cancel`, {
					token,
					raw: '',
				} )
			).status
		).toBe( 409 );
	} );

	it( 'streams progress as Server-Sent Events until the job ends', async () => {
		await configure();
		await addKeywords( 10 );
		const start = await clusterAi();
		const res = await api(
			'GET',
			`/ai/jobs/${ start.json.data.id }/events`,
			{ token }
		);
		expect( res.headers.get( 'content-type' ) ).toContain(
			'text/event-stream'
		);
		const events = res.text
			.split( '\n\n' )
			.filter( ( e ) => e.includes( 'event: progress' ) );
		const last = JSON.parse(
			events
				.at( -1 )!
				.split( '\n' )
				.find( ( l ) => l.startsWith( 'data: ' ) )!
				.slice( 6 )
		);
		expect( last.state ).toBe( 'succeeded' );
		expect( last.percentage ).toBe( 100 );
	} );
} );

describe( 'credits', () => {
	it( 'answers 402 with the balance and the cost before a job starts', async () => {
		await configure();
		await setBalance( 0 );
		await addKeywords( 10 );
		const res = await clusterAi();
		expect( res.status ).toBe( 402 );
		expect( res.json ).toMatchObject( {
			code: 'insufficient_credits',
			balance: 0,
			cost: 1,
		} );
	} );

	it( 'runs exactly 10 of 50 concurrent jobs on an account that can afford 10, never below zero', async () => {
		await configure();
		await setBalance( 10 );
		await addKeywords( 20 );
		const results = await Promise.all(
			Array.from( { length: 50 }, () => clusterAi() )
		);
		const statuses = results.map( ( r ) => r.status );
		expect( statuses.filter( ( s ) => s === 202 ) ).toHaveLength( 10 );
		expect( statuses.filter( ( s ) => s === 402 ) ).toHaveLength( 40 );
		const l = await ledger();
		expect( l.balance ).toBeGreaterThanOrEqual( 0 );
		expect( l.balance ).toBe( l.sum );
		expect( l.rows.every( ( r ) => r.balance_after >= 0 ) ).toBe( true );
		for ( const r of results.filter( ( x ) => x.status === 202 ) )
			await waitForJob( r.json.data.id, 60_000 );
		const end = await ledger();
		expect( end.balance ).toBe( end.sum );
	} );

	it( 'grants the monthly plan credits once a month, however often the cron runs', async () => {
		const db = createDb( env.DB );
		const before = await ledger();
		await grantMonthlyCredits( db, '2099-01' );
		await grantMonthlyCredits( db, '2099-01' );
		const after = await ledger();
		expect( after.rows.filter( ( r ) => r.type === 'grant' ) ).toHaveLength(
			1
		);
		expect( after.balance - before.balance ).toBe( 1000 );
		expect( after.balance ).toBe( after.sum );
	} );

	it( 'lets an operator grant credits and the owner read them in the ledger', async () => {
		const operator = await signedInUser(
			await insertAccount( 'Operators' ),
			'developer'
		);
		const res = await api( 'POST', '/billing/topup', {
			token: operator.token,
			body: { amount: 250, note: 'Promo', account_id: accountId },
		} );
		expect( res.status ).toBe( 201 );
		expect( res.json.data.transaction ).toMatchObject( {
			type: 'topup',
			amount: 250,
			description: 'Promo',
		} );
		const tx = await api( 'GET', '/billing/transactions', { token } );
		expect( tx.json.results[ 0 ] ).toMatchObject( {
			type: 'topup',
			amount: 250,
		} );
		const bad = await api( 'POST', '/billing/topup', {
			token: operator.token,
			body: { amount: -5 },
		} );
		expect( bad.status ).toBe( 400 );
	} );
} );

describe( 'prompts, author profiles and strategies', () => {
	it( 'overrides a prompt, refuses one without its data placeholder, and resets it', async () => {
		const list = await api( 'GET', '/system/prompts', { token } );
		expect(
			list.json.results.map( ( p: { function: string } ) => p.function )
		).toEqual( [
			'auto_cluster',
			'generate_ideas',
			'generate_content',
			'generate_image_prompts',
			'generate_images',
		] );
		const bad = await api( 'PUT', '/system/prompts/generate_ideas', {
			token,
			body: { prompt: 'Write ideas please, in a long enough prompt.' },
		} );
		expect( bad.status ).toBe( 400 );
		const good = await api( 'PUT', '/system/prompts/generate_ideas', {
			token,
			body: {
				prompt: 'Custom: propose {ideas_per_cluster} distinct ideas in {language}.\n{clusters}',
			},
		} );
		expect( good.json.data ).toMatchObject( { is_default: false } );
		const reset = await api( 'DELETE', '/system/prompts/generate_ideas', {
			token,
			raw: '',
		} );
		expect( reset.json.data.is_default ).toBe( true );
	} );

	it( 'keeps one default author profile and ties strategies to a sector', async () => {
		const a = await api( 'POST', '/system/author-profiles', {
			token,
			body: {
				name: 'Barista',
				tone: 'warm',
				language: 'English',
				is_default: true,
			},
		} );
		const b = await api( 'POST', '/system/author-profiles', {
			token,
			body: { name: 'Engineer', tone: 'precise', is_default: true },
		} );
		const profiles = (
			await api( 'GET', '/system/author-profiles', { token } )
		).json.results;
		expect(
			profiles
				.filter( ( p: { is_default: boolean } ) => p.is_default )
				.map( ( p: { name: string } ) => p.name )
		).toEqual( [ 'Engineer' ] );
		const s = await api( 'POST', '/system/strategies', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'Buyer guides',
				guidance: 'Favour comparisons.',
				author_profile_id: a.json.data.id,
			},
		} );
		expect( s.status ).toBe( 201 );
		const list = await api(
			'GET',
			`/system/strategies?site_id=${ site.id }&sector_id=${ site.sectorId }`,
			{ token }
		);
		expect( list.json.results ).toEqual( [
			expect.objectContaining( {
				name: 'Buyer guides',
				author_profile_id: a.json.data.id,
			} ),
		] );
		expect( b.status ).toBe( 201 );
	} );
} );

describe( 'crash recovery', () => {
	it( 'takes over a job whose worker died between phases, and writes its output once', async () => {
		await configure();
		await addKeywords( 9 );
		const start = await clusterAi();
		const id = start.json.data.id;
		await waitForJob( id );
		// Replay the crash: the job back to "running" under a claim whose lease has lapsed, outputs undone.
		await env.DB.prepare( 'DELETE FROM clusters WHERE account_id = ?' )
			.bind( accountId )
			.run();
		await env.DB.prepare( `DELETE FROM usage_logs WHERE job_id = ?` )
			.bind( id )
			.run();
		const held = start.json.data.credits_held;
		await env.DB.prepare(
			`DELETE FROM credit_transactions WHERE account_id = ? AND type = 'release' AND reference = ?`
		)
			.bind( accountId, `job:${ id }` )
			.run();
		await env.DB.prepare(
			`UPDATE ai_jobs SET state = 'running', phase = 'AI_CALL', percentage = 40, credits_charged = 0,
         finished_at = NULL, lease_until = '2000-01-01T00:00:00Z'
       WHERE id = ?`
		)
			.bind( id )
			.run();
		const { sum } = await ledger();
		await env.DB.prepare( 'UPDATE accounts SET credits = ? WHERE id = ?' )
			.bind( sum, accountId )
			.run();
		// The queue delivers again (twice, at once): one delivery takes over, the other finds it claimed.
		const outcomes = await Promise.all( [
			runJob( env, id ),
			runJob( env, id ),
		] );
		expect( outcomes.map( ( o ) => o.kind ).sort() ).toEqual( [
			'done',
			'retry',
		] );
		const job = ( await api( 'GET', `/ai/jobs/${ id }`, { token } ) ).json
			.data;
		expect( job ).toMatchObject( {
			state: 'succeeded',
			attempts: 2,
			credits_charged: held,
		} );
		const usage = await env.DB.prepare(
			'SELECT count(*) AS n FROM usage_logs WHERE job_id = ?'
		)
			.bind( id )
			.first< { n: number } >();
		expect( usage!.n ).toBe( 1 );
		const links = await env.DB.prepare(
			'SELECT keyword_id, count(*) AS n FROM keyword_clusters GROUP BY keyword_id HAVING n > 1'
		).all();
		expect( links.results ).toEqual( [] );
		const l = await ledger();
		expect( l.balance ).toBe( l.sum );
	} );
} );

describe( 'images', () => {
	it( 'generates an image through the OpenAI-compatible provider and stores it in R2', async () => {
		const { generateImage } = await import( './images' );
		await configure();
		const img = await generateImage( env, createDb( env.DB ), accountId, {
			prompt: 'a red espresso machine on a marble counter',
		} );
		expect( img ).toMatchObject( {
			provider: 'openai',
			model: 'gpt-image-1',
			contentType: 'image/png',
		} );
		const obj = await env.MEDIA.get( img.key );
		expect( obj ).not.toBeNull();
		const bytes = new Uint8Array( await obj!.arrayBuffer() );
		expect(
			[ ...bytes.slice( 1, 4 ) ]
				.map( ( b ) => String.fromCharCode( b ) )
				.join( '' )
		).toBe( 'PNG' );
		expect( img.key ).toMatch(
			new RegExp( `^accounts/${ accountId }/images/` )
		);
	} );

	it( 'prefers Runware when it is configured, and tests its key', async () => {
		const { generateImage } = await import( './images' );
		const saved = await api( 'PUT', '/system/integrations/runware', {
			token,
			body: { api_key: 'rw-test-key-123', model: 'runware:100@1' },
		} );
		expect( saved.json.data ).toMatchObject( {
			provider: 'runware',
			configured: true,
			model: 'runware:100@1',
		} );
		const test = await api( 'POST', '/system/integrations/runware/test', {
			token,
			raw: '',
		} );
		expect( test.json.data.ok ).toBe( true );
		const img = await generateImage( env, createDb( env.DB ), accountId, {
			prompt: 'latte art',
			width: 512,
			height: 512,
		} );
		expect( img ).toMatchObject( {
			provider: 'runware',
			model: 'runware:100@1',
			contentType: 'image/png',
			costUsd: 0.0013,
		} );
		expect( await env.MEDIA.head( img.key ) ).not.toBeNull();
	} );

	it( 'answers a clear error without any image provider', async () => {
		const { generateImage } = await import( './images' );
		await expect(
			generateImage( env, createDb( env.DB ), accountId, { prompt: 'x' } )
		).rejects.toThrow( /Configure an image provider/ );
	} );
} );
