// CSV import into clusters: one transaction for keywords, clusters and links, within D1's limits; bounded errors.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../test/helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	type SiteFixture,
} from '../../test/world';
import { createDb } from '../db';
import { sectors, sites } from '../db/schema';
import { importKeywordCsv } from './import';

let token: string;
let site: SiteFixture;

beforeEach( async () => {
	const accountId = await insertAccount( 'Import Co' );
	token = ( await signedInUser( accountId, 'owner' ) ).token;
	site = await insertSite( accountId, 'Import site' );
} );

const q = ( extra = '' ) =>
	`site_id=${ site.id }&sector_id=${ site.sectorId }${ extra }`;

function importCsv( text: string ) {
	return api( 'POST', `/planner/keywords/import_csv?${ q() }`, {
		token,
		raw: text,
		headers: { 'content-type': 'text/csv' },
	} );
}

interface KeywordOut {
	id: number;
	keyword: string;
	volume: number | null;
	cluster_ids: number[];
}
interface ClusterOut {
	id: number;
	name: string;
	keyword_count: number;
	volume: number;
}

async function keywordsOf(
	extra = ''
): Promise< { count: number; results: KeywordOut[] } > {
	const res = await api(
		'GET',
		`/planner/keywords?${ q( extra ) }&page_size=200`,
		{ token }
	);
	expect( res.status ).toBe( 200 );
	return res.json;
}

async function clustersOf(): Promise< ClusterOut[] > {
	const res = await api(
		'GET',
		`/planner/clusters?${ q() }&page_size=200&ordering=id`,
		{ token }
	);
	expect( res.status ).toBe( 200 );
	return res.json.results;
}

/** Clusters of the sector whose stored keyword_count or volume differs from their links. */
async function miscounted( sectorId: number ) {
	const { results } = await env.DB.prepare(
		`SELECT c.id FROM clusters c WHERE c.sector_id = ?1 AND (
       c.keyword_count != (SELECT count(*) FROM keyword_clusters kc WHERE kc.cluster_id = c.id)
       OR c.volume != (SELECT coalesce(sum(k.volume), 0) FROM keyword_clusters kc
         JOIN keywords k ON k.id = kc.keyword_id WHERE kc.cluster_id = c.id))`
	)
		.bind( sectorId )
		.all();
	return results;
}

describe( 'CSV import into named clusters', () => {
	it( 'files every keyword of 40 cluster names into its cluster, reusing a same-named cluster whatever its case', async () => {
		const seeded = await api( 'POST', '/planner/keywords/bulk_create', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				keywords: [ { keyword: 'espresso basics', volume: 100 } ],
			},
		} );
		expect( seeded.status ).toBe( 201 );
		const [ basics ] = ( await keywordsOf() ).results;
		const existing = await api( 'POST', '/planner/clusters', {
			token,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'Espresso Drinks',
				keyword_ids: [ basics!.id ],
			},
		} );
		expect( existing.status ).toBe( 201 );

		const lines = [ 'keyword,volume,cluster' ];
		const expected = new Map<
			string,
			{ keywords: string[]; volume: number }
		>();
		for ( let t = 0; t < 40; t++ ) {
			const name = `Topic ${ t }`;
			expected.set( name, { keywords: [], volume: 0 } );
			for ( let k = 0; k < 2; k++ ) {
				const keyword = `topic ${ t } keyword ${ k }`;
				lines.push( `${ keyword },${ t * 10 + k },${ name }` );
				expected.get( name )!.keywords.push( keyword );
				expected.get( name )!.volume += t * 10 + k;
			}
		}
		// The same name in other case and spacing joins the same new cluster, as does the existing cluster's name.
		lines.push(
			'topic 0 extra,7,TOPIC 0 ',
			'espresso basics,999,espresso DRINKS',
			'espresso tonic,50,ESPRESSO drinks'
		);
		expected.get( 'Topic 0' )!.keywords.push( 'topic 0 extra' );
		expected.get( 'Topic 0' )!.volume += 7;
		expected.set( 'Espresso Drinks', {
			keywords: [ 'espresso basics', 'espresso tonic' ],
			volume: 150,
		} );

		const res = await importCsv( lines.join( '\n' ) );
		expect( res.status ).toBe( 200 );
		expect( res.json.data ).toMatchObject( {
			rows: 83,
			created: 82,
			skipped_duplicates: 1,
			errors: [],
			errors_total: 0,
		} );

		const clusters = await clustersOf();
		expect( clusters.map( ( c ) => c.name ).sort() ).toEqual(
			[ ...expected.keys() ].sort()
		);
		expect(
			clusters.find( ( c ) => c.name === 'Espresso Drinks' )!.id
		).toBe( existing.json.data.id );
		const keywords = ( await keywordsOf() ).results;
		expect( keywords ).toHaveLength( 83 );
		const byKeyword = new Map( keywords.map( ( k ) => [ k.keyword, k ] ) );
		for ( const cluster of clusters ) {
			const want = expected.get( cluster.name )!;
			expect( {
				name: cluster.name,
				keyword_count: cluster.keyword_count,
				volume: cluster.volume,
			} ).toEqual( {
				name: cluster.name,
				keyword_count: want.keywords.length,
				volume: want.volume,
			} );
			for ( const keyword of want.keywords )
				expect( byKeyword.get( keyword )!.cluster_ids ).toEqual( [
					cluster.id,
				] );
		}
		expect( ( await keywordsOf( '&cluster_id=none' ) ).count ).toBe( 0 );
	} );

	it.each( [
		[ 'a cluster', 'clusters', "NEW.name = 'Refused by the database'" ],
		[
			'a keyword-to-cluster link',
			'keyword_clusters',
			"NEW.cluster_id IN (SELECT id FROM clusters WHERE name = 'Refused by the database')",
		],
	] )(
		'writes nothing when the database refuses %s after the file was read',
		async ( _what, table, when ) => {
			// A trigger stands in for any failure inside the batch once the file was read and the limits checked.
			const trigger = `refuse_import_${ table }`;
			await env.DB.prepare(
				`CREATE TRIGGER ${ trigger } BEFORE INSERT ON ${ table } WHEN ${ when } BEGIN SELECT RAISE(ABORT, 'refused'); END`
			).run();
			try {
				const csv = [
					'keyword,volume,cluster',
					'latte art,100,Latte',
					'latte recipe,50,Latte',
					'cold brew,30,Refused by the database',
					'flat white,10,',
				].join( '\n' );
				const res = await importCsv( csv );
				expect( res.status ).toBe( 500 );
			} finally {
				await env.DB.prepare( `DROP TRIGGER ${ trigger }` ).run();
			}
			expect( ( await keywordsOf() ).count ).toBe( 0 );
			expect( await clustersOf() ).toEqual( [] );
		}
	);

	const bigFile = () =>
		'keyword,volume,cluster\n' +
		Array.from(
			{ length: 100_000 },
			( _, i ) =>
				`keyword number ${ i },${ i % 100 },Cluster ${ i % 5000 }`
		).join( '\n' );

	it( 'imports 100,000 rows into 5,000 cluster names in one request within the statement budget', async () => {
		const res = await importCsv( bigFile() );
		expect( res.status ).toBe( 200 );
		expect( res.json.data ).toMatchObject( {
			created: 100_000,
			errors_total: 0,
		} );
		const stats = await env.DB.prepare(
			`SELECT (SELECT count(*) FROM clusters WHERE sector_id = ?1) AS clusters,
              (SELECT count(DISTINCT lower(name)) FROM clusters WHERE sector_id = ?1) AS names,
              (SELECT count(*) FROM keyword_clusters kc JOIN clusters c ON c.id = kc.cluster_id
                WHERE c.sector_id = ?1) AS links,
              (SELECT count(*) FROM keywords k WHERE k.sector_id = ?1
                AND NOT EXISTS (SELECT 1 FROM keyword_clusters kc WHERE kc.keyword_id = k.id)) AS unclustered`
		)
			.bind( site.sectorId )
			.first();
		expect( stats ).toEqual( {
			clusters: 5000,
			names: 5000,
			links: 100_000,
			unclustered: 0,
		} );
		expect( await miscounted( site.sectorId ) ).toEqual( [] );
	} );

	it( 'needs fewer than 100 statements for 100,000 rows and 5,000 cluster names', async () => {
		const reader = createDb( env.DB );
		const siteRow = ( await reader.query.sites.findFirst( {
			where: eq( sites.id, site.id ),
		} ) )!;
		const sectorRow = ( await reader.query.sectors.findFirst( {
			where: eq( sectors.id, site.sectorId ),
		} ) )!;
		const result = await importKeywordCsv(
			createDb( env.DB, 100 ),
			siteRow,
			sectorRow,
			bigFile()
		);
		expect( result.created ).toBe( 100_000 );
	} );
} );

describe( 'CSV import errors', () => {
	it( 'lists the first 1,000 errors and counts them all', async () => {
		const csv =
			'keyword,volume\n' +
			Array.from(
				{ length: 5000 },
				( _, i ) => `bad volume ${ i },lots`
			).join( '\n' ) +
			'\ngood keyword,10\n';
		const res = await importCsv( csv );
		expect( res.status ).toBe( 200 );
		const data = res.json.data;
		expect( data.created ).toBe( 1 );
		expect( data.errors.length ).toBe( 1000 );
		expect( data.errors_total ).toBe( 5000 );
		expect( data.errors[ 0 ] ).toEqual( {
			row: 2,
			field: 'volume',
			message: 'must be a whole number such as 1200 or 1.2K',
		} );
		expect( data.errors.at( -1 ).row ).toBe( 1001 );
		// About 85 KB; all 5,000 errors would be about 430 KB (and 60,000 rows, 23 MB).
		expect( res.text.length ).toBeLessThan( 150_000 );
	} );
} );
