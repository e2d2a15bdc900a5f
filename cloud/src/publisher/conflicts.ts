// Content changed both in WordPress and in the cloud since they last agreed: both versions are shown, and
// the user's choice decides which one both sides keep. Nothing is overwritten before that choice.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { schemas } from '@igny8/shared';
import type { Env } from '../env';
import type { Db } from '../db';
import { contentConflicts } from '../db/schema';
import { AppError, conflict, notFound } from '../lib/errors';
import type { Content } from '../lib/resources';
import { markSynced } from '../sync/versions';
import { queueRecord, updateStatusOf } from './records';

type ConflictRow = typeof contentConflicts.$inferSelect;

export const conflictOut = ( item: Content, row: ConflictRow ) => ( {
	content_id: item.id,
	wp_post_id: row.wpPostId,
	cloud: {
		title: item.title,
		body: item.body,
		revision_hash: item.revisionHash,
		updated_at: item.updatedAt,
	},
	wordpress: {
		title: row.wpTitle,
		body: row.wpBody,
		content_hash: row.wpHash,
		modified_gmt: row.wpModifiedGmt,
	},
	detected_at: row.detectedAt,
} );

/** The content's open conflict (404 when it has none). */
export async function openConflict( db: Db, item: Content ) {
	const row =
		item.syncState === 'conflict'
			? await db.query.contentConflicts.findFirst( {
					where: eq( contentConflicts.contentId, item.id ),
				} )
			: undefined;
	if ( ! row ) throw notFound( 'This content has no conflict' );
	return row;
}

/**
 * `keep: wordpress`: the cloud takes WordPress's version (answers the content). `keep: cloud`: the cloud copy
 * goes to WordPress over the version the user saw, as an update (answers its record); the conflict stays
 * until that update is written.
 */
export async function resolveConflict(
	env: Env,
	db: Db,
	item: Content,
	input: z.infer< typeof schemas.resolveConflictBody >
): Promise<
	| { kept: 'wordpress'; content: Content }
	| {
			kept: 'cloud';
			record: NonNullable< Awaited< ReturnType< typeof queueRecord > > >;
	  }
> {
	const row = await openConflict( db, item );
	if ( input.wp_hash !== row.wpHash )
		throw new AppError(
			'conflict',
			'The post changed in WordPress again since this version was shown: look at the new one and choose again',
			{ wp_hash: [ `WordPress's version is now ${ row.wpHash }` ] },
			{ conflict: conflictOut( item, row ) }
		);
	if ( input.keep === 'wordpress' )
		return {
			kept: 'wordpress',
			content: await markSynced( db, item, {
				id: row.wpPostId,
				title: row.wpTitle,
				content: row.wpBody,
				content_hash: row.wpHash,
				modified_gmt: row.wpModifiedGmt,
				status: item.wpStatus ?? 'publish',
				url: item.externalUrl ?? '',
			} ),
		};
	// The update overwrites exactly the version the user saw: WordPress refuses it if the post changed again.
	const record = await queueRecord( env, db, item, {
		action: 'update',
		publishAs: await updateStatusOf( db, item ),
		when: sql`c.sync_state = 'conflict'`,
		contentSet: {
			externalId: row.wpPostId,
			wpHash: row.wpHash,
			wpTitle: row.wpTitle,
			wpModifiedGmt: row.wpModifiedGmt,
		},
	} );
	if ( ! record )
		throw conflict(
			'The conflict changed meanwhile; load it again and choose again'
		);
	return { kept: 'cloud', record };
}
