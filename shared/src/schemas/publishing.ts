// Publishing (SPEC §8, §11 "writer", "publisher"): approved content becomes a WordPress post through the
// SYNC_JOBS queue, each attempt recorded; conflicts between a post edited in WordPress and its content
// edited in the cloud are shown to the user and resolved by their choice.
import { z } from 'zod';
import { id, listQuery } from './common';
import { publishAs, wpPostStatus } from './sync';

const termName = z.string().trim().min( 1 ).max( 200 );

/**
 * `POST /api/v1/writer/content/:id/publish`: approved (or already published) content only. Categories and
 * tags are term names, made in WordPress where missing; omitted, a republish leaves the post's terms alone.
 */
export const publishBody = z.strictObject( {
	status: publishAs,
	categories: z.array( termName ).max( 20 ).optional(),
	tags: z.array( termName ).max( 30 ).optional(),
} );

export const PUBLISHING_RECORD_STATUSES = [
	/** Waiting in the queue (first attempt, or a retry after a failed one: see `next_attempt_at`). */
	'queued',
	/** An attempt is running. */
	'publishing',
	'published',
	/** Gave up after the last attempt, or stopped for a reason retrying cannot fix; `error` says why. */
	'failed',
	/** Not written: the post changed in WordPress since the cloud last saw it (see the content's conflict). */
	'conflict',
] as const;
export const publishingRecordStatus = z.enum( PUBLISHING_RECORD_STATUSES );
/** `publish`: the user published; `update`: a cloud-side edit of published content went out. */
export const PUBLISHING_ACTIONS = [ 'publish', 'update' ] as const;

/** How many attempts a publish gets before it is dead-lettered as `failed`. */
export const PUBLISH_MAX_ATTEMPTS = 6;

/** One publish (or update) of one piece of content to its site's WordPress. */
export const publishingRecord = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	/** Null once the content was deleted (the record stays in the log). */
	content_id: z.number().nullable(),
	/** The content's title when the record was made. */
	title: z.string(),
	destination: z.literal( 'wordpress' ),
	action: z.enum( PUBLISHING_ACTIONS ),
	status: publishingRecordStatus,
	/** The WordPress status asked for. */
	publish_as: publishAs,
	categories: z.array( z.string() ).nullable(),
	tags: z.array( z.string() ).nullable(),
	/** Sent to WordPress with every attempt: one post per content, however often it is retried. */
	idempotency_key: z.string(),
	wp_post_id: z.number().nullable(),
	url: z.string().nullable(),
	attempts: z.number(),
	max_attempts: z.number(),
	next_attempt_at: z.string().nullable(),
	/** What went wrong on the last attempt (kept after a later success is cleared). */
	error: z.string().nullable(),
	/** Images uploaded to the media library by this record. */
	images_uploaded: z.number(),
	created_at: z.string(),
	updated_at: z.string(),
	published_at: z.string().nullable(),
} );
export type PublishingRecord = z.infer< typeof publishingRecord >;

export const PUBLISHING_ORDERINGS = [
	'created_at',
	'-created_at',
	'updated_at',
	'-updated_at',
	'id',
	'-id',
] as const;
/** `GET /api/v1/publisher/records`. */
export const publishingRecordListQuery = listQuery.extend( {
	site_id: id,
	content_id: id.optional(),
	status: publishingRecordStatus.optional(),
	ordering: z.enum( PUBLISHING_ORDERINGS ).optional(),
} );
/** `POST /api/v1/writer/content/:id/publish` and `POST /api/v1/publisher/records/:id/retry` answer 202. */
export const publishStarted = z.object( { record: publishingRecord } );

// Sync state of a piece of content ---------------------------------------------------------------------

export const CONTENT_SYNC_STATES = [
	/** Never published. */
	'none',
	/** A publish or update is queued or running. */
	'pending',
	/** The WordPress post and the cloud copy agree (as of the last sync). */
	'synced',
	/** The last publish gave up: see its record. */
	'failed',
	/** Both sides changed since the last sync: the user chooses which to keep. */
	'conflict',
] as const;
export const contentSyncState = z.enum( CONTENT_SYNC_STATES );

/** The fields content gains from publishing (part of `contentSummary`). */
export const contentSyncFields = {
	sync_state: contentSyncState,
	/** The post's status in WordPress as last reported; null before publishing or after it was deleted. */
	wp_status: wpPostStatus.nullable(),
	last_synced_at: z.string().nullable(),
};

/** `GET /api/v1/writer/content/:id/conflict`: both versions side by side. */
export const contentConflict = z.object( {
	content_id: z.number(),
	wp_post_id: z.number(),
	cloud: z.object( {
		title: z.string(),
		body: z.string(),
		revision_hash: z.string(),
		updated_at: z.string(),
	} ),
	wordpress: z.object( {
		title: z.string(),
		body: z.string(),
		content_hash: z.string(),
		modified_gmt: z.string(),
	} ),
	detected_at: z.string(),
} );
/**
 * `POST /api/v1/writer/content/:id/resolve_conflict`: `cloud` sends the cloud copy to WordPress over the
 * version shown (202 with the update's record); `wordpress` takes WordPress's version into the cloud (200
 * with the content). Either way the other version is lost only because the user chose so; `wp_hash` must be
 * the WordPress version the user saw (409 if WordPress changed again meanwhile).
 */
export const resolveConflictBody = z.strictObject( {
	keep: z.enum( [ 'cloud', 'wordpress' ] ),
	wp_hash: z.string().regex( /^[0-9a-f]{64}$/ ),
} );
