import { describe, expect, it, vi } from 'vitest';
import { createCloudClient } from '../cloud';
import { createPlannerApi } from '../planner';
import type { SiteToken } from '../wp';
import { job } from './fixtures';

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
	role: 'editor',
};

function setup( body: unknown = { success: true, data: {}, request_id: 'r' } ) {
	const fetch = vi.fn< FetchLike >(
		async () =>
			new Response( JSON.stringify( body ), {
				status: 200,
				headers: { 'Content-Type': 'application/json' },
			} )
	);
	const api = createPlannerApi(
		createCloudClient( {
			getToken: async () => token,
			fetch,
			now: () => 0,
		} )
	);
	const call = ( index = 0 ) => {
		const [ url, init ] = fetch.mock.calls[ index ];
		return {
			url: String( url ),
			method: init?.method,
			body: init?.body ? JSON.parse( String( init.body ) ) : undefined,
		};
	};
	return { api, fetch, call };
}

const at = { site_id: 7, sector_id: 3 };
const list = {
	success: true,
	count: 0,
	next: null,
	previous: null,
	results: [],
	request_id: 'r',
};

describe( 'planner API', () => {
	it( 'lists keywords with the query on the URL', async () => {
		const { api, call } = setup( list );
		await api.listKeywords( {
			...at,
			cluster_id: 'none',
			ordering: '-volume',
			page: 2,
			page_size: 50,
		} );
		expect( call() ).toMatchObject( {
			method: 'GET',
			url: 'http://cloud.test/api/v1/planner/keywords?site_id=7&sector_id=3&cluster_id=none&ordering=-volume&page=2&page_size=50',
		} );
	} );

	it( 'creates a keyword in the site and sector', async () => {
		const { api, call } = setup();
		await api.createKeyword( at, { keyword: 'shoes', volume: 10 } );
		expect( call() ).toEqual( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/planner/keywords',
			body: { site_id: 7, sector_id: 3, keyword: 'shoes', volume: 10 },
		} );
	} );

	it( 'deletes and updates keywords in bulk by id', async () => {
		const { api, call } = setup();
		await api.bulkDeleteKeywords( 7, [ 1, 2 ] );
		await api.bulkUpdateKeywords( 7, [ 3 ], 'used' );
		expect( call( 0 ) ).toMatchObject( {
			url: 'http://cloud.test/api/v1/planner/keywords/bulk_delete',
			body: { site_id: 7, ids: [ 1, 2 ] },
		} );
		expect( call( 1 ) ).toMatchObject( {
			url: 'http://cloud.test/api/v1/planner/keywords/bulk_update',
			body: { site_id: 7, ids: [ 3 ], status: 'used' },
		} );
	} );

	it( 'clusters algorithmically, with keyword ids only when some are given', async () => {
		const { api, call } = setup();
		await api.autoCluster( at );
		await api.autoCluster( at, [ 5 ] );
		expect( call( 0 ).body ).toEqual( {
			site_id: 7,
			sector_id: 3,
			mode: 'algorithmic',
		} );
		expect( call( 1 ).body ).toEqual( {
			site_id: 7,
			sector_id: 3,
			keyword_ids: [ 5 ],
			mode: 'algorithmic',
		} );
	} );

	it( 'removes keywords from a cluster with a DELETE that carries their ids', async () => {
		const { api, call } = setup();
		await api.removeClusterKeywords( 9, [ 1, 2 ] );
		expect( call() ).toEqual( {
			method: 'DELETE',
			url: 'http://cloud.test/api/v1/planner/clusters/9/keywords',
			body: { keyword_ids: [ 1, 2 ] },
		} );
	} );

	it( 'merges, splits and changes clusters', async () => {
		const { api, call } = setup();
		await api.mergeClusters( 9, [ 10, 11 ] );
		await api.splitCluster( 9, [ 1 ], 'New' );
		await api.updateCluster( 9, { status: 'archived' } );
		expect( call( 0 ) ).toMatchObject( {
			url: 'http://cloud.test/api/v1/planner/clusters/9/merge',
			body: { cluster_ids: [ 10, 11 ] },
		} );
		expect( call( 1 ) ).toMatchObject( {
			url: 'http://cloud.test/api/v1/planner/clusters/9/split',
			body: { keyword_ids: [ 1 ], name: 'New' },
		} );
		expect( call( 2 ) ).toMatchObject( {
			method: 'PATCH',
			url: 'http://cloud.test/api/v1/planner/clusters/9',
			body: { status: 'archived' },
		} );
	} );

	it( 'creates writer tasks from ideas', async () => {
		const { api, call } = setup();
		await api.createTasks( 7, [ 1, 2 ] );
		expect( call() ).toMatchObject( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/planner/ideas/create_tasks',
			body: { site_id: 7, idea_ids: [ 1, 2 ] },
		} );
	} );

	it( 'reads the summary and the site’s sectors', async () => {
		const { api, call } = setup( list );
		await api.listSectors( 7 );
		await api.getSummary( at );
		expect( call( 0 ).url ).toBe(
			'http://cloud.test/api/v1/auth/sites/7/sectors'
		);
		expect( call( 1 ).url ).toBe(
			'http://cloud.test/api/v1/planner/summary?site_id=7&sector_id=3'
		);
	} );

	it( 'starts AI clustering of the sector as a job', async () => {
		const { api, call } = setup( {
			success: true,
			data: job( { state: 'queued' } ),
			request_id: 'r',
		} );
		const started = await api.clusterWithAi( at );
		expect( call() ).toEqual( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/planner/keywords/auto_cluster',
			body: { site_id: 7, sector_id: 3, mode: 'ai' },
		} );
		expect( started ).toMatchObject( { id: 41, state: 'queued' } );
	} );

	it( 'starts idea generation for clusters as a job, also when the answer wraps it as { job }', async () => {
		const { api, call } = setup( {
			success: true,
			data: { job: job( { function: 'generate_ideas' } ) },
			request_id: 'r',
		} );
		const started = await api.generateIdeas( 7, [ 9, 10 ], 4 );
		expect( call() ).toEqual( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/planner/clusters/generate_ideas',
			body: { site_id: 7, cluster_ids: [ 9, 10 ], ideas_per_cluster: 4 },
		} );
		expect( started.function ).toBe( 'generate_ideas' );
	} );
} );
