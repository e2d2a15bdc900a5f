// Publishing records: one per publish or update of a piece of content, made and queued in one guarded step
// (never two waiting for the same content), listed, and retried by hand once they failed.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { PUBLISH_MAX_ATTEMPTS, type schemas } from '@igny8/shared';
import type { Env } from '../env';
import { transaction, type Db } from '../db';
import { content, publishingRecords, sites } from '../db/schema';
import { AppError, conflict } from '../lib/errors';
import type { Content, Site } from '../lib/resources';
import { pageQuery, type OrderColumn, type PageParams } from '../writer/paging';

export type PublishingRecordRow = typeof publishingRecords.$inferSelect;
type PublishAs = PublishingRecordRow[ 'publishAs' ];
type RecordFilters = Omit<
	z.infer< typeof schemas.publishingRecordListQuery >,
	'site_id'
>;

/** What the SYNC_JOBS consumer receives: the record carries everything else. */
export interface PublishMessage {
	type: 'publish';
	recordId: number;
}

/** Records still to run: at most one per piece of content. */
export const ACTIVE_STATUSES = [ 'queued', 'publishing' ] as const;

function names( json: string | null ): string[] | null {
	if ( json === null ) return null;
	try {
		const value: unknown = JSON.parse( json );
		return Array.isArray( value ) ? value.map( String ) : null;
	} catch {
		return null;
	}
}

export const recordOut = ( r: PublishingRecordRow ) => ( {
	id: r.id,
	site_id: r.siteId,
	sector_id: r.sectorId,
	content_id: r.contentId,
	title: r.title,
	destination: 'wordpress' as const,
	action: r.action,
	status: r.status,
	publish_as: r.publishAs,
	categories: names( r.categories ),
	tags: names( r.tags ),
	idempotency_key: r.idempotencyKey,
	wp_post_id: r.wpPostId,
	url: r.url,
	attempts: r.attempts,
	max_attempts: r.maxAttempts,
	next_attempt_at: r.nextAttemptAt,
	error: r.error,
	images_uploaded: r.imagesUploaded,
	created_at: r.createdAt,
	updated_at: r.updatedAt,
	published_at: r.publishedAt,
} );

export function recordTermNames( r: PublishingRecordRow ) {
	return { categories: names( r.categories ), tags: names( r.tags ) };
}

/** The record of this content that is waiting or running, if any. */
export async function activeRecord( db: Db, contentId: number ) {
	return (
		( await db.query.publishingRecords.findFirst( {
			where: and(
				eq( publishingRecords.contentId, contentId ),
				sql`${ publishingRecords.status } IN ('queued', 'publishing')`
			),
		} ) ) ?? null
	);
}

export async function findRecord( db: Db, id: number ) {
	return (
		( await db.query.publishingRecords.findFirst( {
			where: eq( publishingRecords.id, id ),
		} ) ) ?? null
	);
}

/** The WordPress status an update asks for: the post's own, when it is one publishing can ask for. */
export async function updateStatusOf(
	db: Db,
	item: Content
): Promise< PublishAs > {
	if ( item.wpStatus === 'publish' || item.wpStatus === 'draft' )
		return item.wpStatus;
	const last = await db.query.publishingRecords.findFirst( {
		where: and(
			eq( publishingRecords.contentId, item.id ),
			eq( publishingRecords.status, 'published' )
		),
		orderBy: sql`${ publishingRecords.id } DESC`,
	} );
	return last?.publishAs ?? 'draft';
}

export interface NewRecord {
	action: 'publish' | 'update';
	publishAs: PublishAs;
	categories?: string[] | null;
	tags?: string[] | null;
	/** What the content must be for the record to be made (checked in the same statement). */
	when: SQL;
	/** Columns of the content set in the same transaction as the record (besides `sync_state = pending`). */
	contentSet?: Partial< typeof content.$inferInsert >;
}

/**
 * Makes a queued record for the content and marks the content pending, in one transaction, only if `when`
 * holds and no other record of the content is waiting or running; then sends it to SYNC_JOBS. Null when
 * nothing was made (the caller says why).
 */
export async function queueRecord(
	env: Env,
	db: Db,
	item: Content,
	r: NewRecord
): Promise< PublishingRecordRow | null > {
	const json = ( v: string[] | null | undefined ) =>
		v === undefined || v === null ? null : JSON.stringify( v );
	const [ inserted ] = await transaction( db, [
		sql`INSERT INTO ${ publishingRecords }
        (account_id, site_id, sector_id, content_id, title, action, status, publish_as, categories, tags,
         idempotency_key, max_attempts)
      SELECT c.account_id, c.site_id, c.sector_id, c.id, c.title, ${ r.action }, 'queued', ${ r.publishAs },
        ${ json( r.categories ) }, ${ json( r.tags ) }, 'content-' || c.id, ${ PUBLISH_MAX_ATTEMPTS }
      FROM ${ content } c
      WHERE c.id = ${ item.id } AND (${ r.when })
        AND NOT EXISTS (SELECT 1 FROM ${ publishingRecords } p WHERE p.content_id = c.id AND p.status IN ('queued', 'publishing'))
      RETURNING id`,
		db
			.update( content )
			.set( { ...r.contentSet, syncState: 'pending' } )
			.where( and( eq( content.id, item.id ), sql`changes() = 1` ) ),
	] );
	const id = ( inserted?.results[ 0 ] as { id?: number } | undefined )?.id;
	if ( ! id ) return null;
	await send( env, db, id );
	return findRecord( db, id );
}

/** Hands the record to the queue; a record that cannot be queued is marked failed, never left waiting. */
async function send( env: Env, db: Db, id: number ) {
	try {
		await env.SYNC_JOBS.send( {
			type: 'publish',
			recordId: id,
		} satisfies PublishMessage );
	} catch ( err ) {
		const why = `The publish could not be queued: ${ ( err as Error ).message }`;
		await transaction( db, [
			sql`UPDATE ${ publishingRecords } SET status = 'failed', error = ${ why },
          updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
        WHERE id = ${ id } AND status = 'queued'`,
			sql`UPDATE ${ content } SET sync_state = 'failed'
        WHERE id = (SELECT content_id FROM ${ publishingRecords } WHERE id = ${ id })
          AND sync_state = 'pending' AND changes() = 1`,
		] );
		throw new AppError(
			'upstream',
			'The publish could not be queued; try again'
		);
	}
}

/** 409 naming the record that is already waiting or running for this content. */
function alreadyQueued( record: PublishingRecordRow ) {
	return new AppError(
		'conflict',
		`This content is already being published (record ${ record.id }, ${ record.status }); wait for it to finish`,
		{ content_id: [ `record ${ record.id } is ${ record.status }` ] },
		{ record_id: record.id }
	);
}

const conflictFirst = () =>
	conflict(
		'The post was changed both in WordPress and here: resolve the conflict before publishing again',
		{ sync_state: [ 'conflict' ] }
	);

/** `POST /writer/content/:id/publish`. */
export async function publishContent(
	env: Env,
	db: Db,
	item: Content,
	input: z.infer< typeof schemas.publishBody >
) {
	const why = await publishBlocker( db, item );
	if ( why ) throw why;
	const record = await queueRecord( env, db, item, {
		action: 'publish',
		publishAs: input.status,
		categories: input.categories ?? null,
		tags: input.tags ?? null,
		when: sql`c.status IN ('approved', 'published') AND c.sync_state <> 'conflict'`,
	} );
	if ( record ) return record;
	// Something changed between the checks and the insert: say what.
	const fresh = await db.query.content.findFirst( {
		where: eq( content.id, item.id ),
	} );
	throw (
		( fresh && ( await publishBlocker( db, fresh ) ) ) ??
		conflict( 'The content changed meanwhile; try again' )
	);
}

async function publishBlocker(
	db: Db,
	item: Content
): Promise< AppError | null > {
	if ( item.status !== 'approved' && item.status !== 'published' )
		return conflict(
			`Only approved content can be published; this content is ${ item.status }. Approve it first`,
			{ status: [ `${ item.status }: approve it first` ] }
		);
	if ( item.syncState === 'conflict' ) return conflictFirst();
	const site = await db.query.sites.findFirst( {
		where: eq( sites.id, item.siteId ),
	} );
	if ( ! site?.siteSecretEnc || ! site.wpRestUrl )
		return new AppError(
			'unprocessable',
			'The site is not connected to WordPress: connect it first'
		);
	const active = await activeRecord( db, item.id );
	return active ? alreadyQueued( active ) : null;
}

/**
 * A cloud-side edit of published content goes out as an update: queued only when the content is in sync (or
 * its last sync failed) and nothing is waiting for it already (a queued update sends the newest copy anyway).
 * An edit of content in conflict is kept and sends nothing.
 */
export async function queueEditOfPublished(
	env: Env,
	db: Db,
	before: Content,
	after: Content
) {
	if ( after.status !== 'published' ) return null;
	const changed =
		before.title !== after.title ||
		before.revisionHash !== after.revisionHash ||
		before.metaTitle !== after.metaTitle ||
		before.metaDescription !== after.metaDescription;
	if ( ! changed ) return null;
	if ( after.syncState !== 'synced' && after.syncState !== 'failed' )
		return null;
	return queueRecord( env, db, after, {
		action: 'update',
		publishAs: await updateStatusOf( db, after ),
		when: sql`c.status = 'published' AND c.sync_state IN ('synced', 'failed')`,
	} );
}

/** `POST /publisher/records/:id/retry`: a failed record goes back to the queue with its attempts reset. */
export async function retryRecord(
	env: Env,
	db: Db,
	record: PublishingRecordRow
) {
	const [ updated ] = await transaction( db, [
		sql`UPDATE ${ publishingRecords } SET status = 'queued', attempts = 0, next_attempt_at = NULL,
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = ${ record.id } AND status = 'failed'
        AND EXISTS (SELECT 1 FROM ${ content } c WHERE c.id = ${ publishingRecords.contentId }
          AND c.status IN ('approved', 'published') AND c.sync_state <> 'conflict')
        AND NOT EXISTS (SELECT 1 FROM ${ publishingRecords } p
          WHERE p.content_id = ${ publishingRecords.contentId } AND p.status IN ('queued', 'publishing'))
      RETURNING id`,
		sql`UPDATE ${ content } SET sync_state = 'pending'
      WHERE id = ${ record.contentId } AND changes() = 1`,
	] );
	if ( ! updated?.results.length ) throw await retryBlocker( db, record );
	await send( env, db, record.id );
	return ( await findRecord( db, record.id ) )!;
}

async function retryBlocker(
	db: Db,
	record: PublishingRecordRow
): Promise< AppError > {
	const fresh = ( await findRecord( db, record.id ) ) ?? record;
	if ( fresh.status !== 'failed' )
		return conflict(
			fresh.status === 'conflict'
				? 'This record stopped on a conflict: resolve the conflict of its content instead'
				: `Only a failed record can be retried; this one is ${ fresh.status }`,
			{ status: [ fresh.status ] }
		);
	const item =
		fresh.contentId === null
			? null
			: await db.query.content.findFirst( {
					where: eq( content.id, fresh.contentId ),
				} );
	if ( ! item )
		return conflict(
			'The content of this record was deleted; nothing to publish'
		);
	if ( item.syncState === 'conflict' ) return conflictFirst();
	if ( item.status !== 'approved' && item.status !== 'published' )
		return conflict(
			`Only approved content can be published; this content is ${ item.status }`,
			{ status: [ item.status ] }
		);
	const active = await activeRecord( db, item.id );
	if ( active ) return alreadyQueued( active );
	return conflict( 'The record changed meanwhile; try again' );
}

const ORDER: Record< string, OrderColumn< PublishingRecordRow > > = {
	created_at: {
		column: publishingRecords.id,
		nullable: false,
		value: ( r ) => r.id,
	},
	updated_at: {
		column: publishingRecords.updatedAt,
		nullable: false,
		value: ( r ) => r.updatedAt,
	},
	id: { column: publishingRecords.id, nullable: false, value: ( r ) => r.id },
};

export async function listRecords(
	db: Db,
	site: Site,
	f: RecordFilters & PageParams
) {
	const where = and(
		eq( publishingRecords.accountId, site.accountId ),
		eq( publishingRecords.siteId, site.id ),
		f.content_id
			? eq( publishingRecords.contentId, f.content_id )
			: undefined,
		f.status ? eq( publishingRecords.status, f.status ) : undefined
	);
	const p = pageQuery( f, ORDER, publishingRecords.id, '-id' );
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( publishingRecords )
			.where( and( where, p.after ) )
			.orderBy( ...p.order )
			.limit( p.limit )
			.offset( p.offset ),
		db.select( { n: count() } ).from( publishingRecords ).where( where ),
	] );
	return p.result( rows, total?.n ?? 0 );
}
