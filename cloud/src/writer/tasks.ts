// Writer tasks: made from ideas by the Planner or written by hand; listed, edited and deleted here.
// A deleted task gives its idea back (approved, so it can become a task again) in the same transaction.
import { and, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { schemas } from '@igny8/shared';
import { transaction, type Db } from '../db';
import { authorProfiles, clusters, ideas, tasks } from '../db/schema';
import { AppError, conflict } from '../lib/errors';
import { jsonIds } from '../lib/keyset';
import type { Sector, Site, Task } from '../lib/resources';
import { likeContains } from '../planner/normalize';
import { pageQuery, type OrderColumn, type PageParams } from './paging';

type TaskCreate = z.infer< typeof schemas.writerTaskCreateBody >;
type TaskUpdate = z.infer< typeof schemas.writerTaskUpdateBody >;
type TaskFilters = Omit<
	z.infer< typeof schemas.writerTaskListQuery >,
	'site_id'
>;
type Status = Task[ 'status' ];

/**
 * Status moves a person may make; `generating` and its outcomes (review, failed) belong to generation,
 * and publishing completes a task in its own time.
 */
const MANUAL_MOVES: Record< Status, readonly Status[] > = {
	queued: [],
	generating: [],
	review: [ 'queued', 'completed' ],
	completed: [ 'review' ],
	failed: [ 'queued' ],
};

const ORDER: Record< string, OrderColumn< Task > > = {
	title: { column: tasks.title, nullable: false, value: ( t ) => t.title },
	created_at: { column: tasks.id, nullable: false, value: ( t ) => t.id },
	updated_at: {
		column: tasks.updatedAt,
		nullable: false,
		value: ( t ) => t.updatedAt,
	},
	id: { column: tasks.id, nullable: false, value: ( t ) => t.id },
};

export async function listTasks(
	db: Db,
	site: Site,
	f: TaskFilters & PageParams
) {
	const where = and(
		eq( tasks.accountId, site.accountId ),
		eq( tasks.siteId, site.id ),
		f.sector_id ? eq( tasks.sectorId, f.sector_id ) : undefined,
		f.status ? eq( tasks.status, f.status ) : undefined,
		f.cluster_id ? eq( tasks.clusterId, f.cluster_id ) : undefined,
		f.idea_id ? eq( tasks.ideaId, f.idea_id ) : undefined,
		f.content_type ? eq( tasks.contentType, f.content_type ) : undefined,
		f.author_profile_id
			? eq( tasks.authorProfileId, f.author_profile_id )
			: undefined,
		f.search
			? sql`lower(${ tasks.title }) LIKE ${ likeContains( f.search ) } ESCAPE '\\'`
			: undefined
	);
	const p = pageQuery( f, ORDER, tasks.id, '-id' );
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( tasks )
			.where( and( where, p.after ) )
			.orderBy( ...p.order )
			.limit( p.limit )
			.offset( p.offset ),
		db.select( { n: count() } ).from( tasks ).where( where ),
	] );
	return p.result( rows, total?.n ?? 0 );
}

/** The references a task may carry must be in its sector (cluster, idea) or its account (author profile). */
async function assertReferences(
	db: Db,
	accountId: number,
	sectorId: number,
	input: {
		cluster_id?: number | null;
		idea_id?: number | null;
		author_profile_id?: number | null;
	}
) {
	const errors: Record< string, string[] > = {};
	const [ cluster, idea, profile ] = await Promise.all( [
		input.cluster_id != null
			? db.query.clusters.findFirst( {
					where: and(
						eq( clusters.id, input.cluster_id ),
						eq( clusters.accountId, accountId ),
						eq( clusters.sectorId, sectorId )
					),
				} )
			: null,
		input.idea_id != null
			? db.query.ideas.findFirst( {
					where: and(
						eq( ideas.id, input.idea_id ),
						eq( ideas.accountId, accountId ),
						eq( ideas.sectorId, sectorId )
					),
				} )
			: null,
		input.author_profile_id != null
			? db.query.authorProfiles.findFirst( {
					where: and(
						eq( authorProfiles.id, input.author_profile_id ),
						eq( authorProfiles.accountId, accountId )
					),
				} )
			: null,
	] );
	if ( input.cluster_id != null && ! cluster )
		errors.cluster_id = [ 'not found in this sector' ];
	if ( input.idea_id != null && ! idea )
		errors.idea_id = [ 'not found in this sector' ];
	if ( input.author_profile_id != null && ! profile )
		errors.author_profile_id = [ 'not found' ];
	if ( Object.keys( errors ).length )
		throw new AppError(
			'validation',
			'Some references are not valid',
			errors
		);
	return { idea: idea ?? null };
}

export async function createTask(
	db: Db,
	site: Site,
	sector: Sector,
	input: TaskCreate
) {
	const { idea } = await assertReferences(
		db,
		site.accountId,
		sector.id,
		input
	);
	if ( idea ) {
		const taken = await db.query.tasks.findFirst( {
			where: eq( tasks.ideaId, idea.id ),
		} );
		if ( taken )
			throw conflict( 'This idea already has a task', {
				idea_id: [ `task ${ taken.id } was made from it` ],
			} );
	}
	const insert = db.insert( tasks ).values( {
		accountId: site.accountId,
		siteId: site.id,
		sectorId: sector.id,
		clusterId:
			input.cluster_id !== undefined
				? input.cluster_id
				: ( idea?.clusterId ?? null ),
		ideaId: idea?.id ?? null,
		title: input.title,
		brief: input.brief ?? null,
		targetKeywords: input.target_keywords ?? idea?.targetKeywords ?? [],
		contentType: input.content_type ?? idea?.contentType ?? 'post',
		contentStructure: input.content_structure ?? null,
		authorProfileId: input.author_profile_id ?? null,
		targetLength: input.target_length ?? null,
	} );
	if ( ! idea ) {
		const [ row ] = await insert.returning();
		return row!;
	}
	try {
		// An idea becomes one task: the idea moves on with it, as create_tasks does.
		await transaction( db, [
			insert,
			sql`UPDATE ${ ideas } SET status = 'in_progress', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
        WHERE id = ${ idea.id } AND status IN ('draft', 'approved')`,
		] );
	} catch ( err ) {
		// Two requests for the same idea at once: the unique index lets one through.
		if ( /UNIQUE/i.test( String( err ) ) )
			throw conflict( 'This idea already has a task', {
				idea_id: [ 'already has a task' ],
			} );
		throw err;
	}
	const row = await db.query.tasks.findFirst( {
		where: eq( tasks.ideaId, idea.id ),
	} );
	return row!;
}

const beingGenerated = () =>
	conflict( 'This task is being generated; wait until it finishes', {
		status: [ 'generating' ],
	} );

function assertEditable( task: Task ) {
	if ( task.status === 'generating' ) throw beingGenerated();
}

export async function updateTask( db: Db, task: Task, input: TaskUpdate ) {
	assertEditable( task );
	if (
		input.status !== undefined &&
		input.status !== task.status &&
		! MANUAL_MOVES[ task.status ].includes( input.status )
	)
		throw conflict(
			`A task cannot move from ${ task.status } to ${ input.status } by hand`,
			{
				status: [
					MANUAL_MOVES[ task.status ].length
						? `from ${ task.status }: ${ MANUAL_MOVES[ task.status ].join( ', ' ) }`
						: `${ task.status } changes only through generation`,
				],
			}
		);
	await assertReferences( db, task.accountId, task.sectorId, input );
	const [ row ] = await db
		.update( tasks )
		.set( {
			...( input.title !== undefined && { title: input.title } ),
			...( input.brief !== undefined && { brief: input.brief } ),
			...( input.target_keywords !== undefined && {
				targetKeywords: input.target_keywords,
			} ),
			...( input.cluster_id !== undefined && {
				clusterId: input.cluster_id,
			} ),
			...( input.content_type !== undefined && {
				contentType: input.content_type,
			} ),
			...( input.content_structure !== undefined && {
				contentStructure: input.content_structure,
			} ),
			...( input.author_profile_id !== undefined && {
				authorProfileId: input.author_profile_id,
			} ),
			...( input.target_length !== undefined && {
				targetLength: input.target_length,
			} ),
			// A status moved by hand leaves the last generation's failure behind.
			...( input.status !== undefined && {
				status: input.status,
				...( input.status !== task.status && { error: null } ),
			} ),
			updatedAt: new Date().toISOString(),
		} )
		// Generation may have claimed the task since it was read: it wins.
		.where(
			and( eq( tasks.id, task.id ), ne( tasks.status, 'generating' ) )
		)
		.returning();
	if ( ! row ) throw beingGenerated();
	return row;
}

/**
 * Deletes the tasks a condition picks (never one being generated) and, in the same transaction, gives
 * their ideas back: an idea in progress returns to approved. Completed ideas stay completed (their
 * article exists). Answers how many tasks went.
 */
async function deleteWhere( db: Db, accountId: number, picked: SQL ) {
	const deletable = sql`${ tasks.accountId } = ${ accountId } AND ${ tasks.status } <> 'generating' AND (${ picked })`;
	const [ , removed ] = await transaction( db, [
		sql`UPDATE ${ ideas } SET status = 'approved', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE account_id = ${ accountId } AND status = 'in_progress'
        AND id IN (SELECT idea_id FROM ${ tasks } WHERE ${ deletable } AND idea_id IS NOT NULL)`,
		sql`DELETE FROM ${ tasks } WHERE ${ deletable }`,
	] );
	return removed?.meta.changes ?? 0;
}

export async function deleteTask( db: Db, task: Task ) {
	assertEditable( task );
	const deleted = await deleteWhere(
		db,
		task.accountId,
		sql`${ tasks.id } = ${ task.id }`
	);
	if ( deleted ) return;
	// Nothing went: generation claimed it since it was read (or it was deleted already, which is fine).
	const now = await db.query.tasks.findFirst( {
		where: eq( tasks.id, task.id ),
	} );
	if ( now?.status === 'generating' ) throw beingGenerated();
}

export async function deleteTasks( db: Db, site: Site, ids: number[] ) {
	const onSite = sql`${ tasks.siteId } = ${ site.id } AND ${ tasks.id } IN ${ jsonIds( ids ) }`;
	const [ generating ] = await db
		.select( { n: count() } )
		.from( tasks )
		.where(
			and(
				eq( tasks.accountId, site.accountId ),
				onSite,
				eq( tasks.status, 'generating' )
			)
		);
	const deleted = await deleteWhere( db, site.accountId, onSite );
	return { deleted, skipped_generating: generating?.n ?? 0 };
}
