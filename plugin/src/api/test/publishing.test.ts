// Publishing's calls: each goes to its route with the contract's body, and 202 answers read as the record
// (or the sync) they started.
import * as shared from '@igny8/shared';
import { describe, expect, it, vi } from 'vitest';
import { createCloudClient } from '../cloud';
import { createPublishingApi, recordOf } from '../publishing';
import { outboxOf, type SiteToken } from '../wp';

type FetchLike = (
	url: RequestInfo | URL,
	init?: RequestInit
) => Promise< Response >;

const token: SiteToken = {
	token: 't1',
	expires_at: 4_000_000_000,
	cloud_url: 'http://cloud.test',
	site_id: 7,
	role: 'editor',
};

const record = {
	id: 3,
	site_id: 7,
	sector_id: 2,
	content_id: 5,
	title: 'Trail shoes',
	destination: 'wordpress',
	action: 'publish',
	status: 'queued',
	publish_as: 'draft',
	categories: [ 'Gear' ],
	tags: null,
	idempotency_key: 'k',
	wp_post_id: null,
	url: null,
	attempts: 0,
	max_attempts: 6,
	next_attempt_at: null,
	error: null,
	images_uploaded: 0,
	created_at: '2026-01-01T00:00:00Z',
	updated_at: '2026-01-01T00:00:00Z',
	published_at: null,
};

function setup( data: unknown = {}, status = 200 ) {
	const fetch = vi.fn< FetchLike >(
		async () =>
			new Response(
				JSON.stringify( { success: true, data, request_id: 'r' } ),
				{ status, headers: { 'Content-Type': 'application/json' } }
			)
	);
	const api = createPublishingApi(
		createCloudClient( {
			getToken: async () => token,
			fetch,
			now: () => 0,
		} )
	);
	const call = () => {
		const [ url, init ] = fetch.mock.calls[ 0 ];
		return {
			url: String( url ),
			method: init?.method,
			body: init?.body ? JSON.parse( String( init.body ) ) : undefined,
		};
	};
	return { api, call };
}

describe( 'publishing API', () => {
	it( 'the test record is one of the contract', () => {
		expect( shared.schemas.publishingRecord.parse( record ) ).toEqual(
			record
		);
	} );

	it( 'publishes content with the contract’s body and answers its record', async () => {
		const { api, call } = setup( { record }, 202 );
		const body = { status: 'publish' as const, tags: [ 'wet rock' ] };
		expect( shared.schemas.publishBody.parse( body ) ).toEqual( body );
		expect( await api.publish( 5, body ) ).toEqual( record );
		expect( call() ).toEqual( {
			url: 'http://cloud.test/api/v1/writer/content/5/publish',
			method: 'POST',
			body,
		} );
	} );

	it( 'lists, reads and retries records', async () => {
		const list = setup( {
			count: 0,
			next: null,
			previous: null,
			results: [],
		} );
		await list.api.listRecords( {
			site_id: 7,
			status: 'failed',
			ordering: '-created_at',
			page: 2,
			page_size: 25,
		} );
		expect( list.call() ).toMatchObject( {
			method: 'GET',
			url: 'http://cloud.test/api/v1/publisher/records?site_id=7&status=failed&ordering=-created_at&page=2&page_size=25',
		} );
		const one = setup( record );
		expect( await one.api.getRecord( 3 ) ).toEqual( record );
		expect( one.call().url ).toBe(
			'http://cloud.test/api/v1/publisher/records/3'
		);
		const retry = setup( { record }, 202 );
		expect( await retry.api.retryRecord( 3 ) ).toEqual( record );
		expect( retry.call() ).toMatchObject( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/publisher/records/3/retry',
		} );
	} );

	it( 'resolves a conflict: WordPress’s version answers the content, the cloud’s the update’s record', async () => {
		const wpHash = 'a'.repeat( 64 );
		const keepWp = setup( { id: 5, title: 'T' } );
		expect(
			await keepWp.api.resolveConflict( 5, {
				keep: 'wordpress',
				wp_hash: wpHash,
			} )
		).toEqual( { keep: 'wordpress', content: { id: 5, title: 'T' } } );
		expect( keepWp.call() ).toEqual( {
			url: 'http://cloud.test/api/v1/writer/content/5/resolve_conflict',
			method: 'POST',
			body: { keep: 'wordpress', wp_hash: wpHash },
		} );
		const keepCloud = setup( { record }, 202 );
		expect(
			await keepCloud.api.resolveConflict( 5, {
				keep: 'cloud',
				wp_hash: wpHash,
			} )
		).toEqual( { keep: 'cloud', record } );
		const conflict = setup( {} );
		await conflict.api.getConflict( 5 );
		expect( conflict.call().url ).toBe(
			'http://cloud.test/api/v1/writer/content/5/conflict'
		);
	} );

	it( 'starts a full sync and reads the site’s sync status', async () => {
		const sync = { id: 1, state: 'queued' };
		const start = setup( sync, 202 );
		expect( await start.api.startSync( 7 ) ).toEqual( sync );
		expect( start.call() ).toMatchObject( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/integration/sites/7/sync',
		} );
		expect( await setup( { sync }, 202 ).api.startSync( 7 ) ).toEqual(
			sync
		);
		const status = setup( { site_id: 7 } );
		await status.api.getSyncStatus( 7 );
		expect( status.call() ).toMatchObject( {
			method: 'GET',
			url: 'http://cloud.test/api/v1/integration/sites/7/sync',
		} );
	} );

	it( 'reads a record wrapped or alone', () => {
		expect( recordOf( { record } ) ).toBe( record );
		expect( recordOf( record ) ).toBe( record );
	} );
} );

describe( 'the outbox backlog', () => {
	it( 'is read from the flush answer, wrapped or not', () => {
		const backlog = {
			pending: 2,
			failed: 1,
			oldest_pending_at: '2026-01-01T10:00:00Z',
			last_delivery_at: null,
			last_error: 'cURL error 7',
		};
		expect( outboxOf( { outbox: backlog } ) ).toEqual( backlog );
		expect( outboxOf( { pending: 0, failed: 0 } ) ).toEqual( {
			pending: 0,
			failed: 0,
			oldest_pending_at: null,
			last_delivery_at: null,
			last_error: null,
		} );
		expect( outboxOf( { flushed: 3 } ) ).toBeNull();
		expect( outboxOf( null ) ).toBeNull();
	} );
} );
