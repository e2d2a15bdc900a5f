// Writer tasks (made from ideas by the Planner; generation arrives with the Writer issue).
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { tasks } from '../db/schema';
import type { Site, Task } from '../lib/resources';

const ORDER: Record< string, SQL[] > = {
	title: [ asc( tasks.title ), asc( tasks.id ) ],
	'-title': [ desc( tasks.title ), desc( tasks.id ) ],
	created_at: [ asc( tasks.id ) ],
	'-created_at': [ desc( tasks.id ) ],
	id: [ asc( tasks.id ) ],
	'-id': [ desc( tasks.id ) ],
};

export async function listTasks(
	db: Db,
	site: Site,
	f: {
		sector_id?: number;
		cluster_id?: number;
		idea_id?: number;
		status?: Task[ 'status' ];
		ordering?: string;
		page?: number;
		page_size?: number;
	}
) {
	const where = and(
		eq( tasks.accountId, site.accountId ),
		eq( tasks.siteId, site.id ),
		f.sector_id ? eq( tasks.sectorId, f.sector_id ) : undefined,
		f.cluster_id ? eq( tasks.clusterId, f.cluster_id ) : undefined,
		f.idea_id ? eq( tasks.ideaId, f.idea_id ) : undefined,
		f.status ? eq( tasks.status, f.status ) : undefined
	);
	const pageSize = f.page_size ?? 50;
	const page = f.page ?? 1;
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( tasks )
			.where( where )
			.orderBy( ...( ORDER[ f.ordering ?? '-id' ] ?? ORDER[ '-id' ]! ) )
			.limit( pageSize )
			.offset( ( page - 1 ) * pageSize ),
		db.select( { n: count() } ).from( tasks ).where( where ),
	] );
	return { rows, count: total?.n ?? 0, page, pageSize };
}

export async function updateTask(
	db: Db,
	task: Task,
	input: {
		title?: string;
		brief?: string | null;
		target_keywords?: string[];
		content_type?: string;
		status?: Task[ 'status' ];
	}
) {
	const [ row ] = await db
		.update( tasks )
		.set( {
			...( input.title !== undefined && { title: input.title } ),
			...( input.brief !== undefined && { brief: input.brief } ),
			...( input.target_keywords !== undefined && {
				targetKeywords: input.target_keywords,
			} ),
			...( input.content_type !== undefined && {
				contentType: input.content_type,
			} ),
			...( input.status !== undefined && { status: input.status } ),
			updatedAt: new Date().toISOString(),
		} )
		.where( eq( tasks.id, task.id ) )
		.returning();
	return row!;
}

export async function deleteTask( db: Db, task: Task ) {
	await db.delete( tasks ).where( eq( tasks.id, task.id ) );
}
