// Files through the cloud client: a CSV export as a Blob, a CSV import as an upload with progress.
import { describe, expect, it, vi } from 'vitest';
import { CloudError, createCloudClient, type UploadRequest } from '../cloud';
import type { SiteToken } from '../wp';

/** The fetch the client is given; the mock's calls are read as its arguments. */
type FetchLike = (
	url: RequestInfo | URL,
	init?: RequestInit
) => Promise< Response >;

const token = ( name: string ): SiteToken => ( {
	token: name,
	expires_at: 4_000_000_000,
	cloud_url: 'http://cloud.test',
	site_id: 7,
	role: 'editor',
} );

/** A stand-in XMLHttpRequest answering `status` with `body` after reporting upload progress. */
class FakeUpload implements UploadRequest {
	static sent: FakeUpload[] = [];
	static answers: Array< { status: number; body: unknown } | 'network' > = [];
	method = '';
	url = '';
	headers: Record< string, string > = {};
	body: Blob | null = null;
	status = 0;
	responseText = '';
	withCredentials = true;
	onload: ( ( event: unknown ) => void ) | null = null;
	onerror: ( ( event: unknown ) => void ) | null = null;
	onabort: ( ( event: unknown ) => void ) | null = null;
	upload: UploadRequest[ 'upload' ] = { onprogress: null };
	open( method: string, url: string ) {
		this.method = method;
		this.url = url;
	}
	setRequestHeader( name: string, value: string ) {
		this.headers[ name ] = value;
	}
	getResponseHeader( name: string ) {
		return name === 'X-Request-Id' ? 'req-1' : null;
	}
	abort() {
		queueMicrotask( () => this.onabort?.( {} ) );
	}
	send( body: Blob ) {
		this.body = body;
		FakeUpload.sent.push( this );
		const answer = FakeUpload.answers.shift();
		queueMicrotask( () => {
			if ( answer === 'network' || answer === undefined ) {
				this.onerror?.( {} );
				return;
			}
			this.upload.onprogress?.( {
				loaded: body.size / 2,
				total: body.size,
				lengthComputable: true,
			} );
			this.upload.onprogress?.( {
				loaded: body.size,
				total: body.size,
				lengthComputable: true,
			} );
			this.status = answer.status;
			this.responseText = JSON.stringify( answer.body );
			this.onload?.( {} );
		} );
	}
}

function setup(
	tokens = [ token( 't1' ), token( 't2' ) ],
	responses: Response[] = []
) {
	FakeUpload.sent = [];
	const fetch = vi.fn< FetchLike >(
		async () => responses.shift() ?? new Response( null, { status: 500 } )
	);
	const client = createCloudClient( {
		getToken: async () => tokens.shift() ?? token( 'tx' ),
		fetch,
		now: () => 0,
		createUploadRequest: () => new FakeUpload(),
	} );
	return { client, fetch };
}

const csv = new Blob( [ 'keyword,volume\nshoes,10\n' ], { type: 'text/csv' } );
const report = {
	rows: 1,
	created: 1,
	skipped_duplicates: 0,
	errors: [],
	columns: {},
};

describe( 'CSV upload', () => {
	it( 'posts the file as it is with its type and the bearer token, reporting progress', async () => {
		FakeUpload.answers = [
			{
				status: 200,
				body: { success: true, data: report, request_id: 'r' },
			},
		];
		const { client } = setup();
		const progress: Array< [ number, number ] > = [];
		const result = await client.upload(
			'/planner/keywords/import_csv',
			csv,
			{
				query: { site_id: 7, sector_id: 3 },
				contentType: 'text/csv',
				onProgress: ( loaded, total ) =>
					progress.push( [ loaded, total ] ),
			}
		);
		expect( result ).toEqual( report );
		const [ sent ] = FakeUpload.sent;
		expect( sent.method ).toBe( 'POST' );
		expect( sent.url ).toBe(
			'http://cloud.test/api/v1/planner/keywords/import_csv?site_id=7&sector_id=3'
		);
		expect( sent.headers ).toMatchObject( {
			Authorization: 'Bearer t1',
			'Content-Type': 'text/csv',
		} );
		expect( sent.withCredentials ).toBe( false );
		expect( sent.body ).toBe( csv );
		expect( progress ).toEqual( [
			[ 0, csv.size ],
			[ csv.size / 2, csv.size ],
			[ csv.size, csv.size ],
		] );
	} );

	it( 'sends the file again with a fresh token after a 401', async () => {
		FakeUpload.answers = [
			{
				status: 401,
				body: {
					success: false,
					code: 'token_expired',
					error: 'expired',
					request_id: 'r',
				},
			},
			{
				status: 200,
				body: { success: true, data: report, request_id: 'r' },
			},
		];
		const { client } = setup();
		await expect(
			client.upload( '/x', csv, { contentType: 'text/csv' } )
		).resolves.toEqual( report );
		expect(
			FakeUpload.sent.map( ( sent ) => sent.headers.Authorization )
		).toEqual( [ 'Bearer t1', 'Bearer t2' ] );
	} );

	it( 'throws a file that is too large as payload_too_large with the limit the cloud named', async () => {
		FakeUpload.answers = [
			{
				status: 413,
				body: {
					success: false,
					code: 'payload_too_large',
					error: 'At most 100000 rows',
					limit_rows: 100000,
					request_id: 'r9',
				},
			},
		];
		const { client } = setup();
		const error = await client
			.upload( '/x', csv, { contentType: 'text/csv' } )
			.catch( ( e: unknown ) => e );
		expect( error ).toBeInstanceOf( CloudError );
		expect( error ).toMatchObject( {
			status: 413,
			code: 'payload_too_large',
			message: 'At most 100000 rows',
			requestId: 'r9',
			details: { limit_rows: 100000 },
		} );
	} );

	it( 'reports an unreachable cloud as network_error', async () => {
		FakeUpload.answers = [ 'network' ];
		const { client } = setup();
		await expect(
			client.upload( '/x', csv, { contentType: 'text/csv' } )
		).rejects.toMatchObject( { status: 0, code: 'network_error' } );
	} );

	it( 'stops when the signal aborts', async () => {
		FakeUpload.answers = [];
		const { client } = setup();
		const controller = new AbortController();
		controller.abort();
		await expect(
			client.upload( '/x', csv, {
				contentType: 'text/csv',
				signal: controller.signal,
			} )
		).rejects.toMatchObject( {
			name: 'AbortError',
		} );
		expect( FakeUpload.sent ).toHaveLength( 0 );
	} );
} );

describe( 'CSV download', () => {
	it( 'resolves to the body of the answer, asked for with the token', async () => {
		const { client, fetch } = setup( undefined, [
			new Response( 'keyword\nshoes\n', {
				status: 200,
				headers: { 'Content-Type': 'text/csv' },
			} ),
		] );
		const blob = await client.download( '/planner/keywords/export_csv', {
			query: { site_id: 7 },
			accept: 'text/csv',
		} );
		expect( await blob.text() ).toBe( 'keyword\nshoes\n' );
		const [ url, init ] = fetch.mock.calls[ 0 ];
		expect( url ).toBe(
			'http://cloud.test/api/v1/planner/keywords/export_csv?site_id=7'
		);
		expect(
			( init?.headers as Record< string, string > ).Authorization
		).toBe( 'Bearer t1' );
		expect( ( init?.headers as Record< string, string > ).Accept ).toMatch(
			/^text\/csv/
		);
	} );

	it( 'throws the error envelope of a refused export', async () => {
		const refused = {
			success: false,
			code: 'forbidden',
			error: 'No access to this site',
			request_id: 'r3',
		};
		const { client } = setup( undefined, [
			new Response( JSON.stringify( refused ), { status: 403 } ),
		] );
		await expect(
			client.download( '/planner/keywords/export_csv' )
		).rejects.toMatchObject( { status: 403, code: 'forbidden' } );
	} );
} );
