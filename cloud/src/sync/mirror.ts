// The mirror of a site's posts and terms (wp_posts, wp_terms): rows from what WordPress reports, written in
// multi-row upserts that stay under D1's 100 bound parameters a statement. Events write with their seq
// (an older event changes nothing); a full sync writes what a page showed, without overwriting rows that
// events touched after the page was read. A post deleted in WordPress stays as a `deleted` row (a
// tombstone), so an event about it that arrives late cannot bring it back; readers take `publish` rows.
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { schemas } from '@igny8/shared';
import type { z } from 'zod';
import type { Db } from '../db';
import { wpPosts, wpTerms } from '../db/schema';

type PostSummary = z.infer< typeof schemas.wpPostSummary >;
type Term = z.infer< typeof schemas.wpTerm >;
type PostRow = typeof wpPosts.$inferInsert;
type TermRow = typeof wpTerms.$inferInsert;

/** What readers of the mirror count as the site's live posts. */
export const LIVE_STATUS = 'publish';
/** The status of a post deleted for good (not one of WordPress's statuses: the mirror's own tombstone). */
export const DELETED_STATUS = 'deleted';

const MAX_PARAMS = 100;

/** Rows in chunks whose bound parameters (columns × rows) fit one statement. */
export function chunks< T >( rows: T[], paramsPerRow: number ): T[][] {
	const size = Math.max( 1, Math.floor( MAX_PARAMS / paramsPerRow ) );
	const out: T[][] = [];
	for ( let i = 0; i < rows.length; i += size )
		out.push( rows.slice( i, i + size ) );
	return out;
}

export interface SiteRef {
	id: number;
	accountId: number;
}

/** Every column given, so each row of a multi-row insert binds the same number of parameters. */
export function postRow(
	site: SiteRef,
	post: PostSummary,
	at: string,
	mark: { seq: number; syncRun: number | null }
): Required< Omit< PostRow, 'updatedAt' > > & { updatedAt: string } {
	return {
		siteId: site.id,
		wpId: post.id,
		accountId: site.accountId,
		type: post.type,
		status: post.status,
		title: post.title,
		url: post.url,
		slug: post.slug,
		excerpt: post.excerpt,
		modifiedGmt: post.modified_gmt,
		categories: JSON.stringify( post.categories ),
		tags: JSON.stringify( post.tags ),
		links: JSON.stringify( post.links ),
		contentHash: post.content_hash,
		featuredMedia: post.featured_media,
		managed: post.managed,
		contentId: post.content_id,
		taskId: post.task_id,
		seq: mark.seq,
		syncRun: mark.syncRun,
		updatedAt: at,
	};
}

const POST_COLUMNS = 21;
const excluded = ( column: string ) => sql.raw( `excluded.${ column }` );
const summaryFromExcluded = {
	type: excluded( 'type' ),
	status: excluded( 'status' ),
	title: excluded( 'title' ),
	url: excluded( 'url' ),
	slug: excluded( 'slug' ),
	excerpt: excluded( 'excerpt' ),
	modifiedGmt: excluded( 'modified_gmt' ),
	categories: excluded( 'categories' ),
	tags: excluded( 'tags' ),
	links: excluded( 'links' ),
	contentHash: excluded( 'content_hash' ),
	featuredMedia: excluded( 'featured_media' ),
	managed: excluded( 'managed' ),
	contentId: excluded( 'content_id' ),
	taskId: excluded( 'task_id' ),
	updatedAt: excluded( 'updated_at' ),
};

/** Posts reported by events: each row is written only if its seq is newer than the one it replaces. */
export function upsertPostsFromEvents( db: Db, rows: PostRow[] ) {
	return chunks( rows, POST_COLUMNS ).map( ( part ) =>
		db
			.insert( wpPosts )
			.values( part )
			.onConflictDoUpdate( {
				target: [ wpPosts.siteId, wpPosts.wpId ],
				set: { ...summaryFromExcluded, seq: excluded( 'seq' ) },
				setWhere: sql`excluded.seq > ${ wpPosts.seq }`,
			} )
	);
}

/**
 * Posts deleted for good, from events: tombstones with the event's seq (the summary of a deleted post is
 * not sent; what the row held stays, only its status changes).
 */
export function tombstonePosts(
	db: Db,
	site: SiteRef,
	deleted: { id: number; type: string; seq: number }[],
	at: string
) {
	const rows = deleted.map( ( d ) => ( {
		siteId: site.id,
		wpId: d.id,
		accountId: site.accountId,
		type: d.type,
		status: DELETED_STATUS,
		title: '',
		url: '',
		slug: '',
		excerpt: '',
		modifiedGmt: '',
		categories: '[]',
		tags: '[]',
		links: '[]',
		contentHash: '',
		featuredMedia: null,
		managed: false,
		contentId: null,
		taskId: null,
		seq: d.seq,
		syncRun: null,
		updatedAt: at,
	} ) );
	return chunks( rows, POST_COLUMNS ).map( ( part ) =>
		db
			.insert( wpPosts )
			.values( part )
			.onConflictDoUpdate( {
				target: [ wpPosts.siteId, wpPosts.wpId ],
				set: {
					status: DELETED_STATUS,
					seq: excluded( 'seq' ),
					updatedAt: excluded( 'updated_at' ),
				},
				setWhere: sql`excluded.seq > ${ wpPosts.seq }`,
			} )
	);
}

/**
 * A full sync's page: rows marked with the sync's id. A row an event wrote after the page was read
 * (`updated_at` from `readAt` on) keeps the event's newer state, and a tombstone stays one.
 */
export function upsertPostsFromSync( db: Db, rows: PostRow[], readAt: string ) {
	return chunks( rows, POST_COLUMNS ).map( ( part ) =>
		db
			.insert( wpPosts )
			.values( part )
			.onConflictDoUpdate( {
				target: [ wpPosts.siteId, wpPosts.wpId ],
				set: {
					...summaryFromExcluded,
					syncRun: excluded( 'sync_run' ),
				},
				setWhere: and(
					ne( wpPosts.status, DELETED_STATUS ),
					lt( wpPosts.updatedAt, readAt )
				),
			} )
	);
}

/**
 * After the last page: live rows this sync did not see are gone from WordPress. Rows that events wrote
 * since the sync started are newer than anything the sync read, and stay.
 */
export function dropUnseenPosts(
	db: Db,
	site: SiteRef,
	syncId: number,
	startedAt: string
) {
	return db
		.delete( wpPosts )
		.where(
			and(
				eq( wpPosts.accountId, site.accountId ),
				eq( wpPosts.siteId, site.id ),
				eq( wpPosts.status, LIVE_STATUS ),
				sql`(${ wpPosts.syncRun } IS NULL OR ${ wpPosts.syncRun } <> ${ syncId })`,
				lt( wpPosts.updatedAt, startedAt )
			)
		);
}

const TERM_COLUMNS = 8;

export function termRow(
	site: SiteRef,
	term: Term,
	seq: number,
	at: string
): Required< TermRow > {
	return {
		siteId: site.id,
		wpId: term.id,
		accountId: site.accountId,
		taxonomy: term.taxonomy,
		name: term.name,
		slug: term.slug,
		seq,
		updatedAt: at,
	};
}

/**
 * Terms: from events (seq > 0) a row is replaced only by a newer event; from a full sync's posts (seq 0)
 * only rows no event wrote are refreshed.
 */
export function upsertTerms( db: Db, rows: TermRow[] ) {
	return chunks( rows, TERM_COLUMNS ).map( ( part ) =>
		db
			.insert( wpTerms )
			.values( part )
			.onConflictDoUpdate( {
				target: [ wpTerms.siteId, wpTerms.wpId ],
				set: {
					taxonomy: excluded( 'taxonomy' ),
					name: excluded( 'name' ),
					slug: excluded( 'slug' ),
					seq: excluded( 'seq' ),
					updatedAt: excluded( 'updated_at' ),
				},
				setWhere: sql`(excluded.seq > ${ wpTerms.seq } OR (excluded.seq = 0 AND ${ wpTerms.seq } = 0))`,
			} )
	);
}

/** A term deleted in WordPress, unless a newer event about it was applied. */
export function deleteTerm( db: Db, site: SiteRef, id: number, seq: number ) {
	return db
		.delete( wpTerms )
		.where(
			and(
				eq( wpTerms.siteId, site.id ),
				eq( wpTerms.accountId, site.accountId ),
				eq( wpTerms.wpId, id ),
				lt( wpTerms.seq, seq )
			)
		);
}

/** The distinct terms of some posts (categories and tags). */
export function termsOfPosts( posts: PostSummary[] ): Term[] {
	const seen = new Map< number, Term >();
	for ( const post of posts )
		for ( const term of [ ...post.categories, ...post.tags ] )
			seen.set( term.id, term );
	return [ ...seen.values() ];
}
