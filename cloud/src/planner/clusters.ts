// Clusters: CRUD, adding and removing keywords, merge and split; keyword_count and volume kept correct.
import { and, asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import { clusters, keywordClusters, keywords } from '../db/schema';
import { AppError, notFound, planLimit } from '../lib/errors';
import { jsonIds } from '../lib/keyset';
import type { Cluster, Sector, Site } from '../lib/resources';
import { accountPlan } from '../tenancy/plans';
import { likeContains } from './normalize';

/** The statement that brings keyword_count and volume of the given clusters in line with their links. */
export function recountStatement( clusterIds: readonly number[] ) {
	return recountWhere( sql`${ clusters.id } IN ${ jsonIds( clusterIds ) }` );
}

/** The same for the clusters a condition picks (clusters made earlier in the same transaction have no id yet). */
export function recountWhere( condition: SQL ) {
	return sql`UPDATE ${ clusters } SET
      keyword_count = (SELECT count(*) FROM ${ keywordClusters } kc WHERE kc.cluster_id = ${ clusters.id }),
      volume = (SELECT coalesce(sum(k.volume), 0) FROM ${ keywordClusters } kc
        JOIN ${ keywords } k ON k.id = kc.keyword_id WHERE kc.cluster_id = ${ clusters.id }),
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
    WHERE (${ condition })`;
}

export async function recountClusters( db: Db, clusterIds: readonly number[] ) {
	if ( clusterIds.length ) await db.run( recountStatement( clusterIds ) );
}

export async function assertClusterRoom(
	db: Db,
	accountId: number,
	adding: number
) {
	if ( adding <= 0 ) return;
	const plan = await accountPlan( db, accountId );
	if ( ! plan ) return;
	const [ row ] = await db
		.select( { n: count() } )
		.from( clusters )
		.where( eq( clusters.accountId, accountId ) );
	if ( ( row?.n ?? 0 ) + adding > plan.maxClusters )
		throw planLimit( 'max_clusters', plan.maxClusters );
}

export interface ClusterFilters {
	sector_id?: number;
	status?: Cluster[ 'status' ];
	search?: string;
	ordering?: string;
	page?: number;
	page_size?: number;
}

const CLUSTER_ORDER: Record< string, SQL[] > = {
	name: [ asc( clusters.name ), asc( clusters.id ) ],
	'-name': [ desc( clusters.name ), desc( clusters.id ) ],
	keyword_count: [ asc( clusters.keywordCount ), asc( clusters.id ) ],
	'-keyword_count': [ desc( clusters.keywordCount ), desc( clusters.id ) ],
	volume: [ asc( clusters.volume ), asc( clusters.id ) ],
	'-volume': [ desc( clusters.volume ), desc( clusters.id ) ],
	created_at: [ asc( clusters.id ) ],
	'-created_at': [ desc( clusters.id ) ],
	id: [ asc( clusters.id ) ],
	'-id': [ desc( clusters.id ) ],
};

export async function listClusters( db: Db, site: Site, f: ClusterFilters ) {
	const where = and(
		eq( clusters.accountId, site.accountId ),
		eq( clusters.siteId, site.id ),
		f.sector_id ? eq( clusters.sectorId, f.sector_id ) : undefined,
		f.status ? eq( clusters.status, f.status ) : undefined,
		f.search
			? sql`lower(${ clusters.name }) LIKE ${ likeContains( f.search ) } ESCAPE '\\'`
			: undefined
	);
	const pageSize = f.page_size ?? 50;
	const page = f.page ?? 1;
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( clusters )
			.where( where )
			.orderBy(
				...( CLUSTER_ORDER[ f.ordering ?? '-volume' ] ??
					CLUSTER_ORDER[ '-volume' ]! )
			)
			.limit( pageSize )
			.offset( ( page - 1 ) * pageSize ),
		db.select( { n: count() } ).from( clusters ).where( where ),
	] );
	return { rows, count: total?.n ?? 0, page, pageSize };
}

/** Keywords of the ids that are in this cluster's sector (others are an error naming them). */
async function sectorKeywordIds(
	db: Db,
	cluster: Pick< Cluster, 'accountId' | 'sectorId' >,
	ids: number[]
): Promise< number[] > {
	const rows = await db
		.select( { id: keywords.id } )
		.from( keywords )
		.where(
			and(
				eq( keywords.accountId, cluster.accountId ),
				eq( keywords.sectorId, cluster.sectorId ),
				sql`${ keywords.id } IN ${ jsonIds( ids ) }`
			)
		);
	const found = new Set( rows.map( ( r ) => r.id ) );
	const missing = ids.filter( ( id ) => ! found.has( id ) );
	if ( missing.length ) {
		throw new AppError(
			'validation',
			'Some keywords are not in this sector',
			{
				keyword_ids: [
					`not found in this sector: ${ missing.slice( 0, 20 ).join( ', ' ) }`,
				],
			}
		);
	}
	return [ ...found ];
}

function linkStatement(
	clusterId: number,
	accountId: number,
	keywordIds: number[]
) {
	return sql`INSERT OR IGNORE INTO ${ keywordClusters } (keyword_id, cluster_id, account_id)
    SELECT value, ${ clusterId }, ${ accountId } FROM json_each(${ JSON.stringify( keywordIds ) })`;
}

export async function getCluster( db: Db, id: number ) {
	const row = await db.query.clusters.findFirst( {
		where: eq( clusters.id, id ),
	} );
	if ( ! row ) throw notFound();
	return row;
}

export async function createCluster(
	db: Db,
	site: Site,
	sector: Sector,
	input: { name: string; description?: string | null; keyword_ids?: number[] }
) {
	await assertClusterRoom( db, site.accountId, 1 );
	const ids = input.keyword_ids?.length
		? await sectorKeywordIds(
				db,
				{ accountId: site.accountId, sectorId: sector.id },
				input.keyword_ids
			)
		: [];
	const [ row ] = await db
		.insert( clusters )
		.values( {
			accountId: site.accountId,
			siteId: site.id,
			sectorId: sector.id,
			name: input.name,
			description: input.description ?? null,
		} )
		.returning();
	if ( ids.length )
		await transaction( db, [
			linkStatement( row!.id, site.accountId, ids ),
			recountStatement( [ row!.id ] ),
		] );
	return getCluster( db, row!.id );
}

export async function updateCluster(
	db: Db,
	cluster: Cluster,
	input: {
		name?: string;
		description?: string | null;
		status?: Cluster[ 'status' ];
	}
) {
	const [ row ] = await db
		.update( clusters )
		.set( {
			...( input.name !== undefined && { name: input.name } ),
			...( input.description !== undefined && {
				description: input.description,
			} ),
			...( input.status !== undefined && { status: input.status } ),
			updatedAt: new Date().toISOString(),
		} )
		.where( eq( clusters.id, cluster.id ) )
		.returning();
	return row!;
}

export async function deleteCluster( db: Db, cluster: Cluster ) {
	await db.delete( clusters ).where( eq( clusters.id, cluster.id ) );
}

export async function addKeywords(
	db: Db,
	cluster: Cluster,
	keywordIds: number[]
) {
	const ids = await sectorKeywordIds( db, cluster, keywordIds );
	await transaction( db, [
		linkStatement( cluster.id, cluster.accountId, ids ),
		recountStatement( [ cluster.id ] ),
	] );
	return getCluster( db, cluster.id );
}

export async function removeKeywords(
	db: Db,
	cluster: Cluster,
	keywordIds: number[]
) {
	await transaction( db, [
		db
			.delete( keywordClusters )
			.where(
				and(
					eq( keywordClusters.clusterId, cluster.id ),
					sql`${ keywordClusters.keywordId } IN ${ jsonIds( keywordIds ) }`
				)
			),
		recountStatement( [ cluster.id ] ),
	] );
	return getCluster( db, cluster.id );
}

/** Moves every keyword of the other clusters into this one and deletes them, in one transaction. */
export async function mergeClusters(
	db: Db,
	target: Cluster,
	otherIds: number[]
) {
	const others = await db
		.select( { id: clusters.id } )
		.from( clusters )
		.where(
			and(
				eq( clusters.accountId, target.accountId ),
				eq( clusters.sectorId, target.sectorId ),
				ne( clusters.id, target.id ),
				sql`${ clusters.id } IN ${ jsonIds( otherIds ) }`
			)
		);
	const found = new Set( others.map( ( o ) => o.id ) );
	const missing = otherIds.filter( ( id ) => ! found.has( id ) );
	if ( missing.length ) {
		throw new AppError(
			'validation',
			'Clusters can only be merged within one sector, and not into themselves',
			{ cluster_ids: [ `not mergeable: ${ missing.join( ', ' ) }` ] }
		);
	}
	const ids = [ ...found ];
	await transaction( db, [
		sql`INSERT OR IGNORE INTO ${ keywordClusters } (keyword_id, cluster_id, account_id)
      SELECT keyword_id, ${ target.id }, account_id FROM ${ keywordClusters } WHERE cluster_id IN ${ jsonIds( ids ) }`,
		db
			.delete( clusters )
			.where( sql`${ clusters.id } IN ${ jsonIds( ids ) }` ),
		recountStatement( [ target.id ] ),
	] );
	return getCluster( db, target.id );
}

/** Moves the given keywords of this cluster into a new cluster, in one transaction. */
export async function splitCluster(
	db: Db,
	source: Cluster,
	keywordIds: number[],
	name: string
) {
	const members = await db
		.select( { id: keywordClusters.keywordId } )
		.from( keywordClusters )
		.where(
			and(
				eq( keywordClusters.clusterId, source.id ),
				sql`${ keywordClusters.keywordId } IN ${ jsonIds( keywordIds ) }`
			)
		);
	const found = new Set( members.map( ( m ) => m.id ) );
	const missing = keywordIds.filter( ( id ) => ! found.has( id ) );
	if ( missing.length )
		throw new AppError(
			'validation',
			'Only keywords of this cluster can be split off',
			{
				keyword_ids: [
					`not in this cluster: ${ missing.slice( 0, 20 ).join( ', ' ) }`,
				],
			}
		);
	await assertClusterRoom( db, source.accountId, 1 );
	const ids = [ ...found ];
	// last_insert_rowid() names the new cluster inside the same transaction.
	const [ , , , created ] = await transaction( db, [
		db.insert( clusters ).values( {
			accountId: source.accountId,
			siteId: source.siteId,
			sectorId: source.sectorId,
			name,
			source: 'manual',
		} ),
		sql`UPDATE ${ keywordClusters } SET cluster_id = last_insert_rowid()
			WHERE cluster_id = ${ source.id } AND keyword_id IN ${ jsonIds( ids ) }`,
		sql`UPDATE ${ clusters } SET
        keyword_count = (SELECT count(*) FROM ${ keywordClusters } kc WHERE kc.cluster_id = ${ clusters.id }),
        volume = (SELECT coalesce(sum(k.volume), 0) FROM ${ keywordClusters } kc
          JOIN ${ keywords } k ON k.id = kc.keyword_id WHERE kc.cluster_id = ${ clusters.id }),
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE ${ clusters.id } IN (${ source.id }, last_insert_rowid())`,
		sql`SELECT last_insert_rowid() AS id`,
	] );
	const newId = Number( created!.results[ 0 ]!.id );
	return {
		source: await getCluster( db, source.id ),
		created: await getCluster( db, newId ),
	};
}
