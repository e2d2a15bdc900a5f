// generate_content end to end: the route, the queue, the engine, the stand-in model and D1, as deployed.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	EMITTED_BLOCKS,
	parseBlocks,
	sha256Hex,
	validateBlockMarkup,
	wordCount,
	type ParsedBlock,
} from '@igny8/shared';
import { api } from '../../test/helpers';
import {
	configureProvider,
	jobLedger,
	lastRequest,
	ledgerOf,
	setBalance,
	sleep,
	waitForJob,
} from '../../test/jobs';
import {
	insertAccount,
	insertSite,
	signedInUser,
	type SiteFixture,
} from '../../test/world';
import { deadLetter, runJob } from '../ai/engine';

let token: string;
let site: SiteFixture;
let accountId: number;

beforeEach( async () => {
	accountId = await insertAccount( 'Generation Co' );
	token = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Generation site' );
} );

const place = () => ( { site_id: site.id, sector_id: site.sectorId } );
let seq = 0;

async function createTask( fields: Record< string, unknown > = {} ) {
	seq += 1;
	const res = await api( 'POST', '/writer/tasks', {
		token,
		body: {
			...place(),
			title: `Brewing coffee at home ${ Date.now() } ${ seq }`,
			...fields,
		},
	} );
	expect( res.status, res.text ).toBe( 201 );
	return res.json.data as { id: number; title: string };
}

const generate = ( taskIds: number[] ) =>
	api( 'POST', '/writer/tasks/generate_content', {
		token,
		body: { site_id: site.id, task_ids: taskIds },
	} );

const getTask = async ( id: number ) =>
	( await api( 'GET', `/writer/tasks/${ id }`, { token } ) ).json.data;

async function contentOf( taskId: number ) {
	const res = await api(
		'GET',
		`/writer/content?site_id=${ site.id }&task_id=${ taskId }`,
		{ token }
	);
	return res.json.results as { id: number; status: string }[];
}

/** Every block name in a body, inner blocks included. */
function blockNames( markup: string ): string[] {
	const walk = ( blocks: ParsedBlock[] ): string[] =>
		blocks.flatMap( ( b ) => [
			b.blockName ?? 'freeform',
			...walk( b.innerBlocks ),
		] );
	return walk(
		parseBlocks( markup ).filter(
			( b ) => b.blockName !== null || b.innerHTML.trim() !== ''
		)
	);
}

/** Generates one task's article and answers the finished job and the content it wrote. */
async function generateOne( taskId: number ) {
	const start = await generate( [ taskId ] );
	expect( start.status, start.text ).toBe( 202 );
	expect( start.json.data.not_started ).toEqual( [] );
	const job = await waitForJob( token, start.json.data.jobs[ 0 ].id );
	return { start, job };
}

async function fullContent( id: number ) {
	const res = await api( 'GET', `/writer/content/${ id }`, { token } );
	expect( res.status ).toBe( 200 );
	return res.json.data;
}

function expectValidBody( body: string ) {
	expect( validateBlockMarkup( body ).problems ).toEqual( [] );
	const names = blockNames( body );
	expect( names.length ).toBeGreaterThan( 0 );
	for ( const name of names )
		expect( EMITTED_BLOCKS as readonly string[] ).toContain( name );
}

describe( 'generate_content', () => {
	it( 'writes an article in the author’s voice: valid core blocks, images at the cloud’s address, 3 credits', async () => {
		await configureProvider( token );
		const profile = await api( 'POST', '/system/author-profiles', {
			token,
			body: {
				name: 'Chef Claire',
				tone: 'playful',
				language: 'French',
				style: 'short sentences',
			},
		} );
		expect( profile.status ).toBe( 201 );
		const task = await createTask( {
			brief: 'For people with a small kitchen',
			target_keywords: [ 'coffee at home', 'french press' ],
			content_type: 'how_to',
			target_length: 900,
			author_profile_id: profile.json.data.id,
			content_structure: {
				sections: [
					{ heading: 'Pick the beans', notes: 'freshness' },
					{ heading: 'Grind size', level: 3 },
					{ heading: 'Brew it' },
				],
			},
		} );
		const { start, job } = await generateOne( task.id );
		expect( start.json.data.jobs[ 0 ] ).toMatchObject( {
			function: 'generate_content',
			credits_held: 3,
		} );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			credits_charged: 3,
			error: null,
		} );
		expect( await jobLedger( accountId, job.id ) ).toEqual( [
			[ 'hold', -3 ],
		] );
		const l = await ledgerOf( accountId );
		expect( l.balance ).toBe( 997 );
		expect( l.balance ).toBe( l.sum );

		// The prompt carried the task and the author's voice, and asked for structured output.
		const sent = await lastRequest( 'chat', task.title );
		expect( sent.prompt ).toContain( 'Write in French as Chef Claire' );
		expect( sent.prompt ).toContain( 'tone: playful' );
		expect( sent.prompt ).toContain( 'short sentences' );
		expect( sent.prompt ).toContain( 'about 900 words' );
		expect( sent.prompt ).toContain( 'coffee at home, french press' );
		expect( sent.prompt ).toContain( '- Pick the beans: freshness' );
		expect( sent.prompt ).toContain( '  - Grind size' );
		expect( sent.body.response_format ).toMatchObject( {
			type: 'json_schema',
			json_schema: { name: 'article', strict: true },
		} );

		const [ summary ] = await contentOf( task.id );
		expect( job.result ).toMatchObject( {
			content_id: summary!.id,
			task_id: task.id,
			source: 'json',
		} );
		const item = await fullContent( summary!.id );
		expect( item ).toMatchObject( {
			task_id: task.id,
			title: task.title,
			status: 'review',
			source: 'igny8',
			sector_id: site.sectorId,
		} );
		expect( item.meta_title.length ).toBeLessThanOrEqual( 60 );
		expect( item.meta_description ).toContain( task.title.slice( 0, 20 ) );
		expectValidBody( item.body );
		expect( item.body ).toContain(
			'<!-- wp:heading -->\n<h2 class="wp-block-heading">Pick the beans</h2>'
		);
		expect( item.body ).toContain( '<!-- wp:heading {"level":3} -->' );
		expect( item.body ).toContain(
			'<strong>coffee at home, french press</strong>'
		);
		expect( item.word_count ).toBe( wordCount( item.body ) );
		expect( item.revision_hash ).toBe( await sha256Hex( item.body ) );

		// One pending image row per image the model placed; the body points at each by its stable address.
		const images = (
			await api(
				'GET',
				`/writer/images?site_id=${ site.id }&content_id=${ item.id }`,
				{ token }
			)
		).json.results;
		expect( images.length ).toBe( 2 );
		const refs = await env.DB.prepare(
			'SELECT ref, position FROM images WHERE content_id = ? ORDER BY position'
		)
			.bind( item.id )
			.all< { ref: string; position: number } >();
		expect( images ).toMatchObject( [
			{
				kind: 'in_article',
				position: 1,
				status: 'pending',
				prompt: 'A photo illustrating Pick the beans',
				alt: 'Pick the beans illustrated',
				caption: 'Pick the beans at a glance',
				stored: false,
				url: null,
			},
			{ kind: 'in_article', position: 2, caption: null },
		] );
		for ( const r of refs.results )
			expect( item.body ).toContain(
				`<img src="http://cloud.test/api/v1/writer/images/file/${ r.ref }" alt=`
			);
		expect( new Set( refs.results.map( ( r ) => r.ref ) ).size ).toBe( 2 );

		expect( await getTask( task.id ) ).toMatchObject( {
			status: 'review',
			error: null,
		} );
	} );

	it( 'asks again in JSON mode when the provider refuses json_schema, and still gets the article', async () => {
		await configureProvider( token, 'no-schema' );
		const task = await createTask();
		const { job } = await generateOne( task.id );
		expect( job.state ).toBe( 'succeeded' );
		expect(
			job.steps.some( ( s: { detail: string } ) =>
				s.detail.includes( 'json_schema refused' )
			)
		).toBe( true );
		const sent = await lastRequest( 'chat', task.title );
		expect( sent.body.response_format ).toEqual( { type: 'json_object' } );
		expect( sent.prompt ).toContain( 'follows this JSON schema' );
		const [ summary ] = await contentOf( task.id );
		expectValidBody( ( await fullContent( summary!.id ) ).body );
	} );

	it( 'turns a Markdown answer into valid core blocks', async () => {
		await configureProvider( token, 'markdown-writer' );
		const task = await createTask( {
			content_structure: { sections: [ { heading: 'Tools you need' } ] },
		} );
		const { job } = await generateOne( task.id );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			credits_charged: 3,
		} );
		expect( job.result.source ).toBe( 'markdown' );
		const [ summary ] = await contentOf( task.id );
		const item = await fullContent( summary!.id );
		expectValidBody( item.body );
		expect( blockNames( item.body ) ).toEqual(
			expect.arrayContaining( [
				'core/paragraph',
				'core/heading',
				'core/list',
				'core/list-item',
			] )
		);
		expect( item.body ).toContain( 'Tools you need</h2>' );
		expect( item.body ).not.toMatch( /^#/m );
		expect( item.body ).toContain( '<a href="https://example.com/guide">' );
	} );

	it( 'keeps the text of an HTML answer and drops its scripts, handlers and bad links', async () => {
		await configureProvider( token, 'html-writer' );
		const task = await createTask();
		const { job } = await generateOne( task.id );
		expect( job.state ).toBe( 'succeeded' );
		const [ summary ] = await contentOf( task.id );
		const item = await fullContent( summary!.id );
		expectValidBody( item.body );
		expect( item.body ).toContain( 'Plain words here.' );
		for ( const bad of [
			'<script',
			'alert(',
			'javascript:',
			'onclick',
			'onerror',
			'<iframe',
		] )
			expect( item.body ).not.toContain( bad );
	} );

	it( 'fails clearly when the answer holds no article: nothing saved, the hold released, the task failed with the reason', async () => {
		await configureProvider( token, 'blockless' );
		const task = await createTask();
		const { job } = await generateOne( task.id );
		expect( job ).toMatchObject( { state: 'failed', credits_charged: 0 } );
		expect( job.error ).toMatch( /no usable article/ );
		expect( await contentOf( task.id ) ).toEqual( [] );
		expect( await jobLedger( accountId, job.id ) ).toEqual( [
			[ 'hold', -3 ],
			[ 'release', 3 ],
		] );
		expect( await getTask( task.id ) ).toMatchObject( {
			status: 'failed',
			error: job.error,
		} );
		// Failed → queued by hand, and generated again.
		await configureProvider( token );
		const again = await generateOne( task.id );
		expect( again.job.state ).toBe( 'succeeded' );
		expect( await getTask( task.id ) ).toMatchObject( {
			status: 'review',
			error: null,
		} );
	} );

	it( 'starts one job per task, never two for one task, and stops at the first 402', async () => {
		await configureProvider( token, 'slow' );
		await setBalance( accountId, 7 );
		const [ t1, t2, t3 ] = [
			await createTask(),
			await createTask(),
			await createTask(),
		];
		const first = await generate( [ t1.id ] );
		expect( first.status ).toBe( 202 );
		expect( ( await getTask( t1.id ) ).status ).toBe( 'generating' );
		const edit = await api( 'PATCH', `/writer/tasks/${ t1.id }`, {
			token,
			body: { title: 'Changed' },
		} );
		expect( edit.status ).toBe( 409 );
		const second = await generate( [ t1.id, t2.id, t3.id ] );
		expect( second.status ).toBe( 202 );
		expect( second.json.data.jobs.length ).toBe( 1 );
		expect( second.json.data.not_started ).toEqual( [
			{
				id: t1.id,
				code: 'conflict',
				message: expect.stringMatching( /being generated/ ),
			},
			{
				id: t3.id,
				code: 'insufficient_credits',
				message: expect.stringMatching( /needs 3 credits/ ),
			},
		] );
		expect( ( await getTask( t3.id ) ).status ).toBe( 'queued' );
		for ( const j of [
			first.json.data.jobs[ 0 ],
			second.json.data.jobs[ 0 ],
		] )
			expect( ( await waitForJob( token, j.id ) ).state ).toBe(
				'succeeded'
			);
		expect( ( await contentOf( t1.id ) ).length ).toBe( 1 );
		expect( ( await contentOf( t2.id ) ).length ).toBe( 1 );
		const l = await ledgerOf( accountId );
		expect( l.balance ).toBe( 1 );
		expect( l.balance ).toBe( l.sum );
	} );

	it( 'puts a cancelled task back where it was, and its late answer writes nothing', async () => {
		await configureProvider( token, 'slow' );
		const task = await createTask();
		const start = await generate( [ task.id ] );
		const id = start.json.data.jobs[ 0 ].id;
		await sleep( 400 );
		const cancelled = await api( 'POST', `/ai/jobs/${ id }/cancel`, {
			token,
			raw: '',
		} );
		expect( cancelled.json.data.state ).toBe( 'cancelled' );
		expect( await getTask( task.id ) ).toMatchObject( {
			status: 'queued',
			error: null,
		} );
		await sleep( 3500 );
		expect( ( await waitForJob( token, id ) ).state ).toBe( 'cancelled' );
		expect( await contentOf( task.id ) ).toEqual( [] );
		expect( await jobLedger( accountId, id ) ).toEqual( [
			[ 'hold', -3 ],
			[ 'release', 3 ],
		] );
	} );

	it( 'never leaves a task generating when the queue gives up on its job', async () => {
		await configureProvider( token, 'slow' );
		const task = await createTask();
		const start = await generate( [ task.id ] );
		await deadLetter( env, start.json.data.jobs[ 0 ].id );
		const t = await getTask( task.id );
		expect( t.status ).toBe( 'failed' );
		expect( t.error ).toMatch( /given up/ );
		await sleep( 3000 );
		expect( await contentOf( task.id ) ).toEqual( [] );
	} );

	it( 'writes one article when the job is delivered again, at once and after it finished', async () => {
		await configureProvider( token );
		const task = await createTask();
		const start = await generate( [ task.id ] );
		const id = start.json.data.jobs[ 0 ].id;
		await Promise.all( [ runJob( env, id ), runJob( env, id ) ] );
		const job = await waitForJob( token, id );
		expect( job.state ).toBe( 'succeeded' );
		expect( await runJob( env, id ) ).toEqual( { kind: 'done' } );
		expect( ( await contentOf( task.id ) ).length ).toBe( 1 );
		const images = await env.DB.prepare(
			'SELECT count(*) AS n FROM images WHERE account_id = ?'
		)
			.bind( accountId )
			.first< { n: number } >();
		expect( images!.n ).toBe( 2 );
		expect( await jobLedger( accountId, id ) ).toEqual( [
			[ 'hold', -3 ],
		] );
	} );

	it( 'writes a new article when a task is generated again, and keeps the one it had', async () => {
		await configureProvider( token );
		const task = await createTask();
		await generateOne( task.id );
		const [ old ] = await contentOf( task.id );
		const edited = await api( 'PATCH', `/writer/content/${ old!.id }`, {
			token,
			body: { status: 'approved' },
		} );
		expect( edited.json.data.status ).toBe( 'approved' );
		expect( ( await getTask( task.id ) ).status ).toBe( 'completed' );
		const { job } = await generateOne( task.id );
		expect( job.state ).toBe( 'succeeded' );
		const all = await contentOf( task.id );
		expect( all.map( ( c ) => c.status ).sort() ).toEqual( [
			'approved',
			'review',
		] );
		expect( job.result.content_id ).not.toBe( old!.id );
		expect( ( await getTask( task.id ) ).status ).toBe( 'review' );
	} );

	it( 'refuses tasks of another site or account before anything starts', async () => {
		await configureProvider( token );
		const mine = await createTask();
		const otherAccount = await insertAccount( 'Other Co' );
		const otherSite = await insertSite( otherAccount, 'Other site' );
		const foreign = await env.DB.prepare(
			`INSERT INTO tasks (account_id, site_id, sector_id, title) VALUES (?, ?, ?, 'Theirs') RETURNING id`
		)
			.bind( otherAccount, otherSite.id, otherSite.sectorId )
			.first< { id: number } >();
		const before = await ledgerOf( accountId );
		const res = await generate( [ mine.id, foreign!.id ] );
		expect( res.status ).toBe( 400 );
		expect( res.json.errors.task_ids[ 0 ] ).toBe(
			`not found: ${ foreign!.id }`
		);
		expect( res.text ).not.toContain( 'Theirs' );
		expect( await ledgerOf( accountId ) ).toEqual( before );
		expect( ( await getTask( mine.id ) ).status ).toBe( 'queued' );
		// Their site: 404, as for any object that is not the caller's.
		const theirs = await api( 'POST', '/writer/tasks/generate_content', {
			token,
			body: { site_id: otherSite.id, task_ids: [ foreign!.id ] },
		} );
		expect( theirs.status ).toBe( 404 );
		// The generic job route checks the same, and takes no origin from the caller.
		const viaJobs = await api( 'POST', '/ai/jobs', {
			token,
			body: {
				function: 'generate_content',
				payload: { site_id: site.id, task_id: foreign!.id },
			},
		} );
		expect( viaJobs.status ).toBe( 404 );
		const withOrigin = await api( 'POST', '/ai/jobs', {
			token,
			body: {
				function: 'generate_content',
				payload: {
					site_id: site.id,
					task_id: mine.id,
					origin: 'https://evil.test',
				},
			},
		} );
		expect( withOrigin.status ).toBe( 400 );
	} );

	it( 'runs from POST /ai/jobs too, with the origin the request reached', async () => {
		await configureProvider( token );
		const task = await createTask();
		const start = await api( 'POST', '/ai/jobs', {
			token,
			body: {
				function: 'generate_content',
				payload: { site_id: site.id, task_id: task.id },
			},
		} );
		expect( start.status, start.text ).toBe( 202 );
		const job = await waitForJob( token, start.json.data.id );
		expect( job.state ).toBe( 'succeeded' );
		const item = await fullContent( job.result.content_id );
		expect( item.body ).toContain(
			'src="http://cloud.test/api/v1/writer/images/file/'
		);
	} );

	it( "reports tasks the plan's content per month has no room for, counting articles being written", async () => {
		await env.DB.prepare(
			`INSERT OR IGNORE INTO plans
         (slug, name, monthly_credits, max_sites, max_users, max_keywords, max_clusters, max_content_per_month)
       VALUES ('test-one-a-month', 'One a month', 100, 10, 10, 1000, 100, 1)`
		).run();
		await env.DB.prepare(
			`UPDATE subscriptions SET plan_id = (SELECT id FROM plans WHERE slug = 'test-one-a-month')
       WHERE account_id = ?`
		)
			.bind( accountId )
			.run();
		await configureProvider( token, 'slow' );
		const [ a, b ] = [ await createTask(), await createTask() ];
		const res = await generate( [ a.id, b.id ] );
		expect( res.status ).toBe( 202 );
		expect( res.json.data.jobs.length ).toBe( 1 );
		expect( res.json.data.not_started ).toEqual( [
			{
				id: b.id,
				code: 'plan_limit',
				message: expect.stringContaining( 'content per month' ),
			},
		] );
		await waitForJob( token, res.json.data.jobs[ 0 ].id );
	} );
} );

describe( 'content review', () => {
	it( 'moves draft ↔ review ↔ approved; approving completes the task, and taking it back returns it to review', async () => {
		const task = await createTask();
		const created = await api( 'POST', '/writer/content', {
			token,
			body: { ...place(), title: 'By hand', task_id: task.id },
		} );
		const id = created.json.data.id;
		const move = ( status: string ) =>
			api( 'PATCH', `/writer/content/${ id }`, {
				token,
				body: { status },
			} );
		expect( ( await move( 'approved' ) ).status ).toBe( 409 );
		expect( ( await move( 'review' ) ).json.data.status ).toBe( 'review' );
		await env.DB.prepare(
			`UPDATE tasks SET status = 'review' WHERE id = ?`
		)
			.bind( task.id )
			.run();
		expect( ( await move( 'approved' ) ).json.data.status ).toBe(
			'approved'
		);
		expect( ( await getTask( task.id ) ).status ).toBe( 'completed' );
		const published = await move( 'published' );
		expect( published.status ).toBe( 409 );
		expect( published.json.error ).toMatch( /publishing/ );
		expect( ( await move( 'review' ) ).json.data.status ).toBe( 'review' );
		expect( ( await getTask( task.id ) ).status ).toBe( 'review' );
		expect( ( await move( 'draft' ) ).json.data.status ).toBe( 'draft' );
	} );
} );

describe( 'author voice in every prompt', () => {
	it( 'names clusters in the language of the sector’s author profile', async () => {
		await configureProvider( token );
		const profile = await api( 'POST', '/system/author-profiles', {
			token,
			body: {
				name: 'Hans',
				language: 'German',
				tone: 'sachlich',
				is_default: true,
			},
		} );
		expect( profile.status ).toBe( 201 );
		const marker = `kaffee${ Date.now() }`;
		const words = [
			'mühle',
			'bohnen',
			'maschine',
			'tassen',
			'waage',
			'filter',
		];
		const added = await api( 'POST', '/planner/keywords/bulk_create', {
			token,
			body: {
				...place(),
				keywords: words.flatMap( ( w ) => [
					{ keyword: `${ marker } ${ w }`, volume: 10 },
					{ keyword: `${ marker } ${ w } kaufen`, volume: 5 },
				] ),
			},
		} );
		expect( added.status ).toBe( 201 );
		const start = await api( 'POST', '/planner/keywords/auto_cluster', {
			token,
			body: { ...place(), mode: 'ai' },
		} );
		expect( start.status, start.text ).toBe( 202 );
		expect( ( await waitForJob( token, start.json.data.id ) ).state ).toBe(
			'succeeded'
		);
		const sent = await lastRequest( 'chat', marker );
		expect( sent.prompt ).toContain( 'natural name in German' );
		expect( sent.prompt ).not.toContain( 'in English' );
	} );
} );
