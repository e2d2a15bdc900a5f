// The AI engine contract (SPEC §6, §11 "ai"): jobs run from a queue through six phases.
import { z } from 'zod';
import { id, listQuery } from './common';
import { idList } from './planner';

export const AI_FUNCTIONS = [
	'auto_cluster',
	'generate_ideas',
	'generate_content',
	'generate_image_prompts',
	'generate_images',
] as const;
export const JOB_STATES = [
	'queued',
	'running',
	'succeeded',
	'failed',
	'cancelled',
] as const;
export const JOB_PHASES = [
	'INIT',
	'PREP',
	'AI_CALL',
	'PARSE',
	'SAVE',
	'DONE',
] as const;
/** Where each phase starts and ends on the progress bar. */
export const PHASE_RANGES = {
	INIT: [ 0, 10 ],
	PREP: [ 10, 25 ],
	AI_CALL: [ 25, 70 ],
	PARSE: [ 70, 85 ],
	SAVE: [ 85, 98 ],
	DONE: [ 100, 100 ],
} as const;

export const aiFunction = z.enum( AI_FUNCTIONS );
export const jobState = z.enum( JOB_STATES );
export const jobPhase = z.enum( JOB_PHASES );

export const autoClusterPayload = z.strictObject( {
	site_id: id,
	sector_id: id,
	keyword_ids: idList.optional(),
} );
export const generateIdeasPayload = z.strictObject( {
	site_id: id,
	cluster_ids: idList.max( 200 ),
	ideas_per_cluster: z.number().int().min( 1 ).max( 10 ).default( 3 ),
} );

/** One article for one task (many tasks: one job each, see the Writer's generate_content route). */
export const generateContentPayload = z.strictObject( {
	site_id: id,
	task_id: id,
} );
/** Prompts, alt text and captions for a content's featured image and its in-article images. */
export const generateImagePromptsPayload = z.strictObject( {
	site_id: id,
	content_id: id,
	/** In-article images wanted; default: the body's image placeholders, or 2 when it has none. */
	in_article: z.number().int().min( 0 ).max( 6 ).optional(),
} );
/** Images made from their prompts: the given ones, or every pending or failed image of one content. */
export const generateImagesPayload = z
	.strictObject( {
		site_id: id,
		content_id: id.optional(),
		image_ids: idList.max( 50 ).optional(),
	} )
	.refine(
		( p ) =>
			( p.content_id === undefined ) !== ( p.image_ids === undefined ),
		{
			message: 'give content_id or image_ids, not both',
			path: [ 'image_ids' ],
		}
	);

export const jobCreateBody = z.discriminatedUnion( 'function', [
	z.strictObject( {
		function: z.literal( 'auto_cluster' ),
		payload: autoClusterPayload,
	} ),
	z.strictObject( {
		function: z.literal( 'generate_ideas' ),
		payload: generateIdeasPayload,
	} ),
	z.strictObject( {
		function: z.literal( 'generate_content' ),
		payload: generateContentPayload,
	} ),
	z.strictObject( {
		function: z.literal( 'generate_image_prompts' ),
		payload: generateImagePromptsPayload,
	} ),
	z.strictObject( {
		function: z.literal( 'generate_images' ),
		payload: generateImagesPayload,
	} ),
] );

export const jobStep = z.object( {
	at: z.string(),
	phase: jobPhase,
	kind: z.enum( [ 'request', 'response', 'info', 'error' ] ),
	detail: z.string(),
} );

export const job = z.object( {
	id: z.number(),
	site_id: z.number().nullable(),
	function: aiFunction,
	state: jobState,
	phase: jobPhase,
	percentage: z.number(),
	message: z.string().nullable(),
	model: z.string().nullable(),
	tokens_in: z.number(),
	tokens_out: z.number(),
	cost_usd: z.number(),
	credits_held: z.number(),
	credits_charged: z.number(),
	result: z.unknown().nullable(),
	error: z.string().nullable(),
	steps: z.array( jobStep ),
	attempts: z.number(),
	created_at: z.string(),
	started_at: z.string().nullable(),
	finished_at: z.string().nullable(),
} );

export const jobListQuery = listQuery.extend( {
	site_id: id.optional(),
	state: jobState.optional(),
	function: aiFunction.optional(),
} );

export type AiFunction = z.infer< typeof aiFunction >;
export type Job = z.infer< typeof job >;
export type JobState = z.infer< typeof jobState >;
export type JobPhase = z.infer< typeof jobPhase >;
