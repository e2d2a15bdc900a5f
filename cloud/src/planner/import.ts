// CSV import: parse, then insert the good rows, the clusters they name and their links in one D1 transaction.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { CsvImportResult } from '@igny8/shared';
import { transaction, type Db } from '../db';
import { clusters, keywordClusters, keywords } from '../db/schema';
import type { Sector, Site } from '../lib/resources';
import { assertClusterRoom, recountStatement, recountWhere } from './clusters';
import { parseKeywordCsv } from './csv';
import {
	createdBy,
	INSERT_CHUNK,
	keywordInsertStatements,
	prepareKeyword,
} from './keywords';
import { keywordKey } from './normalize';

/** Cluster names per INSERT … SELECT FROM json_each(?): names are ≤ 200 characters, far below D1's 2 MB a value. */
const CLUSTER_CHUNK = 1000;

/**
 * Imports a keyword CSV into a sector. Everything is checked first (file, rows, plan limits); then keywords,
 * clusters and links land in one batch, so a failure leaves no keyword without the cluster the file named.
 * A 100,000-row file with 5,000 cluster names takes 71 statements (D1 allows 1,000 per invocation): 20
 * counts and 20 inserts of keywords, 5 inserts of clusters, 20 of links, one recount, and 5 reads (plan
 * limits, the sector's clusters).
 */
export async function importKeywordCsv(
	db: Db,
	site: Site,
	sector: Sector,
	text: string
): Promise< CsvImportResult > {
	const { rows, errors, errorsTotal, columns, total } =
		parseKeywordCsv( text );
	const inserts = await keywordInsertStatements(
		db,
		site,
		sector,
		rows.map( prepareKeyword ),
		'csv_import'
	);
	const filing = await clusterStatements( db, site, sector, rows );
	const results = await transaction( db, [ ...inserts, ...filing ] );
	const created = createdBy( results.slice( 0, inserts.length ) );
	return {
		rows: total,
		created,
		skipped_duplicates: rows.length - created,
		errors,
		errors_total: errorsTotal,
		columns,
	};
}

/**
 * The statements that file rows with a cluster name into that cluster of the sector: an existing one whose name
 * is the same up to case, width and spaces (the oldest, if several are), else one made here under the name as
 * the file first spells it. Runs after the keyword inserts in the same batch; checks the plan's cluster limit.
 */
async function clusterStatements(
	db: Db,
	site: Site,
	sector: Sector,
	rows: { keyword: string; cluster: string | null }[]
): Promise< SQL[] > {
	if ( ! rows.some( ( r ) => r.cluster ) ) return [];
	const existing = await db
		.select( { id: clusters.id, name: clusters.name } )
		.from( clusters )
		.where(
			and(
				eq( clusters.accountId, site.accountId ),
				eq( clusters.siteId, site.id ),
				eq( clusters.sectorId, sector.id )
			)
		)
		.orderBy( asc( clusters.id ) );
	const existingIds = new Map< string, number >();
	for ( const c of existing )
		if ( ! existingIds.has( keywordKey( c.name ) ) )
			existingIds.set( keywordKey( c.name ), c.id );
	// Clusters made in the batch get ids above every id read here (AUTOINCREMENT), and have no id before it runs:
	// their links find them by exact name among this sector's clusters newer than `since`.
	const since = existing.at( -1 )?.id ?? 0;
	const madeNames = new Map< string, string >();
	const toExisting = new Map< string, [ string, number ] >();
	const toMade = new Map< string, [ string, string ] >();
	for ( const r of rows ) {
		if ( ! r.cluster ) continue;
		const key = keywordKey( r.cluster );
		const norm = keywordKey( r.keyword );
		const id = existingIds.get( key );
		if ( id !== undefined ) {
			toExisting.set( `${ norm }\n${ id }`, [ norm, id ] );
		} else {
			const name = madeNames.get( key ) ?? r.cluster;
			madeNames.set( key, name );
			toMade.set( `${ norm }\n${ key }`, [ norm, name ] );
		}
	}
	await assertClusterRoom( db, site.accountId, madeNames.size );

	const statements: SQL[] = [];
	const names = [ ...madeNames.values() ];
	for ( let i = 0; i < names.length; i += CLUSTER_CHUNK ) {
		statements.push(
			sql`INSERT INTO ${ clusters } (account_id, site_id, sector_id, name, source)
        SELECT ${ site.accountId }, ${ site.id }, ${ sector.id }, value, 'manual'
        FROM json_each(${ JSON.stringify( names.slice( i, i + CLUSTER_CHUNK ) ) })`
		);
	}
	// Each link statement reads the pairs in order and finds each keyword by (sector_id, keyword_norm): without
	// CROSS JOIN SQLite walks the sector's keywords outside the pairs (100,000 × 5,000 per chunk).
	const linksToExisting = [ ...toExisting.values() ];
	for ( let i = 0; i < linksToExisting.length; i += INSERT_CHUNK ) {
		statements.push(
			sql`INSERT OR IGNORE INTO ${ keywordClusters } (keyword_id, cluster_id, account_id)
        SELECT k.id, json_extract(j.value, '$[1]'), ${ site.accountId }
        FROM json_each(${ JSON.stringify( linksToExisting.slice( i, i + INSERT_CHUNK ) ) }) j
        CROSS JOIN ${ keywords } k ON k.sector_id = ${ sector.id } AND k.keyword_norm = json_extract(j.value, '$[0]')`
		);
	}
	const linksToMade = [ ...toMade.values() ];
	for ( let i = 0; i < linksToMade.length; i += INSERT_CHUNK ) {
		// The newest cluster of the name is this batch's own, even if another request made a namesake meanwhile.
		// `made` is materialized so SQLite indexes it by name; CROSS JOIN keeps the pairs the outer loop.
		statements.push(
			sql`WITH made AS MATERIALIZED (
          SELECT name, max(id) AS id FROM ${ clusters }
          WHERE site_id = ${ site.id } AND sector_id = ${ sector.id } AND id > ${ since }
            AND account_id = ${ site.accountId }
          GROUP BY name)
        INSERT OR IGNORE INTO ${ keywordClusters } (keyword_id, cluster_id, account_id)
        SELECT k.id, made.id, ${ site.accountId }
        FROM json_each(${ JSON.stringify( linksToMade.slice( i, i + INSERT_CHUNK ) ) }) j
        CROSS JOIN ${ keywords } k
        CROSS JOIN made
        WHERE k.sector_id = ${ sector.id } AND k.keyword_norm = json_extract(j.value, '$[0]')
          AND made.name = json_extract(j.value, '$[1]')`
		);
	}
	if ( toExisting.size )
		statements.push(
			recountStatement( [
				...new Set( linksToExisting.map( ( [ , id ] ) => id ) ),
			] )
		);
	if ( madeNames.size ) {
		statements.push(
			recountWhere(
				sql`${ clusters.siteId } = ${ site.id } AND ${ clusters.sectorId } = ${ sector.id }
					AND ${ clusters.id } > ${ since }`
			)
		);
	}
	return statements;
}
