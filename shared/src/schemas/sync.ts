// The WordPress ↔ cloud sync contract (SPEC §8, ARCHITECTURE §5): what the plugin's signed routes take and
// answer (the cloud calls them to publish and to mirror the site), and the events the plugin's outbox sends
// to `POST /api/v1/integration/sync/events`. The PHP bridge cannot import this file: its tests check the
// PHP answers against these schemas, and the cloud parses every answer with them.
import { z } from 'zod';

// What WordPress holds -------------------------------------------------------------------------------------

/** WordPress post statuses as the sync reports them (`deleted`: gone for good, not in the trash). */
export const WP_POST_STATUSES = [
	'publish',
	'future',
	'draft',
	'pending',
	'private',
	'trash',
] as const;
export const wpPostStatus = z.enum( WP_POST_STATUSES );
/** The two statuses publishing may ask for. */
export const PUBLISH_AS = [ 'draft', 'publish' ] as const;
export const publishAs = z.enum( PUBLISH_AS );
/** The taxonomies publishing sets. */
export const SYNC_TAXONOMIES = [ 'category', 'post_tag' ] as const;
export const syncTaxonomy = z.enum( SYNC_TAXONOMIES );

export const wpTerm = z.object( {
	id: z.number().int().positive(),
	taxonomy: z.string(),
	name: z.string(),
	slug: z.string(),
} );

/**
 * A post as the mirror keeps it (the Linker's view of the site): everything but the body. `content_hash`
 * is the hex SHA-256 of `post_content` exactly as WordPress stores it (UTF-8 bytes); `links` are the
 * absolute URLs of the body's links to this site's own host (internal links), in order, without duplicates.
 */
export const wpPostSummary = z.object( {
	id: z.number().int().positive(),
	type: z.string(),
	status: wpPostStatus,
	title: z.string(),
	/** The permalink (for drafts, WordPress's preview-style link `?p=ID`). */
	url: z.string(),
	slug: z.string(),
	excerpt: z.string(),
	/** `post_modified_gmt` as ISO 8601 UTC, e.g. "2026-11-29T10:00:00Z". */
	modified_gmt: z.string(),
	categories: z.array( wpTerm ),
	tags: z.array( wpTerm ),
	links: z.array( z.string() ),
	content_hash: z.string().regex( /^[0-9a-f]{64}$/ ),
	/** The featured image (attachment id), or null. */
	featured_media: z.number().int().positive().nullable(),
	/** IGNY8 meta: set on posts IGNY8 published. */
	managed: z.boolean(),
	content_id: z.number().int().positive().nullable(),
	task_id: z.number().int().positive().nullable(),
} );
/** A post with its body: what lookups, `POST /posts` and `PUT /posts/:id` answer. */
export const wpPost = wpPostSummary.extend( {
	/** `post_content`: block markup as stored. */
	content: z.string(),
} );

// The plugin's signed routes (cloud → WordPress) ----------------------------------------------------------

/** `GET /wp-json/igny8/v1/posts?page=&per_page=&status=`: one page of the mirror, oldest id first. */
export const MIRROR_PAGE_MAX = 200;
export const wpPostsPage = z.object( {
	posts: z.array( wpPostSummary ),
	page: z.number().int().positive(),
	per_page: z.number().int().positive(),
	total: z.number().int().nonnegative(),
	total_pages: z.number().int().nonnegative(),
} );

/**
 * `GET /post-by-content-id/:id`, `GET /post-by-task-id/:id`: the newest post (not in the trash) carrying
 * that IGNY8 meta, or `{ post: null }` with status 200 (a 404 could as well be a missing route).
 */
export const wpPostLookup = z.object( { post: wpPost.nullable() } );

/** `POST /terms`: the terms of these names (matched by name, case-insensitively), made where missing. */
export const termsBody = z.strictObject( {
	taxonomy: syncTaxonomy,
	names: z.array( z.string().trim().min( 1 ).max( 200 ) ).min( 1 ).max( 50 ),
} );
export const termsResult = z.object( {
	/** In the order of `names`. */
	terms: z.array( wpTerm ),
} );

/** Largest image the cloud sends to WordPress in one `POST /media` (bytes before base64). */
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;
/**
 * `POST /media`: an image into the media library. Idempotent by `ref` (the cloud image's UUID, kept as the
 * attachment's `_igny8_image_ref` meta): sending the same ref again answers the same attachment (with
 * `existing: true`) and updates its alt text and caption.
 */
export const mediaBody = z.strictObject( {
	ref: z.string().regex( /^[0-9a-f-]{32,36}$/ ),
	filename: z
		.string()
		.regex( /^[A-Za-z0-9._-]{1,120}$/, 'a plain file name' ),
	mime_type: z.enum( [ 'image/png', 'image/jpeg', 'image/webp' ] ),
	data_base64: z.string().min( 1 ),
	alt: z.string().max( 500 ),
	caption: z.string().max( 1000 ).nullable(),
	title: z.string().max( 300 ),
	/** The post the attachment belongs to, when known. */
	post_id: z.number().int().positive().nullable(),
} );
export const mediaResult = z.object( {
	id: z.number().int().positive(),
	url: z.string(),
	alt: z.string(),
	existing: z.boolean(),
} );

/**
 * `POST /posts` (make or update the post of `content_id`) and `PUT /posts/:id` (update that post). `POST`
 * first looks for a post (not trashed) with `_igny8_content_id` = `content_id`: if there is one it is
 * updated (`created: false`), so a retried publish never makes a second post. `expected_hash`, when given,
 * is compared with the current `content_hash` of the post to update: a difference answers 409
 * `igny8_conflict` with the current post and writes nothing (WordPress changed it since the cloud last saw it).
 * The body is written as given (no kses rewriting: the request is signed by the cloud). Meta written:
 * `_igny8_content_id`, `_igny8_task_id`, `_igny8_managed` = true, `_igny8_revision` = `revision_hash`,
 * `_igny8_last_synced` = now; the SEO title and description also go to Yoast's and Rank Math's keys when
 * either plugin is active.
 */
export const wpPostWriteBody = z.strictObject( {
	content_id: z.number().int().positive(),
	task_id: z.number().int().positive().nullable(),
	title: z.string().min( 1 ).max( 300 ),
	content: z.string(),
	excerpt: z.string().max( 1000 ),
	status: publishAs,
	/** Term ids (from `POST /terms`); omitted: leave the post's terms as they are. */
	categories: z.array( z.number().int().positive() ).max( 50 ).optional(),
	tags: z.array( z.number().int().positive() ).max( 50 ).optional(),
	/** Attachment id; null removes the featured image; omitted leaves it. */
	featured_media: z.number().int().positive().nullable().optional(),
	meta_title: z.string().max( 200 ).nullable(),
	meta_description: z.string().max( 500 ).nullable(),
	/** The cloud body's revision hash, kept as `_igny8_revision`. */
	revision_hash: z.string().regex( /^[0-9a-f]{64}$/ ),
	expected_hash: z
		.string()
		.regex( /^[0-9a-f]{64}$/ )
		.optional(),
} );
export const wpPostWriteResult = z.object( {
	post: wpPost,
	created: z.boolean(),
} );
/** The body of a 409 `igny8_conflict`: WordPress's current version. */
export const wpConflict = z.object( {
	code: z.literal( 'igny8_conflict' ),
	message: z.string(),
	data: z.object( { status: z.literal( 409 ), post: wpPost } ),
} );

// Events (WordPress → cloud) ------------------------------------------------------------------------------

export const SYNC_EVENT_TYPES = [
	/** A post was made, edited, or changed status (the trash is a status): the whole post as it is now. */
	'post.updated',
	/** A post was deleted for good. */
	'post.deleted',
	'term.updated',
	'term.deleted',
] as const;
export const syncEventType = z.enum( SYNC_EVENT_TYPES );
/** Largest body a `post.updated` event carries; past it `content` is null and `content_omitted` true. */
export const EVENT_CONTENT_MAX = 400_000;

const eventBase = {
	/** UUID v4 made when the event was queued: the cloud stores each (site, event_id) once. */
	event_id: z.uuid(),
	/**
	 * The outbox row id: increases with every event of a site. An event older than the last one applied to
	 * the same object (smaller seq) is stored but changes nothing.
	 */
	seq: z.number().int().positive(),
	occurred_at: z.string(),
};
export const syncEvent = z.discriminatedUnion( 'type', [
	z.strictObject( {
		...eventBase,
		type: z.literal( 'post.updated' ),
		/** The post now; `content` for IGNY8-managed posts (null for others, or past EVENT_CONTENT_MAX). */
		post: wpPostSummary.extend( {
			content: z.string().nullable(),
			content_omitted: z.boolean(),
		} ),
	} ),
	z.strictObject( {
		...eventBase,
		type: z.literal( 'post.deleted' ),
		post: z.object( {
			id: z.number().int().positive(),
			type: z.string(),
			content_id: z.number().int().positive().nullable(),
		} ),
	} ),
	z.strictObject( {
		...eventBase,
		type: z.literal( 'term.updated' ),
		term: wpTerm,
	} ),
	z.strictObject( {
		...eventBase,
		type: z.literal( 'term.deleted' ),
		term: wpTerm.pick( { id: true, taxonomy: true } ),
	} ),
] );
export type SyncEvent = z.infer< typeof syncEvent >;

/** Most events in one delivery; the plugin also keeps a batch under about 800 KB of JSON. */
export const SYNC_EVENTS_MAX = 100;
/** `POST /api/v1/integration/sync/events` (signed by the site). */
export const syncEventsBody = z.strictObject( {
	events: z.array( syncEvent ).min( 1 ).max( SYNC_EVENTS_MAX ),
} );
/** Stored now, or already stored earlier: either way the plugin marks them sent. */
export const syncEventsResult = z.object( {
	accepted: z.array( z.string() ),
	duplicates: z.array( z.string() ),
} );

// Full sync (the mirror) -----------------------------------------------------------------------------------

export const SITE_SYNC_STATES = [
	'queued',
	'running',
	'succeeded',
	'failed',
] as const;
export const siteSyncState = z.enum( SITE_SYNC_STATES );
/** A full sync of a site's published posts into the mirror, page by page in the background. */
export const siteSync = z.object( {
	id: z.number(),
	site_id: z.number(),
	state: siteSyncState,
	pages_done: z.number(),
	/** Known after the first page. */
	total_pages: z.number().nullable(),
	posts_seen: z.number(),
	percentage: z.number(),
	error: z.string().nullable(),
	started_at: z.string(),
	finished_at: z.string().nullable(),
} );
/** What the Settings screens show of a site's sync. */
export const siteSyncStatus = z.object( {
	site_id: z.number(),
	/** The newest full sync, if any. */
	last_full_sync: siteSync.nullable(),
	/** Posts in the mirror. */
	posts_mirrored: z.number(),
	/** When the newest event from WordPress arrived. */
	last_event_at: z.string().nullable(),
	/** Publishing records waiting or being retried, and those that gave up. */
	publishing_pending: z.number(),
	publishing_failed: z.number(),
	/** Content whose WordPress post and cloud copy both changed. */
	conflicts: z.number(),
} );
