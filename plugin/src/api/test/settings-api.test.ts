import { describe, expect, it, vi } from 'vitest';
import { createBillingApi } from '../billing';
import { createCloudClient, itemsOf } from '../cloud';
import { createSystemApi } from '../system';
import type { SiteToken } from '../wp';

/** The fetch the client is given; the mock's calls are read as its arguments. */
type FetchLike = (
	url: RequestInfo | URL,
	init?: RequestInit
) => Promise< Response >;

const token: SiteToken = {
	token: 't1',
	expires_at: 4_000_000_000,
	cloud_url: 'http://cloud.test',
	site_id: 7,
	role: 'admin',
};

function setup( body: unknown = { success: true, data: {}, request_id: 'r' } ) {
	const fetch = vi.fn< FetchLike >(
		async () =>
			new Response( JSON.stringify( body ), {
				status: 200,
				headers: { 'Content-Type': 'application/json' },
			} )
	);
	const client = createCloudClient( {
		getToken: async () => token,
		fetch,
		now: () => 0,
	} );
	const call = ( index = 0 ) => {
		const [ url, init ] = fetch.mock.calls[ index ];
		return {
			url: String( url ),
			method: init?.method,
			body: init?.body ? JSON.parse( String( init.body ) ) : undefined,
		};
	};
	return {
		system: createSystemApi( client ),
		billing: createBillingApi( client ),
		call,
	};
}

const list = < T >( results: T[] ) => ( {
	success: true,
	count: results.length,
	next: null,
	previous: null,
	results,
	request_id: 'r',
} );

describe( 'the AI settings API', () => {
	it( 'only reads what belongs to the whole account, and changes nothing of it', () => {
		const { system } = setup();
		expect( Object.keys( system ).sort() ).toEqual( [
			'createStrategy',
			'deleteStrategy',
			'listAuthorProfiles',
			'listPrompts',
			'listStrategies',
			'updateStrategy',
		] );
	} );

	it( 'lists prompts whether the cloud answers a list envelope or an array', async () => {
		expect(
			await setup(
				list( [ { function: 'auto_cluster' } ] )
			).system.listPrompts()
		).toEqual( [ { function: 'auto_cluster' } ] );
		expect(
			await setup( {
				success: true,
				data: [ { function: 'generate_ideas' } ],
				request_id: 'r',
			} ).system.listPrompts()
		).toEqual( [ { function: 'generate_ideas' } ] );
	} );

	it( 'lists author profiles in one page', async () => {
		const { system, call } = setup( list( [ { id: 3, name: 'Ana' } ] ) );
		expect( await system.listAuthorProfiles() ).toEqual( [
			{ id: 3, name: 'Ana' },
		] );
		expect( call( 0 ) ).toMatchObject( {
			method: 'GET',
			url: 'http://cloud.test/api/v1/system/author-profiles?page_size=200',
		} );
	} );

	it( 'lists, adds, changes and deletes a sector’s strategies by id', async () => {
		const { system, call } = setup( list( [] ) );
		await system.listStrategies( 7, 2 );
		await system.createStrategy( {
			site_id: 7,
			sector_id: 2,
			name: 'Plain',
			guidance: 'Short words.',
		} );
		await system.updateStrategy( 5, { author_profile_id: null } );
		await system.deleteStrategy( 5 );
		expect( call( 0 ).url ).toBe(
			'http://cloud.test/api/v1/system/strategies?site_id=7&sector_id=2&page_size=200'
		);
		expect( call( 1 ) ).toEqual( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/system/strategies',
			body: {
				site_id: 7,
				sector_id: 2,
				name: 'Plain',
				guidance: 'Short words.',
			},
		} );
		expect( call( 2 ) ).toEqual( {
			method: 'PATCH',
			url: 'http://cloud.test/api/v1/system/strategies/5',
			body: { author_profile_id: null },
		} );
		expect( call( 3 ) ).toMatchObject( {
			method: 'DELETE',
			url: 'http://cloud.test/api/v1/system/strategies/5',
		} );
	} );
} );

describe( 'the billing API', () => {
	it( 'reads the balance', async () => {
		const { billing, call } = setup( {
			success: true,
			data: { balance: 90, held: 0, plan_monthly_credits: 100 },
			request_id: 'r',
		} );
		expect( await billing.getBalance() ).toEqual( {
			balance: 90,
			held: 0,
			plan_monthly_credits: 100,
		} );
		expect( call( 0 ) ).toMatchObject( {
			method: 'GET',
			url: 'http://cloud.test/api/v1/billing/balance',
		} );
	} );

	it( 'reads this site’s usage over a range', async () => {
		const { billing, call } = setup();
		await billing.getUsage( {
			from: '2026-01-01',
			to: '2026-01-31',
			site_id: 7,
		} );
		expect( call( 0 ).url ).toBe(
			'http://cloud.test/api/v1/billing/usage?from=2026-01-01&to=2026-01-31&site_id=7'
		);
	} );

	it( 'neither reads the account’s ledger nor adds credits', () => {
		const { billing } = setup();
		expect( Object.keys( billing ).sort() ).toEqual( [
			'getBalance',
			'getUsage',
		] );
	} );
} );

describe( 'a list answer', () => {
	it( 'gives its rows, or none when it is not a list', () => {
		expect( itemsOf( [ 1, 2 ] ) ).toEqual( [ 1, 2 ] );
		expect(
			itemsOf( { count: 1, next: null, previous: null, results: [ 3 ] } )
		).toEqual( [ 3 ] );
		expect( itemsOf( { id: 1 } ) ).toEqual( [] );
		expect( itemsOf( null ) ).toEqual( [] );
	} );
} );
