// generate_image_prompts and generate_images end to end, and the signed image URLs that serve the bytes.
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../test/helpers';
import {
	configureProvider,
	jobLedger,
	lastRequest,
	ledgerOf,
	sleep,
	waitForJob,
} from '../../test/jobs';
import {
	insertAccount,
	insertSite,
	signedInUser,
	type SiteFixture,
} from '../../test/world';
import { validateBlockMarkup } from '@igny8/shared';
import { IMAGE_URL_TTL_SECONDS, signImageUrl } from './image-files';

let token: string;
let site: SiteFixture;
let accountId: number;

beforeEach( async () => {
	accountId = await insertAccount( 'Images Co' );
	token = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Images site' );
} );

let seq = 0;

async function insertContent( title = 'An article' ) {
	seq += 1;
	const row = await env.DB.prepare(
		`INSERT INTO content (account_id, site_id, sector_id, title, body, revision_hash, status)
     VALUES (?, ?, ?, ?, ?, 'x', 'review') RETURNING id`
	)
		.bind(
			accountId,
			site.id,
			site.sectorId,
			`${ title } ${ seq }`,
			'<!-- wp:paragraph -->\n<p>Intro.</p>\n<!-- /wp:paragraph -->\n\n' +
				'<!-- wp:heading -->\n<h2 class="wp-block-heading">Tools</h2>\n<!-- /wp:heading -->'
		)
		.first< { id: number } >();
	return { id: row!.id, title: `${ title } ${ seq }` };
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
		kind: 'in_article',
		prompt: 'a photo of a grinder',
		alt: 'a grinder',
		position: 1,
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

const listImages = async ( contentId: number ) =>
	(
		await api(
			'GET',
			`/writer/images?site_id=${ site.id }&content_id=${ contentId }&ordering=position`,
			{ token }
		)
	).json.results;

const getImage = async ( id: number ) =>
	( await api( 'GET', `/writer/images/${ id }`, { token } ) ).json.data;

async function storedKeys() {
	const listed = await env.MEDIA.list( {
		prefix: `accounts/${ accountId }/images/`,
	} );
	return listed.objects.map( ( o ) => o.key );
}

const r2KeyOf = async ( id: number ) =>
	(
		await env.DB.prepare( 'SELECT r2_key FROM images WHERE id = ?' )
			.bind( id )
			.first< { r2_key: string | null } >()
	)?.r2_key ?? null;

const generateImages = ( body: Record< string, unknown > ) =>
	api( 'POST', '/writer/images/generate', {
		token,
		body: { site_id: site.id, ...body },
	} );

/** Fetches a URL the API handed out, as a browser's <img> would: no token; the body read as bytes. */
async function fetchUrl( url: string ) {
	const res = await (
		exports as unknown as { default: Fetcher }
	 ).default.fetch( url );
	const bytes = new Uint8Array( await res.arrayBuffer() );
	return {
		status: res.status,
		headers: res.headers,
		bytes,
		text: String.fromCharCode( ...bytes.slice( 0, 200 ) ),
	};
}

describe( 'generate_image_prompts', () => {
	it( 'fills pending images, makes the missing featured one, keeps generated ones, in the author’s language', async () => {
		await configureProvider( token );
		const profile = await api( 'POST', '/system/author-profiles', {
			token,
			body: {
				name: 'Lucía',
				language: 'Spanish',
				tone: 'warm',
				is_default: true,
			},
		} );
		expect( profile.status ).toBe( 201 );
		const item = await insertContent();
		const pending = await insertImage( item.id, { position: 1 } );
		const done = await insertImage( item.id, {
			position: 2,
			status: 'generated',
			r2_key: `accounts/${ accountId }/images/kept.png`,
			prompt: 'kept prompt',
		} );
		const start = await api(
			'POST',
			'/writer/content/generate_image_prompts',
			{ token, body: { site_id: site.id, content_ids: [ item.id ] } }
		);
		expect( start.status, start.text ).toBe( 202 );
		expect( start.json.data.not_started ).toEqual( [] );
		expect( start.json.data.jobs[ 0 ] ).toMatchObject( {
			function: 'generate_image_prompts',
			credits_held: 1,
		} );
		const job = await waitForJob( token, start.json.data.jobs[ 0 ].id );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			credits_charged: 1,
			result: {
				content_id: item.id,
				featured: true,
				in_article: 2,
				updated: 1,
				created: 1,
			},
		} );
		const sent = await lastRequest( 'chat', item.title );
		expect( sent.prompt ).toContain( 'Write in Spanish' );
		expect( sent.prompt ).toContain( 'a warm article' );
		expect( sent.prompt ).toContain( 'alt text in Spanish' );
		expect( sent.prompt ).toContain( '1. the section "Tools"' );
		const images = await listImages( item.id );
		expect( images ).toMatchObject( [
			{
				kind: 'featured',
				position: 0,
				status: 'pending',
				prompt: `A wide photo for ${ item.title }`,
				alt: `Featured image of ${ item.title } (Spanish)`,
			},
			{
				id: pending,
				position: 1,
				prompt: `Scene 1 of ${ item.title }`,
				alt: 'Scene 1 (Spanish)',
				caption: null,
			},
			{
				id: done,
				position: 2,
				prompt: 'kept prompt',
				status: 'generated',
			},
		] );
		expect( await jobLedger( accountId, job.id ) ).toEqual( [
			[ 'hold', -1 ],
		] );
	} );

	it( 'places new in-article images in the body: after the H2 of their number, else at the end', async () => {
		await configureProvider( token );
		const item = await insertContent();
		const before = (
			await api( 'GET', `/writer/content/${ item.id }`, { token } )
		).json.data;
		const start = await api(
			'POST',
			'/writer/content/generate_image_prompts',
			{ token, body: { site_id: site.id, content_ids: [ item.id ] } }
		);
		const job = await waitForJob( token, start.json.data.jobs[ 0 ].id );
		expect( job.result ).toMatchObject( {
			created: 3,
			placed_in_body: 2,
		} );
		const refs = (
			await env.DB.prepare(
				`SELECT ref, alt FROM images WHERE content_id = ? AND kind = 'in_article' ORDER BY position`
			)
				.bind( item.id )
				.all< { ref: string; alt: string } >()
		).results;
		expect( refs.map( ( r ) => r.alt ) ).toEqual( [
			'Scene 1 (English)',
			'Scene 2 (English)',
		] );
		const after = (
			await api( 'GET', `/writer/content/${ item.id }`, { token } )
		).json.data;
		const image = ( ref: string, alt: string ) =>
			'<!-- wp:image -->\n<figure class="wp-block-image"><img src="http://cloud.test' +
			`/api/v1/writer/images/file/${ ref }" alt="${ alt }"/></figure>\n<!-- /wp:image -->`;
		expect( after.body ).toBe(
			'<!-- wp:paragraph -->\n<p>Intro.</p>\n<!-- /wp:paragraph -->\n\n' +
				'<!-- wp:heading -->\n<h2 class="wp-block-heading">Tools</h2>\n<!-- /wp:heading -->\n\n' +
				`${ image( refs[ 0 ]!.ref, refs[ 0 ]!.alt ) }\n\n${ image( refs[ 1 ]!.ref, refs[ 1 ]!.alt ) }`
		);
		expect( validateBlockMarkup( after.body ).problems ).toEqual( [] );
		expect( after.revision_hash ).not.toBe( before.revision_hash );

		// Prompts again: the images exist now, so the body stays as it is.
		const again = await api(
			'POST',
			'/writer/content/generate_image_prompts',
			{ token, body: { site_id: site.id, content_ids: [ item.id ] } }
		);
		const second = await waitForJob( token, again.json.data.jobs[ 0 ].id );
		expect( second.result ).toMatchObject( {
			created: 0,
			placed_in_body: 0,
		} );
		expect(
			( await api( 'GET', `/writer/content/${ item.id }`, { token } ) )
				.json.data.body
		).toBe( after.body );
	} );

	it( 'asks for two in-article images when the content has none, or as many as asked', async () => {
		await configureProvider( token );
		const a = await insertContent();
		const b = await insertContent();
		const start = await api(
			'POST',
			'/writer/content/generate_image_prompts',
			{ token, body: { site_id: site.id, content_ids: [ a.id ] } }
		);
		await waitForJob( token, start.json.data.jobs[ 0 ].id );
		expect(
			( await listImages( a.id ) ).map(
				( i: { kind: string; position: number } ) =>
					`${ i.kind }:${ i.position }`
			)
		).toEqual( [ 'featured:0', 'in_article:1', 'in_article:2' ] );
		const three = await api(
			'POST',
			'/writer/content/generate_image_prompts',
			{
				token,
				body: {
					site_id: site.id,
					content_ids: [ b.id ],
					in_article: 3,
				},
			}
		);
		await waitForJob( token, three.json.data.jobs[ 0 ].id );
		expect( ( await listImages( b.id ) ).length ).toBe( 4 );
	} );
} );

describe( 'generate_images', () => {
	it( 'makes every pending image of a content, stores it in R2, charges 1 per image and serves it by signed URL', async () => {
		await configureProvider( token );
		const item = await insertContent();
		const ids = [
			await insertImage( item.id, {
				kind: 'featured',
				position: 0,
				prompt: 'a wide cafe scene',
			} ),
			await insertImage( item.id, { position: 1 } ),
		];
		// Not this one: it has no prompt yet.
		await insertImage( item.id, { position: 2, prompt: '' } );
		const start = await generateImages( { content_id: item.id } );
		expect( start.status, start.text ).toBe( 202 );
		expect( start.json.data ).toMatchObject( {
			function: 'generate_images',
			credits_held: 2,
		} );
		expect( ( await getImage( ids[ 0 ]! ) ).status ).toBe( 'generating' );
		const job = await waitForJob( token, start.json.data.id );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			credits_charged: 2,
			model: 'gpt-image-1',
			result: { generated: 2, failed: 0 },
		} );
		expect(
			job.steps.filter(
				( s: { phase: string } ) => s.phase === 'AI_CALL'
			).length
		).toBe( 4 );
		expect( await jobLedger( accountId, job.id ) ).toEqual( [
			[ 'hold', -2 ],
		] );
		const sent = await lastRequest( 'images', 'a wide cafe scene' );
		expect( sent.prompt ).toContain( `for the article "${ item.title }"` );
		expect( sent.prompt ).toContain( 'tone: clear and helpful' );
		const keys = await storedKeys();
		expect( keys.length ).toBe( 2 );
		for ( const id of ids ) {
			const image = await getImage( id );
			expect( image ).toMatchObject( {
				status: 'generated',
				stored: true,
				provider: 'openai',
				model: 'gpt-image-1',
				error: null,
			} );
			expect( keys ).toContain( await r2KeyOf( id ) );
			expect( image.url ).toMatch(
				/^http:\/\/cloud\.test\/api\/v1\/writer\/images\/file\/[0-9a-f-]+\?exp=\d+&sig=[0-9a-f]{64}$/
			);
			const left =
				( Date.parse( image.url_expires_at ) - Date.now() ) / 1000;
			expect( left ).toBeGreaterThan( IMAGE_URL_TTL_SECONDS - 30 );
			expect( left ).toBeLessThanOrEqual( IMAGE_URL_TTL_SECONDS );
			const file = await fetchUrl( image.url );
			expect( file.status ).toBe( 200 );
			expect( file.headers.get( 'content-type' ) ).toBe( 'image/png' );
			expect( file.text.slice( 1, 4 ) ).toBe( 'PNG' );
			expect( file.headers.get( 'cache-control' ) ).toMatch(
				/^private, max-age=(8\d\d|900)$/
			);
			expect( file.headers.get( 'x-content-type-options' ) ).toBe(
				'nosniff'
			);
			expect( file.headers.get( 'content-security-policy' ) ).toContain(
				"default-src 'none'"
			);
		}
		// Deleting an image deletes its bytes.
		await api( 'DELETE', `/writer/images/${ ids[ 1 ] }`, { token } );
		expect( ( await storedKeys() ).length ).toBe( 1 );
	} );

	it( 'charges only for the images made: a refused prompt fails that image alone', async () => {
		await configureProvider( token );
		const item = await insertContent();
		const ok1 = await insertImage( item.id, { position: 1 } );
		const refused = await insertImage( item.id, {
			position: 2,
			prompt: '[refuse] something unsafe',
		} );
		const ok2 = await insertImage( item.id, { position: 3 } );
		const start = await generateImages( { content_id: item.id } );
		expect( start.json.data.credits_held ).toBe( 3 );
		const job = await waitForJob( token, start.json.data.id );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			credits_charged: 2,
			result: { generated: 2, failed: 1, image_ids: [ ok1, ok2 ] },
		} );
		expect( await jobLedger( accountId, job.id ) ).toEqual( [
			[ 'hold', -3 ],
			[ 'release', 1 ],
		] );
		const bad = await getImage( refused );
		expect( bad ).toMatchObject( { status: 'failed', stored: false } );
		expect( bad.error ).toMatch( /400/ );
		expect( ( await storedKeys() ).length ).toBe( 2 );
		// Failed images are picked up by the next run for the content; generated ones are not.
		await env.DB.prepare(
			`UPDATE images SET prompt = 'a calm cup' WHERE id = ?`
		)
			.bind( refused )
			.run();
		const again = await generateImages( { content_id: item.id } );
		expect( again.json.data.credits_held ).toBe( 1 );
		await waitForJob( token, again.json.data.id );
		expect( ( await getImage( refused ) ).status ).toBe( 'generated' );
	} );

	it( 'fails and charges nothing when no image could be made, leaving nothing in R2', async () => {
		await configureProvider( token );
		const item = await insertContent();
		const id = await insertImage( item.id, { prompt: '[refuse] no' } );
		const start = await generateImages( { image_ids: [ id ] } );
		const job = await waitForJob( token, start.json.data.id );
		expect( job ).toMatchObject( { state: 'failed', credits_charged: 0 } );
		expect( job.error ).toMatch( /No image was made/ );
		expect( await jobLedger( accountId, job.id ) ).toEqual( [
			[ 'hold', -1 ],
			[ 'release', 1 ],
		] );
		expect( ( await getImage( id ) ).status ).toBe( 'failed' );
		expect( await storedKeys() ).toEqual( [] );
	} );

	it( 'replaces a regenerated image’s bytes, deleting the old ones once the new ones are saved', async () => {
		await configureProvider( token );
		const item = await insertContent();
		const id = await insertImage( item.id );
		await waitForJob(
			token,
			( await generateImages( { image_ids: [ id ] } ) ).json.data.id
		);
		const first = await r2KeyOf( id );
		expect( first ).not.toBeNull();
		const url = ( await getImage( id ) ).url;
		const job = await waitForJob(
			token,
			( await generateImages( { image_ids: [ id ] } ) ).json.data.id
		);
		expect( job.credits_charged ).toBe( 1 );
		const second = await r2KeyOf( id );
		expect( second ).not.toBe( first );
		expect( await storedKeys() ).toEqual( [ second ] );
		// The same address serves the new bytes.
		expect( ( await fetchUrl( url ) ).status ).toBe( 200 );
	} );

	it( 'gives images back when the job is cancelled, and deletes the bytes it stored after', async () => {
		await configureProvider( token );
		const item = await insertContent();
		const id = await insertImage( item.id, { prompt: '[slow] a sunrise' } );
		const start = await generateImages( { content_id: item.id } );
		await sleep( 500 );
		const cancelled = await api(
			'POST',
			`/ai/jobs/${ start.json.data.id }/cancel`,
			{ token, raw: '' }
		);
		expect( cancelled.json.data.state ).toBe( 'cancelled' );
		expect( await getImage( id ) ).toMatchObject( {
			status: 'pending',
			stored: false,
		} );
		// The provider answers after the cancel: the bytes it stored are removed, nothing is charged.
		await sleep( 3500 );
		expect( await storedKeys() ).toEqual( [] );
		expect( await getImage( id ) ).toMatchObject( { status: 'pending' } );
		expect( await jobLedger( accountId, start.json.data.id ) ).toEqual( [
			[ 'hold', -1 ],
			[ 'release', 1 ],
		] );
	} );

	it( 'refuses images being generated (409), of another account (400) and a content with nothing to make (422)', async () => {
		await configureProvider( token );
		const item = await insertContent();
		const slow = await insertImage( item.id, { prompt: '[slow] dusk' } );
		const start = await generateImages( { image_ids: [ slow ] } );
		expect( start.status ).toBe( 202 );
		const twice = await generateImages( { content_id: item.id } );
		expect( twice.status ).toBe( 409 );
		const other = await insertAccount( 'Other images' );
		const otherSite = await insertSite( other, 'Other' );
		const theirContent = await env.DB.prepare(
			`INSERT INTO content (account_id, site_id, sector_id, title, revision_hash) VALUES (?, ?, ?, 'T', 'x') RETURNING id`
		)
			.bind( other, otherSite.id, otherSite.sectorId )
			.first< { id: number } >();
		const theirs = await env.DB.prepare(
			`INSERT INTO images (account_id, site_id, sector_id, content_id, prompt) VALUES (?, ?, ?, ?, 'p') RETURNING id`
		)
			.bind( other, otherSite.id, otherSite.sectorId, theirContent!.id )
			.first< { id: number } >();
		const foreign = await generateImages( { image_ids: [ theirs!.id ] } );
		expect( foreign.status ).toBe( 400 );
		expect( foreign.json.errors.image_ids[ 0 ] ).toBe(
			`not found: ${ theirs!.id }`
		);
		const both = await generateImages( {
			content_id: item.id,
			image_ids: [ slow ],
		} );
		expect( both.status ).toBe( 400 );
		await waitForJob( token, start.json.data.id );
		const nothing = await generateImages( { content_id: item.id } );
		expect( nothing.status ).toBe( 422 );
		const l = await ledgerOf( accountId );
		expect( l.balance ).toBe( l.sum );
	} );

	it( 'uses Runware when it is the only provider, and records its cost', async () => {
		const saved = await api( 'PUT', '/system/integrations/runware', {
			token,
			body: { api_key: 'rw-test-key-123', model: 'runware:100@1' },
		} );
		expect( saved.status ).toBe( 200 );
		const item = await insertContent();
		const id = await insertImage( item.id );
		const start = await generateImages( { image_ids: [ id ] } );
		expect( start.status, start.text ).toBe( 202 );
		const job = await waitForJob( token, start.json.data.id );
		expect( job ).toMatchObject( {
			state: 'succeeded',
			credits_charged: 1,
			model: 'runware:100@1',
			cost_usd: 0.0013,
		} );
		expect( await getImage( id ) ).toMatchObject( {
			provider: 'runware',
			status: 'generated',
		} );
	} );
} );

describe( 'signed image URLs', () => {
	async function storedImage() {
		const item = await insertContent();
		const key = `accounts/${ accountId }/images/signed-${ seq }.png`;
		await env.MEDIA.put(
			key,
			new Uint8Array( [ 0x89, 0x50, 0x4e, 0x47, 1, 2, 3 ] ),
			{ httpMetadata: { contentType: 'image/png' } }
		);
		const id = await insertImage( item.id, {
			status: 'generated',
			r2_key: key,
		} );
		const ref = ( await env.DB.prepare(
			'SELECT ref FROM images WHERE id = ?'
		)
			.bind( id )
			.first< { ref: string } >() )!.ref;
		return { id, ref, key };
	}

	it( 'serves the bytes while the signature holds, and refuses expired, altered or borrowed signatures', async () => {
		const a = await storedImage();
		const b = await storedImage();
		const { url } = await getImage( a.id );
		expect( ( await fetchUrl( url ) ).status ).toBe( 200 );
		const u = new URL( url );
		const exp = u.searchParams.get( 'exp' )!;
		const sig = u.searchParams.get( 'sig' )!;
		const path = `/api/v1/writer/images/file/${ a.ref }`;

		const refused = async ( target: string ) => {
			const res = await api( 'GET', target );
			expect( res.status, target ).toBe( 403 );
			expect( res.json ).toMatchObject( {
				success: false,
				code: 'forbidden',
			} );
			expect( res.json.request_id ).toBeTruthy();
			expect( res.text ).not.toContain( a.key );
		};
		await refused( path );
		await refused( `${ path }?exp=${ Number( exp ) + 3600 }&sig=${ sig }` );
		await refused(
			`${ path }?exp=${ exp }&sig=${ sig.replace( /^./, sig[ 0 ] === 'a' ? 'b' : 'a' ) }`
		);
		// Another image's signature does not open this one, nor this one's the other.
		await refused(
			`/api/v1/writer/images/file/${ b.ref }?exp=${ exp }&sig=${ sig }`
		);
		// Expired: signed 16 minutes ago.
		const old = await signImageUrl(
			env,
			'http://cloud.test',
			a.ref,
			Date.now() - ( IMAGE_URL_TTL_SECONDS + 60 ) * 1000
		);
		const expired = await api(
			'GET',
			old.url.replace( 'http://cloud.test', '' )
		);
		expect( expired.status ).toBe( 403 );
		expect( expired.json.error ).toMatch( /expired/ );
		// A valid signature for a ref that does not exist (any more): 404.
		const gone = await signImageUrl(
			env,
			'http://cloud.test',
			'no-such-ref'
		);
		expect( ( await fetchUrl( gone.url ) ).status ).toBe( 404 );
		await api( 'DELETE', `/writer/images/${ a.id }`, { token } );
		expect( ( await fetchUrl( url ) ).status ).toBe( 404 );
	} );

	it( 'shows no URL for an image whose bytes are not stored yet', async () => {
		const item = await insertContent();
		const id = await insertImage( item.id );
		expect( await getImage( id ) ).toMatchObject( {
			stored: false,
			url: null,
			url_expires_at: null,
		} );
	} );
} );
