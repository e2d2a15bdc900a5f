import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../test/helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	type SiteFixture,
} from '../../test/world';

let token: string;
let site: SiteFixture;
let accountId: number;

beforeEach( async () => {
	accountId = await insertAccount( 'Planner Co' );
	token = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Planner site' );
} );

const q = ( extra = '' ) =>
	`site_id=${ site.id }&sector_id=${ site.sectorId }${ extra }`;

async function addKeywords(
	rows: {
		keyword: string;
		volume?: number;
		difficulty?: number;
		intent?: string;
	}[]
) {
	const res = await api( 'POST', '/planner/keywords/bulk_create', {
		token,
		body: { site_id: site.id, sector_id: site.sectorId, keywords: rows },
	} );
	expect( res.status ).toBe( 201 );
	return res.json.data;
}

async function importCsv( text: string, contentType = 'text/csv' ) {
	return api( 'POST', `/planner/keywords/import_csv?${ q() }`, {
		token,
		raw: text,
		headers: { 'content-type': contentType },
	} );
}

async function allKeywords( extra = '' ) {
	const res = await api(
		'GET',
		`/planner/keywords?${ q( extra ) }&page_size=200`,
		{ token }
	);
	expect( res.status ).toBe( 200 );
	return res.json;
}

describe( 'keywords', () => {
	it( 'creates a keyword and refuses a duplicate that differs only in case and spaces', async () => {
		const first = await api( 'POST', '/planner/keywords', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				keyword: 'Running Shoes',
				volume: 1200,
				difficulty: 40,
				intent: 'commercial',
			},
		} );
		expect( first.status ).toBe( 201 );
		expect( first.json.data ).toMatchObject( {
			keyword: 'Running Shoes',
			volume: 1200,
			difficulty: 40,
			intent: 'commercial',
			status: 'active',
			source: 'manual',
			cluster_ids: [],
		} );
		const dup = await api( 'POST', '/planner/keywords', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				keyword: '  running   SHOES ',
			},
		} );
		expect( dup.status ).toBe( 409 );
		expect( dup.json.errors.keyword ).toEqual( [
			'duplicate in this sector',
		] );
	} );

	it( 'validates fields with clear messages', async () => {
		const res = await api( 'POST', '/planner/keywords', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				keyword: '',
				difficulty: 140,
				intent: 'shopping',
				volume: -3,
			},
		} );
		expect( res.status ).toBe( 400 );
		expect( Object.keys( res.json.errors ).sort() ).toEqual( [
			'difficulty',
			'intent',
			'keyword',
			'volume',
		] );
	} );

	it( 'refuses a sector of another site', async () => {
		const other = await insertSite( accountId, 'Other' );
		const res = await api( 'POST', '/planner/keywords', {
			token,
			body: { site_id: site.id, sector_id: other.sectorId, keyword: 'x' },
		} );
		expect( res.status ).toBe( 404 );
	} );

	it( 'bulk-creates, skipping duplicates inside the request and already in the sector', async () => {
		await addKeywords( [ { keyword: 'coffee grinder' } ] );
		const data = await addKeywords( [
			{ keyword: 'Coffee Grinder' },
			{ keyword: 'burr grinder' },
			{ keyword: 'burr  grinder' },
			{ keyword: 'espresso machine' },
		] );
		expect( data ).toEqual( { created: 2, skipped_duplicates: 2 } );
		expect( ( await allKeywords() ).count ).toBe( 3 );
	} );

	it( 'filters by status, intent, volume and difficulty ranges and text', async () => {
		await addKeywords( [
			{
				keyword: 'best espresso machine',
				volume: 5000,
				difficulty: 60,
				intent: 'commercial',
			},
			{
				keyword: 'espresso machine price',
				volume: 900,
				difficulty: 30,
				intent: 'transactional',
			},
			{
				keyword: 'how to descale espresso machine',
				volume: 300,
				difficulty: 10,
				intent: 'informational',
			},
			{
				keyword: 'coffee beans',
				volume: 20000,
				difficulty: 80,
				intent: 'commercial',
			},
		] );
		const names = ( j: { results: { keyword: string }[] } ) =>
			j.results.map( ( r ) => r.keyword ).sort();
		expect( names( await allKeywords( '&intent=commercial' ) ) ).toEqual( [
			'best espresso machine',
			'coffee beans',
		] );
		expect(
			names( await allKeywords( '&min_volume=500&max_volume=6000' ) )
		).toEqual( [ 'best espresso machine', 'espresso machine price' ] );
		expect( names( await allKeywords( '&max_difficulty=30' ) ) ).toEqual( [
			'espresso machine price',
			'how to descale espresso machine',
		] );
		expect(
			names( await allKeywords( '&search=ESPRESSO%20mach' ) )
		).toHaveLength( 3 );
		expect( names( await allKeywords( '&search=100%25_off' ) ) ).toEqual(
			[]
		);
		const ids = ( await allKeywords( '&search=coffee' ) ).results.map(
			( r: { id: number } ) => r.id
		);
		const upd = await api( 'POST', '/planner/keywords/bulk_update', {
			token,
			body: { site_id: site.id, ids, status: 'inactive' },
		} );
		expect( upd.json.data ).toEqual( { updated: 1 } );
		expect( names( await allKeywords( '&status=inactive' ) ) ).toEqual( [
			'coffee beans',
		] );
	} );

	it( 'pages with cursors through every row exactly once, in order, also with NULL volumes', async () => {
		const rows = Array.from( { length: 23 }, ( _, i ) => ( {
			keyword: `kw ${ String( i ).padStart( 2, '0' ) }`,
			...( i % 4 === 0 ? {} : { volume: ( i * 37 ) % 11 } ),
		} ) );
		await addKeywords( rows );
		for ( const ordering of [
			'volume',
			'-volume',
			'keyword',
			'-keyword',
			'-id',
			'difficulty',
		] ) {
			const seen: { keyword: string; volume: number | null }[] = [];
			let next: string | null =
				`/api/v1/planner/keywords?${ q() }&ordering=${ ordering }&page_size=5`;
			let pages = 0;
			while ( next ) {
				const res = await api( 'GET', next, { token } );
				expect( res.status ).toBe( 200 );
				expect( res.json.count ).toBe( 23 );
				seen.push( ...res.json.results );
				next = res.json.next;
				pages += 1;
			}
			expect( pages ).toBe( 5 );
			expect( new Set( seen.map( ( s ) => s.keyword ) ).size ).toBe( 23 );
			if ( ordering === 'volume' ) {
				const vols = seen.map( ( s ) =>
					s.volume === null ? -1 : s.volume
				);
				expect( vols ).toEqual( [ ...vols ].sort( ( x, y ) => x - y ) );
			}
			if ( ordering === '-keyword' )
				expect( seen.map( ( s ) => s.keyword ) ).toEqual(
					rows
						.map( ( r ) => r.keyword )
						.sort()
						.reverse()
				);
		}
	} );

	it( 'pages by page number with next and previous links, and rejects a forged cursor', async () => {
		await addKeywords(
			Array.from( { length: 7 }, ( _, i ) => ( {
				keyword: `term ${ i }`,
			} ) )
		);
		const p2 = await api(
			'GET',
			`/planner/keywords?${ q() }&page=2&page_size=3`,
			{ token }
		);
		expect( p2.json.results ).toHaveLength( 3 );
		expect( p2.json.next ).toContain( 'page=3' );
		expect( p2.json.previous ).toContain( 'page=1' );
		const p4 = await api(
			'GET',
			`/planner/keywords?${ q() }&page=4&page_size=3`,
			{ token }
		);
		expect( p4.json.results ).toEqual( [] );
		const bad = await api(
			'GET',
			`/planner/keywords?${ q() }&cursor=not-a-cursor`,
			{ token }
		);
		expect( bad.status ).toBe( 400 );
		expect( bad.json.errors.cursor ).toBeTruthy();
	} );

	it( 'deletes in bulk only keywords of the named site', async () => {
		await addKeywords( [ { keyword: 'a1' }, { keyword: 'a2' } ] );
		const other = await insertSite( accountId, 'Other' );
		const otherKw = await api( 'POST', '/planner/keywords', {
			token,
			body: {
				site_id: other.id,
				sector_id: other.sectorId,
				keyword: 'b1',
			},
		} );
		const ids = ( await allKeywords() ).results.map(
			( r: { id: number } ) => r.id
		);
		const res = await api( 'POST', '/planner/keywords/bulk_delete', {
			token,
			body: { site_id: site.id, ids: [ ...ids, otherKw.json.data.id ] },
		} );
		expect( res.json.data ).toEqual( { deleted: 2 } );
		expect(
			(
				await api(
					'GET',
					`/planner/keywords/${ otherKw.json.data.id }`,
					{ token }
				)
			).status
		).toBe( 200 );
	} );

	it( 'enforces the plan keyword limit with an error naming it', async () => {
		await env.DB.prepare(
			`UPDATE subscriptions SET plan_id = (SELECT id FROM plans WHERE slug = 'free') WHERE account_id = ?`
		)
			.bind( accountId )
			.run();
		const res = await api( 'POST', '/planner/keywords/bulk_create', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				keywords: Array.from( { length: 1000 }, ( _, i ) => ( {
					keyword: `k${ i }`,
				} ) ),
			},
		} );
		expect( res.status ).toBe( 201 );
		const over = await api( 'POST', '/planner/keywords', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				keyword: 'one too many',
			},
		} );
		expect( over.status ).toBe( 422 );
		expect( over.json ).toMatchObject( {
			code: 'plan_limit',
			limit: 'max_keywords',
			max: 1000,
		} );
	} );
} );

describe( 'CSV import and export', () => {
	it( 'imports good rows and reports every bad row with its row number, field and reason', async () => {
		const csv = [
			'Keyword,Search Volume,KD,Intent',
			'running shoes,"12,000",45,Commercial',
			',100,10,informational',
			'trail running shoes,1.2K,abc,commercial',
			'running shoes for women,800,30,"Informational, Commercial"',
			'Running Shoes,50,5,commercial',
			'marathon training plan,2400,120,informational',
			'best running socks,300,20,shopping',
		].join( '\n' );
		const before = ( await allKeywords() ).count;
		const res = await importCsv( csv );
		expect( res.status ).toBe( 200 );
		expect( res.json.data ).toMatchObject( {
			rows: 7,
			created: 2,
			skipped_duplicates: 1,
		} );
		expect( res.json.data.columns ).toEqual( {
			Keyword: 'keyword',
			'Search Volume': 'volume',
			KD: 'difficulty',
			Intent: 'intent',
		} );
		expect( res.json.data.errors ).toEqual( [
			{ row: 3, field: 'keyword', message: 'is empty' },
			{
				row: 4,
				field: 'difficulty',
				message: 'must be a number from 0 to 100',
			},
			{ row: 7, field: 'difficulty', message: 'must be from 0 to 100' },
			{
				row: 8,
				field: 'intent',
				message:
					'must be one of informational, commercial, transactional, navigational',
			},
		] );
		const kws = ( await allKeywords( '&ordering=keyword' ) ).results;
		expect( kws.length ).toBe( before + 2 );
		expect(
			kws.find(
				( k: { keyword: string } ) => k.keyword === 'running shoes'
			)
		).toMatchObject( {
			volume: 12000,
			difficulty: 45,
			intent: 'commercial',
			source: 'csv_import',
		} );
		expect(
			kws.find(
				( k: { keyword: string } ) =>
					k.keyword === 'running shoes for women'
			).intent
		).toBe( 'informational' );
	} );

	it( 'reads UTF-8 with a BOM, semicolons, tabs and quoted fields with separators inside', async () => {
		const bom =
			'\uFEFFkeyword;volume\n"café; au lait";10\ncrème brûlée;20\n';
		expect( ( await importCsv( bom ) ).json.data ).toMatchObject( {
			created: 2,
			errors: [],
		} );
		const tsv =
			'keyword\tvolume\tdifficulty\n"tea, green"\t5\t1\nmatcha\t\t\n';
		expect(
			( await importCsv( tsv, 'text/tab-separated-values' ) ).json.data
		).toMatchObject( { created: 2, errors: [] } );
		const names = ( await allKeywords( '&ordering=keyword' ) ).results.map(
			( k: { keyword: string } ) => k.keyword
		);
		expect( names ).toEqual( [
			'café; au lait',
			'crème brûlée',
			'matcha',
			'tea, green',
		] );
	} );

	it( 'accepts multipart uploads and files keywords into named clusters', async () => {
		const form = new FormData();
		form.append(
			'file',
			new File(
				[
					'keyword,cluster,volume\nlatte art,Latte,100\nlatte recipe,Latte,50\nflat white,,10\n',
				],
				'kw.csv',
				{ type: 'text/csv' }
			)
		);
		const { exports } = await import( 'cloudflare:workers' );
		const up = await (
			exports as unknown as { default: Fetcher }
		 ).default.fetch(
			`http://cloud.test/api/v1/planner/keywords/import_csv?${ q() }`,
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${ token }`,
					'cf-connecting-ip': '10.9.9.9',
				},
				body: form,
			}
		);
		const json = await up.json< { data: { created: number } } >();
		expect( up.status ).toBe( 200 );
		expect( json.data.created ).toBe( 3 );
		const clusters = await api( 'GET', `/planner/clusters?${ q() }`, {
			token,
		} );
		expect( clusters.json.results ).toEqual( [
			expect.objectContaining( {
				name: 'Latte',
				keyword_count: 2,
				volume: 150,
			} ),
		] );
	} );

	it( 'answers a file without a keyword column, an empty file and a wrong content type clearly', async () => {
		const noKw = await importCsv( 'name,volume\nx,1\n' );
		expect( noKw.status ).toBe( 400 );
		expect( noKw.json.error ).toContain( 'No keyword column' );
		expect( ( await importCsv( '' ) ).status ).toBe( 400 );
		const json = await importCsv( '{"keyword":"x"}', 'application/json' );
		expect( json.status ).toBe( 415 );
	} );

	it( 'answers files over the row and byte limits with 413 and the limit, writing nothing', async () => {
		const rows = await importCsv(
			'keyword\n' +
				Array.from( { length: 100_001 }, ( _, i ) => `k${ i }` ).join(
					'\n'
				)
		);
		expect( rows.status ).toBe( 413 );
		expect( rows.json ).toMatchObject( {
			code: 'payload_too_large',
			limit_rows: 100_000,
		} );
		const big = await importCsv(
			'keyword\n' + `${ 'x'.repeat( 150 ) }\n`.repeat( 75_000 )
		);
		expect( big.status ).toBe( 413 );
		expect( big.json.limit_bytes ).toBe( 10 * 1024 * 1024 );
		expect( ( await allKeywords() ).count ).toBe( 0 );
	} );

	it( 'imports 20,000 rows in one request within the statement budget', async () => {
		const csv =
			'keyword,volume\n' +
			Array.from(
				{ length: 20_000 },
				( _, i ) => `keyword number ${ i },${ i }`
			).join( '\n' );
		const res = await importCsv( csv );
		expect( res.status ).toBe( 200 );
		expect( res.json.data.created ).toBe( 20_000 );
		expect( ( await allKeywords() ).count ).toBe( 20_000 );
	} );

	it( 'exports the filtered list as CSV that imports back', async () => {
		await importCsv(
			'keyword,volume,difficulty,intent\n=cmd(),5,1,informational\nsecond,7,2,commercial\n'
		);
		const res = await api(
			'GET',
			`/planner/keywords/export_csv?${ q() }&ordering=keyword`,
			{ token }
		);
		expect( res.status ).toBe( 200 );
		expect( res.headers.get( 'content-type' ) ).toContain( 'text/csv' );
		expect( res.headers.get( 'content-disposition' ) ).toContain(
			'attachment'
		);
		const lines = res.text
			.replace( /^\uFEFF/, '' )
			.trim()
			.split( '\r\n' );
		expect( lines[ 0 ] ).toBe(
			'keyword,volume,difficulty,intent,status,source,clusters,created_at'
		);
		expect( lines[ 1 ] ).toMatch(
			/^'=cmd\(\),5,1,informational,active,csv_import,,/
		);
		expect( lines ).toHaveLength( 3 );
		const filtered = await api(
			'GET',
			`/planner/keywords/export_csv?${ q() }&intent=commercial`,
			{ token }
		);
		expect( filtered.text.trim().split( '\r\n' ) ).toHaveLength( 2 );
	} );
} );

describe( 'clusters', () => {
	async function kwIds() {
		return ( await allKeywords( '&ordering=keyword' ) ).results.map(
			( k: { id: number } ) => k.id
		) as number[];
	}

	it( 'keeps keyword count and volume correct through add, remove, merge, split and keyword changes', async () => {
		await addKeywords( [
			{ keyword: 'a', volume: 10 },
			{ keyword: 'b', volume: 20 },
			{ keyword: 'c', volume: 30 },
			{ keyword: 'd', volume: 40 },
		] );
		const [ a, b, c, d ] = await kwIds();
		const one = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'One',
				keyword_ids: [ a, b ],
			},
		} );
		expect( one.json.data ).toMatchObject( {
			keyword_count: 2,
			volume: 30,
		} );
		const two = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'Two',
				keyword_ids: [ c ],
			},
		} );
		const added = await api(
			'POST',
			`/planner/clusters/${ two.json.data.id }/keywords`,
			{ token, body: { keyword_ids: [ d ] } }
		);
		expect( added.json.data ).toMatchObject( {
			keyword_count: 2,
			volume: 70,
		} );
		const merged = await api(
			'POST',
			`/planner/clusters/${ one.json.data.id }/merge`,
			{ token, body: { cluster_ids: [ two.json.data.id ] } }
		);
		expect( merged.json.data ).toMatchObject( {
			keyword_count: 4,
			volume: 100,
		} );
		expect(
			(
				await api( 'GET', `/planner/clusters/${ two.json.data.id }`, {
					token,
				} )
			).status
		).toBe( 404 );
		const split = await api(
			'POST',
			`/planner/clusters/${ one.json.data.id }/split`,
			{ token, body: { keyword_ids: [ c, d ], name: 'Split off' } }
		);
		expect( split.status ).toBe( 200 );
		expect( split.json.data.source ).toMatchObject( {
			keyword_count: 2,
			volume: 30,
		} );
		expect( split.json.data.created ).toMatchObject( {
			name: 'Split off',
			keyword_count: 2,
			volume: 70,
		} );
		await api( 'PATCH', `/planner/keywords/${ d }`, {
			token,
			body: { volume: 100 },
		} );
		expect(
			(
				await api(
					'GET',
					`/planner/clusters/${ split.json.data.created.id }`,
					{ token }
				)
			).json.data.volume
		).toBe( 130 );
		await api( 'DELETE', `/planner/keywords/${ c }`, { token, raw: '' } );
		expect(
			(
				await api(
					'GET',
					`/planner/clusters/${ split.json.data.created.id }`,
					{ token }
				)
			).json.data
		).toMatchObject( { keyword_count: 1, volume: 100 } );
		const removed = await api(
			'DELETE',
			`/planner/clusters/${ one.json.data.id }/keywords`,
			{ token, body: { keyword_ids: [ a ] } }
		);
		expect( removed.json.data ).toMatchObject( {
			keyword_count: 1,
			volume: 20,
		} );
		const inCluster = await allKeywords(
			`&cluster_id=${ one.json.data.id }`
		);
		expect(
			inCluster.results.map( ( k: { keyword: string } ) => k.keyword )
		).toEqual( [ 'b' ] );
		const unclustered = await allKeywords( '&cluster_id=none' );
		expect(
			unclustered.results.map( ( k: { keyword: string } ) => k.keyword )
		).toEqual( [ 'a' ] );
	} );

	it( 'refuses keywords and clusters of another sector, and splitting keywords the cluster lacks', async () => {
		const other = await insertSite( accountId, 'Other' );
		const foreign = await api( 'POST', '/planner/keywords', {
			token,
			body: {
				site_id: other.id,
				sector_id: other.sectorId,
				keyword: 'elsewhere',
			},
		} );
		const res = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'X',
				keyword_ids: [ foreign.json.data.id ],
			},
		} );
		expect( res.status ).toBe( 400 );
		expect( res.json.errors.keyword_ids[ 0 ] ).toContain(
			String( foreign.json.data.id )
		);
		const mine = await api( 'POST', '/planner/clusters', {
			token,
			body: { site_id: site.id, sector_id: site.sectorId, name: 'Mine' },
		} );
		const theirs = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: other.id,
				sector_id: other.sectorId,
				name: 'Theirs',
			},
		} );
		const merge = await api(
			'POST',
			`/planner/clusters/${ mine.json.data.id }/merge`,
			{ token, body: { cluster_ids: [ theirs.json.data.id ] } }
		);
		expect( merge.status ).toBe( 400 );
		const split = await api(
			'POST',
			`/planner/clusters/${ mine.json.data.id }/split`,
			{
				token,
				body: { keyword_ids: [ foreign.json.data.id ], name: 'n' },
			}
		);
		expect( split.status ).toBe( 400 );
		expect(
			(
				await api(
					'GET',
					`/planner/clusters/${ theirs.json.data.id }`,
					{ token }
				)
			).status
		).toBe( 200 );
	} );
} );

describe( 'ideas and tasks', () => {
	it( 'turns ideas into tasks once, moving the ideas to in_progress, and counts the pipeline', async () => {
		await addKeywords( [ { keyword: 'x', volume: 5 } ] );
		const cluster = await api( 'POST', '/planner/clusters', {
			token,
			body: { site_id: site.id, sector_id: site.sectorId, name: 'Topic' },
		} );
		const mk = ( title: string ) =>
			api( 'POST', '/planner/ideas', {
				token,
				body: {
					site_id: site.id,
					sector_id: site.sectorId,
					cluster_id: cluster.json.data.id,
					title,
					target_keywords: [ 'x' ],
					content_type: 'guide',
				},
			} );
		const i1 = ( await mk( 'Guide one' ) ).json.data;
		const i2 = ( await mk( 'Guide two' ) ).json.data;
		expect( i1 ).toMatchObject( {
			status: 'draft',
			content_type: 'guide',
			target_keywords: [ 'x' ],
		} );
		const approved = await api( 'PATCH', `/planner/ideas/${ i1.id }`, {
			token,
			body: { status: 'approved' },
		} );
		expect( approved.json.data.status ).toBe( 'approved' );
		const made = await api( 'POST', '/planner/ideas/create_tasks', {
			token,
			body: { site_id: site.id, idea_ids: [ i1.id, i2.id ] },
		} );
		expect( made.status ).toBe( 201 );
		expect( made.json.data.created ).toBe( 2 );
		expect( made.json.data.tasks[ 0 ] ).toMatchObject( {
			title: 'Guide one',
			idea_id: i1.id,
			cluster_id: cluster.json.data.id,
			status: 'queued',
			target_keywords: [ 'x' ],
			content_type: 'guide',
		} );
		const again = await api( 'POST', '/planner/ideas/create_tasks', {
			token,
			body: { site_id: site.id, idea_ids: [ i1.id ] },
		} );
		expect( again.json.data.created ).toBe( 0 );
		expect(
			( await api( 'GET', `/planner/ideas/${ i1.id }`, { token } ) ).json
				.data.status
		).toBe( 'in_progress' );
		const tasks = await api( 'GET', `/writer/tasks?site_id=${ site.id }`, {
			token,
		} );
		expect( tasks.json.count ).toBe( 2 );
		const summary = await api( 'GET', `/planner/summary?${ q() }`, {
			token,
		} );
		expect( summary.json.data ).toEqual( {
			keywords: {
				total: 1,
				unclustered: 1,
				by_status: { active: 1 },
				volume: 5,
			},
			clusters: { total: 1, by_status: { active: 1 } },
			ideas: { total: 2, by_status: { in_progress: 2 } },
			tasks: { total: 2, by_status: { queued: 2 } },
		} );
	} );

	it( 'refuses a cluster of another sector for an idea', async () => {
		const other = await insertSite( accountId, 'Other' );
		const theirs = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: other.id,
				sector_id: other.sectorId,
				name: 'Theirs',
			},
		} );
		const res = await api( 'POST', '/planner/ideas', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				cluster_id: theirs.json.data.id,
				title: 't',
			},
		} );
		expect( res.status ).toBe( 400 );
		expect( res.json.errors.cluster_id ).toBeTruthy();
	} );
} );

describe( 'algorithmic auto-clustering', () => {
	const group = ( head: string, n: number ) =>
		Array.from( { length: n }, ( _, i ) => ( {
			keyword: [
				`${ head }`,
				`${ head }s`,
				`best ${ head }`,
				`${ head } for men`,
				`mens ${ head }s`,
				`cheap ${ head }`,
			][ i ]!,
			volume: 100 * ( n - i ),
		} ) );

	it( 'clusters a sector for free in one batch and extends clusters on a second run', async () => {
		await addKeywords( [
			{ keyword: 'running shoes for men', volume: 900 },
			{ keyword: "men's running shoes", volume: 2400 },
			{ keyword: 'mens running shoe', volume: 300 },
			{ keyword: 'best running shoes', volume: 5000 },
			{ keyword: 'top running shoes', volume: 700 },
			{ keyword: 'how to clean running shoes', volume: 400 },
			{ keyword: 'how to clean running shoe', volume: 50 },
			{ keyword: 'quantum chromodynamics', volume: 10 },
		] );
		const before = await env.DB.prepare(
			'SELECT credits FROM accounts WHERE id = ?'
		)
			.bind( accountId )
			.first< { credits: number } >();
		const res = await api( 'POST', '/planner/keywords/auto_cluster', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				mode: 'algorithmic',
			},
		} );
		expect( res.status ).toBe( 200 );
		expect( res.json.data ).toMatchObject( {
			mode: 'algorithmic',
			keywords_considered: 8,
			credits_charged: 0,
			clusters_extended: 0,
		} );
		expect( res.json.data.clusters_created ).toBeGreaterThanOrEqual( 2 );
		expect( res.json.data.unclustered ).toBeGreaterThanOrEqual( 1 );
		const after = await env.DB.prepare(
			'SELECT credits FROM accounts WHERE id = ?'
		)
			.bind( accountId )
			.first< { credits: number } >();
		expect( after!.credits ).toBe( before!.credits );

		const clusters = (
			await api( 'GET', `/planner/clusters?${ q() }&ordering=-volume`, {
				token,
			} )
		).json.results as {
			id: number;
			name: string;
			keyword_count: number;
			volume: number;
		}[];
		const mens = clusters.find( ( c ) => c.name === "men's running shoes" );
		expect( mens ).toMatchObject( { keyword_count: 3, volume: 3600 } );
		// Every keyword sits in at most one cluster, and the counts add up.
		const links = await env.DB.prepare(
			'SELECT keyword_id, count(*) AS n FROM keyword_clusters GROUP BY keyword_id HAVING n > 1'
		).all();
		expect( links.results ).toEqual( [] );
		expect( clusters.reduce( ( s, c ) => s + c.keyword_count, 0 ) ).toBe(
			res.json.data.keywords_clustered
		);

		await addKeywords( [ { keyword: 'running shoes men', volume: 90 } ] );
		const again = await api( 'POST', '/planner/keywords/auto_cluster', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				mode: 'algorithmic',
			},
		} );
		expect( again.json.data ).toMatchObject( {
			keywords_considered: expect.any( Number ),
			clusters_created: 0,
			clusters_extended: 1,
		} );
		const extended = (
			await api( 'GET', `/planner/clusters/${ mens!.id }`, { token } )
		).json.data;
		expect( extended ).toMatchObject( { keyword_count: 4, volume: 3690 } );
	} );

	it( 'answers mode "ai" with a clear 422 until an AI provider is configured, charging nothing', async () => {
		const res = await api( 'POST', '/planner/keywords/auto_cluster', {
			token,
			body: { site_id: site.id, sector_id: site.sectorId, mode: 'ai' },
		} );
		expect( res.status ).toBe( 422 );
		expect( res.json.error ).toMatch( /AI provider/ );
	} );

	it( 'clusters 2,000 keywords of a sector within the statement budget', async () => {
		const heads = Array.from(
			{ length: 400 },
			( _, i ) => `widget model ${ i }`
		);
		const rows = heads.flatMap( ( h ) => group( h, 6 ) ).slice( 0, 2000 );
		for ( let i = 0; i < rows.length; i += 1000 )
			await addKeywords( rows.slice( i, i + 1000 ) );
		const res = await api( 'POST', '/planner/keywords/auto_cluster', {
			token,
			body: { site_id: site.id, sector_id: site.sectorId },
		} );
		expect( res.status ).toBe( 200 );
		expect( res.json.data.keywords_considered ).toBe( 2000 );
		expect( res.json.data.clusters_created ).toBeGreaterThan( 100 );
	} );
} );
