// Ideas: CRUD and turning approved ideas into writer tasks.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import { clusters, ideas, tasks } from '../db/schema';
import { AppError } from '../lib/errors';
import { jsonIds } from '../lib/keyset';
import type { Idea, Sector, Site } from '../lib/resources';
import { likeContains } from './normalize';

type IdeaInput = {
	cluster_id?: number | null;
	title?: string;
	description?: string | null;
	target_keywords?: string[];
	content_type?: string;
	status?: Idea[ 'status' ];
};

async function assertClusterOfSector(
	db: Db,
	accountId: number,
	sectorId: number,
	clusterId: number | null | undefined
) {
	if ( clusterId == null ) return;
	const row = await db.query.clusters.findFirst( {
		where: and(
			eq( clusters.id, clusterId ),
			eq( clusters.accountId, accountId ),
			eq( clusters.sectorId, sectorId )
		),
	} );
	if ( ! row )
		throw new AppError( 'validation', 'The cluster is not in this sector', {
			cluster_id: [ 'not found in this sector' ],
		} );
}

const IDEA_ORDER: Record< string, SQL[] > = {
	title: [ asc( ideas.title ), asc( ideas.id ) ],
	'-title': [ desc( ideas.title ), desc( ideas.id ) ],
	created_at: [ asc( ideas.id ) ],
	'-created_at': [ desc( ideas.id ) ],
	id: [ asc( ideas.id ) ],
	'-id': [ desc( ideas.id ) ],
};

export async function listIdeas(
	db: Db,
	site: Site,
	f: {
		sector_id?: number;
		cluster_id?: number;
		status?: Idea[ 'status' ];
		content_type?: string;
		search?: string;
		ordering?: string;
		page?: number;
		page_size?: number;
	}
) {
	const where = and(
		eq( ideas.accountId, site.accountId ),
		eq( ideas.siteId, site.id ),
		f.sector_id ? eq( ideas.sectorId, f.sector_id ) : undefined,
		f.cluster_id ? eq( ideas.clusterId, f.cluster_id ) : undefined,
		f.status ? eq( ideas.status, f.status ) : undefined,
		f.content_type ? eq( ideas.contentType, f.content_type ) : undefined,
		f.search
			? sql`lower(${ ideas.title }) LIKE ${ likeContains( f.search ) } ESCAPE '\\'`
			: undefined
	);
	const pageSize = f.page_size ?? 50;
	const page = f.page ?? 1;
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( ideas )
			.where( where )
			.orderBy(
				...( IDEA_ORDER[ f.ordering ?? '-id' ] ?? IDEA_ORDER[ '-id' ]! )
			)
			.limit( pageSize )
			.offset( ( page - 1 ) * pageSize ),
		db.select( { n: count() } ).from( ideas ).where( where ),
	] );
	return { rows, count: total?.n ?? 0, page, pageSize };
}

export async function createIdea(
	db: Db,
	site: Site,
	sector: Sector,
	input: IdeaInput & { title: string }
) {
	await assertClusterOfSector(
		db,
		site.accountId,
		sector.id,
		input.cluster_id
	);
	const [ row ] = await db
		.insert( ideas )
		.values( {
			accountId: site.accountId,
			siteId: site.id,
			sectorId: sector.id,
			clusterId: input.cluster_id ?? null,
			title: input.title,
			description: input.description ?? null,
			targetKeywords: input.target_keywords ?? [],
			contentType: input.content_type ?? 'post',
			status: input.status ?? 'draft',
		} )
		.returning();
	return row!;
}

export async function updateIdea( db: Db, idea: Idea, input: IdeaInput ) {
	await assertClusterOfSector(
		db,
		idea.accountId,
		idea.sectorId,
		input.cluster_id
	);
	const [ row ] = await db
		.update( ideas )
		.set( {
			...( input.cluster_id !== undefined && {
				clusterId: input.cluster_id,
			} ),
			...( input.title !== undefined && { title: input.title } ),
			...( input.description !== undefined && {
				description: input.description,
			} ),
			...( input.target_keywords !== undefined && {
				targetKeywords: input.target_keywords,
			} ),
			...( input.content_type !== undefined && {
				contentType: input.content_type,
			} ),
			...( input.status !== undefined && { status: input.status } ),
			updatedAt: new Date().toISOString(),
		} )
		.where( eq( ideas.id, idea.id ) )
		.returning();
	return row!;
}

export async function deleteIdea( db: Db, idea: Idea ) {
	await db.delete( ideas ).where( eq( ideas.id, idea.id ) );
}

/**
 * One task per idea (an idea becomes a task once): ideas of this site only; ideas that already have a
 * task are skipped and reported. Tasks and idea statuses change in one transaction.
 */
export async function createTasksFromIdeas(
	db: Db,
	site: Site,
	ideaIds: number[]
) {
	const found = await db
		.select( { id: ideas.id } )
		.from( ideas )
		.where(
			and(
				eq( ideas.accountId, site.accountId ),
				eq( ideas.siteId, site.id ),
				sql`${ ideas.id } IN ${ jsonIds( ideaIds ) }`
			)
		);
	const known = new Set( found.map( ( r ) => r.id ) );
	const missing = ideaIds.filter( ( id ) => ! known.has( id ) );
	if ( missing.length )
		throw new AppError( 'validation', 'Some ideas are not on this site', {
			idea_ids: [ `not found: ${ missing.slice( 0, 20 ).join( ', ' ) }` ],
		} );
	const before = await db
		.select( { id: tasks.id } )
		.from( tasks )
		.where( sql`${ tasks.ideaId } IN ${ jsonIds( ideaIds ) }` );
	await transaction( db, [
		sql`INSERT INTO ${ tasks }
        (account_id, site_id, sector_id, cluster_id, idea_id, title, brief, target_keywords, content_type, status)
      SELECT account_id, site_id, sector_id, cluster_id, id, title, description, target_keywords, content_type, 'queued'
      FROM ${ ideas }
      WHERE account_id = ${ site.accountId } AND site_id = ${ site.id } AND id IN ${ jsonIds( ideaIds ) }
      ON CONFLICT (idea_id) DO NOTHING`,
		sql`UPDATE ${ ideas } SET status = 'in_progress', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE account_id = ${ site.accountId } AND id IN ${ jsonIds( ideaIds ) } AND status IN ('draft', 'approved')`,
	] );
	const inserted = await db
		.select()
		.from( tasks )
		.where(
			and(
				eq( tasks.accountId, site.accountId ),
				sql`${ tasks.ideaId } IN ${ jsonIds( ideaIds ) }`
			)
		)
		.orderBy( tasks.id );
	const existing = new Set( before.map( ( t ) => t.id ) );
	const created = inserted.filter( ( t ) => ! existing.has( t.id ) );
	return {
		created: created.length,
		tasks: created,
		already: ideaIds.length - created.length,
	};
}
