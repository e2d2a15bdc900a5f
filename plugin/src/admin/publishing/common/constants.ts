// The publishing contract's value lists, copied as plain values: importing them from @igny8/shared would
// bundle zod (shared/src/schemas/publishing.ts and sync.ts). test/constants.test.ts keeps them equal.
import type { schemas } from '@igny8/shared';

type Of< T extends readonly string[] > = readonly T[ number ][];

export const CONTENT_SYNC_STATES = [
	'none',
	'pending',
	'synced',
	'failed',
	'conflict',
] as const satisfies Of< typeof schemas.CONTENT_SYNC_STATES >;
export const PUBLISHING_RECORD_STATUSES = [
	'queued',
	'publishing',
	'published',
	'failed',
	'conflict',
] as const satisfies Of< typeof schemas.PUBLISHING_RECORD_STATUSES >;
export const PUBLISHING_ACTIONS = [ 'publish', 'update' ] as const satisfies Of<
	typeof schemas.PUBLISHING_ACTIONS
>;
export const WP_POST_STATUSES = [
	'publish',
	'future',
	'draft',
	'pending',
	'private',
	'trash',
] as const satisfies Of< typeof schemas.WP_POST_STATUSES >;
export const PUBLISH_AS = [ 'draft', 'publish' ] as const satisfies Of<
	typeof schemas.PUBLISH_AS
>;
export const SITE_SYNC_STATES = [
	'queued',
	'running',
	'succeeded',
	'failed',
] as const satisfies Of< typeof schemas.SITE_SYNC_STATES >;

/** What a publish may carry (publishBody): term names, and how many of each. */
export const TERM_NAME_MAX = 200;
export const CATEGORIES_MAX = 20;
export const TAGS_MAX = 30;

/** Record statuses after which nothing more happens without the user. */
export const FINISHED_RECORD_STATUSES = [
	'published',
	'failed',
	'conflict',
] as const;

/** How often a running publish or sync is asked about (ms), and the longest wait for a retry's turn. */
export const POLL_MS = 1_500;
export const POLL_MAX_MS = 10_000;

export const RECORD_PAGE_SIZES = [ 25, 50, 100, 200 ] as const;

/** Days the Publishing log's chart covers, and the most records it reads to draw them. */
export const CHART_DAYS = 14;
export const CHART_MAX_RECORDS = 1_000;
