// What a WordPress post's changes do to the content it was published from. Its status and address always
// follow; its title and body come back into the cloud when only WordPress changed them, and become a
// conflict (both versions kept) when the cloud copy changed too. A post deleted for good returns its
// content to `approved`, to be published again.
import { and, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { schemas } from '@igny8/shared';
import type { z } from 'zod';
import type { Env } from '../env';
import { transaction, type Db } from '../db';
import { content, contentConflicts } from '../db/schema';
import type { Content } from '../lib/resources';
import { callWordPress, loadSiteSecret } from '../integration/signing';
import { revisionHash } from '../writer/body';
import type { SiteRef } from './mirror';
import {
	cloudChanged,
	markSynced,
	recordConflict,
	wordpressChanged,
	type EventGuard,
	type WordPressVersion,
} from './versions';

type PostSummary = z.infer< typeof schemas.wpPostSummary >;

/** A post as it is now; `content` null when WordPress did not send the body (too large, or a summary). */
export type PostNow = PostSummary & { content: string | null };

export type PostChange =
	| { kind: 'updated'; seq: number | null; post: PostNow }
	| { kind: 'deleted'; seq: number | null; postId: number };

const postIdOf = ( c: PostChange ) =>
	c.kind === 'updated' ? c.post.id : c.postId;

/** Ids per statement when reading content by post and content id (two lists and two placement ids). */
const LINK_CHUNK = 48;

/**
 * The content of this site linked to the posts: published as that post (`external_id`), or naming it by
 * `_igny8_content_id` while not yet linked to any post (a publish in flight). A copy of a post that kept
 * the meta cannot take over content already linked to another post.
 */
async function linkedContent(
	db: Db,
	site: SiteRef,
	changes: PostChange[]
): Promise< Content[] > {
	const out: Content[] = [];
	for ( let i = 0; i < changes.length; i += LINK_CHUNK ) {
		const part = changes.slice( i, i + LINK_CHUNK );
		const postIds = part.map( postIdOf );
		const contentIds = part.flatMap( ( c ) =>
			c.kind === 'updated' && c.post.content_id
				? [ c.post.content_id ]
				: []
		);
		const rows = await db.query.content.findMany( {
			where: and(
				eq( content.accountId, site.accountId ),
				eq( content.siteId, site.id ),
				or(
					inArray( content.externalId, postIds ),
					contentIds.length
						? and(
								inArray( content.id, contentIds ),
								isNull( content.externalId )
							)
						: undefined
				)
			),
		} );
		for ( const row of rows )
			if ( ! out.some( ( o ) => o.id === row.id ) ) out.push( row );
	}
	return out;
}

/** For each piece of content, the newest change that concerns it. */
function pair( items: Content[], changes: PostChange[] ) {
	const out: { item: Content; change: PostChange }[] = [];
	for ( const item of items ) {
		let best: PostChange | null = null;
		for ( const change of changes ) {
			const linked =
				postIdOf( change ) === item.externalId ||
				( item.externalId === null &&
					change.kind === 'updated' &&
					change.post.content_id === item.id );
			if ( ! linked ) continue;
			if ( ! best || ( change.seq ?? 0 ) > ( best.seq ?? 0 ) )
				best = change;
		}
		// An event is applied once, and never over a newer one (content.wp_seq).
		if ( best && ( best.seq === null || best.seq > item.wpSeq ) )
			out.push( { item, change: best } );
	}
	return out;
}

/** The post with its body, asked of the plugin (GET /posts/:id); null when it cannot answer. */
async function fetchBody(
	env: Env,
	db: Db,
	site: SiteRef,
	postId: number
): Promise< z.infer< typeof schemas.wpPost > | null > {
	try {
		const connected = await loadSiteSecret( env, db, site.id );
		if ( ! connected || connected.accountId !== site.accountId )
			return null;
		const res = await callWordPress(
			env,
			connected,
			'GET',
			`igny8/v1/posts/${ postId }`
		);
		if ( ! res.ok ) return null;
		const parsed = schemas.wpPost.safeParse( await res.json() );
		return parsed.success && parsed.data.id === postId ? parsed.data : null;
	} catch {
		return null;
	}
}

export interface ContentOutcome {
	/** Content whose title and body were taken from WordPress. */
	taken: number;
	conflicts: number;
	/** Content returned to approved because its post was deleted. */
	unlinked: number;
	/** Bodies that could not be fetched: status applied, content left for a later event or sync. */
	fetchFailed: number;
}

/**
 * Applies post changes to the site's content. `seq` null (a full sync) applies without the event guard.
 * Status-only changes go out in one batch; a body taken or a conflict is its own small transaction.
 */
export async function applyToContent(
	env: Env,
	db: Db,
	site: SiteRef,
	changes: PostChange[]
): Promise< ContentOutcome > {
	const outcome: ContentOutcome = {
		taken: 0,
		conflicts: 0,
		unlinked: 0,
		fetchFailed: 0,
	};
	if ( ! changes.length ) return outcome;
	const at = new Date().toISOString();
	const pending: SQL[] = [];
	const statusOnly = (
		item: Content,
		seq: number | null,
		set: Partial< typeof content.$inferInsert >
	) =>
		db
			.update( content )
			.set( {
				...set,
				...( seq === null ? {} : { wpSeq: seq } ),
				updatedAt: at,
			} )
			.where(
				and(
					eq( content.id, item.id ),
					seq === null ? undefined : lt( content.wpSeq, seq )
				)
			);
	const statements: ReturnType< typeof statusOnly >[] = [];

	for ( const { item, change } of pair(
		await linkedContent( db, site, changes ),
		changes
	) ) {
		const guard: EventGuard | undefined =
			change.seq === null ? undefined : { seq: change.seq };
		if ( change.kind === 'deleted' ) {
			if ( item.externalId !== change.postId ) continue;
			outcome.unlinked += 1;
			statements.push(
				statusOnly( item, change.seq, {
					status: 'approved',
					syncState: 'none',
					externalId: null,
					externalUrl: null,
					wpStatus: null,
					lastSyncedAt: null,
					syncedHash: null,
					syncedTitle: null,
					wpHash: null,
					wpTitle: null,
					wpModifiedGmt: null,
				} )
			);
			pending.push(
				sql`DELETE FROM ${ contentConflicts } WHERE content_id = ${ item.id }
          AND NOT EXISTS (SELECT 1 FROM ${ content } WHERE id = ${ item.id } AND external_id IS NOT NULL)`
			);
			continue;
		}
		const { post } = change;
		const status = {
			externalId: post.id,
			externalUrl: post.url,
			wpStatus: post.status,
		};
		// A publish or update in flight judges WordPress's answer itself (and its own event may come
		// before it records what it wrote); content never synced has nothing to compare.
		if (
			item.syncState === 'pending' ||
			item.wpHash === null ||
			! wordpressChanged( item, post )
		) {
			if (
				guard ||
				item.externalId !== post.id ||
				item.externalUrl !== post.url ||
				item.wpStatus !== post.status
			)
				statements.push( statusOnly( item, change.seq, status ) );
			continue;
		}
		const sent = post.content;
		const full =
			sent !== null
				? { ...post, content: sent }
				: await fetchBody( env, db, site, post.id );
		if ( ! full ) {
			// Nothing lost: wp_hash stays, so the next event or full sync tries to take the body again.
			outcome.fetchFailed += 1;
			statements.push( statusOnly( item, change.seq, status ) );
			continue;
		}
		const wp: WordPressVersion & { content: string } = {
			id: full.id,
			title: full.title,
			content: full.content,
			content_hash: full.content_hash,
			modified_gmt: full.modified_gmt,
			status: full.status,
			url: full.url,
		};
		const sameAsCloud =
			wp.title === item.title &&
			( await revisionHash( wp.content ) ) === item.revisionHash;
		if (
			sameAsCloud ||
			( item.syncState !== 'conflict' && ! cloudChanged( item ) )
		) {
			await markSynced( db, item, wp, {}, guard );
			outcome.taken += sameAsCloud ? 0 : 1;
		} else {
			await recordConflict( db, item, wp, guard );
			outcome.conflicts += 1;
		}
	}
	await transaction( db, [ ...statements, ...pending ] );
	return outcome;
}
