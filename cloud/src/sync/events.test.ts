// Events from a site's outbox, signed by the site, through the whole Worker with real D1.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, signRequest } from '@igny8/shared';
import { api } from '../../test/helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	wordpressToken,
	type SiteFixture,
} from '../../test/world';

const PATH = '/integration/sync/events';
const paragraph = ( text: string ) =>
	`<!-- wp:paragraph -->\n<p>${ text }</p>\n<!-- /wp:paragraph -->`;

let accountId: number;
let owner: string;
let site: SiteFixture;

beforeEach( async () => {
	accountId = await insertAccount( 'Sync Co' );
	owner = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Sync site' );
} );

async function send(
	events: unknown[],
	as: { siteId: number; secret: string } = {
		siteId: site.id,
		secret: site.secret,
	}
) {
	const body = JSON.stringify( { events } );
	const headers = await signRequest( {
		siteId: as.siteId,
		secret: as.secret,
		method: 'POST',
		target: `/api/v1${ PATH }`,
		body,
	} );
	return api( 'POST', PATH, { headers, raw: body } );
}

interface PostFields {
	id: number;
	title?: string;
	body?: string | null;
	status?: string;
	contentId?: number | null;
	categories?: { id: number; taxonomy: string; name: string; slug: string }[];
}

async function postUpdated( seq: number, p: PostFields ) {
	const body = p.body === undefined ? paragraph( 'Body' ) : p.body;
	return {
		event_id: crypto.randomUUID(),
		seq,
		occurred_at: new Date().toISOString(),
		type: 'post.updated',
		post: {
			id: p.id,
			type: 'post',
			status: p.status ?? 'publish',
			title: p.title ?? `Post ${ p.id }`,
			url: `https://blog.test/post-${ p.id }/`,
			slug: `post-${ p.id }`,
			excerpt: '',
			modified_gmt: '2026-11-29T10:00:00Z',
			categories: p.categories ?? [],
			tags: [],
			links: [],
			content_hash: await sha256Hex(
				body ?? `unsent ${ p.id } ${ seq }`
			),
			featured_media: null,
			managed: p.contentId !== undefined && p.contentId !== null,
			content_id: p.contentId ?? null,
			task_id: null,
			content: body,
			content_omitted: body === null,
		},
	};
}

const postDeleted = ( seq: number, id: number, contentId: number | null ) => ( {
	event_id: crypto.randomUUID(),
	seq,
	occurred_at: new Date().toISOString(),
	type: 'post.deleted',
	post: { id, type: 'post', content_id: contentId },
} );

async function mirrored( wpId: number, of = site ) {
	return env.DB.prepare(
		'SELECT * FROM wp_posts WHERE site_id = ? AND wp_id = ?'
	)
		.bind( of.id, wpId )
		.first< Record< string, unknown > >();
}

/** Content that publishing made into post `wpId` and both sides agree on (what the publisher leaves). */
async function publishedContent(
	wpId: number,
	title = 'Cloud title',
	body = paragraph( 'Cloud body' ),
	of = site
) {
	const hash = await sha256Hex( body );
	const row = await env.DB.prepare(
		`INSERT INTO content (account_id, site_id, sector_id, title, body, word_count, status, revision_hash,
       external_id, external_url, sync_state, wp_status, last_synced_at, synced_hash, synced_title, wp_hash,
       wp_title, wp_modified_gmt)
     VALUES (?, ?, ?, ?, ?, 2, 'published', ?, ?, ?, 'synced', 'publish', '2026-11-29T09:00:00Z', ?, ?, ?, ?,
       '2026-11-29T09:00:00Z')
     RETURNING id`
	)
		.bind(
			of === site ? accountId : await accountOf( of ),
			of.id,
			of.sectorId,
			title,
			body,
			hash,
			wpId,
			`https://blog.test/post-${ wpId }/`,
			hash,
			title,
			hash,
			title
		)
		.first< { id: number } >();
	return row!.id;
}

async function accountOf( of: SiteFixture ) {
	return ( await env.DB.prepare( 'SELECT account_id FROM sites WHERE id = ?' )
		.bind( of.id )
		.first< { account_id: number } >() )!.account_id;
}

async function readContent( id: number ) {
	const res = await api( 'GET', `/writer/content/${ id }`, { token: owner } );
	expect( res.status, res.text ).toBe( 200 );
	return res.json.data;
}

describe( 'receiving events from the site', () => {
	it( 'stores each event once: a redelivered batch is acknowledged as duplicates', async () => {
		const events = [
			await postUpdated( 1, { id: 10, title: 'First' } ),
			await postUpdated( 2, { id: 11, title: 'Second' } ),
		];
		const first = await send( events );
		expect( first.status, first.text ).toBe( 200 );
		expect( first.json.data ).toEqual( {
			accepted: events.map( ( e ) => e.event_id ),
			duplicates: [],
		} );
		const again = await send( events );
		expect( again.status ).toBe( 200 );
		expect( again.json.data ).toEqual( {
			accepted: [],
			duplicates: events.map( ( e ) => e.event_id ),
		} );
		const stored = await env.DB.prepare(
			'SELECT count(*) AS n FROM sync_events WHERE site_id = ?'
		)
			.bind( site.id )
			.first< { n: number } >();
		expect( stored!.n ).toBe( 2 );
		expect( await mirrored( 10 ) ).toMatchObject( {
			title: 'First',
			status: 'publish',
			url: 'https://blog.test/post-10/',
			seq: 1,
		} );
	} );

	it( 'applies an event delivered twice once: its redelivery after a newer one changes nothing', async () => {
		const id = await publishedContent( 20 );
		const older = await postUpdated( 5, {
			id: 20,
			title: 'Edited once',
			body: paragraph( 'Edit one' ),
			contentId: id,
		} );
		expect( ( await send( [ older ] ) ).json.data.accepted ).toEqual( [
			older.event_id,
		] );
		const newer = await postUpdated( 6, {
			id: 20,
			title: 'Edited twice',
			body: paragraph( 'Edit two' ),
			contentId: id,
		} );
		await send( [ newer ] );
		const redelivered = await send( [ older ] );
		expect( redelivered.json.data.duplicates ).toEqual( [
			older.event_id,
		] );
		expect( await readContent( id ) ).toMatchObject( {
			title: 'Edited twice',
			body: paragraph( 'Edit two' ),
		} );
		expect( ( await mirrored( 20 ) )!.title ).toBe( 'Edited twice' );
	} );

	it( 'keeps the newest state when events arrive out of order (seq 5, then seq 3)', async () => {
		const id = await publishedContent( 30 );
		const five = await postUpdated( 5, {
			id: 30,
			title: 'Seq five',
			body: paragraph( 'Five' ),
			contentId: id,
		} );
		const three = await postUpdated( 3, {
			id: 30,
			title: 'Seq three',
			body: paragraph( 'Three' ),
			status: 'draft',
			contentId: id,
		} );
		await send( [ five ] );
		const late = await send( [ three ] );
		// Stored (the plugin may forget it) but applied to nothing.
		expect( late.json.data.accepted ).toEqual( [ three.event_id ] );
		expect( await mirrored( 30 ) ).toMatchObject( {
			title: 'Seq five',
			status: 'publish',
			seq: 5,
		} );
		expect( await readContent( id ) ).toMatchObject( {
			title: 'Seq five',
			body: paragraph( 'Five' ),
			wp_status: 'publish',
		} );
		// In one batch too: the newest of the batch wins, whatever the order inside it.
		const seven = await postUpdated( 7, { id: 31, title: 'Seven' } );
		const six = await postUpdated( 6, { id: 31, title: 'Six' } );
		await send( [ seven, six ] );
		expect( ( await mirrored( 31 ) )!.title ).toBe( 'Seven' );
	} );

	it( 'takes a WordPress-side edit of synced content into the cloud: title, body and revision hash', async () => {
		const id = await publishedContent( 40 );
		const body = paragraph( 'Rewritten in the block editor &amp; saved' );
		await send( [
			await postUpdated( 8, {
				id: 40,
				title: 'Retitled in WordPress',
				body,
				contentId: id,
			} ),
		] );
		const item = await readContent( id );
		expect( item ).toMatchObject( {
			title: 'Retitled in WordPress',
			body,
			revision_hash: await sha256Hex( body ),
			sync_state: 'synced',
			status: 'published',
			wp_status: 'publish',
			external_id: 40,
		} );
		expect( item.word_count ).toBeGreaterThan( 3 );
	} );

	it( 'keeps both versions as a conflict when the post and the cloud copy both changed', async () => {
		const id = await publishedContent( 50 );
		const cloudBody = paragraph( 'Edited in the cloud' );
		// A cloud edit not yet sent to WordPress.
		await env.DB.prepare(
			'UPDATE content SET body = ?, revision_hash = ? WHERE id = ?'
		)
			.bind( cloudBody, await sha256Hex( cloudBody ), id )
			.run();
		const wpBody = paragraph( 'Edited in WordPress' );
		await send( [
			await postUpdated( 9, {
				id: 50,
				title: 'WordPress title',
				body: wpBody,
				contentId: id,
			} ),
		] );
		const item = await readContent( id );
		expect( item ).toMatchObject( {
			sync_state: 'conflict',
			title: 'Cloud title',
			body: cloudBody,
			revision_hash: await sha256Hex( cloudBody ),
		} );
		const conflict = await env.DB.prepare(
			'SELECT * FROM content_conflicts WHERE content_id = ?'
		)
			.bind( id )
			.first< Record< string, unknown > >();
		expect( conflict ).toMatchObject( {
			wp_post_id: 50,
			wp_title: 'WordPress title',
			wp_body: wpBody,
			wp_hash: await sha256Hex( wpBody ),
		} );
		const status = await api(
			'GET',
			`/integration/sites/${ site.id }/sync`,
			{
				token: owner,
			}
		);
		expect( status.json.data.conflicts ).toBe( 1 );
	} );

	it( 'shows a status change in WordPress (publish → draft → trash) as wp_status; the content stays published', async () => {
		const id = await publishedContent( 60 );
		await send( [
			await postUpdated( 10, {
				id: 60,
				title: 'Cloud title',
				body: paragraph( 'Cloud body' ),
				status: 'draft',
				contentId: id,
			} ),
		] );
		expect( await readContent( id ) ).toMatchObject( {
			wp_status: 'draft',
			status: 'published',
			sync_state: 'synced',
		} );
		await send( [
			await postUpdated( 11, {
				id: 60,
				title: 'Cloud title',
				body: paragraph( 'Cloud body' ),
				status: 'trash',
				contentId: id,
			} ),
		] );
		expect( ( await readContent( id ) ).wp_status ).toBe( 'trash' );
		expect( ( await mirrored( 60 ) )!.status ).toBe( 'trash' );
	} );

	it( 'returns content to approved when its post is deleted, and drops the post from the mirror', async () => {
		const id = await publishedContent( 70 );
		await send( [ postDeleted( 12, 70, id ) ] );
		expect( await readContent( id ) ).toMatchObject( {
			status: 'approved',
			sync_state: 'none',
			external_id: null,
			external_url: null,
			wp_status: null,
			last_synced_at: null,
		} );
		expect( ( await mirrored( 70 ) )!.status ).toBe( 'deleted' );
		// An update of the deleted post that arrives late brings back neither.
		await send( [
			await postUpdated( 11, {
				id: 70,
				title: 'Late',
				contentId: id,
			} ),
		] );
		expect( ( await mirrored( 70 ) )!.status ).toBe( 'deleted' );
		expect( ( await readContent( id ) ).external_id ).toBeNull();
		const status = await api(
			'GET',
			`/integration/sites/${ site.id }/sync`,
			{
				token: owner,
			}
		);
		expect( status.json.data.posts_mirrored ).toBe( 0 );
	} );

	it( 'applies status when the body was left out and WordPress cannot be asked for it, and keeps the body for later', async () => {
		const id = await publishedContent( 80 );
		// The fixture's WordPress address refuses connections: the body cannot be fetched.
		await send( [
			await postUpdated( 13, {
				id: 80,
				title: 'Huge edit',
				body: null,
				status: 'private',
				contentId: id,
			} ),
		] );
		const item = await readContent( id );
		expect( item ).toMatchObject( {
			title: 'Cloud title',
			body: paragraph( 'Cloud body' ),
			wp_status: 'private',
			sync_state: 'synced',
		} );
		// The next event with the body takes it.
		const body = paragraph( 'Huge edit, sent' );
		await send( [
			await postUpdated( 14, {
				id: 80,
				title: 'Huge edit',
				body,
				contentId: id,
			} ),
		] );
		expect( await readContent( id ) ).toMatchObject( {
			title: 'Huge edit',
			body,
		} );
	} );

	it( 'mirrors terms: updated, deleted, and not brought back by a late update', async () => {
		const term = ( seq: number, name: string ) => ( {
			event_id: crypto.randomUUID(),
			seq,
			occurred_at: new Date().toISOString(),
			type: 'term.updated',
			term: { id: 5, taxonomy: 'category', name, slug: 'news' },
		} );
		await send( [ term( 1, 'News' ) ] );
		const read = () =>
			env.DB.prepare(
				'SELECT name FROM wp_terms WHERE site_id = ? AND wp_id = 5'
			)
				.bind( site.id )
				.first< { name: string } >();
		expect( ( await read() )!.name ).toBe( 'News' );
		await send( [ term( 3, 'Latest news' ) ] );
		await send( [
			{
				event_id: crypto.randomUUID(),
				seq: 4,
				occurred_at: new Date().toISOString(),
				type: 'term.deleted',
				term: { id: 5, taxonomy: 'category' },
			},
		] );
		expect( await read() ).toBeNull();
		await send( [ term( 2, 'Old news' ) ] );
		expect( await read() ).toBeNull();
	} );

	it( 'orders events afresh after the site reconnects (a reinstalled plugin counts seq from 1 again)', async () => {
		const id = await publishedContent( 95 );
		await send( [
			await postUpdated( 50, {
				id: 95,
				title: 'Before reinstalling',
				body: paragraph( 'Before' ),
				contentId: id,
			} ),
		] );
		const code = await api(
			'POST',
			`/integration/sites/${ site.id }/connection-code`,
			{ token: owner, raw: '' }
		);
		const connected = await api( 'POST', '/integration/connect', {
			body: { code: code.json.data.code, site_url: 'http://127.0.0.1:9' },
		} );
		expect( connected.status ).toBe( 200 );
		const fresh = {
			siteId: site.id,
			secret: connected.json.data.site_secret as string,
		};
		await send(
			[
				await postUpdated( 1, {
					id: 95,
					title: 'After reinstalling',
					body: paragraph( 'After' ),
					contentId: id,
				} ),
			],
			fresh
		);
		expect( ( await mirrored( 95 ) )!.title ).toBe( 'After reinstalling' );
		expect( ( await readContent( id ) ).title ).toBe(
			'After reinstalling'
		);
	} );

	it( 'applies a full batch of 100 events, half of them edits of content, within the statement budget', async () => {
		const events = [];
		for ( let i = 0; i < 100; i++ ) {
			const wpId = 1000 + i;
			const contentId = i % 2 ? await publishedContent( wpId ) : null;
			events.push(
				await postUpdated( 100 + i, {
					id: wpId,
					title: `Edited ${ i }`,
					body: paragraph( `Edited body ${ i }` ),
					contentId,
					categories: [
						{
							id: 1,
							taxonomy: 'category',
							name: 'General',
							slug: 'general',
						},
					],
				} )
			);
		}
		const res = await send( events );
		expect( res.status, res.text ).toBe( 200 );
		expect( res.json.data.accepted ).toHaveLength( 100 );
		const counts = await env.DB.prepare(
			`SELECT
         (SELECT count(*) FROM wp_posts WHERE site_id = ?1 AND status = 'publish') AS posts,
         (SELECT count(*) FROM content WHERE site_id = ?1 AND title LIKE 'Edited %') AS taken`
		)
			.bind( site.id )
			.first< { posts: number; taken: number } >();
		expect( counts ).toEqual( { posts: 100, taken: 50 } );
	} );
} );

describe( 'who may send events', () => {
	it( 'refuses unsigned requests, dashboard users and WordPress browser tokens', async () => {
		const body = JSON.stringify( {
			events: [ await postUpdated( 1, { id: 1 } ) ],
		} );
		const unsigned = await api( 'POST', PATH, { raw: body } );
		expect( unsigned.status ).toBe( 401 );
		const dashboard = await api( 'POST', PATH, {
			raw: body,
			token: owner,
		} );
		expect( dashboard.status ).toBe( 403 );
		const browser = await api( 'POST', PATH, {
			raw: body,
			token: await wordpressToken( site, 'admin' ),
		} );
		expect( browser.status ).toBe( 403 );
		expect( await mirrored( 1 ) ).toBeNull();
	} );

	it( "refuses a signature made with another site's secret, and applies a site's events to its own content only", async () => {
		const other = await insertSite(
			await insertAccount( 'Other Co' ),
			'Other site'
		);
		const forged = await send( [ await postUpdated( 1, { id: 2 } ) ], {
			siteId: site.id,
			secret: other.secret,
		} );
		expect( forged.status ).toBe( 401 );
		expect( forged.json.code ).toBe( 'bad_signature' );

		// The other site names this site's content and post id: only its own mirror changes.
		const id = await publishedContent( 90 );
		const theirs = await send(
			[
				await postUpdated( 50, {
					id: 90,
					title: 'Hijacked',
					body: paragraph( 'Hijacked' ),
					contentId: id,
				} ),
			],
			{ siteId: other.id, secret: other.secret }
		);
		expect( theirs.status ).toBe( 200 );
		expect( await readContent( id ) ).toMatchObject( {
			title: 'Cloud title',
			body: paragraph( 'Cloud body' ),
		} );
		expect( await mirrored( 90 ) ).toBeNull();
		expect( ( await mirrored( 90, other ) )!.title ).toBe( 'Hijacked' );
	} );

	it( 'answers 400 with the field path for malformed events, and stores none of the batch', async () => {
		const good = await postUpdated( 1, { id: 3 } );
		const bad = await postUpdated( 2, { id: 4 } );
		( bad.post as Record< string, unknown > ).content_hash = 'not-a-hash';
		const res = await send( [ good, { ...bad, seq: 0 } ] );
		expect( res.status ).toBe( 400 );
		expect( Object.keys( res.json.errors ) ).toEqual(
			expect.arrayContaining( [
				'events.1.seq',
				'events.1.post.content_hash',
			] )
		);
		const unknown = await send( [ { ...good, type: 'post.exploded' } ] );
		expect( unknown.status ).toBe( 400 );
		expect( Object.keys( unknown.json.errors ) ).toContain(
			'events.0.type'
		);
		const empty = await send( [] );
		expect( empty.status ).toBe( 400 );
		expect( Object.keys( empty.json.errors ) ).toContain( 'events' );
		expect( await mirrored( 3 ) ).toBeNull();
	} );
} );
