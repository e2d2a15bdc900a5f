// Content: an article as block markup, made by generation or brought in by hand. Every body change
// recomputes the word count and the revision hash; the plan's content per month is counted here.
import { and, count, eq, getTableColumns, gte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { schemas } from '@igny8/shared';
import { transaction, type Db } from '../db';
import { content, images, tasks } from '../db/schema';
import { AppError, conflict, planLimit } from '../lib/errors';
import type { Content, Sector, Site } from '../lib/resources';
import { likeContains } from '../planner/normalize';
import { accountPlan } from '../tenancy/plans';
import { countWords, normaliseBody, revisionHash } from './body';
import { pageQuery, type OrderColumn, type PageParams } from './paging';

type ContentCreate = z.infer< typeof schemas.contentCreateBody >;
type ContentUpdate = z.infer< typeof schemas.contentUpdateBody >;
type ContentFilters = Omit<
	z.infer< typeof schemas.contentListQuery >,
	'site_id'
>;
type Status = Content[ 'status' ];
/** A content row without its body, as lists read it. */
export type ContentSummary = Omit< Content, 'body' >;

/** By hand content moves draft ↔ review ↔ approved; `published` is publishing's to set. */
const MANUAL_MOVES: Record< Status, readonly Status[] > = {
	draft: [ 'review' ],
	review: [ 'draft', 'approved' ],
	approved: [ 'review' ],
	published: [],
};

/** The first instant of the calendar month (UTC), as `created_at` is written. */
export function monthStart( now = new Date() ): string {
	return new Date(
		Date.UTC( now.getUTCFullYear(), now.getUTCMonth(), 1 )
	).toISOString();
}

/**
 * Whether the account may add `adding` pieces of content this calendar month (UTC) under its plan's
 * `max_content_per_month`: a 422 naming the limit otherwise. Generation asks it before holding credits.
 */
export async function assertContentRoom(
	db: Db,
	accountId: number,
	adding: number,
	now = new Date()
) {
	if ( adding <= 0 ) return;
	const plan = await accountPlan( db, accountId );
	if ( ! plan ) return;
	const [ row ] = await db
		.select( { n: count() } )
		.from( content )
		.where(
			and(
				eq( content.accountId, accountId ),
				gte( content.createdAt, monthStart( now ) )
			)
		);
	if ( ( row?.n ?? 0 ) + adding > plan.maxContentPerMonth )
		throw planLimit( 'max_content_per_month', plan.maxContentPerMonth );
}

const ORDER: Record< string, OrderColumn< ContentSummary > > = {
	title: { column: content.title, nullable: false, value: ( c ) => c.title },
	word_count: {
		column: content.wordCount,
		nullable: false,
		value: ( c ) => c.wordCount,
	},
	created_at: { column: content.id, nullable: false, value: ( c ) => c.id },
	updated_at: {
		column: content.updatedAt,
		nullable: false,
		value: ( c ) => c.updatedAt,
	},
	id: { column: content.id, nullable: false, value: ( c ) => c.id },
};

/** Every column but the body: lists never read bodies (a page of 200 long articles is megabytes). */
function summaryColumns() {
	const { body, ...rest } = getTableColumns( content );
	void body;
	return rest;
}

export async function listContent(
	db: Db,
	site: Site,
	f: ContentFilters & PageParams
) {
	const where = and(
		eq( content.accountId, site.accountId ),
		eq( content.siteId, site.id ),
		f.sector_id ? eq( content.sectorId, f.sector_id ) : undefined,
		f.status ? eq( content.status, f.status ) : undefined,
		f.source ? eq( content.source, f.source ) : undefined,
		f.sync_state ? eq( content.syncState, f.sync_state ) : undefined,
		f.task_id ? eq( content.taskId, f.task_id ) : undefined,
		f.search
			? sql`lower(${ content.title }) LIKE ${ likeContains( f.search ) } ESCAPE '\\'`
			: undefined
	);
	const p = pageQuery( f, ORDER, content.id, '-id' );
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select( summaryColumns() )
			.from( content )
			.where( and( where, p.after ) )
			.orderBy( ...p.order )
			.limit( p.limit )
			.offset( p.offset ),
		db.select( { n: count() } ).from( content ).where( where ),
	] );
	return p.result( rows, total?.n ?? 0 );
}

async function assertTaskOfSector(
	db: Db,
	accountId: number,
	sectorId: number,
	taskId: number | null | undefined
) {
	if ( taskId == null ) return;
	const row = await db.query.tasks.findFirst( {
		where: and(
			eq( tasks.id, taskId ),
			eq( tasks.accountId, accountId ),
			eq( tasks.sectorId, sectorId )
		),
	} );
	if ( ! row )
		throw new AppError( 'validation', 'The task is not in this sector', {
			task_id: [ 'not found in this sector' ],
		} );
}

/** Content brought in by hand (`source: import`): counts against the plan's content per month. */
export async function createContent(
	db: Db,
	site: Site,
	sector: Sector,
	input: ContentCreate
) {
	await assertTaskOfSector( db, site.accountId, sector.id, input.task_id );
	const body = normaliseBody( input.body ?? '' );
	await assertContentRoom( db, site.accountId, 1 );
	const [ row ] = await db
		.insert( content )
		.values( {
			accountId: site.accountId,
			siteId: site.id,
			sectorId: sector.id,
			taskId: input.task_id ?? null,
			title: input.title,
			metaTitle: input.meta_title ?? null,
			metaDescription: input.meta_description ?? null,
			body,
			wordCount: countWords( body ),
			revisionHash: await revisionHash( body ),
			status: input.status ?? 'draft',
			source: input.source ?? 'import',
		} )
		.returning();
	return row!;
}

export async function updateContent(
	db: Db,
	item: Content,
	input: ContentUpdate
) {
	if (
		input.status !== undefined &&
		input.status !== item.status &&
		! MANUAL_MOVES[ item.status ].includes( input.status )
	)
		throw conflict(
			input.status === 'published'
				? 'Content is published by publishing it, not by setting its status'
				: `Content cannot move from ${ item.status } to ${ input.status } here`,
			{
				status: [
					MANUAL_MOVES[ item.status ].length
						? `from ${ item.status }: ${ MANUAL_MOVES[ item.status ].join( ', ' ) }`
						: `${ item.status } content keeps its status`,
				],
			}
		);
	const stored =
		input.body !== undefined ? normaliseBody( input.body ) : undefined;
	const body =
		stored !== undefined
			? {
					body: stored,
					wordCount: countWords( stored ),
					revisionHash: await revisionHash( stored ),
				}
			: {};
	const update = db
		.update( content )
		.set( {
			...( input.title !== undefined && { title: input.title } ),
			...( input.meta_title !== undefined && {
				metaTitle: input.meta_title,
			} ),
			...( input.meta_description !== undefined && {
				metaDescription: input.meta_description,
			} ),
			...body,
			...( input.status !== undefined && { status: input.status } ),
			updatedAt: new Date().toISOString(),
		} )
		.where( eq( content.id, item.id ) );
	const task = taskFollowing( item, input.status );
	if ( ! task ) {
		const [ row ] = await update.returning();
		return row!;
	}
	await transaction( db, [ update, task ] );
	return ( await db.query.content.findFirst( {
		where: eq( content.id, item.id ),
	} ) )!;
}

/**
 * Approving content completes its task, and taking the approval back returns the task to review, in the
 * same transaction (a task being generated again is left to its job).
 */
function taskFollowing( item: Content, next: Status | undefined ) {
	if ( item.taskId === null || next === undefined || next === item.status )
		return null;
	if ( next === 'approved' )
		return sql`UPDATE ${ tasks } SET status = 'completed', error = NULL,
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = ${ item.taskId } AND status <> 'generating'`;
	if ( item.status === 'approved' )
		return sql`UPDATE ${ tasks } SET status = 'review', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = ${ item.taskId } AND status = 'completed'`;
	return null;
}

/**
 * Deletes a piece of content with its images and their stored bytes (R2 first, so a retry after a
 * failure finds what is left). Refused while one of its images is being generated.
 */
export async function deleteContent( db: Db, media: R2Bucket, item: Content ) {
	const owned = await db
		.select( { status: images.status, r2Key: images.r2Key } )
		.from( images )
		.where( eq( images.contentId, item.id ) );
	if ( owned.some( ( i ) => i.status === 'generating' ) )
		throw conflict(
			'An image of this content is being generated; wait until it finishes'
		);
	const keys = owned.flatMap( ( i ) => ( i.r2Key ? [ i.r2Key ] : [] ) );
	for ( let i = 0; i < keys.length; i += 1000 )
		await media.delete( keys.slice( i, i + 1000 ) );
	await transaction( db, [
		db.delete( images ).where( eq( images.contentId, item.id ) ),
		db.delete( content ).where( eq( content.id, item.id ) ),
	] );
}
