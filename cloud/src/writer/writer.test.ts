import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '@igny8/shared';
import { api } from '../../test/helpers';
import {
	insertAccount,
	insertContent,
	insertSite,
	signedInUser,
	type SiteFixture,
} from '../../test/world';
import { countWords } from './body';

let token: string;
let site: SiteFixture;
let accountId: number;

beforeEach( async () => {
	accountId = await insertAccount( 'Writer Co' );
	token = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Writer site' );
} );

const place = () => ( { site_id: site.id, sector_id: site.sectorId } );
const q = ( extra = '' ) =>
	`site_id=${ site.id }&sector_id=${ site.sectorId }${ extra }`;

async function run( sql: string, ...params: unknown[] ) {
	await env.DB.prepare( sql )
		.bind( ...params )
		.run();
}

async function createTask( fields: Record< string, unknown > = {} ) {
	const res = await api( 'POST', '/writer/tasks', {
		token,
		body: { ...place(), title: 'A task', ...fields },
	} );
	expect( res.status, res.text ).toBe( 201 );
	return res.json.data;
}

async function createCluster( name = 'Topic' ) {
	const res = await api( 'POST', '/planner/clusters', {
		token,
		body: { ...place(), name },
	} );
	expect( res.status ).toBe( 201 );
	return res.json.data.id as number;
}

async function createIdea( title = 'An idea', status = 'approved' ) {
	const res = await api( 'POST', '/planner/ideas', {
		token,
		body: { ...place(), title, status, target_keywords: [ 'kw' ] },
	} );
	expect( res.status ).toBe( 201 );
	return res.json.data.id as number;
}

const ideaStatus = async ( id: number ) =>
	( await api( 'GET', `/planner/ideas/${ id }`, { token } ) ).json.data
		.status as string;

async function createContent( fields: Record< string, unknown > = {} ) {
	const res = await api( 'POST', '/writer/content', {
		token,
		body: { ...place(), title: 'An article', ...fields },
	} );
	expect( res.status, res.text ).toBe( 201 );
	return res.json.data;
}

async function insertImage(
	contentId: number,
	fields: Record< string, unknown > = {}
): Promise< number > {
	const values: Record< string, unknown > = {
		account_id: accountId,
		site_id: site.id,
		sector_id: site.sectorId,
		content_id: contentId,
		prompt: 'a photo',
		...fields,
	};
	const cols = Object.keys( values );
	const row = await env.DB.prepare(
		`INSERT INTO images (${ cols.join( ', ' ) }) VALUES (${ cols.map( () => '?' ).join( ', ' ) }) RETURNING id`
	)
		.bind( ...Object.values( values ) )
		.first< { id: number } >();
	return row!.id;
}

/** Every page of a list, following `next`. */
async function walk( first: string ) {
	const seen: Record< string, unknown >[] = [];
	let next: string | null = first;
	let pages = 0;
	while ( next ) {
		const res = await api( 'GET', next, { token } );
		expect( res.status, res.text ).toBe( 200 );
		seen.push( ...res.json.results );
		next = res.json.next;
		pages += 1;
	}
	return { seen, pages };
}

const OUTLINE = {
	sections: [
		{ heading: 'Why it matters', notes: 'the problem' },
		{ heading: 'How to start', level: 2 },
		{ heading: 'Tools', level: 3 },
	],
};

describe( 'writer tasks', () => {
	it( 'creates a task with every field and gets it back', async () => {
		const clusterId = await createCluster();
		const profile = await api( 'POST', '/system/author-profiles', {
			token,
			body: { name: 'Plain voice', tone: 'friendly' },
		} );
		expect( profile.status ).toBe( 201 );
		const task = await createTask( {
			title: 'How to brew coffee',
			brief: 'For beginners',
			target_keywords: [ 'brew coffee', 'coffee at home' ],
			cluster_id: clusterId,
			content_type: 'how_to',
			content_structure: OUTLINE,
			author_profile_id: profile.json.data.id,
			target_length: 1500,
		} );
		expect( task ).toMatchObject( {
			site_id: site.id,
			sector_id: site.sectorId,
			title: 'How to brew coffee',
			brief: 'For beginners',
			target_keywords: [ 'brew coffee', 'coffee at home' ],
			cluster_id: clusterId,
			idea_id: null,
			content_type: 'how_to',
			content_structure: OUTLINE,
			author_profile_id: profile.json.data.id,
			target_length: 1500,
			status: 'queued',
			wp_post_id: null,
			post_url: null,
		} );
		const got = await api( 'GET', `/writer/tasks/${ task.id }`, { token } );
		expect( got.json.data ).toEqual( task );
	} );

	it( 'refuses a cluster, idea or author profile that is not the sector’s or the account’s', async () => {
		const other = await insertSite( accountId, 'Other' );
		const theirCluster = await insertContent( accountId, other, 'cluster' );
		const theirIdea = await insertContent( accountId, other, 'idea' );
		const stranger = await insertAccount( 'Stranger' );
		const theirProfile = await insertContent(
			stranger,
			await insertSite( stranger, 'Theirs' ),
			'author_profile'
		);
		const res = await api( 'POST', '/writer/tasks', {
			token,
			body: {
				...place(),
				title: 'x',
				cluster_id: theirCluster,
				idea_id: theirIdea,
				author_profile_id: theirProfile,
			},
		} );
		expect( res.status ).toBe( 400 );
		expect( Object.keys( res.json.errors ).sort() ).toEqual( [
			'author_profile_id',
			'cluster_id',
			'idea_id',
		] );
	} );

	it( 'makes a task from an idea once, moving the idea to in_progress', async () => {
		const ideaId = await createIdea( 'Idea one' );
		const task = await createTask( {
			title: 'From idea',
			idea_id: ideaId,
		} );
		expect( task ).toMatchObject( {
			idea_id: ideaId,
			target_keywords: [ 'kw' ],
		} );
		expect( await ideaStatus( ideaId ) ).toBe( 'in_progress' );
		const again = await api( 'POST', '/writer/tasks', {
			token,
			body: { ...place(), title: 'Twice', idea_id: ideaId },
		} );
		expect( again.status ).toBe( 409 );
		expect( again.json.errors.idea_id ).toBeTruthy();
	} );

	it( 'lists with filters: status, cluster, content type, search', async () => {
		const clusterId = await createCluster();
		const a = await createTask( {
			title: 'Best espresso machines',
			cluster_id: clusterId,
			content_type: 'listicle',
		} );
		const b = await createTask( { title: 'Grinding beans' } );
		await run( `UPDATE tasks SET status = 'failed' WHERE id = ?`, b.id );
		const ids = async ( extra: string ) => {
			const res = await api( 'GET', `/writer/tasks?${ q( extra ) }`, {
				token,
			} );
			expect( res.status, res.text ).toBe( 200 );
			return ( res.json.results as { id: number }[] ).map(
				( t ) => t.id
			);
		};
		expect( await ids( '' ) ).toEqual( [ b.id, a.id ] );
		expect( await ids( '&status=failed' ) ).toEqual( [ b.id ] );
		expect( await ids( `&cluster_id=${ clusterId }` ) ).toEqual( [ a.id ] );
		expect( await ids( '&content_type=listicle' ) ).toEqual( [ a.id ] );
		expect( await ids( '&search=ESPRESSO' ) ).toEqual( [ a.id ] );
		expect( await ids( '&search=100%25_' ) ).toEqual( [] );
		const bad = await api(
			'GET',
			`/writer/tasks?${ q( '&status=done' ) }`,
			{
				token,
			}
		);
		expect( bad.status ).toBe( 400 );
	} );

	it( 'pages with cursors through every task exactly once, in order, and by page number', async () => {
		for ( let i = 0; i < 12; i++ )
			await createTask( {
				title: `Task ${ String( ( i * 7 ) % 12 ).padStart( 2, '0' ) }`,
			} );
		for ( const ordering of [ 'title', '-title', '-id', 'updated_at' ] ) {
			const { seen, pages } = await walk(
				`/api/v1/writer/tasks?${ q() }&ordering=${ ordering }&page_size=5`
			);
			expect( pages ).toBe( 3 );
			expect( new Set( seen.map( ( t ) => t.id ) ).size ).toBe( 12 );
			if ( ordering === 'title' )
				expect( seen.map( ( t ) => t.title ) ).toEqual(
					Array.from(
						{ length: 12 },
						( _, i ) => `Task ${ String( i ).padStart( 2, '0' ) }`
					)
				);
		}
		const p2 = await api(
			'GET',
			`/writer/tasks?${ q() }&page=2&page_size=5`,
			{ token }
		);
		expect( p2.json.count ).toBe( 12 );
		expect( p2.json.results ).toHaveLength( 5 );
		expect( p2.json.next ).toContain( 'page=3' );
		expect( p2.json.previous ).toContain( 'page=1' );
		const big = await api( 'GET', `/writer/tasks?${ q() }&page_size=201`, {
			token,
		} );
		expect( big.status ).toBe( 400 );
	} );

	it( 'edits a task, and refuses with 409 to edit or delete one being generated', async () => {
		const task = await createTask();
		const edited = await api( 'PATCH', `/writer/tasks/${ task.id }`, {
			token,
			body: {
				title: 'Renamed',
				content_structure: OUTLINE,
				target_length: 800,
			},
		} );
		expect( edited.status ).toBe( 200 );
		expect( edited.json.data ).toMatchObject( {
			title: 'Renamed',
			content_structure: OUTLINE,
			target_length: 800,
		} );
		await run(
			`UPDATE tasks SET status = 'generating' WHERE id = ?`,
			task.id
		);
		const locked = await api( 'PATCH', `/writer/tasks/${ task.id }`, {
			token,
			body: { title: 'Again' },
		} );
		expect( locked.status ).toBe( 409 );
		expect( locked.json.code ).toBe( 'conflict' );
		const gone = await api( 'DELETE', `/writer/tasks/${ task.id }`, {
			token,
		} );
		expect( gone.status ).toBe( 409 );
		const still = await api( 'GET', `/writer/tasks/${ task.id }`, {
			token,
		} );
		expect( still.json.data.title ).toBe( 'Renamed' );
	} );

	it( 'moves status by hand only as allowed: never to generating, review → completed, failed → queued', async () => {
		const task = await createTask();
		const set = ( status: string ) =>
			api( 'PATCH', `/writer/tasks/${ task.id }`, {
				token,
				body: { status },
			} );
		expect( ( await set( 'generating' ) ).status ).toBe( 409 );
		expect( ( await set( 'completed' ) ).status ).toBe( 409 );
		expect( ( await set( 'queued' ) ).status ).toBe( 200 );
		await run( `UPDATE tasks SET status = 'review' WHERE id = ?`, task.id );
		expect( ( await set( 'completed' ) ).json.data.status ).toBe(
			'completed'
		);
		await run( `UPDATE tasks SET status = 'failed' WHERE id = ?`, task.id );
		expect( ( await set( 'queued' ) ).json.data.status ).toBe( 'queued' );
	} );

	it( 'returns the idea of a deleted task to approved, so it can become a task again', async () => {
		const ideaId = await createIdea( 'Idea' );
		const made = await api( 'POST', '/planner/ideas/create_tasks', {
			token,
			body: { site_id: site.id, idea_ids: [ ideaId ] },
		} );
		const taskId = made.json.data.tasks[ 0 ].id as number;
		expect( await ideaStatus( ideaId ) ).toBe( 'in_progress' );
		const del = await api( 'DELETE', `/writer/tasks/${ taskId }`, {
			token,
		} );
		expect( del.status ).toBe( 200 );
		expect( await ideaStatus( ideaId ) ).toBe( 'approved' );
		expect(
			( await api( 'GET', `/writer/tasks/${ taskId }`, { token } ) )
				.status
		).toBe( 404 );
		const again = await api( 'POST', '/planner/ideas/create_tasks', {
			token,
			body: { site_id: site.id, idea_ids: [ ideaId ] },
		} );
		expect( again.json.data.created ).toBe( 1 );
	} );

	it( 'deletes in bulk the tasks of the named site, leaving tasks being generated, and frees their ideas', async () => {
		const i1 = await createIdea( 'One' );
		const i2 = await createIdea( 'Two' );
		const t1 = await createTask( { idea_id: i1 } );
		const t2 = await createTask( { idea_id: i2 } );
		const plain = await createTask();
		await run(
			`UPDATE tasks SET status = 'generating' WHERE id = ?`,
			t2.id
		);
		const other = await insertSite( accountId, 'Other' );
		const elsewhere = await insertContent( accountId, other, 'task' );
		const res = await api( 'POST', '/writer/tasks/bulk_delete', {
			token,
			body: {
				site_id: site.id,
				ids: [ t1.id, t2.id, plain.id, elsewhere ],
			},
		} );
		expect( res.status, res.text ).toBe( 200 );
		expect( res.json.data ).toEqual( {
			deleted: 2,
			skipped_generating: 1,
		} );
		expect( await ideaStatus( i1 ) ).toBe( 'approved' );
		expect( await ideaStatus( i2 ) ).toBe( 'in_progress' );
		const left = await api( 'GET', `/writer/tasks?${ q() }`, { token } );
		expect(
			left.json.results.map( ( t: { id: number } ) => t.id )
		).toEqual( [ t2.id ] );
		const theirs = await env.DB.prepare(
			'SELECT count(*) AS n FROM tasks WHERE id = ?'
		)
			.bind( elsewhere )
			.first< { n: number } >();
		expect( theirs!.n ).toBe( 1 );
	} );
} );

describe( 'writer content', () => {
	const BODY =
		'<!-- wp:heading -->\n<h2 class="wp-block-heading">Hello world</h2>\n<!-- /wp:heading -->\n\n' +
		'<!-- wp:paragraph -->\n<p>One two&nbsp;three <strong>four</strong>. Don&rsquo;t &amp; stop</p>\n<!-- /wp:paragraph -->';

	it( 'counts words of the text only: no markup, no block comments, entities read as text', () => {
		expect( countWords( BODY ) ).toBe( 8 );
		expect( countWords( '' ) ).toBe( 0 );
		expect( countWords( '<!-- wp:separator /-->' ) ).toBe( 0 );
		expect( countWords( '<p>a<br>b</p><script>var x = 1;</script>' ) ).toBe(
			2
		);
	} );

	it( 'adds an existing article by hand with its word count and revision hash', async () => {
		const task = await createTask();
		const item = await createContent( {
			task_id: task.id,
			title: 'Pasted',
			meta_title: 'Pasted | Site',
			meta_description: 'About it',
			body: BODY,
		} );
		expect( item ).toMatchObject( {
			site_id: site.id,
			sector_id: site.sectorId,
			task_id: task.id,
			title: 'Pasted',
			meta_title: 'Pasted | Site',
			meta_description: 'About it',
			body: BODY,
			word_count: 8,
			revision_hash: await sha256Hex( BODY ),
			status: 'draft',
			source: 'import',
			external_id: null,
			external_url: null,
		} );
		const got = await api( 'GET', `/writer/content/${ item.id }`, {
			token,
		} );
		expect( got.json.data ).toEqual( item );
	} );

	it( 'stores pasted HTML or Markdown as core blocks, and refuses markup that is not valid blocks', async () => {
		const html = await createContent( {
			title: 'From HTML',
			body: '<h2>Why grind fresh</h2><p>Beans go <b>stale</b> fast.</p><ul><li>Burr</li><li>Blade</li></ul>',
		} );
		expect( html.body ).toBe(
			'<!-- wp:heading -->\n<h2 class="wp-block-heading">Why grind fresh</h2>\n<!-- /wp:heading -->\n\n' +
				'<!-- wp:paragraph -->\n<p>Beans go <strong>stale</strong> fast.</p>\n<!-- /wp:paragraph -->\n\n' +
				'<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Burr</li>\n<!-- /wp:list-item -->\n\n' +
				'<!-- wp:list-item -->\n<li>Blade</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->'
		);
		expect( html.word_count ).toBe( 9 );
		const markdown = await createContent( {
			title: 'From Markdown',
			body: '## Steps\n\n1. Weigh\n2. Grind\n\n> Fresh is best',
		} );
		expect( markdown.body ).toContain(
			'<!-- wp:list {"ordered":true} -->'
		);
		expect( markdown.body ).toContain( '<!-- wp:quote -->' );
		for ( const bad of [
			'<!-- wp:paragraph -->\n<p>Fine</p>\n<!-- /wp:paragraph -->\nloose text outside any block',
			'<!-- wp:paragraph -->\n<p>Hi<script>alert(1)</script></p>\n<!-- /wp:paragraph -->',
			'<!-- wp:heading {"level":3} -->\n<h2 class="wp-block-heading">Wrong tag</h2>\n<!-- /wp:heading -->',
		] ) {
			const res = await api( 'POST', '/writer/content', {
				token,
				body: { ...place(), title: 'Bad', body: bad },
			} );
			expect( res.status, bad ).toBe( 400 );
			expect( res.json.errors.body.length ).toBeGreaterThan( 0 );
		}
	} );

	it( 'recomputes word count and revision hash when the body changes, and only then', async () => {
		const item = await createContent( { body: BODY } );
		const retitled = await api( 'PATCH', `/writer/content/${ item.id }`, {
			token,
			body: { title: 'New title', meta_description: null },
		} );
		expect( retitled.json.data ).toMatchObject( {
			title: 'New title',
			meta_description: null,
			word_count: 8,
			revision_hash: item.revision_hash,
		} );
		const next =
			'<!-- wp:paragraph -->\n<p>Just three words</p>\n<!-- /wp:paragraph -->';
		const edited = await api( 'PATCH', `/writer/content/${ item.id }`, {
			token,
			body: { body: next },
		} );
		expect( edited.status ).toBe( 200 );
		expect( edited.json.data ).toMatchObject( {
			body: next,
			word_count: 3,
			revision_hash: await sha256Hex( next ),
		} );
		expect( edited.json.data.revision_hash ).not.toBe( item.revision_hash );
	} );

	it( 'moves status between draft and review only; published is 409', async () => {
		const item = await createContent();
		const set = ( status: string ) =>
			api( 'PATCH', `/writer/content/${ item.id }`, {
				token,
				body: { status },
			} );
		expect( ( await set( 'review' ) ).json.data.status ).toBe( 'review' );
		expect( ( await set( 'draft' ) ).json.data.status ).toBe( 'draft' );
		const publish = await set( 'published' );
		expect( publish.status ).toBe( 409 );
		expect( publish.json.errors.status ).toBeTruthy();
		await run(
			`UPDATE content SET status = 'published' WHERE id = ?`,
			item.id
		);
		expect( ( await set( 'draft' ) ).status ).toBe( 409 );
		expect( ( await set( 'published' ) ).status ).toBe( 200 );
	} );

	it( 'refuses a task of another sector', async () => {
		const other = await insertSite( accountId, 'Other' );
		const theirs = await insertContent( accountId, other, 'task' );
		const res = await api( 'POST', '/writer/content', {
			token,
			body: { ...place(), title: 'x', task_id: theirs },
		} );
		expect( res.status ).toBe( 400 );
		expect( res.json.errors.task_id ).toBeTruthy();
	} );

	it( 'lists without bodies, with filters (status, task, search) and cursor paging', async () => {
		const task = await createTask();
		const a = await createContent( {
			title: 'Coffee grinders compared',
			task_id: task.id,
			body: BODY,
		} );
		const b = await createContent( { title: 'Tea', status: 'review' } );
		for ( let i = 0; i < 5; i++ )
			await createContent( { title: `Filler ${ i }` } );
		const results = async ( extra: string ) => {
			const res = await api( 'GET', `/writer/content?${ q( extra ) }`, {
				token,
			} );
			expect( res.status, res.text ).toBe( 200 );
			return res.json.results as { id: number; body?: string }[];
		};
		const all = await results( '' );
		expect( all ).toHaveLength( 7 );
		expect( all.every( ( r ) => r.body === undefined ) ).toBe( true );
		expect(
			( await results( '&status=review' ) ).map( ( r ) => r.id )
		).toEqual( [ b.id ] );
		expect(
			( await results( `&task_id=${ task.id }` ) ).map( ( r ) => r.id )
		).toEqual( [ a.id ] );
		expect(
			( await results( '&search=grinders' ) ).map( ( r ) => r.id )
		).toEqual( [ a.id ] );
		const { seen, pages } = await walk(
			`/api/v1/writer/content?${ q() }&ordering=-word_count&page_size=3`
		);
		expect( pages ).toBe( 3 );
		expect( seen ).toHaveLength( 7 );
		expect( seen[ 0 ]!.id ).toBe( a.id );
		expect( new Set( seen.map( ( r ) => r.id ) ).size ).toBe( 7 );
	} );

	it( "answers 422 naming max_content_per_month once this month's content reaches the plan's limit", async () => {
		await run(
			`INSERT OR IGNORE INTO plans
         (slug, name, monthly_credits, max_sites, max_users, max_keywords, max_clusters, max_content_per_month)
       VALUES ('test-two-a-month', 'Two a month', 100, 10, 10, 1000, 100, 2)`
		);
		await run(
			`UPDATE subscriptions SET plan_id = (SELECT id FROM plans WHERE slug = 'test-two-a-month')
       WHERE account_id = ?`,
			accountId
		);
		// Last month's content does not count.
		const old = await createContent( { title: 'Old' } );
		await run(
			`UPDATE content SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', 'start of month', '-1 day')
       WHERE id = ?`,
			old.id
		);
		await createContent( { title: 'One' } );
		await createContent( { title: 'Two' } );
		const third = await api( 'POST', '/writer/content', {
			token,
			body: { ...place(), title: 'Three' },
		} );
		expect( third.status ).toBe( 422 );
		expect( third.json ).toMatchObject( {
			code: 'plan_limit',
			limit: 'max_content_per_month',
			max: 2,
		} );
		expect( third.json.error ).toContain( 'content per month' );
	} );

	it( 'deletes content with its images and their stored files', async () => {
		const item = await createContent();
		const key = `accounts/${ accountId }/images/content-test.png`;
		await env.MEDIA.put( key, new Uint8Array( [ 0x89, 0x50, 1, 2 ] ) );
		const imageId = await insertImage( item.id, {
			r2_key: key,
			status: 'generated',
		} );
		const res = await api( 'DELETE', `/writer/content/${ item.id }`, {
			token,
		} );
		expect( res.status ).toBe( 200 );
		expect( await env.MEDIA.head( key ) ).toBeNull();
		expect(
			( await api( 'GET', `/writer/images/${ imageId }`, { token } ) )
				.status
		).toBe( 404 );
		expect(
			( await api( 'GET', `/writer/content/${ item.id }`, { token } ) )
				.status
		).toBe( 404 );
	} );
} );

describe( 'writer images', () => {
	it( 'lists the images of one content by position, and edits prompt, alt, caption and position', async () => {
		const item = await createContent();
		const other = await createContent( { title: 'Other' } );
		const second = await insertImage( item.id, { position: 2 } );
		const featured = await insertImage( item.id, {
			kind: 'featured',
			position: 0,
		} );
		const first = await insertImage( item.id, { position: 1 } );
		await insertImage( other.id, { position: 1 } );
		const res = await api(
			'GET',
			`/writer/images?${ q( `&content_id=${ item.id }` ) }`,
			{ token }
		);
		expect( res.status, res.text ).toBe( 200 );
		expect( res.json.count ).toBe( 3 );
		expect( res.json.results.map( ( i: { id: number } ) => i.id ) ).toEqual(
			[ featured, first, second ]
		);
		expect( res.json.results[ 0 ] ).toMatchObject( {
			content_id: item.id,
			kind: 'featured',
			status: 'pending',
			stored: false,
			provider: null,
		} );
		const featuredOnly = await api(
			'GET',
			`/writer/images?${ q( '&kind=featured' ) }`,
			{ token }
		);
		expect( featuredOnly.json.count ).toBe( 1 );
		const edited = await api( 'PATCH', `/writer/images/${ second }`, {
			token,
			body: {
				prompt: 'a cup on a table',
				alt: 'A cup',
				caption: 'Morning',
				position: 3,
			},
		} );
		expect( edited.status ).toBe( 200 );
		expect( edited.json.data ).toMatchObject( {
			prompt: 'a cup on a table',
			alt: 'A cup',
			caption: 'Morning',
			position: 3,
		} );
		const got = await api( 'GET', `/writer/images/${ second }`, {
			token,
		} );
		expect( got.json.data ).toEqual( edited.json.data );
	} );

	it( 'refuses to edit or delete an image being generated', async () => {
		const item = await createContent();
		const id = await insertImage( item.id, { status: 'generating' } );
		const edit = await api( 'PATCH', `/writer/images/${ id }`, {
			token,
			body: { alt: 'x' },
		} );
		expect( edit.status ).toBe( 409 );
		const del = await api( 'DELETE', `/writer/images/${ id }`, { token } );
		expect( del.status ).toBe( 409 );
		const delContent = await api(
			'DELETE',
			`/writer/content/${ item.id }`,
			{
				token,
			}
		);
		expect( delContent.status ).toBe( 409 );
	} );

	it( 'deletes an image and its stored file', async () => {
		const item = await createContent();
		const key = `accounts/${ accountId }/images/image-test.png`;
		await env.MEDIA.put( key, new Uint8Array( [ 0x89, 0x50, 3, 4 ] ) );
		const id = await insertImage( item.id, {
			r2_key: key,
			status: 'generated',
			provider: 'openai',
			model: 'gpt-image-1',
		} );
		const got = await api( 'GET', `/writer/images/${ id }`, { token } );
		expect( got.json.data ).toMatchObject( {
			stored: true,
			provider: 'openai',
		} );
		expect( got.text ).not.toContain( key );
		const res = await api( 'DELETE', `/writer/images/${ id }`, { token } );
		expect( res.status ).toBe( 200 );
		expect( await env.MEDIA.head( key ) ).toBeNull();
		expect(
			( await api( 'GET', `/writer/images/${ id }`, { token } ) ).status
		).toBe( 404 );
	} );
} );

describe( 'writer tenancy', () => {
	it( "answers 404 for another account's tasks, content and images, and lists none of them", async () => {
		const item = await createContent( { title: 'Secret article' } );
		const imageId = await insertImage( item.id );
		const task = await createTask( { title: 'Secret task' } );
		const strangerAccount = await insertAccount( 'Stranger' );
		const stranger = ( await signedInUser( strangerAccount, 'owner' ) )
			.token;
		const theirSite = await insertSite( strangerAccount, 'Theirs' );
		for ( const path of [
			`/writer/tasks/${ task.id }`,
			`/writer/content/${ item.id }`,
			`/writer/images/${ imageId }`,
		] ) {
			for ( const method of [ 'GET', 'PATCH', 'DELETE' ] ) {
				const res = await api( method, path, {
					token: stranger,
					...( method === 'PATCH' ? { body: {} } : {} ),
				} );
				expect( res.status, `${ method } ${ path }` ).toBe( 404 );
				expect( res.text ).not.toContain( 'Secret' );
			}
		}
		for ( const list of [ 'tasks', 'content', 'images' ] ) {
			const mine = await api(
				'GET',
				`/writer/${ list }?site_id=${ site.id }`,
				{ token: stranger }
			);
			expect( mine.status ).toBe( 404 );
			const theirs = await api(
				'GET',
				`/writer/${ list }?site_id=${ theirSite.id }`,
				{ token: stranger }
			);
			expect( theirs.status ).toBe( 200 );
			expect( theirs.json.count ).toBe( 0 );
		}
		const create = await api( 'POST', '/writer/content', {
			token: stranger,
			body: { ...place(), title: 'Into yours' },
		} );
		expect( create.status ).toBe( 404 );
	} );
} );
