// Bad input of every kind gets a clear 4xx in the envelope, never a 500, and writes nothing.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, createSite, signup } from './helpers';

async function counts() {
	const q = async ( t: string ) =>
		( await env.DB.prepare( `SELECT count(*) AS n FROM ${ t }` ).first< {
			n: number;
		} >() )!.n;
	return {
		accounts: await q( 'accounts' ),
		users: await q( 'users' ),
		sites: await q( 'sites' ),
		sectors: await q( 'sectors' ),
	};
}

function expectEnvelope(
	res: Awaited< ReturnType< typeof api > >,
	status: number,
	code?: string
) {
	expect( res.status ).toBe( status );
	expect( res.json ).toMatchObject( { success: false } );
	expect( typeof res.json.error ).toBe( 'string' );
	expect( res.json.request_id ).toBe( res.headers.get( 'x-request-id' ) );
	if ( code ) expect( res.json.code ).toBe( code );
}

describe( 'bad input', () => {
	it( 'answers malformed JSON with 400 bad_json', async () => {
		const { token } = await signup();
		const before = await counts();
		expectEnvelope(
			await api( 'POST', '/auth/sites', { token, raw: '{"name": "x",' } ),
			400,
			'bad_json'
		);
		expectEnvelope(
			await api( 'POST', '/auth/signup', { raw: 'not json at all' } ),
			400,
			'bad_json'
		);
		expect( await counts() ).toEqual( before );
	} );

	it( 'answers wrong types and unknown fields with 400 and the fields named', async () => {
		const { token } = await signup();
		const before = await counts();
		const res = await api( 'POST', '/auth/sites', {
			token,
			body: { name: 42, domain: [ 'x' ], status: 'gone', owner_id: 1 },
		} );
		expectEnvelope( res, 400, 'validation' );
		expect( Object.keys( res.json.errors ).sort() ).toEqual( [
			'domain',
			'name',
			'owner_id',
			'status',
		] );
		expect( await counts() ).toEqual( before );
	} );

	it( 'answers a body that is not JSON (wrong content type) with 400, not a silent default', async () => {
		const { token } = await signup();
		const res = await api( 'POST', '/auth/sites', {
			token,
			raw: 'name=x',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		} );
		expect( res.status ).toBeGreaterThanOrEqual( 400 );
		expect( res.status ).toBeLessThan( 500 );
		expect( res.json.success ).toBe( false );
	} );

	it( 'answers oversized bodies with 413 and the limit', async () => {
		const { token } = await signup();
		const before = await counts();
		const res = await api( 'POST', '/auth/sites', {
			token,
			raw: JSON.stringify( { name: 'x'.repeat( 1_100_000 ) } ),
		} );
		expectEnvelope( res, 413, 'payload_too_large' );
		expect( res.json.limit_bytes ).toBe( 1024 * 1024 );
		expect( await counts() ).toEqual( before );
	} );

	it( 'stores SQL-looking strings as plain text', async () => {
		const { token } = await signup();
		const name = `Robert'); DROP TABLE sites;--`;
		const site = await createSite( token, name );
		expect( site.name ).toBe( name );
		const again = await api( 'GET', `/auth/sites/${ site.id }`, { token } );
		expect( again.json.data.name ).toBe( name );
		expect(
			( await env.DB.prepare( 'SELECT count(*) AS n FROM sites' ).first< {
				n: number;
			} >() )!.n
		).toBeGreaterThan( 0 );
	} );

	it( 'answers ids that are not numbers, or too large, with 404', async () => {
		const { token } = await signup();
		for ( const id of [
			'abc',
			'-1',
			'0',
			'1e3',
			'99999999999999999999',
			"1' OR '1'='1",
		] ) {
			expectEnvelope(
				await api( 'GET', `/auth/sites/${ encodeURIComponent( id ) }`, {
					token,
				} ),
				404,
				'not_found'
			);
		}
	} );

	it( 'answers unknown routes with a 404 envelope and bad query values with 400', async () => {
		const { token } = await signup();
		expectEnvelope(
			await api( 'GET', '/nothing/here', { token } ),
			404,
			'not_found'
		);
		expectEnvelope(
			await api( 'GET', '/auth/sites?page_size=5000', { token } ),
			400,
			'validation'
		);
		expectEnvelope(
			await api( 'GET', '/auth/sites?page=-3', { token } ),
			400,
			'validation'
		);
	} );

	it( 'tolerates a trailing slash', async () => {
		const { token } = await signup();
		expect( ( await api( 'GET', '/auth/me/', { token } ) ).status ).toBe(
			200
		);
	} );

	it( 'keeps secrets and hashes out of every response', async () => {
		const { token } = await signup();
		const users = await api( 'GET', '/auth/users', { token } );
		const me = await api( 'GET', '/auth/me', { token } );
		for ( const res of [ users, me ] )
			expect( res.text ).not.toMatch(
				/password|pbkdf2|secret|token_hash/i
			);
	} );
} );

describe( 'documents', () => {
	it( 'serves the OpenAPI document and a docs page', async () => {
		const doc = await api( 'GET', '/openapi.json' );
		expect( doc.status ).toBe( 200 );
		expect( doc.json.openapi ).toBe( '3.1.0' );
		expect( Object.keys( doc.json.paths ) ).toContain(
			'/api/v1/auth/sites/{id}'
		);
		const page = await api( 'GET', '/api/docs' );
		expect( page.status ).toBe( 200 );
		expect( page.text ).toContain( '/api/v1/openapi.json' );
	} );

	it( 'answers CORS preflights for allowed origins only', async () => {
		const allowed = await api( 'OPTIONS', '/auth/me', {
			headers: {
				origin: 'http://dashboard.test',
				'access-control-request-method': 'GET',
			},
		} );
		expect( allowed.headers.get( 'access-control-allow-origin' ) ).toBe(
			'http://dashboard.test'
		);
		const denied = await api( 'OPTIONS', '/auth/me', {
			headers: {
				origin: 'http://evil.test',
				'access-control-request-method': 'GET',
			},
		} );
		expect(
			denied.headers.get( 'access-control-allow-origin' )
		).toBeNull();
	} );
} );
