// The Writer contract (SPEC §4, §11 "writer"): tasks with what generation needs, content (an article as
// block markup) and its images. The Planner's `task` (planner.ts) is the same task as ideas make it; the
// Writer's routes answer `writerTask`, which adds the generation settings.
import { z } from 'zod';
import { id, listQuery } from './common';
import { contentType, idList, task, taskStatus } from './planner';
import { provider } from './system';
import { job } from './ai';
import { contentSyncFields, contentSyncState } from './publishing';

/**
 * draft (written by hand) → review (generated, or sent for review) → approved (a person approved it; its
 * task is completed) → published (by publishing only).
 */
export const CONTENT_STATUSES = [
	'draft',
	'review',
	'approved',
	'published',
] as const;
export const CONTENT_SOURCES = [ 'igny8', 'wordpress', 'import' ] as const;
export const IMAGE_KINDS = [ 'featured', 'in_article' ] as const;
export const IMAGE_STATUSES = [
	'pending',
	'generating',
	'generated',
	'failed',
] as const;

export const WRITER_LIMITS = {
	/** Characters of block markup in one body (a 10,000-word article is about 100,000). */
	bodyLength: 300_000,
	/** Sections in a task's outline template. */
	outlineSections: 40,
	/** Words a task may ask for. */
	minTargetLength: 100,
	maxTargetLength: 10_000,
} as const;

export const contentStatus = z.enum( CONTENT_STATUSES );
export const contentSource = z.enum( CONTENT_SOURCES );
export const imageKind = z.enum( IMAGE_KINDS );
export const imageStatus = z.enum( IMAGE_STATUSES );

const title = z.string().trim().min( 1 ).max( 300 );
const brief = z.string().trim().max( 20_000 );
const targetKeywords = z
	.array( z.string().trim().min( 1 ).max( 200 ) )
	.max( 50 );
const search = z.string().trim().max( 200 );

/** One heading of an outline template, with what the section should cover. */
export const outlineSection = z.strictObject( {
	heading: z.string().trim().min( 1 ).max( 200 ),
	/** The heading level: 2 (default) to 4. */
	level: z.number().int().min( 2 ).max( 4 ).optional(),
	notes: z.string().trim().max( 2000 ).optional(),
} );
/** A task's `content_structure`: the outline the article follows. */
export const contentStructure = z.strictObject( {
	sections: z
		.array( outlineSection )
		.min( 1 )
		.max( WRITER_LIMITS.outlineSections ),
} );
export const targetLength = z
	.number()
	.int()
	.min( WRITER_LIMITS.minTargetLength )
	.max( WRITER_LIMITS.maxTargetLength );

// Tasks ------------------------------------------------------------------------------------------------

export const writerTask = task.extend( {
	content_structure: contentStructure.nullable(),
	author_profile_id: z.number().nullable(),
	/** Words the article should have; null: the generator's default. */
	target_length: z.number().nullable(),
	/** Why the last generation failed (status failed); null otherwise. */
	error: z.string().nullable(),
} );

const taskFields = {
	brief: brief.nullable().optional(),
	target_keywords: targetKeywords.optional(),
	cluster_id: id.nullable().optional(),
	content_type: contentType.optional(),
	content_structure: contentStructure.nullable().optional(),
	author_profile_id: id.nullable().optional(),
	target_length: targetLength.nullable().optional(),
};

/** A task written by hand; with `idea_id` the idea moves to in_progress (an idea becomes one task). */
export const writerTaskCreateBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	title,
	idea_id: id.nullable().optional(),
	...taskFields,
} );
/**
 * `generating` is set by generation only, and a task being generated cannot be changed (409). By hand a
 * status moves failed → queued, review → queued or completed, completed → review; other moves answer 409.
 */
export const writerTaskUpdateBody = z.strictObject( {
	title: title.optional(),
	...taskFields,
	status: taskStatus.optional(),
} );
export const TASK_ORDERINGS = [
	'title',
	'-title',
	'created_at',
	'-created_at',
	'updated_at',
	'-updated_at',
	'id',
	'-id',
] as const;
export const writerTaskListQuery = listQuery.extend( {
	site_id: id,
	sector_id: id.optional(),
	status: taskStatus.optional(),
	cluster_id: id.optional(),
	idea_id: id.optional(),
	content_type: contentType.optional(),
	author_profile_id: id.optional(),
	search: search.optional(),
	ordering: z.enum( TASK_ORDERINGS ).optional(),
} );
export const taskBulkDeleteBody = z.strictObject( {
	site_id: id,
	ids: idList,
} );
export const taskBulkDeleteResult = z.object( {
	deleted: z.number(),
	/** Tasks left alone because they are being generated. */
	skipped_generating: z.number(),
} );

// Content ----------------------------------------------------------------------------------------------

/** A piece of content as lists show it: everything but the body. */
export const contentSummary = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	task_id: z.number().nullable(),
	title: z.string(),
	meta_title: z.string().nullable(),
	meta_description: z.string().nullable(),
	/** Words of the body's text (markup and block comments left out). */
	word_count: z.number(),
	status: contentStatus,
	source: contentSource,
	/** Hex SHA-256 of the body; changes with every body change. */
	revision_hash: z.string(),
	/** The WordPress post id, once published. */
	external_id: z.number().nullable(),
	external_url: z.string().nullable(),
	...contentSyncFields,
	created_at: z.string(),
	updated_at: z.string(),
} );
export const content = contentSummary.extend( {
	/** WordPress block markup. */
	body: z.string(),
} );

const metaTitle = z.string().trim().max( 200 );
const metaDescription = z.string().trim().max( 500 );
const body = z.string().max( WRITER_LIMITS.bodyLength );

/** Content brought in by hand (an existing article pasted in): counts against the plan's content per month. */
export const contentCreateBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	task_id: id.nullable().optional(),
	title,
	meta_title: metaTitle.nullable().optional(),
	meta_description: metaDescription.nullable().optional(),
	body: body.optional(),
	status: z.enum( [ 'draft', 'review' ] ).optional(),
	source: z.literal( 'import' ).optional(),
} );
/**
 * Status moves here between draft, review and approved (approving completes the content's task); `published`
 * comes only from publishing (409 otherwise).
 */
export const contentUpdateBody = z.strictObject( {
	title: title.optional(),
	meta_title: metaTitle.nullable().optional(),
	meta_description: metaDescription.nullable().optional(),
	body: body.optional(),
	status: contentStatus.optional(),
} );
export const CONTENT_ORDERINGS = [
	'title',
	'-title',
	'word_count',
	'-word_count',
	'created_at',
	'-created_at',
	'updated_at',
	'-updated_at',
	'id',
	'-id',
] as const;
export const contentListQuery = listQuery.extend( {
	site_id: id,
	sector_id: id.optional(),
	status: contentStatus.optional(),
	source: contentSource.optional(),
	sync_state: contentSyncState.optional(),
	task_id: id.optional(),
	search: search.optional(),
	ordering: z.enum( CONTENT_ORDERINGS ).optional(),
} );

// Images -----------------------------------------------------------------------------------------------

export const image = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	content_id: z.number(),
	kind: imageKind,
	prompt: z.string(),
	alt: z.string(),
	caption: z.string().nullable(),
	/** 0 for the featured image; 1… fill the body's image placeholders in order. */
	position: z.number(),
	provider: provider.nullable(),
	model: z.string().nullable(),
	status: imageStatus,
	/** Whether the bytes are stored. */
	stored: z.boolean(),
	/** A short-lived signed URL of the bytes (no sign-in needed while it lasts); null until stored. */
	url: z.string().nullable(),
	/** When `url` stops working. */
	url_expires_at: z.string().nullable(),
	error: z.string().nullable(),
	created_at: z.string(),
	updated_at: z.string(),
} );
export const imageUpdateBody = z.strictObject( {
	prompt: z.string().trim().min( 1 ).max( 4000 ).optional(),
	alt: z.string().trim().max( 500 ).optional(),
	caption: z.string().trim().max( 1000 ).nullable().optional(),
	position: z.number().int().min( 0 ).max( 1000 ).optional(),
} );
export const IMAGE_ORDERINGS = [
	'position',
	'-position',
	'created_at',
	'-created_at',
	'id',
	'-id',
] as const;
export const imageListQuery = listQuery.extend( {
	site_id: id,
	sector_id: id.optional(),
	content_id: id.optional(),
	kind: imageKind.optional(),
	status: imageStatus.optional(),
	ordering: z.enum( IMAGE_ORDERINGS ).optional(),
} );

// Generation ------------------------------------------------------------------------------------------

/** Most items one generation request starts (one job each). */
export const GENERATION_BATCH_MAX = 50;

/** Generate articles for tasks: one generate_content job per task, each with its own hold. */
export const generateContentBody = z.strictObject( {
	site_id: id,
	task_ids: idList.max( GENERATION_BATCH_MAX ),
} );
/** Generate image prompts for content pieces: one generate_image_prompts job per piece. */
export const generateImagePromptsBody = z.strictObject( {
	site_id: id,
	content_ids: idList.max( GENERATION_BATCH_MAX ),
	in_article: z.number().int().min( 0 ).max( 6 ).optional(),
} );
/**
 * The jobs a generation request started, and the items it could not start (with the error each got, e.g.
 * 402 when the credits ran out part way, 409 for a task already being generated).
 */
export const generationStarted = z.object( {
	jobs: z.array( job ),
	not_started: z.array(
		z.object( {
			id: z.number(),
			code: z.string(),
			message: z.string(),
		} )
	),
} );

export type WriterTask = z.infer< typeof writerTask >;
export type ContentStructure = z.infer< typeof contentStructure >;
export type ContentSummary = z.infer< typeof contentSummary >;
export type Content = z.infer< typeof content >;
export type Image = z.infer< typeof image >;
export type GenerationStarted = z.infer< typeof generationStarted >;
