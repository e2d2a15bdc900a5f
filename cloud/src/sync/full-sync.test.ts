// Full syncs as far as workerd can take them: starting one (once per site), its status, and what happens
// when WordPress cannot be reached. Paging through a real WordPress is e2e/sync.test.mjs.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { api, createSite, signup } from '../../test/helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	wordpressToken,
	type SiteFixture,
} from '../../test/world';
import { runSyncPage, SYNC_MAX_ATTEMPTS } from './full-sync';

let accountId: number;
let owner: string;
let site: SiteFixture;

beforeEach( async () => {
	accountId = await insertAccount( 'Mirror Co' );
	owner = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Mirror site' );
} );

const start = ( token = owner, of = site ) =>
	api( 'POST', `/integration/sites/${ of.id }/sync`, { token, raw: '' } );
const status = ( token = owner, of = site ) =>
	api( 'GET', `/integration/sites/${ of.id }/sync`, { token } );

async function waitFor< T >(
	read: () => Promise< T >,
	until: ( v: T ) => boolean
) {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const value = await read();
		if ( until( value ) || Date.now() > deadline ) return value;
		await new Promise( ( r ) => setTimeout( r, 200 ) );
	}
}

describe( 'full sync', () => {
	it( 'starts one sync per site: asking again while it runs answers the same one', async () => {
		const first = await start();
		expect( first.status, first.text ).toBe( 202 );
		expect( first.json.data ).toMatchObject( {
			site_id: site.id,
			state: 'queued',
			pages_done: 0,
			total_pages: null,
			posts_seen: 0,
			percentage: 0,
			finished_at: null,
		} );
		// wp-admin's "Sync now" (a WordPress admin's token) gets the same one.
		const again = await start( await wordpressToken( site, 'admin' ) );
		expect( again.status ).toBe( 202 );
		expect( again.json.data.id ).toBe( first.json.data.id );
		const rows = await env.DB.prepare(
			'SELECT count(*) AS n FROM site_syncs WHERE site_id = ?'
		)
			.bind( site.id )
			.first< { n: number } >();
		expect( rows!.n ).toBe( 1 );
	} );

	it( 'retries a page WordPress does not answer, then fails with a readable reason', async () => {
		const { id } = ( await start() ).json.data;
		// The queue consumer tried page 1 against the fixture's address, which refuses connections.
		const retrying = await waitFor(
			() => status(),
			( res ) => Boolean( res.json.data.last_full_sync.error )
		);
		expect( retrying.json.data.last_full_sync ).toMatchObject( {
			id,
			state: 'running',
		} );
		expect( retrying.json.data.last_full_sync.error ).toMatch(
			/WordPress could not be reached at http:\/\/127\.0\.0\.1:9\/wp-json\/.*retrying in \d+ s \(attempt 2 of 4\)/
		);
		// The last attempt gives up.
		await runSyncPage( env, {
			type: 'site_sync',
			syncId: id,
			page: 1,
			attempt: SYNC_MAX_ATTEMPTS,
		} );
		const failed = ( await status() ).json.data.last_full_sync;
		expect( failed ).toMatchObject( { id, state: 'failed' } );
		expect( failed.error ).toMatch(
			/could not be reached.*gave up after 4 attempts/
		);
		expect( failed.finished_at ).not.toBeNull();
		// A failed sync does not block the next one.
		const next = await start();
		expect( next.json.data.id ).not.toBe( id );
		expect( next.json.data.state ).toBe( 'queued' );
	} );

	it( 'answers 409 for a site that is not connected', async () => {
		await env.DB.prepare(
			'UPDATE sites SET site_secret_enc = NULL WHERE id = ?'
		)
			.bind( site.id )
			.run();
		const res = await start();
		expect( res.status ).toBe( 409 );
		expect( res.json.code ).toBe( 'not_connected' );
	} );

	it( 'starts a full sync when a site connects', async () => {
		const agency = await signup( 'Agency' );
		const made = await createSite( agency.token, 'Fresh blog' );
		const code = await api(
			'POST',
			`/integration/sites/${ made.id }/connection-code`,
			{ token: agency.token, raw: '' }
		);
		const connected = await api( 'POST', '/integration/connect', {
			body: {
				code: code.json.data.code,
				site_url: 'http://127.0.0.1:9',
			},
		} );
		expect( connected.status ).toBe( 200 );
		const res = await api( 'GET', `/integration/sites/${ made.id }/sync`, {
			token: agency.token,
		} );
		expect( res.json.data.last_full_sync ).toMatchObject( {
			site_id: made.id,
			state: 'queued',
		} );
	} );
} );

describe( 'sync status', () => {
	it( 'counts the mirror, the newest event, publishing records and conflicts of the site alone', async () => {
		const empty = await status();
		expect( empty.status ).toBe( 200 );
		expect( empty.json.data ).toEqual( {
			site_id: site.id,
			last_full_sync: null,
			posts_mirrored: 0,
			last_event_at: null,
			publishing_pending: 0,
			publishing_failed: 0,
			conflicts: 0,
		} );
		const other = await insertSite( accountId, 'Other site' );
		for ( const [ of, wpId, state ] of [
			[ site, 1, 'publish' ],
			[ site, 2, 'publish' ],
			[ site, 3, 'draft' ],
			[ site, 4, 'deleted' ],
			[ other, 5, 'publish' ],
		] as const )
			await env.DB.prepare(
				`INSERT INTO wp_posts (site_id, wp_id, account_id, type, status, title, url, slug, modified_gmt,
           content_hash) VALUES (?, ?, ?, 'post', ?, 't', 'u', 's', 'm', 'h')`
			)
				.bind( of.id, wpId, accountId, state )
				.run();
		for ( const [ of, state ] of [
			[ site, 'queued' ],
			[ site, 'publishing' ],
			[ site, 'failed' ],
			[ site, 'published' ],
			[ other, 'failed' ],
		] as const )
			await env.DB.prepare(
				`INSERT INTO publishing_records (account_id, site_id, sector_id, title, status, publish_as,
           idempotency_key, max_attempts) VALUES (?, ?, ?, 't', ?, 'publish', ?, 6)`
			)
				.bind(
					accountId,
					of.id,
					of.sectorId,
					state,
					crypto.randomUUID()
				)
				.run();
		await env.DB.prepare(
			`INSERT INTO content (account_id, site_id, sector_id, title, revision_hash, sync_state)
       VALUES (?, ?, ?, 'c', 'h', 'conflict')`
		)
			.bind( accountId, site.id, site.sectorId )
			.run();
		await env.DB.prepare(
			`INSERT INTO sync_events (site_id, event_id, account_id, seq, type, object_id, occurred_at, received_at)
       VALUES (?, 'e1', ?, 1, 'post.updated', 1, 'x', '2026-11-29T10:00:00.000Z'),
              (?, 'e2', ?, 2, 'post.updated', 1, 'x', '2026-11-29T11:00:00.000Z')`
		)
			.bind( site.id, accountId, site.id, accountId )
			.run();
		const res = await status( await wordpressToken( site, 'viewer' ) );
		expect( res.status ).toBe( 200 );
		expect( res.json.data ).toMatchObject( {
			posts_mirrored: 2,
			last_event_at: '2026-11-29T11:00:00.000Z',
			publishing_pending: 2,
			publishing_failed: 1,
			conflicts: 1,
		} );
	} );
} );
