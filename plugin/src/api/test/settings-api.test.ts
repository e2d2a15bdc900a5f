import { describe, expect, it, vi } from 'vitest';
import { createBillingApi } from '../billing';
import { createCloudClient, itemsOf } from '../cloud';
import { createSystemApi } from '../system';
import type { SiteToken } from '../wp';

const token: SiteToken = { token: 't1', expires_at: 4_000_000_000, cloud_url: 'http://cloud.test', site_id: 7, role: 'admin' };

function setup( body: unknown = { success: true, data: {}, request_id: 'r' } ) {
	const fetch = vi.fn( async ( _url: RequestInfo | URL, _init?: RequestInit ) =>
		new Response( JSON.stringify( body ), { status: 200, headers: { 'Content-Type': 'application/json' } } )
	);
	const client = createCloudClient( { getToken: async () => token, fetch, now: () => 0 } );
	const call = ( index = 0 ) => {
		const [ url, init ] = fetch.mock.calls[ index ];
		return { url: String( url ), method: init?.method, body: init?.body ? JSON.parse( String( init.body ) ) : undefined };
	};
	return { system: createSystemApi( client ), billing: createBillingApi( client ), call };
}

const list = < T >( results: T[] ) => ( { success: true, count: results.length, next: null, previous: null, results, request_id: 'r' } );

describe( 'the AI settings API', () => {
	it( 'reads, saves and tests a provider', async () => {
		const { system, call } = setup();
		await system.getProvider( 'openai' );
		await system.saveOpenAi( { api_key: null } );
		await system.saveRunware( { model: 'runware:100@1' } );
		await system.testProvider( 'runware' );
		expect( call( 0 ) ).toMatchObject( { method: 'GET', url: 'http://cloud.test/api/v1/system/integrations/openai' } );
		expect( call( 1 ) ).toEqual( { method: 'PUT', url: 'http://cloud.test/api/v1/system/integrations/openai', body: { api_key: null } } );
		expect( call( 2 ) ).toMatchObject( { method: 'PUT', url: 'http://cloud.test/api/v1/system/integrations/runware' } );
		expect( call( 3 ) ).toMatchObject( { method: 'POST', url: 'http://cloud.test/api/v1/system/integrations/runware/test' } );
	} );

	it( 'saves a prompt with PUT and resets it with DELETE', async () => {
		const { system, call } = setup();
		await system.savePrompt( 'auto_cluster', 'Group these keywords: {keywords}' );
		await system.resetPrompt( 'auto_cluster' );
		expect( call( 0 ) ).toEqual( {
			method: 'PUT',
			url: 'http://cloud.test/api/v1/system/prompts/auto_cluster',
			body: { prompt: 'Group these keywords: {keywords}' },
		} );
		expect( call( 1 ) ).toMatchObject( { method: 'DELETE', url: 'http://cloud.test/api/v1/system/prompts/auto_cluster' } );
	} );

	it( 'lists prompts whether the cloud answers a list envelope or an array', async () => {
		expect( await setup( list( [ { function: 'auto_cluster' } ] ) ).system.listPrompts() ).toEqual( [ { function: 'auto_cluster' } ] );
		expect( await setup( { success: true, data: [ { function: 'generate_ideas' } ], request_id: 'r' } ).system.listPrompts() ).toEqual( [
			{ function: 'generate_ideas' },
		] );
	} );

	it( 'changes author profiles and strategies by id', async () => {
		const { system, call } = setup( list( [] ) );
		await system.updateAuthorProfile( 3, { tone: 'dry' } );
		await system.deleteAuthorProfile( 3 );
		await system.listStrategies( 7, 2 );
		await system.createStrategy( { site_id: 7, sector_id: 2, name: 'Plain', guidance: 'Short words.' } );
		await system.updateStrategy( 5, { author_profile_id: null } );
		expect( call( 0 ) ).toEqual( { method: 'PATCH', url: 'http://cloud.test/api/v1/system/author-profiles/3', body: { tone: 'dry' } } );
		expect( call( 1 ) ).toMatchObject( { method: 'DELETE', url: 'http://cloud.test/api/v1/system/author-profiles/3' } );
		expect( call( 2 ).url ).toBe( 'http://cloud.test/api/v1/system/strategies?site_id=7&sector_id=2&page_size=200' );
		expect( call( 3 ) ).toMatchObject( { method: 'POST', url: 'http://cloud.test/api/v1/system/strategies' } );
		expect( call( 4 ) ).toEqual( { method: 'PATCH', url: 'http://cloud.test/api/v1/system/strategies/5', body: { author_profile_id: null } } );
	} );
} );

describe( 'the billing API', () => {
	it( 'pages the ledger by type and reads usage over a range', async () => {
		const { billing, call } = setup( list( [] ) );
		await billing.listTransactions( { page: 2, page_size: 25, type: 'hold' } );
		await billing.listTransactions( { page: 1, page_size: 25 } );
		await billing.getUsage( { from: '2026-01-01', to: '2026-01-31' } );
		expect( call( 0 ).url ).toBe( 'http://cloud.test/api/v1/billing/transactions?page=2&page_size=25&type=hold' );
		expect( call( 1 ).url ).toBe( 'http://cloud.test/api/v1/billing/transactions?page=1&page_size=25' );
		expect( call( 2 ).url ).toBe( 'http://cloud.test/api/v1/billing/usage?from=2026-01-01&to=2026-01-31' );
	} );

	it( 'tops up with the amount, and the note only when there is one', async () => {
		const { billing, call } = setup();
		await billing.topUp( 500 );
		await billing.topUp( 100, 'Promo' );
		expect( call( 0 ).body ).toEqual( { amount: 500 } );
		expect( call( 1 ).body ).toEqual( { amount: 100, note: 'Promo' } );
	} );

	it( 'knows the cloud role from the site token, without a request of its own', async () => {
		const { billing, call } = setup();
		expect( await billing.role() ).toBe( 'admin' );
		expect( () => call() ).toThrow();
	} );
} );

describe( 'a list answer', () => {
	it( 'gives its rows, or none when it is not a list', () => {
		expect( itemsOf( [ 1, 2 ] ) ).toEqual( [ 1, 2 ] );
		expect( itemsOf( { count: 1, next: null, previous: null, results: [ 3 ] } ) ).toEqual( [ 3 ] );
		expect( itemsOf( { id: 1 } ) ).toEqual( [] );
		expect( itemsOf( null ) ).toEqual( [] );
	} );
} );
