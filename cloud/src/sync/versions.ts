// The two versions of a published piece of content, and the moments they meet. Each side keeps what it
// last agreed on (content.synced_hash/synced_title for the cloud, content.wp_hash/wp_title for WordPress):
// a side whose version differs from that has changed since. Both changed: a conflict, kept until the
// user chooses. Publishing (cloud → WordPress) and events (WordPress → cloud) both go through here.
import { eq } from 'drizzle-orm';
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
 * Both sides agree on `wp` (a publish or an update just wrote it, or the cloud took it): the cloud copy
 * becomes exactly what WordPress stores (image addresses included), and both sides' markers move to it.
 */
export async function markSynced(
	db: Db,
	item: Content,
	wp: WordPressVersion & { content: string },
	extra: Partial< typeof content.$inferInsert > = {}
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
				...extra,
			} )
			.where( eq( content.id, item.id ) ),
		db
			.delete( contentConflicts )
			.where( eq( contentConflicts.contentId, item.id ) ),
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
	wp: WordPressVersion & { content: string }
): Promise< void > {
	const at = nowIso();
	await transaction( db, [
		db
			.insert( contentConflicts )
			.values( {
				contentId: item.id,
				accountId: item.accountId,
				siteId: item.siteId,
				wpPostId: wp.id,
				wpTitle: wp.title,
				wpBody: wp.content,
				wpHash: wp.content_hash,
				wpModifiedGmt: wp.modified_gmt,
				detectedAt: at,
			} )
			.onConflictDoUpdate( {
				target: contentConflicts.contentId,
				set: {
					wpPostId: wp.id,
					wpTitle: wp.title,
					wpBody: wp.content,
					wpHash: wp.content_hash,
					wpModifiedGmt: wp.modified_gmt,
					detectedAt: at,
				},
			} ),
		db
			.update( content )
			.set( {
				syncState: 'conflict',
				wpStatus: wp.status,
				externalUrl: wp.url,
				updatedAt: at,
			} )
			.where( eq( content.id, item.id ) ),
	] );
}
