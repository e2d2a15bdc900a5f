// The Writer's calls: each goes to its route with the contract's body, and generation answers read as
// the jobs they started.
import { describe, expect, it, vi } from 'vitest';
import { createCloudClient } from '../cloud';
import { createWriterApi, generationOf } from '../writer';
import type { SiteToken } from '../wp';
import { job } from './fixtures';

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

function setup( data: unknown = {}, status = 200 ) {
	const fetch = vi.fn< FetchLike >(
		async () =>
			new Response(
				JSON.stringify( { success: true, data, request_id: 'r' } ),
				{ status, headers: { 'Content-Type': 'application/json' } }
			)
	);
	const api = createWriterApi(
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

describe( 'writer API', () => {
	it( 'lists tasks with the query on the URL', async () => {
		const { api, call } = setup();
		await api.listTasks( {
			site_id: 7,
			sector_id: 3,
			status: 'review',
			ordering: '-updated_at',
			page: 2,
			page_size: 25,
		} );
		expect( call() ).toMatchObject( {
			method: 'GET',
			url: 'http://cloud.test/api/v1/writer/tasks?site_id=7&sector_id=3&status=review&ordering=-updated_at&page=2&page_size=25',
		} );
	} );

	it( 'creates a task where the page works, and changes one with PATCH', async () => {
		const { api, call } = setup();
		await api.createTask(
			{ site_id: 7, sector_id: 3 },
			{
				title: 'Best trail shoes',
				content_structure: { sections: [ { heading: 'Grip' } ] },
			}
		);
		expect( call() ).toEqual( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/writer/tasks',
			body: {
				site_id: 7,
				sector_id: 3,
				title: 'Best trail shoes',
				content_structure: { sections: [ { heading: 'Grip' } ] },
			},
		} );
		const second = setup();
		await second.api.updateContent( 5, { status: 'approved' } );
		expect( second.call() ).toMatchObject( {
			method: 'PATCH',
			url: 'http://cloud.test/api/v1/writer/content/5',
			body: { status: 'approved' },
		} );
	} );

	it( 'deletes tasks in bulk for the site', async () => {
		const { api, call } = setup( { deleted: 2, skipped_generating: 0 } );
		expect( await api.bulkDeleteTasks( 7, [ 1, 2 ] ) ).toEqual( {
			deleted: 2,
			skipped_generating: 0,
		} );
		expect( call() ).toMatchObject( {
			url: 'http://cloud.test/api/v1/writer/tasks/bulk_delete',
			body: { site_id: 7, ids: [ 1, 2 ] },
		} );
	} );

	it( 'starts content generation for tasks and reads the jobs and the refusals', async () => {
		const { api, call } = setup(
			{
				jobs: [ job( { id: 1, function: 'generate_content' } ) ],
				not_started: [ { id: 12, code: 'conflict', message: 'Busy' } ],
			},
			202
		);
		const started = await api.generateContent( 7, [ 11, 12 ] );
		expect( call() ).toMatchObject( {
			method: 'POST',
			url: 'http://cloud.test/api/v1/writer/tasks/generate_content',
			body: { site_id: 7, task_ids: [ 11, 12 ] },
		} );
		expect( started.jobs.map( ( j ) => j.id ) ).toEqual( [ 1 ] );
		expect( started.not_started ).toEqual( [
			{ id: 12, code: 'conflict', message: 'Busy' },
		] );
	} );

	it( 'asks for image prompts with or without a number of in-article images', async () => {
		const { api, call } = setup( { jobs: [], not_started: [] }, 202 );
		await api.generateImagePrompts( 7, [ 5 ] );
		expect( call().body ).toEqual( { site_id: 7, content_ids: [ 5 ] } );
		const second = setup( { jobs: [], not_started: [] }, 202 );
		await second.api.generateImagePrompts( 7, [ 5 ], 3 );
		expect( second.call().body ).toEqual( {
			site_id: 7,
			content_ids: [ 5 ],
			in_article: 3,
		} );
	} );

	it( 'makes a piece’s waiting images, or chosen ones, as one job', async () => {
		const { api, call } = setup(
			job( { function: 'generate_images' } ),
			202
		);
		expect( ( await api.generateImages( 7, { content_id: 5 } ) ).id ).toBe(
			41
		);
		expect( call().body ).toEqual( { site_id: 7, content_id: 5 } );
		const second = setup( { job: job() }, 202 );
		await second.api.generateImages( 7, { image_ids: [ 8, 9 ] } );
		expect( second.call() ).toMatchObject( {
			url: 'http://cloud.test/api/v1/writer/images/generate',
			body: { site_id: 7, image_ids: [ 8, 9 ] },
		} );
	} );

	it( 'reads a lone job as a batch of one, and refuses an answer without jobs', () => {
		expect( generationOf( job() ).jobs ).toHaveLength( 1 );
		expect( generationOf( { job: job() } ).not_started ).toEqual( [] );
		expect( () => generationOf( { ok: true } ) ).toThrow( /jobs/ );
	} );
} );
