// Algorithmic auto-clustering of a sector (no AI, no credits): the shared clusterer decides, this writes
// the new clusters, the links and the counts in one transaction.
import { sql, type SQL } from 'drizzle-orm';
import { clusterKeywords, type ExistingCluster } from '@igny8/shared';
import { transaction, type Db } from '../db';
import { clusters, keywordClusters, keywords } from '../db/schema';
import { jsonIds } from '../lib/keyset';
import type { Sector, Site } from '../lib/resources';
import { assertClusterRoom, recountStatement } from './clusters';

const CHUNK = 5000;

/** Unclustered (or the given) keywords of a sector, and the sector's active clusters with their keywords. */
export async function clusteringInput(
	db: Db,
	site: Site,
	sectorId: number,
	keywordIds?: number[]
) {
	const candidates = await db.all< {
		id: number;
		keyword: string;
		volume: number | null;
	} >(
		sql`SELECT k.id, k.keyword, k.volume FROM ${ keywords } k
        WHERE k.account_id = ${ site.accountId } AND k.sector_id = ${ sectorId } AND k.status != 'inactive'
          ${ keywordIds ? sql`AND k.id IN ${ jsonIds( keywordIds ) }` : sql`` }
          AND NOT EXISTS (SELECT 1 FROM ${ keywordClusters } kc WHERE kc.keyword_id = k.id)`
	);
	const members = await db.all< {
		cluster_id: number;
		name: string;
		id: number;
		keyword: string;
		volume: number | null;
	} >(
		sql`SELECT c.id AS cluster_id, c.name, k.id, k.keyword, k.volume FROM ${ clusters } c
        JOIN ${ keywordClusters } kc ON kc.cluster_id = c.id JOIN ${ keywords } k ON k.id = kc.keyword_id
        WHERE c.account_id = ${ site.accountId } AND c.sector_id = ${ sectorId } AND c.status = 'active'`
	);
	const existing = new Map< number, ExistingCluster >();
	for ( const m of members ) {
		const c = existing.get( m.cluster_id ) ?? {
			id: m.cluster_id,
			name: m.name,
			keywords: [],
		};
		c.keywords.push( { id: m.id, keyword: m.keyword, volume: m.volume } );
		existing.set( m.cluster_id, c );
	}
	return { candidates, existing: [ ...existing.values() ] };
}

export async function autoCluster(
	db: Db,
	site: Site,
	sector: Sector,
	keywordIds?: number[]
) {
	const { candidates, existing } = await clusteringInput(
		db,
		site,
		sector.id,
		keywordIds
	);
	const result = clusterKeywords( candidates, { existing } );
	await assertClusterRoom( db, site.accountId, result.clusters.length );

	for ( let attempt = 0; ; attempt++ ) {
		try {
			await writeResult( db, site, sector, result );
			break;
		} catch ( err ) {
			// Another run took the same new cluster ids: the transaction rolled back; take fresh ids.
			if (
				attempt < 3 &&
				/UNIQUE|PRIMARY KEY|constraint/i.test( String( err ) )
			)
				continue;
			throw err;
		}
	}
	const clustered =
		result.clusters.reduce( ( s, c ) => s + c.keywordIds.length, 0 ) +
		result.extended.reduce( ( s, e ) => s + e.keywordIds.length, 0 );
	return {
		mode: 'algorithmic' as const,
		keywords_considered: candidates.length,
		clusters_created: result.clusters.length,
		clusters_extended: result.extended.filter(
			( e ) => e.keywordIds.length > 0
		).length,
		keywords_clustered: clustered,
		unclustered: result.unclustered.length,
		credits_charged: 0 as const,
	};
}

async function writeResult(
	db: Db,
	site: Site,
	sector: Sector,
	result: ReturnType< typeof clusterKeywords >
) {
	const statements = await clusterStatements(
		db,
		site,
		sector.id,
		result.clusters,
		result.extended,
		'algorithmic'
	);
	if ( statements.length ) await transaction( db, statements );
}

export interface NewClusterSpec {
	name: string;
	description?: string | null;
	keywordIds: number[];
}

/**
 * The statements that create clusters (with ids taken past the current maximum, so links can name them in
 * the same transaction) and file keywords into new and existing clusters, then recount them. Keywords
 * already in a cluster, or of another sector, are skipped. With `guard`, each statement runs only while
 * the guard holds (an AI job's claim).
 */
export async function clusterStatements(
	db: Db,
	site: Site,
	sectorId: number,
	created: NewClusterSpec[],
	extended: { clusterId: number; keywordIds: number[] }[],
	source: 'algorithmic' | 'ai',
	guard?: SQL
): Promise< SQL[] > {
	const when = guard ? sql` AND ${ guard }` : sql``;
	const [ top ] = await db.all< { id: number } >(
		sql`SELECT max(
			coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'clusters'), 0),
			coalesce((SELECT max(id) FROM ${ clusters }), 0)
		) AS id`
	);
	let next = ( top?.id ?? 0 ) + 1;
	const newClusters = created
		.filter( ( c ) => c.keywordIds.length > 0 )
		.map( ( c ) => ( { id: next++, ...c } ) );
	const links: [ number, number ][] = [];
	for ( const c of newClusters )
		for ( const k of c.keywordIds ) links.push( [ k, c.id ] );
	for ( const e of extended )
		for ( const k of e.keywordIds ) links.push( [ k, e.clusterId ] );
	const touched = [
		...newClusters.map( ( c ) => c.id ),
		...extended
			.filter( ( e ) => e.keywordIds.length )
			.map( ( e ) => e.clusterId ),
	];
	if ( ! touched.length ) return [];

	const statements: SQL[] = [];
	for ( let i = 0; i < newClusters.length; i += CHUNK ) {
		const rows = JSON.stringify(
			newClusters
				.slice( i, i + CHUNK )
				.map( ( c ) => [
					c.id,
					c.name.slice( 0, 200 ),
					c.description ?? null,
				] )
		);
		statements.push(
			sql`INSERT INTO ${ clusters } (id, account_id, site_id, sector_id, name, description, source)
        SELECT json_extract(value, '$[0]'), ${ site.accountId }, ${ site.id }, ${ sectorId },
          json_extract(value, '$[1]'), json_extract(value, '$[2]'), ${ source }
        FROM json_each(${ rows }) WHERE true${ when }`
		);
	}
	for ( let i = 0; i < links.length; i += CHUNK ) {
		statements.push(
			sql`INSERT INTO ${ keywordClusters } (keyword_id, cluster_id, account_id)
        SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), ${ site.accountId }
        FROM json_each(${ JSON.stringify( links.slice( i, i + CHUNK ) ) }) j
        JOIN ${ keywords } k ON k.id = json_extract(j.value, '$[0]') AND k.sector_id = ${ sectorId }
          AND k.account_id = ${ site.accountId }
        WHERE NOT EXISTS (SELECT 1 FROM ${ keywordClusters } x WHERE x.keyword_id = k.id)${ when }`
		);
	}
	statements.push(
		guard
			? sql`${ recountStatement( touched ) } AND ${ guard }`
			: recountStatement( touched )
	);
	return statements;
}
