// The Writer's cloud endpoints (SPEC §4, §11 "writer"), typed with the shared contract; one function per call.
import type { schemas } from '@igny8/shared';
import type { z } from 'zod';
import {
	cloud as defaultClient,
	CloudError,
	type CloudClient,
	type CloudList,
} from './cloud';
import { isJob, jobOf, type Job } from './jobs';
import type { Params, Placement } from './planner';

export type WriterTask = schemas.WriterTask;
export type ContentStructure = schemas.ContentStructure;
export type OutlineSection = ContentStructure[ 'sections' ][ number ];
export type ContentSummary = schemas.ContentSummary;
export type Content = schemas.Content;
export type WriterImage = schemas.Image;
export type GenerationStarted = schemas.GenerationStarted;
export type NotStarted = GenerationStarted[ 'not_started' ][ number ];

export type TaskCreate = Omit<
	z.input< typeof schemas.writerTaskCreateBody >,
	'site_id' | 'sector_id'
>;
export type TaskUpdate = z.input< typeof schemas.writerTaskUpdateBody >;
export type ContentUpdate = z.input< typeof schemas.contentUpdateBody >;
export type ImageUpdate = z.input< typeof schemas.imageUpdateBody >;
export type TaskBulkDeleteResult = z.infer<
	typeof schemas.taskBulkDeleteResult
>;

/** Which images to make: every pending or failed one of a content, or the given ones. */
export type ImageSelection = { content_id: number } | { image_ids: number[] };

/**
 * The answer of a generation request: `{ jobs, not_started }`; a lone job (or `{ job }`) is one started.
 *
 * @param value The envelope's `data`.
 */
export function generationOf( value: unknown ): GenerationStarted {
	const started = value as Partial< GenerationStarted > | null;
	if ( started && Array.isArray( started.jobs ) ) {
		return {
			jobs: started.jobs.filter( isJob ),
			not_started: Array.isArray( started.not_started )
				? started.not_started
				: [],
		};
	}
	if (
		isJob( value ) ||
		isJob( ( value as { job?: unknown } | null )?.job )
	) {
		return { jobs: [ jobOf( value ) ], not_started: [] };
	}
	throw new CloudError( {
		status: 202,
		code: 'invalid_response',
		message: 'The IGNY8 cloud answered without the jobs it started.',
	} );
}

export function createWriterApi( client: CloudClient ) {
	const list = < T >( path: string, query: Params ) =>
		client.get< CloudList< T > >( path, { query } );
	const patch = < T >( path: string, body: unknown ) =>
		client.request< T >( path, { method: 'PATCH', body } );
	const remove = ( path: string ) =>
		client.request< unknown >( path, { method: 'DELETE' } );

	return {
		listTasks: ( query: Params ) =>
			list< WriterTask >( '/writer/tasks', query ),
		getTask: ( id: number ) =>
			client.get< WriterTask >( `/writer/tasks/${ id }` ),
		createTask: ( at: Placement, body: TaskCreate ) =>
			client.post< WriterTask >( '/writer/tasks', { ...at, ...body } ),
		updateTask: ( id: number, body: TaskUpdate ) =>
			patch< WriterTask >( `/writer/tasks/${ id }`, body ),
		deleteTask: ( id: number ) => remove( `/writer/tasks/${ id }` ),
		bulkDeleteTasks: ( siteId: number, ids: number[] ) =>
			client.post< TaskBulkDeleteResult >( '/writer/tasks/bulk_delete', {
				site_id: siteId,
				ids,
			} ),
		/**
		 * Starts one generate_content job per task (202); tasks that could not start come back with why.
		 *
		 * @param siteId  The site.
		 * @param taskIds The tasks, at most GENERATION_BATCH_MAX.
		 */
		generateContent: async ( siteId: number, taskIds: number[] ) =>
			generationOf(
				await client.post< unknown >(
					'/writer/tasks/generate_content',
					{ site_id: siteId, task_ids: taskIds }
				)
			),

		listContent: ( query: Params ) =>
			list< ContentSummary >( '/writer/content', query ),
		getContent: ( id: number ) =>
			client.get< Content >( `/writer/content/${ id }` ),
		updateContent: ( id: number, body: ContentUpdate ) =>
			patch< Content >( `/writer/content/${ id }`, body ),
		deleteContent: ( id: number ) => remove( `/writer/content/${ id }` ),
		/**
		 * Starts one generate_image_prompts job per piece of content (202).
		 *
		 * @param siteId     The site.
		 * @param contentIds The pieces, at most GENERATION_BATCH_MAX.
		 * @param inArticle  In-article images wanted; the cloud decides without it.
		 */
		generateImagePrompts: async (
			siteId: number,
			contentIds: number[],
			inArticle?: number
		) =>
			generationOf(
				await client.post< unknown >(
					'/writer/content/generate_image_prompts',
					{
						site_id: siteId,
						content_ids: contentIds,
						...( inArticle === undefined
							? {}
							: { in_article: inArticle } ),
					}
				)
			),

		listImages: ( query: Params ) =>
			list< WriterImage >( '/writer/images', query ),
		updateImage: ( id: number, body: ImageUpdate ) =>
			patch< WriterImage >( `/writer/images/${ id }`, body ),
		deleteImage: ( id: number ) => remove( `/writer/images/${ id }` ),
		/**
		 * Starts one generate_images job (202) for the chosen images.
		 *
		 * @param siteId The site.
		 * @param which  A content's pending and failed images, or the given ones.
		 */
		generateImages: async (
			siteId: number,
			which: ImageSelection
		): Promise< Job > =>
			jobOf(
				await client.post< unknown >( '/writer/images/generate', {
					site_id: siteId,
					...which,
				} )
			),
	};
}

export type WriterApi = ReturnType< typeof createWriterApi >;

/** The page-wide Writer API over the shared cloud client. */
export const writerApi: WriterApi = createWriterApi( defaultClient );
