// The contract's value lists, copied as plain arrays: importing them from @igny8/shared would bundle zod.
// test/constants.test.ts keeps them equal to the shared ones.
import type { schemas } from '@igny8/shared';

type Of< T extends readonly string[] > = readonly T[ number ][];

export const KEYWORD_STATUSES = [
	'active',
	'inactive',
	'used',
] as const satisfies Of< typeof schemas.KEYWORD_STATUSES >;
export const KEYWORD_INTENTS = [
	'informational',
	'commercial',
	'transactional',
	'navigational',
] as const satisfies Of< typeof schemas.KEYWORD_INTENTS >;
export const CLUSTER_STATUSES = [ 'active', 'archived' ] as const satisfies Of<
	typeof schemas.CLUSTER_STATUSES
>;
export const IDEA_STATUSES = [
	'draft',
	'approved',
	'in_progress',
	'completed',
] as const satisfies Of< typeof schemas.IDEA_STATUSES >;
export const TASK_STATUSES = [
	'queued',
	'generating',
	'review',
	'completed',
	'failed',
] as const satisfies Of< typeof schemas.TASK_STATUSES >;
export const CONTENT_TYPES = [
	'post',
	'page',
	'product',
	'category',
	'guide',
	'listicle',
	'comparison',
	'review',
	'how_to',
] as const satisfies Of< typeof schemas.CONTENT_TYPES >;

/** The largest CSV the cloud takes in one upload (PLANNER_LIMITS.csvBytes). */
export const CSV_MAX_BYTES = 10 * 1024 * 1024;
/** The most ids one bulk call may carry (PLANNER_LIMITS.bulkIds). */
export const BULK_MAX_IDS = 1000;
/** The largest page a list returns. */
export const MAX_PAGE_SIZE = 200;
export const PAGE_SIZES = [ 25, 50, 100, 200 ] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** Where the chosen sector is remembered for the WordPress user (core/preferences, persisted in user meta). */
export const PREFERENCES_SCOPE = 'igny8/planner';
export const sectorPreference = ( siteId: number ) => `sector-site-${ siteId }`;
