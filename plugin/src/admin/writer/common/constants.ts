// The Writer contract's value lists and limits, copied as plain values: importing them from @igny8/shared
// would bundle zod. test/constants.test.ts keeps them equal to the shared ones.
import type { schemas } from '@igny8/shared';

type Of< T extends readonly string[] > = readonly T[ number ][];

export const CONTENT_STATUSES = [
	'draft',
	'review',
	'approved',
	'published',
] as const satisfies Of< typeof schemas.CONTENT_STATUSES >;
export const IMAGE_KINDS = [ 'featured', 'in_article' ] as const satisfies Of<
	typeof schemas.IMAGE_KINDS
>;
export const IMAGE_STATUSES = [
	'pending',
	'generating',
	'generated',
	'failed',
] as const satisfies Of< typeof schemas.IMAGE_STATUSES >;

export const WRITER_LIMITS = {
	bodyLength: 300_000,
	outlineSections: 40,
	minTargetLength: 100,
	maxTargetLength: 10_000,
} as const satisfies typeof schemas.WRITER_LIMITS;

/** Most items one generation request starts (one job each). */
export const GENERATION_BATCH_MAX = 50;

/** What search engines show of a title and a description before they cut it. */
export const META_TITLE_MAX = 60;
export const META_DESCRIPTION_MAX = 160;

/** In-article images one piece may ask prompts for (generateImagePromptsBody.in_article). */
export const IN_ARTICLE_IMAGES_MAX = 6;

export const PAGE_SIZES = [ 25, 50, 100, 200 ] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** The jobs store keys of the Writer's AI work. */
export const GENERATE_CONTENT_JOB = 'generate-content';
export const IMAGE_PROMPTS_JOB = 'image-prompts';
export const GENERATE_IMAGES_JOB = 'generate-images';

/** A signed image URL is asked for again this long before it expires. */
export const URL_REFRESH_MARGIN_MS = 30_000;
