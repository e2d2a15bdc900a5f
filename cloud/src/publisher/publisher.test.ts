// Publishing in the Worker with real local D1 and Queues, against a WordPress that is down: every site of
// the test world points at 127.0.0.1:9, which refuses connections. What a real WordPress answers (posts,
// media, terms, conflicts) is tested end to end in e2e/publishing.test.mjs.
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	MEDIA_MAX_BYTES,
	PUBLISH_MAX_ATTEMPTS,
	sha256Hex,
} from '@igny8/shared';
import { api } from '../../test/helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	type SiteFixture,
} from '../../test/world';
import { createDb } from '../db';
import { loadSiteSecret } from '../integration/signing';
import { deadLetterHandlers } from '../system/queues';
import { findRecord } from './records';
import {
	LEASE_SECONDS,
	placeImages,
	RETRY_MAX_SECONDS,
	retryDelaySeconds,
	runPublish,
} from './run';

let accountId: number;
let token: string;
let site: SiteFixture;

beforeEach( async () => {
	accountId = await insertAccount( 'Publisher Co' );
	token = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Publisher site' );
} );

async function run( sql: string, ...params: unknown[] ) {
	await env.DB.prepare( sql )
		.bind( ...params )
		.run();
}

async function row< T = Record< string, unknown > >(
	sql: string,
	...params: unknown[]
) {
	return ( await env.DB.prepare( sql )
		.bind( ...params )
		.first< T >() )!;
}

const BODY =
	'<!-- wp:paragraph -->\n<p>Grind fresh, brew slow.</p>\n<!-- /wp:paragraph -->';

/** Content as the Writer leaves it, with any columns changed (status, sync state, WordPress markers…). */
async function makeContent( fields: Record< string, unknown > = {} ) {
	const res = await api( 'POST', '/writer/content', {
		token,
		body: {
			site_id: site.id,
			sector_id: site.sectorId,
			title: 'Espresso at home',
			body: BODY,
			meta_description: 'How to pull a good shot',
		},
	} );
	expect( res.status, res.text ).toBe( 201 );
	const id = res.json.data.id as number;
	const set = { status: 'approved', ...fields };
	const cols = Object.keys( set );
	await run(
		`UPDATE content SET ${ cols.map( ( c ) => `${ c } = ?` ).join( ', ' ) } WHERE id = ?`,
		...Object.values( set ),
		id
	);
	return id;
}

/** Published content both sides agree on (as a finished publish leaves it). */
async function publishedContent( fields: Record< string, unknown > = {} ) {
	const hash = await sha256Hex( BODY );
	return makeContent( {
		status: 'published',
		sync_state: 'synced',
		external_id: 321,
		external_url: 'http://127.0.0.1:9/espresso',
		wp_status: 'publish',
		synced_hash: hash,
		synced_title: 'Espresso at home',
		wp_hash: 'a'.repeat( 64 ),
		wp_title: 'Espresso at home',
		...fields,
	} );
}

/** A record written straight into D1 (no queue message): the tests deliver it themselves. */
async function insertRecord(
	contentId: number,
	fields: Record< string, unknown > = {}
) {
	const values: Record< string, unknown > = {
		account_id: accountId,
		site_id: site.id,
		sector_id: site.sectorId,
		content_id: contentId,
		title: 'Espresso at home',
		status: 'queued',
		publish_as: 'publish',
		idempotency_key: `content-${ contentId }`,
		max_attempts: PUBLISH_MAX_ATTEMPTS,
		...fields,
	};
	const cols = Object.keys( values );
	const { id } = await row< { id: number } >(
		`INSERT INTO publishing_records (${ cols.join( ', ' ) }) VALUES (${ cols.map( () => '?' ).join( ', ' ) }) RETURNING id`,
		...Object.values( values )
	);
	return id;
}

const record = ( id: number ) =>
	row< {
		status: string;
		attempts: number;
		error: string | null;
		next_attempt_at: string | null;
		updated_at: string;
		wp_post_id: number | null;
	} >( 'SELECT * FROM publishing_records WHERE id = ?', id );
const syncState = async ( id: number ) =>
	(
		await row< { sync_state: string } >(
			'SELECT sync_state FROM content WHERE id = ?',
			id
		)
	).sync_state;
const publish = ( id: number, body: unknown = { status: 'publish' } ) =>
	api( 'POST', `/writer/content/${ id }/publish`, { token, body } );

const sleep = ( ms: number ) => new Promise( ( r ) => setTimeout( r, ms ) );
const secondsFromNow = ( iso: string | null ) =>
	( Date.parse( iso ?? '' ) - Date.now() ) / 1000;

describe( 'POST /writer/content/:id/publish', () => {
	it( 'queues approved content: 202 with a queued record, and the content is pending', async () => {
		const id = await makeContent();
		const res = await publish( id, {
			status: 'draft',
			categories: [ 'Coffee' ],
			tags: [ 'espresso', 'home' ],
		} );
		expect( res.status, res.text ).toBe( 202 );
		expect( res.json.data.record ).toMatchObject( {
			content_id: id,
			site_id: site.id,
			sector_id: site.sectorId,
			title: 'Espresso at home',
			destination: 'wordpress',
			action: 'publish',
			status: 'queued',
			publish_as: 'draft',
			categories: [ 'Coffee' ],
			tags: [ 'espresso', 'home' ],
			idempotency_key: `content-${ id }`,
			attempts: 0,
			max_attempts: PUBLISH_MAX_ATTEMPTS,
			wp_post_id: null,
			error: null,
			images_uploaded: 0,
		} );
		const content = await api( 'GET', `/writer/content/${ id }`, {
			token,
		} );
		expect( content.json.data.sync_state ).toBe( 'pending' );
	} );

	it( 'keeps terms null when none are given (a republish leaves the post’s terms alone)', async () => {
		const res = await publish( await makeContent() );
		expect( res.json.data.record ).toMatchObject( {
			categories: null,
			tags: null,
		} );
	} );

	it( 'answers 409 to a second publish while one is waiting, naming that record, and queues nothing more', async () => {
		const id = await makeContent();
		const first = await publish( id );
		expect( first.status ).toBe( 202 );
		const again = await publish( id, { status: 'draft' } );
		expect( again.status ).toBe( 409 );
		expect( again.json.record_id ).toBe( first.json.data.record.id );
		expect( again.json.error ).toContain(
			`record ${ first.json.data.record.id }`
		);
		const { n } = await row< { n: number } >(
			'SELECT count(*) AS n FROM publishing_records WHERE content_id = ?',
			id
		);
		expect( n ).toBe( 1 );
	} );

	it( 'lets only one of two simultaneous publishes of the same content through', async () => {
		const id = await makeContent();
		const answers = await Promise.all( [ publish( id ), publish( id ) ] );
		expect( answers.map( ( a ) => a.status ).sort() ).toEqual( [
			202, 409,
		] );
	} );

	it( 'refuses content that is not approved, saying so', async () => {
		for ( const status of [ 'draft', 'review' ] ) {
			const res = await publish( await makeContent( { status } ) );
			expect( res.status ).toBe( 409 );
			expect( res.json.error ).toContain( `this content is ${ status }` );
		}
	} );

	it( 'refuses content in conflict until the conflict is resolved', async () => {
		const res = await publish(
			await publishedContent( { sync_state: 'conflict' } )
		);
		expect( res.status ).toBe( 409 );
		expect( res.json.error ).toContain( 'resolve the conflict' );
	} );

	it( 'answers 422 when the site is not connected to WordPress', async () => {
		const id = await makeContent();
		await run(
			'UPDATE sites SET site_secret_enc = NULL WHERE id = ?',
			site.id
		);
		const res = await publish( id );
		expect( res.status ).toBe( 422 );
		expect( res.json.error ).toContain( 'not connected' );
		expect( await syncState( id ) ).toBe( 'none' );
	} );

	it( 'validates the body', async () => {
		const id = await makeContent();
		for ( const body of [
			{},
			{ status: 'private' },
			{ status: 'publish', categories: [ '' ] },
			{ status: 'publish', tags: 'espresso' },
			{ status: 'publish', extra: true },
		] ) {
			const res = await publish( id, body );
			expect( res.status, JSON.stringify( body ) ).toBe( 400 );
		}
	} );

	it( 'lets a viewer read records but not publish or retry', async () => {
		const { token: viewer, id: viewerId } = await signedInUser(
			accountId,
			'viewer'
		);
		await run(
			'INSERT INTO site_user_access (account_id, site_id, user_id) VALUES (?, ?, ?)',
			accountId,
			site.id,
			viewerId
		);
		const id = await makeContent();
		const res = await api( 'POST', `/writer/content/${ id }/publish`, {
			token: viewer,
			body: { status: 'publish' },
		} );
		expect( res.status ).toBe( 403 );
		const recordId = await insertRecord( id, { status: 'failed' } );
		expect(
			(
				await api( 'GET', `/publisher/records/${ recordId }`, {
					token: viewer,
				} )
			).status
		).toBe( 200 );
		expect(
			(
				await api( 'POST', `/publisher/records/${ recordId }/retry`, {
					token: viewer,
				} )
			).status
		).toBe( 403 );
	} );
} );

describe( 'the publish consumer when WordPress is down', () => {
	it( 'counts the attempt and waits with a readable error and the time of the next attempt (real queue)', async () => {
		const id = await makeContent();
		const recordId = ( await publish( id ) ).json.data.record.id as number;
		let seen;
		for ( let i = 0; i < 100; i++ ) {
			seen = (
				await api( 'GET', `/publisher/records/${ recordId }`, {
					token,
				} )
			).json.data;
			if ( seen.attempts >= 1 && seen.status === 'queued' ) break;
			await sleep( 100 );
		}
		expect( seen.status ).toBe( 'queued' );
		expect( seen.error ).toMatch(
			/^WordPress did not answer: .+ \(GET \/post-by-content-id\/\d+\)$/
		);
		expect( seen.next_attempt_at ).not.toBeNull();
		expect( await syncState( id ) ).toBe( 'pending' );
	} );

	it( 'schedules the next attempt base × 2^(attempts − 1) seconds ahead and asks the queue for the same delay', async () => {
		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id, { attempts: 2 } );
		const outcome = await runPublish(
			{ ...env, SYNC_RETRY_BASE_SECONDS: '30' },
			recordId
		);
		expect( outcome ).toEqual( { retryAfterSeconds: 120 } );
		const r = await record( recordId );
		expect( r.status ).toBe( 'queued' );
		expect( r.attempts ).toBe( 3 );
		expect( secondsFromNow( r.next_attempt_at ) ).toBeGreaterThan( 115 );
		expect( secondsFromNow( r.next_attempt_at ) ).toBeLessThanOrEqual(
			120
		);
		expect( r.error ).toContain( 'WordPress did not answer' );
	} );

	it( 'doubles the wait from SYNC_RETRY_BASE_SECONDS (30 s when unset) up to an hour', () => {
		expect(
			[ 1, 2, 3, 4, 5 ].map( ( n ) =>
				retryDelaySeconds( { SYNC_RETRY_BASE_SECONDS: '30' }, n )
			)
		).toEqual( [ 30, 60, 120, 240, 480 ] );
		expect( retryDelaySeconds( {}, 1 ) ).toBe( 30 );
		expect( retryDelaySeconds( { SYNC_RETRY_BASE_SECONDS: 'x' }, 2 ) ).toBe(
			60
		);
		expect(
			retryDelaySeconds( { SYNC_RETRY_BASE_SECONDS: '30' }, 20 )
		).toBe( RETRY_MAX_SECONDS );
		expect( RETRY_MAX_SECONDS ).toBe( 3600 );
	} );

	it( 'gives up after the last attempt: the record fails with the last error and the content is failed', async () => {
		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id, {
			attempts: PUBLISH_MAX_ATTEMPTS - 1,
		} );
		expect( await runPublish( env, recordId ) ).toBeUndefined();
		const r = await record( recordId );
		expect( r.status ).toBe( 'failed' );
		expect( r.attempts ).toBe( PUBLISH_MAX_ATTEMPTS );
		expect( r.error ).toMatch(
			new RegExp(
				`^Gave up after ${ PUBLISH_MAX_ATTEMPTS } attempts\\. WordPress did not answer`
			)
		);
		expect( r.next_attempt_at ).toBeNull();
		expect( await syncState( id ) ).toBe( 'failed' );
		const content = await api( 'GET', `/writer/content/${ id }`, {
			token,
		} );
		expect( content.json.data.status ).toBe( 'approved' );
	} );

	it( 'fails at once when the content was deleted or the site disconnected', async () => {
		const gone = await makeContent();
		const goneRecord = await insertRecord( gone );
		await api( 'DELETE', `/writer/content/${ gone }`, { token } );
		await runPublish( env, goneRecord );
		expect( await record( goneRecord ) ).toMatchObject( {
			status: 'failed',
			attempts: 1,
			error: 'The content was deleted; nothing to publish',
		} );

		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id );
		await run(
			'UPDATE sites SET site_secret_enc = NULL WHERE id = ?',
			site.id
		);
		await runPublish( env, recordId );
		const r = await record( recordId );
		expect( r.status ).toBe( 'failed' );
		expect( r.error ).toContain( 'not connected' );
		expect( await syncState( id ) ).toBe( 'failed' );
	} );
} );

describe( 'the publish consumer under at-least-once delivery', () => {
	it( 'a second delivery of a finished record does nothing', async () => {
		const id = await makeContent( { sync_state: 'synced' } );
		for ( const status of [ 'published', 'failed', 'conflict' ] ) {
			const recordId = await insertRecord( id, {
				status,
				attempts: 1,
				wp_post_id: 77,
			} );
			expect( await runPublish( env, recordId ) ).toBeUndefined();
			expect( await record( recordId ) ).toMatchObject( {
				status,
				attempts: 1,
				wp_post_id: 77,
			} );
		}
		expect( await syncState( id ) ).toBe( 'synced' );
	} );

	it( 'two deliveries at once make one attempt', async () => {
		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id );
		const outcomes = await Promise.all( [
			runPublish( env, recordId ),
			runPublish( env, recordId ),
			runPublish( env, recordId ),
		] );
		expect( ( await record( recordId ) ).attempts ).toBe( 1 );
		// The attempt that ran waits its backoff; the others come back when the claim could have lapsed.
		expect(
			outcomes.filter(
				( o ) => o?.retryAfterSeconds === retryDelaySeconds( env, 1 )
			).length
		).toBeGreaterThanOrEqual( 1 );
	} );

	it( 'a delivery while another runs comes back after the claim’s lease, without an attempt', async () => {
		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id, {
			status: 'publishing',
			attempts: 1,
		} );
		const outcome = await runPublish( env, recordId );
		expect( outcome?.retryAfterSeconds ).toBeGreaterThan(
			LEASE_SECONDS - 5
		);
		expect( outcome?.retryAfterSeconds ).toBeLessThanOrEqual(
			LEASE_SECONDS
		);
		expect( await record( recordId ) ).toMatchObject( {
			status: 'publishing',
			attempts: 1,
		} );
	} );

	it( 'takes over a record whose worker died once its lease lapsed', async () => {
		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id, {
			status: 'publishing',
			attempts: 1,
			updated_at: new Date(
				Date.now() - ( LEASE_SECONDS + 5 ) * 1000
			).toISOString(),
		} );
		await runPublish( env, recordId );
		expect( await record( recordId ) ).toMatchObject( {
			status: 'queued',
			attempts: 2,
		} );
	} );

	it( 'an early delivery waits until the record is due', async () => {
		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id, {
			attempts: 1,
			next_attempt_at: new Date( Date.now() + 60_000 ).toISOString(),
		} );
		const outcome = await runPublish( env, recordId );
		expect( outcome?.retryAfterSeconds ).toBeGreaterThan( 55 );
		expect( outcome?.retryAfterSeconds ).toBeLessThanOrEqual( 60 );
		expect( ( await record( recordId ) ).attempts ).toBe( 1 );
	} );

	it( 'dead-letter: a message the queue gave up on fails its record instead of leaving it publishing', async () => {
		const id = await makeContent( { sync_state: 'pending' } );
		const recordId = await insertRecord( id, {
			status: 'publishing',
			attempts: 3,
			error: 'WordPress did not answer: HTTP 503 to POST /posts',
		} );
		await deadLetterHandlers.get( 'publish' )!(
			{ type: 'publish', recordId },
			env
		);
		const r = await record( recordId );
		expect( r.status ).toBe( 'failed' );
		expect( r.error ).toBe(
			'The queue gave up on this publish after 3 attempt(s): WordPress did not answer: HTTP 503 to POST /posts'
		);
		expect( await syncState( id ) ).toBe( 'failed' );
		// A record that finished is left alone.
		const done = await insertRecord( id, { status: 'published' } );
		await deadLetterHandlers.get( 'publish' )!(
			{ type: 'publish', recordId: done },
			env
		);
		expect( ( await record( done ) ).status ).toBe( 'published' );
	} );
} );

describe( 'publishing records', () => {
	it( 'lists a site’s records newest first, filtered by content and status, page by page', async () => {
		const a = await makeContent();
		const b = await makeContent();
		const ids = [
			await insertRecord( a, { status: 'failed' } ),
			await insertRecord( a, { status: 'published' } ),
			await insertRecord( b, { status: 'published' } ),
		];
		const other = await insertSite( accountId, 'Other site' );
		const all = await api(
			'GET',
			`/publisher/records?site_id=${ site.id }&page_size=2`,
			{ token }
		);
		expect( all.status, all.text ).toBe( 200 );
		expect( all.json.count ).toBe( 3 );
		expect( all.json.results.map( ( r: { id: number } ) => r.id ) ).toEqual(
			[ ids[ 2 ], ids[ 1 ] ]
		);
		const next = await api( 'GET', all.json.next, { token } );
		expect(
			next.json.results.map( ( r: { id: number } ) => r.id )
		).toEqual( [ ids[ 0 ] ] );
		const ofA = await api(
			'GET',
			`/publisher/records?site_id=${ site.id }&content_id=${ a }&status=published`,
			{ token }
		);
		expect( ofA.json.results.map( ( r: { id: number } ) => r.id ) ).toEqual(
			[ ids[ 1 ] ]
		);
		const elsewhere = await api(
			'GET',
			`/publisher/records?site_id=${ other.id }`,
			{ token }
		);
		expect( elsewhere.json.count ).toBe( 0 );
		const bad = await api(
			'GET',
			`/publisher/records?site_id=${ site.id }&status=lost`,
			{ token }
		);
		expect( bad.status ).toBe( 400 );
	} );

	it( 'shows one record with its attempts, next attempt and last error', async () => {
		const id = await makeContent();
		const recordId = await insertRecord( id, {
			attempts: 2,
			next_attempt_at: '2026-05-01T10:00:00.000Z',
			error: 'WordPress did not answer: HTTP 502 to POST /posts',
			categories: '["Coffee"]',
		} );
		const res = await api( 'GET', `/publisher/records/${ recordId }`, {
			token,
		} );
		expect( res.json.data ).toMatchObject( {
			id: recordId,
			attempts: 2,
			next_attempt_at: '2026-05-01T10:00:00.000Z',
			error: 'WordPress did not answer: HTTP 502 to POST /posts',
			categories: [ 'Coffee' ],
			tags: null,
		} );
	} );

	it( 'retries a failed record: attempts reset, queued again, the content pending', async () => {
		const id = await makeContent( { sync_state: 'failed' } );
		const recordId = await insertRecord( id, {
			status: 'failed',
			attempts: PUBLISH_MAX_ATTEMPTS,
			error: 'Gave up after 6 attempts. WordPress did not answer',
		} );
		const res = await api(
			'POST',
			`/publisher/records/${ recordId }/retry`,
			{
				token,
			}
		);
		expect( res.status, res.text ).toBe( 202 );
		expect( res.json.data.record ).toMatchObject( {
			id: recordId,
			status: 'queued',
			attempts: 0,
			next_attempt_at: null,
		} );
		expect( await syncState( id ) ).toBe( 'pending' );
		const again = await api(
			'POST',
			`/publisher/records/${ recordId }/retry`,
			{ token }
		);
		expect( again.status ).toBe( 409 );
	} );

	it( 'retries only failed records, and not while the content is in conflict or has another record waiting', async () => {
		const id = await makeContent();
		for ( const status of [ 'queued', 'published', 'conflict' ] ) {
			const recordId = await insertRecord( id, { status } );
			const res = await api(
				'POST',
				`/publisher/records/${ recordId }/retry`,
				{ token }
			);
			expect( res.status, status ).toBe( 409 );
			await run(
				'DELETE FROM publishing_records WHERE id = ?',
				recordId
			);
		}
		const failed = await insertRecord( id, { status: 'failed' } );
		const waiting = await insertRecord( id, { status: 'queued' } );
		const blocked = await api(
			'POST',
			`/publisher/records/${ failed }/retry`,
			{
				token,
			}
		);
		expect( blocked.status ).toBe( 409 );
		expect( blocked.json.record_id ).toBe( waiting );
		await run( 'DELETE FROM publishing_records WHERE id = ?', waiting );
		await run(
			"UPDATE content SET sync_state = 'conflict' WHERE id = ?",
			id
		);
		const conflicted = await api(
			'POST',
			`/publisher/records/${ failed }/retry`,
			{ token }
		);
		expect( conflicted.status ).toBe( 409 );
		expect( conflicted.json.error ).toContain( 'resolve the conflict' );
	} );
} );

describe( 'edits of published content', () => {
	const patch = ( id: number, body: unknown ) =>
		api( 'PATCH', `/writer/content/${ id }`, { token, body } );
	const records = async ( id: number ) =>
		(
			await env.DB.prepare(
				'SELECT action, status FROM publishing_records WHERE content_id = ? ORDER BY id'
			)
				.bind( id )
				.all< { action: string; status: string } >()
		).results;

	it( 'go out as one update; a second edit while it waits joins it', async () => {
		const id = await publishedContent();
		const first = await patch( id, { title: 'Espresso at home, revised' } );
		expect( first.status, first.text ).toBe( 200 );
		expect( first.json.data.sync_state ).toBe( 'pending' );
		expect( first.json.data.title ).toBe( 'Espresso at home, revised' );
		const second = await patch( id, {
			body: '<!-- wp:paragraph -->\n<p>New body</p>\n<!-- /wp:paragraph -->',
		} );
		expect( second.status ).toBe( 200 );
		const made = await records( id );
		expect( made ).toHaveLength( 1 );
		expect( made[ 0 ]!.action ).toBe( 'update' );
		const listed = await api(
			'GET',
			`/publisher/records?site_id=${ site.id }&content_id=${ id }`,
			{ token }
		);
		expect( listed.json.results[ 0 ] ).toMatchObject( {
			action: 'update',
			publish_as: 'publish',
			categories: null,
			tags: null,
		} );
	} );

	it( 'after a failed sync, an edit is sent again', async () => {
		const id = await publishedContent( { sync_state: 'failed' } );
		await patch( id, { meta_description: 'A new description' } );
		expect( ( await records( id ) ).map( ( r ) => r.action ) ).toEqual( [
			'update',
		] );
	} );

	it( 'are saved but not sent while the content is in conflict', async () => {
		const id = await publishedContent( { sync_state: 'conflict' } );
		const res = await patch( id, { title: 'Mine' } );
		expect( res.status ).toBe( 200 );
		expect( res.json.data.title ).toBe( 'Mine' );
		expect( res.json.data.sync_state ).toBe( 'conflict' );
		expect( await records( id ) ).toEqual( [] );
	} );

	it( 'send nothing when nothing WordPress shows changed', async () => {
		const id = await publishedContent();
		await patch( id, { title: 'Espresso at home' } );
		expect( await records( id ) ).toEqual( [] );
		// Unpublished content is only saved.
		const draft = await makeContent();
		await patch( draft, { title: 'Changed' } );
		expect( await records( draft ) ).toEqual( [] );
	} );
} );

describe( 'conflicts', () => {
	const WP_HASH = 'b'.repeat( 64 );
	const WP_BODY =
		'<!-- wp:paragraph -->\n<p>Edited in WordPress</p>\n<!-- /wp:paragraph -->';

	async function conflicted() {
		const id = await publishedContent( {
			sync_state: 'conflict',
			title: 'Cloud title',
		} );
		await run(
			`INSERT INTO content_conflicts
         (content_id, account_id, site_id, wp_post_id, wp_title, wp_body, wp_hash, wp_modified_gmt, detected_at)
       VALUES (?, ?, ?, 321, 'WordPress title', ?, ?, '2026-03-01T09:00:00Z', '2026-03-01T09:00:05.000Z')`,
			id,
			accountId,
			site.id,
			WP_BODY,
			WP_HASH
		);
		return id;
	}
	const resolve = ( id: number, body: unknown ) =>
		api( 'POST', `/writer/content/${ id }/resolve_conflict`, {
			token,
			body,
		} );

	it( 'shows both versions side by side', async () => {
		const id = await conflicted();
		const res = await api( 'GET', `/writer/content/${ id }/conflict`, {
			token,
		} );
		expect( res.status, res.text ).toBe( 200 );
		expect( res.json.data ).toEqual( {
			content_id: id,
			wp_post_id: 321,
			cloud: {
				title: 'Cloud title',
				body: BODY,
				revision_hash: await sha256Hex( BODY ),
				updated_at: expect.any( String ),
			},
			wordpress: {
				title: 'WordPress title',
				body: WP_BODY,
				content_hash: WP_HASH,
				modified_gmt: '2026-03-01T09:00:00Z',
			},
			detected_at: '2026-03-01T09:00:05.000Z',
		} );
	} );

	it( 'answers 404 for content without a conflict', async () => {
		const id = await publishedContent();
		const res = await api( 'GET', `/writer/content/${ id }/conflict`, {
			token,
		} );
		expect( res.status ).toBe( 404 );
		expect(
			( await resolve( id, { keep: 'cloud', wp_hash: WP_HASH } ) ).status
		).toBe( 404 );
	} );

	it( 'refuses a choice made on a WordPress version that is no longer the current one, showing the new one', async () => {
		const id = await conflicted();
		const res = await resolve( id, {
			keep: 'cloud',
			wp_hash: 'c'.repeat( 64 ),
		} );
		expect( res.status ).toBe( 409 );
		expect( res.json.conflict.wordpress.content_hash ).toBe( WP_HASH );
		expect( res.json.errors.wp_hash[ 0 ] ).toContain( WP_HASH );
		expect( await syncState( id ) ).toBe( 'conflict' );
	} );

	it( "keeps WordPress's version: the cloud copy becomes it and the conflict is gone", async () => {
		const id = await conflicted();
		const res = await resolve( id, {
			keep: 'wordpress',
			wp_hash: WP_HASH,
		} );
		expect( res.status, res.text ).toBe( 200 );
		expect( res.json.data ).toMatchObject( {
			id,
			title: 'WordPress title',
			body: WP_BODY,
			revision_hash: await sha256Hex( WP_BODY ),
			sync_state: 'synced',
			status: 'published',
			external_id: 321,
		} );
		expect(
			(
				await api( 'GET', `/writer/content/${ id }/conflict`, {
					token,
				} )
			).status
		).toBe( 404 );
		expect(
			(
				await row< { n: number } >(
					'SELECT count(*) AS n FROM content_conflicts WHERE content_id = ?',
					id
				)
			).n
		).toBe( 0 );
	} );

	it( "keeps the cloud's version: an update is queued over the WordPress version the user saw", async () => {
		const id = await conflicted();
		const res = await resolve( id, { keep: 'cloud', wp_hash: WP_HASH } );
		expect( res.status, res.text ).toBe( 202 );
		expect( res.json.data.record ).toMatchObject( {
			content_id: id,
			action: 'update',
			status: 'queued',
			publish_as: 'publish',
		} );
		const content = await row< {
			sync_state: string;
			wp_hash: string;
			wp_title: string;
			title: string;
			body: string;
		} >( 'SELECT * FROM content WHERE id = ?', id );
		expect( content ).toMatchObject( {
			sync_state: 'pending',
			wp_hash: WP_HASH,
			wp_title: 'WordPress title',
			title: 'Cloud title',
			body: BODY,
		} );
	} );
} );

describe( 'images WordPress cannot get', () => {
	it( 'leaves out images without a picture, larger than MEDIA_MAX_BYTES or not PNG/JPEG/WebP, saying why, and sends none', async () => {
		const id = await makeContent();
		/** An image row, with these bytes stored in R2 under that content type (none: no picture). */
		const image = async (
			fields: Record< string, unknown >,
			stored?: { bytes: Uint8Array; type: string }
		) => {
			const key = stored
				? `accounts/${ accountId }/images/${ crypto.randomUUID() }`
				: null;
			if ( stored )
				await env.MEDIA.put( key!, stored.bytes, {
					httpMetadata: { contentType: stored.type },
				} );
			const values: Record< string, unknown > = {
				account_id: accountId,
				site_id: site.id,
				sector_id: site.sectorId,
				content_id: id,
				prompt: 'p',
				alt: 'a',
				status: stored ? 'generated' : 'failed',
				r2_key: key,
				...fields,
			};
			const cols = Object.keys( values );
			return row< { ref: string } >(
				`INSERT INTO images (${ cols.join( ', ' ) }) VALUES (${ cols.map( () => '?' ).join( ', ' ) }) RETURNING ref`,
				...Object.values( values )
			);
		};
		const huge = new Uint8Array( MEDIA_MAX_BYTES + 1 );
		huge.set( [ 0x89, 0x50, 0x4e, 0x47 ] );
		const featured = await image(
			{ kind: 'featured', position: 0 },
			{ bytes: huge, type: 'image/png' }
		);
		const missing = await image( { kind: 'in_article', position: 1 } );
		const text = await image(
			{ kind: 'in_article', position: 2 },
			{
				bytes: new TextEncoder().encode( 'not a picture' ),
				type: 'text/plain',
			}
		);
		const db = createDb( env.DB );
		const recordId = await insertRecord( id, { status: 'publishing' } );
		const placed = await placeImages(
			env,
			db,
			( await loadSiteSecret( env, db, site.id ) )!,
			( await findRecord( db, recordId ) )!,
			( await db.query.content.findFirst( {
				where: ( c, { eq } ) => eq( c.id, id ),
			} ) )!,
			null
		);
		expect( [ ...placed.media ] ).toEqual( [
			[ featured.ref, null ],
			[ missing.ref, null ],
			[ text.ref, null ],
		] );
		expect( [ ...placed.skipped.values() ] ).toEqual( [
			'the featured image (larger than 5 MB)',
			'in-article image 1 (no picture yet)',
			'in-article image 2 (not a PNG, JPEG or WebP picture)',
		] );
		expect( placed.featured ).toBeUndefined();
		expect( placed.featuredRef ).toBe( featured.ref );
		expect( ( await record( recordId ) ).status ).toBe( 'publishing' );
	} );
} );
