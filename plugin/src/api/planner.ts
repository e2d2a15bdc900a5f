// The Planner's cloud endpoints (SPEC §3, §11), typed with the shared contract; one function per call.
import type { schemas } from '@igny8/shared';
import type { z } from 'zod';
import {
	cloud as defaultClient,
	type CloudClient,
	type CloudList,
	type CloudRequestOptions,
} from './cloud';
import { jobOf, type Job } from './jobs';

export type Keyword = schemas.Keyword;
export type Cluster = schemas.Cluster;
export type Idea = schemas.Idea;
export type Task = schemas.Task;
export type Sector = schemas.Sector;
export type PlannerSummary = schemas.PlannerSummary;
export type CsvImportResult = schemas.CsvImportResult;
export type AutoClusterResult = z.infer< typeof schemas.autoClusterResult >;
export type CreateTasksResult = z.infer< typeof schemas.createTasksResult >;
export type ClusterSplitResult = z.infer< typeof schemas.clusterSplitResult >;

export type KeywordCreate = Omit<
	z.input< typeof schemas.keywordCreateBody >,
	'site_id' | 'sector_id'
>;
export type KeywordUpdate = z.input< typeof schemas.keywordUpdateBody >;
export type ClusterCreate = Omit<
	z.input< typeof schemas.clusterCreateBody >,
	'site_id' | 'sector_id'
>;
export type ClusterUpdate = z.input< typeof schemas.clusterUpdateBody >;
export type IdeaCreate = Omit<
	z.input< typeof schemas.ideaCreateBody >,
	'site_id' | 'sector_id'
>;
export type IdeaUpdate = z.input< typeof schemas.ideaUpdateBody >;

/** Query parameters as they go on the URL; empty ones are left out by the client. */
export type Params = NonNullable< CloudRequestOptions[ 'query' ] >;

/** Where the calls happen: the connected site and the chosen sector. */
export interface Placement {
	site_id: number;
	sector_id: number;
}

export function createPlannerApi( client: CloudClient ) {
	const list = < T >( path: string, query: Params ) =>
		client.get< CloudList< T > >( path, { query } );
	const patch = < T >( path: string, body: unknown ) =>
		client.request< T >( path, { method: 'PATCH', body } );
	const remove = ( path: string, body?: unknown ) =>
		client.request< unknown >( path, { method: 'DELETE', body } );

	return {
		listSectors: ( siteId: number ) =>
			list< Sector >( `/auth/sites/${ siteId }/sectors`, {} ),
		getSummary: ( at: Placement ) =>
			client.get< PlannerSummary >( '/planner/summary', {
				query: { ...at },
			} ),

		listKeywords: ( query: Params ) =>
			list< Keyword >( '/planner/keywords', query ),
		createKeyword: ( at: Placement, body: KeywordCreate ) =>
			client.post< Keyword >( '/planner/keywords', { ...at, ...body } ),
		updateKeyword: ( id: number, body: KeywordUpdate ) =>
			patch< Keyword >( `/planner/keywords/${ id }`, body ),
		deleteKeyword: ( id: number ) => remove( `/planner/keywords/${ id }` ),
		bulkDeleteKeywords: ( siteId: number, ids: number[] ) =>
			client.post< { deleted: number } >(
				'/planner/keywords/bulk_delete',
				{ site_id: siteId, ids }
			),
		bulkUpdateKeywords: (
			siteId: number,
			ids: number[],
			status: Keyword[ 'status' ]
		) =>
			client.post< { updated: number } >(
				'/planner/keywords/bulk_update',
				{ site_id: siteId, ids, status }
			),
		importCsv: (
			at: Placement,
			file: Blob,
			onProgress?: ( loaded: number, total: number ) => void,
			signal?: AbortSignal
		) =>
			client.upload< CsvImportResult >(
				'/planner/keywords/import_csv',
				file,
				{
					query: { ...at },
					contentType: 'text/csv',
					onProgress,
					signal,
				}
			),
		exportCsv: ( query: Params ) =>
			client.download( '/planner/keywords/export_csv', {
				query,
				accept: 'text/csv',
			} ),
		autoCluster: ( at: Placement, keywordIds?: number[] ) =>
			client.post< AutoClusterResult >(
				'/planner/keywords/auto_cluster',
				{
					...at,
					...( keywordIds?.length
						? { keyword_ids: keywordIds }
						: {} ),
					mode: 'algorithmic',
				}
			),
		/**
		 * Starts an AI clustering job over the sector's unclustered keywords (202 with the job).
		 *
		 * @param at The site and sector.
		 */
		clusterWithAi: async ( at: Placement ): Promise< Job > =>
			jobOf(
				await client.post< unknown >(
					'/planner/keywords/auto_cluster',
					{ ...at, mode: 'ai' }
				)
			),

		listClusters: ( query: Params ) =>
			list< Cluster >( '/planner/clusters', query ),
		getCluster: ( id: number ) =>
			client.get< Cluster >( `/planner/clusters/${ id }` ),
		createCluster: ( at: Placement, body: ClusterCreate ) =>
			client.post< Cluster >( '/planner/clusters', { ...at, ...body } ),
		updateCluster: ( id: number, body: ClusterUpdate ) =>
			patch< Cluster >( `/planner/clusters/${ id }`, body ),
		deleteCluster: ( id: number ) => remove( `/planner/clusters/${ id }` ),
		addClusterKeywords: ( id: number, keywordIds: number[] ) =>
			client.post< Cluster >( `/planner/clusters/${ id }/keywords`, {
				keyword_ids: keywordIds,
			} ),
		removeClusterKeywords: ( id: number, keywordIds: number[] ) =>
			client.request< Cluster >( `/planner/clusters/${ id }/keywords`, {
				method: 'DELETE',
				body: { keyword_ids: keywordIds },
			} ),
		mergeClusters: ( id: number, clusterIds: number[] ) =>
			client.post< Cluster >( `/planner/clusters/${ id }/merge`, {
				cluster_ids: clusterIds,
			} ),
		splitCluster: ( id: number, keywordIds: number[], name: string ) =>
			client.post< ClusterSplitResult >(
				`/planner/clusters/${ id }/split`,
				{ keyword_ids: keywordIds, name }
			),

		listIdeas: ( query: Params ) => list< Idea >( '/planner/ideas', query ),
		createIdea: ( at: Placement, body: IdeaCreate ) =>
			client.post< Idea >( '/planner/ideas', { ...at, ...body } ),
		updateIdea: ( id: number, body: IdeaUpdate ) =>
			patch< Idea >( `/planner/ideas/${ id }`, body ),
		deleteIdea: ( id: number ) => remove( `/planner/ideas/${ id }` ),
		/**
		 * Starts an AI job writing `ideasPerCluster` ideas for each cluster (202 with the job).
		 *
		 * @param siteId          The site.
		 * @param clusterIds      The clusters.
		 * @param ideasPerCluster How many ideas for each.
		 */
		generateIdeas: async (
			siteId: number,
			clusterIds: number[],
			ideasPerCluster: number
		): Promise< Job > =>
			jobOf(
				await client.post< unknown >(
					'/planner/clusters/generate_ideas',
					{
						site_id: siteId,
						cluster_ids: clusterIds,
						ideas_per_cluster: ideasPerCluster,
					}
				)
			),
		createTasks: ( siteId: number, ideaIds: number[] ) =>
			client.post< CreateTasksResult >( '/planner/ideas/create_tasks', {
				site_id: siteId,
				idea_ids: ideaIds,
			} ),
	};
}

export type PlannerApi = ReturnType< typeof createPlannerApi >;

/** The page-wide Planner API over the shared cloud client. */
export const plannerApi: PlannerApi = createPlannerApi( defaultClient );
