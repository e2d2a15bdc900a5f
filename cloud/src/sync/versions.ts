// The two versions of a published piece of content, and the moments they meet. Each side keeps what it
// last agreed on (content.synced_hash/synced_title for the cloud, content.wp_hash/wp_title for WordPress):
// a side whose version differs from that has changed since. Both changed: a conflict, kept until the
// user chooses. Publishing (cloud → WordPress) and events (WordPress → cloud) both go through here.
import { and, eq, lt, sql } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import { content, contentConflicts } from '../db/schema';
import type { Content } from '../lib/resources';
import { countWords, revisionHash } from '../writer/body';

/** WordPress's version of a post, as its routes and events carry it. */
export interface WordPressVersion {
	id: number;
	title: string;
	/** `post_content` as stored; may be null when an event left a large body out. */
	content: string | null;
	content_hash: string;
	modified_gmt: string;
	status: string;
	url: string;
}

/** The cloud copy changed since both sides last agreed (never published: nothing to compare). */
export function cloudChanged( item: Content ): boolean {
	if ( item.syncedHash === null ) return false;
	return (
		item.revisionHash !== item.syncedHash ||
		item.title !== ( item.syncedTitle ?? item.title )
	);
}

/** WordPress's post changed since both sides last agreed. */
export function wordpressChanged(
	item: Content,
	wp: Pick< WordPressVersion, 'title' | 'content_hash' >
): boolean {
	if ( item.wpHash === null ) return false;
	return (
		wp.content_hash !== item.wpHash ||
		wp.title !== ( item.wpTitle ?? wp.title )
	);
}

const nowIso = () => new Date().toISOString();

/**
 * For a change that comes from a WordPress event: applied only if no newer event of the post was applied
 * to the content (`content.wp_seq` < `seq`), and `wp_seq` moves to `seq` with it. Events can arrive out of
 * order and twice; this makes the older or repeated one write nothing, even when two deliveries race.
 * markSynced under a guard also never overwrites a cloud edit saved since `item` was read.
 */
export interface EventGuard {
	seq: number;
}

function guarded( item: Content, guard?: EventGuard ) {
	return guard
		? and( eq( content.id, item.id ), lt( content.wpSeq, guard.seq ) )
		: eq( content.id, item.id );
}

/**
 * Both sides agree on `wp` (a publish or an update just wrote it, or the cloud took it): the cloud copy
 * becomes exactly what WordPress stores (image addresses included), and both sides' markers move to it.
 */
export async function markSynced(
	db: Db,
	item: Content,
	wp: WordPressVersion & { content: string },
	extra: Partial< typeof content.$inferInsert > = {},
	guard?: EventGuard
): Promise< Content > {
	const hash = await revisionHash( wp.content );
	const at = nowIso();
	await transaction( db, [
		db
			.update( content )
			.set( {
				title: wp.title,
				body: wp.content,
				wordCount: countWords( wp.content ),
				revisionHash: hash,
				syncState: 'synced',
				status: 'published',
				externalId: wp.id,
				externalUrl: wp.url,
				wpStatus: wp.status,
				lastSyncedAt: at,
				syncedHash: hash,
				syncedTitle: wp.title,
				wpHash: wp.content_hash,
				wpTitle: wp.title,
				wpModifiedGmt: wp.modified_gmt,
				updatedAt: at,
				...( guard ? { wpSeq: guard.seq } : {} ),
				...extra,
			} )
			.where(
				and(
					guarded( item, guard ),
					// From an event: not over a cloud edit saved since `item` was read.
					guard
						? eq( content.revisionHash, item.revisionHash )
						: undefined,
					guard ? eq( content.title, item.title ) : undefined
				)
			),
		db.delete( contentConflicts ).where(
			and(
				eq( contentConflicts.contentId, item.id ),
				// Guarded: only when the update above happened (an older event keeps the newer state).
				guard ? sql`changes() = 1` : undefined
			)
		),
	] );
	return ( await db.query.content.findFirst( {
		where: eq( content.id, item.id ),
	} ) )!;
}

/**
 * WordPress changed a post whose content also changed in the cloud: keep WordPress's version beside the
 * cloud's until the user chooses. Nothing is overwritten on either side.
 */
export async function recordConflict(
	db: Db,
	item: Content,
	wp: WordPressVersion & { content: string },
	guard?: EventGuard
): Promise< void > {
	const at = nowIso();
	await transaction( db, [
		db
			.update( content )
			.set( {
				syncState: 'conflict',
				wpStatus: wp.status,
				externalUrl: wp.url,
				updatedAt: at,
				...( guard ? { wpSeq: guard.seq } : {} ),
			} )
			.where( guarded( item, guard ) ),
		// Kept only if the content was marked above (a guarded, older event leaves the newer state alone).
		sql`INSERT INTO ${ contentConflicts }
        (content_id, account_id, site_id, wp_post_id, wp_title, wp_body, wp_hash, wp_modified_gmt, detected_at)
      SELECT ${ item.id }, ${ item.accountId }, ${ item.siteId }, ${ wp.id }, ${ wp.title }, ${ wp.content },
        ${ wp.content_hash }, ${ wp.modified_gmt }, ${ at }
      WHERE changes() = 1
      ON CONFLICT (content_id) DO UPDATE SET wp_post_id = excluded.wp_post_id, wp_title = excluded.wp_title,
        wp_body = excluded.wp_body, wp_hash = excluded.wp_hash, wp_modified_gmt = excluded.wp_modified_gmt,
        detected_at = excluded.detected_at`,
	] );
}
