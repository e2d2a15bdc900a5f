import { describe, expect, it, vi } from 'vitest';
import {
	CloudError,
	cloudUrl,
	createCloudClient,
	TOKEN_MARGIN_SECONDS,
} from '../cloud';
import type { SiteToken } from '../wp';

/** The fetch the client is given; the mock's calls are read as its arguments. */
type FetchLike = (
	url: RequestInfo | URL,
	init?: RequestInit
) => Promise< Response >;

const NOW = 1_800_000_000_000;

function token( name: string, expiresIn = 600 ): SiteToken {
	return {
		token: name,
		expires_at: NOW / 1000 + expiresIn,
		cloud_url: 'http://cloud.test/',
		site_id: 7,
		role: 'admin',
	};
}

function json( status: number, body: unknown ): Response {
	return new Response( JSON.stringify( body ), {
		status,
		headers: { 'Content-Type': 'application/json' },
	} );
}

function setup( tokens: SiteToken[], responses: Array< Response | Error > ) {
	const getToken = vi.fn( async () => {
		const next = tokens.shift();
		if ( ! next ) {
			throw new Error( 'no more tokens' );
		}
		return next;
	} );
	const fetch = vi.fn< FetchLike >( async () => {
		const next = responses.shift();
		if ( ! next || next instanceof Error ) {
			throw next ?? new Error( 'no more responses' );
		}
		return next;
	} );
	let now = NOW;
	const client = createCloudClient( { getToken, fetch, now: () => now } );
	return {
		client,
		getToken,
		fetch,
		advance: ( seconds: number ) => ( now += seconds * 1000 ),
	};
}

const me = { success: true, data: { role: 'admin' }, request_id: 'r1' };

describe( 'cloud client', () => {
	it( 'calls {cloud_url}/api/v1{path} with the bearer token and resolves to the envelope data', async () => {
		const { client, fetch } = setup(
			[ token( 't1' ) ],
			[ json( 200, me ) ]
		);
		await expect( client.get( '/auth/me' ) ).resolves.toEqual( {
			role: 'admin',
		} );
		const [ url, init ] = fetch.mock.calls[ 0 ];
		expect( url ).toBe( 'http://cloud.test/api/v1/auth/me' );
		expect(
			( init?.headers as Record< string, string > ).Authorization
		).toBe( 'Bearer t1' );
		expect( init?.credentials ).toBe( 'omit' );
	} );

	it( 'reuses the token until a minute before it expires', async () => {
		const { client, getToken, advance } = setup(
			[ token( 't1' ), token( 't2' ) ],
			[ json( 200, me ), json( 200, me ), json( 200, me ) ]
		);
		await client.get( '/auth/me' );
		advance( 600 - TOKEN_MARGIN_SECONDS - 1 );
		await client.get( '/auth/me' );
		expect( getToken ).toHaveBeenCalledTimes( 1 );
		advance( 2 );
		await client.get( '/auth/me' );
		expect( getToken ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'asks WordPress for one token when requests start together', async () => {
		const { client, getToken } = setup(
			[ token( 't1' ) ],
			[ json( 200, me ), json( 200, me ) ]
		);
		await Promise.all( [ client.get( '/a' ), client.get( '/b' ) ] );
		expect( getToken ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'retries once with a fresh token after a 401', async () => {
		const unauthenticated = {
			success: false,
			error: 'expired',
			code: 'token_expired',
			request_id: 'r0',
		};
		const { client, fetch, getToken } = setup(
			[ token( 't1' ), token( 't2' ) ],
			[ json( 401, unauthenticated ), json( 200, me ) ]
		);
		await expect( client.get( '/auth/me' ) ).resolves.toEqual( {
			role: 'admin',
		} );
		expect( getToken ).toHaveBeenCalledTimes( 2 );
		expect(
			( fetch.mock.calls[ 1 ][ 1 ]?.headers as Record< string, string > )
				.Authorization
		).toBe( 'Bearer t2' );
	} );

	it( 'gives up with the CloudError after a second 401', async () => {
		const unauthenticated = {
			success: false,
			error: 'bad token',
			code: 'unauthenticated',
			request_id: 'r0',
		};
		const { client, fetch } = setup(
			[ token( 't1' ), token( 't2' ) ],
			[ json( 401, unauthenticated ), json( 401, unauthenticated ) ]
		);
		await expect( client.get( '/auth/me' ) ).rejects.toMatchObject( {
			status: 401,
			code: 'unauthenticated',
		} );
		expect( fetch ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'throws the envelope error as a CloudError with its code, message and field errors', async () => {
		const invalid = {
			success: false,
			error: 'Invalid input',
			code: 'validation',
			errors: { name: [ 'required' ] },
			request_id: 'r9',
		};
		const { client } = setup( [ token( 't1' ) ], [ json( 400, invalid ) ] );
		const error = await client
			.post( '/sites', {} )
			.catch( ( e: unknown ) => e );
		expect( error ).toBeInstanceOf( CloudError );
		expect( error ).toMatchObject( {
			status: 400,
			code: 'validation',
			message: 'Invalid input',
			fieldErrors: { name: [ 'required' ] },
			requestId: 'r9',
		} );
	} );

	it( 'reports an unreachable cloud as network_error with status 0', async () => {
		const { client } = setup(
			[ token( 't1' ) ],
			[ new TypeError( 'Failed to fetch' ) ]
		);
		await expect( client.get( '/auth/me' ) ).rejects.toMatchObject( {
			status: 0,
			code: 'network_error',
		} );
	} );

	it( 'reports an answer that is not an envelope as http_error', async () => {
		const { client } = setup(
			[ token( 't1' ) ],
			[ new Response( '<html>Bad gateway</html>', { status: 502 } ) ]
		);
		await expect( client.get( '/auth/me' ) ).rejects.toMatchObject( {
			status: 502,
			code: 'http_error',
		} );
	} );

	it( 'turns a refused token into a CloudError without calling the cloud', async () => {
		const { client, fetch } = setup( [], [] );
		await expect( client.get( '/auth/me' ) ).rejects.toBeInstanceOf(
			CloudError
		);
		expect( fetch ).not.toHaveBeenCalled();
	} );

	it( 'asks for a new token after clearToken()', async () => {
		const { client, getToken } = setup(
			[ token( 't1' ), token( 't2' ) ],
			[ json( 200, me ), json( 200, me ) ]
		);
		await client.get( '/auth/me' );
		client.clearToken();
		await client.get( '/auth/me' );
		expect( getToken ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'resolves a list envelope to its count, links and results', async () => {
		const list = {
			success: true,
			count: 1,
			next: null,
			previous: null,
			results: [ { id: 1 } ],
			request_id: 'r2',
		};
		const { client } = setup( [ token( 't1' ) ], [ json( 200, list ) ] );
		await expect( client.get( '/planner/keywords' ) ).resolves.toEqual( {
			count: 1,
			next: null,
			previous: null,
			results: [ { id: 1 } ],
		} );
	} );

	it( 'adds query parameters, leaving out empty ones', () => {
		expect(
			cloudUrl( 'http://cloud.test', 'planner/keywords', {
				page_size: 50,
				cursor: undefined,
				q: 'a b',
			} )
		).toBe(
			'http://cloud.test/api/v1/planner/keywords?page_size=50&q=a+b'
		);
	} );
} );
