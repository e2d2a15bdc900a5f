// The Planner contract (SPEC §3, §11 "planner"): keywords, clusters, ideas and the tasks they become.
import { z } from 'zod';
import { id, listQuery } from './common';

export const KEYWORD_INTENTS = [
	'informational',
	'commercial',
	'transactional',
	'navigational',
] as const;
export const KEYWORD_STATUSES = [ 'active', 'inactive', 'used' ] as const;
export const KEYWORD_SOURCES = [
	'manual',
	'csv_import',
	'api_import',
	'wordpress',
] as const;
export const CLUSTER_STATUSES = [ 'active', 'archived' ] as const;
export const IDEA_STATUSES = [
	'draft',
	'approved',
	'in_progress',
	'completed',
] as const;
export const TASK_STATUSES = [
	'queued',
	'generating',
	'review',
	'completed',
	'failed',
] as const;
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
] as const;

/** The most rows one bulk call or one CSV file may carry, and the largest CSV in bytes. */
export const PLANNER_LIMITS = {
	bulkCreateRows: 1000,
	bulkIds: 1000,
	csvRows: 100_000,
	csvBytes: 10 * 1024 * 1024,
	keywordLength: 200,
	searchLength: 40,
} as const;

export const intent = z.enum( KEYWORD_INTENTS );
export const keywordStatus = z.enum( KEYWORD_STATUSES );
export const keywordSource = z.enum( KEYWORD_SOURCES );
export const clusterStatus = z.enum( CLUSTER_STATUSES );
export const ideaStatus = z.enum( IDEA_STATUSES );
export const taskStatus = z.enum( TASK_STATUSES );
export const contentType = z.enum( CONTENT_TYPES );

export const keywordText = z
	.string()
	.trim()
	.min( 1, 'required' )
	.max(
		PLANNER_LIMITS.keywordLength,
		`at most ${ PLANNER_LIMITS.keywordLength } characters`
	);
export const volume = z
	.number()
	.int( 'a whole number' )
	.min( 0, 'not negative' )
	.max( 1_000_000_000 );
export const difficulty = z
	.number()
	.int( 'a whole number' )
	.min( 0, '0 to 100' )
	.max( 100, '0 to 100' );

/** Where a content object lives: a site and one of its sectors. */
export const placement = z.object( { site_id: id, sector_id: id } );

export const keyword = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	keyword: z.string(),
	volume: z.number().nullable(),
	difficulty: z.number().nullable(),
	intent: intent.nullable(),
	status: keywordStatus,
	source: keywordSource,
	cluster_ids: z.array( z.number() ),
	created_at: z.string(),
	updated_at: z.string(),
} );

const keywordFields = {
	keyword: keywordText,
	volume: volume.nullable().optional(),
	difficulty: difficulty.nullable().optional(),
	intent: intent.nullable().optional(),
	status: keywordStatus.optional(),
};

export const keywordCreateBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	...keywordFields,
	source: keywordSource.optional(),
} );
export const keywordUpdateBody = z.strictObject( {
	keyword: keywordText.optional(),
	volume: volume.nullable().optional(),
	difficulty: difficulty.nullable().optional(),
	intent: intent.nullable().optional(),
	status: keywordStatus.optional(),
} );
export const keywordBulkCreateBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	source: keywordSource.optional(),
	keywords: z
		.array( z.strictObject( keywordFields ) )
		.min( 1 )
		.max( PLANNER_LIMITS.bulkCreateRows ),
} );

export const idList = z
	.array( id )
	.min( 1, 'at least one id' )
	.max( PLANNER_LIMITS.bulkIds );
export const bulkDeleteBody = z.strictObject( { site_id: id, ids: idList } );
export const bulkUpdateBody = z.strictObject( {
	site_id: id,
	ids: idList,
	status: keywordStatus,
} );

export const KEYWORD_ORDERINGS = [
	'keyword',
	'-keyword',
	'volume',
	'-volume',
	'difficulty',
	'-difficulty',
	'created_at',
	'-created_at',
	'id',
	'-id',
] as const;

export const keywordListQuery = listQuery.extend( {
	site_id: id,
	sector_id: id.optional(),
	status: keywordStatus.optional(),
	intent: intent.optional(),
	cluster_id: z.union( [ id, z.literal( 'none' ) ] ).optional(),
	search: z.string().trim().max( 200 ).optional(),
	min_volume: z.coerce.number().int().min( 0 ).optional(),
	max_volume: z.coerce.number().int().min( 0 ).optional(),
	min_difficulty: z.coerce.number().int().min( 0 ).max( 100 ).optional(),
	max_difficulty: z.coerce.number().int().min( 0 ).max( 100 ).optional(),
	ordering: z.enum( KEYWORD_ORDERINGS ).optional(),
} );

/** `POST /planner/keywords/import_csv?site_id=&sector_id=` with text/csv (or multipart field `file`). */
export const csvImportQuery = z.object( { site_id: id, sector_id: id } );
export const csvRowError = z.object( {
	row: z.number(),
	field: z.string(),
	message: z.string(),
} );
/** An import lists at most this many errors (the first ones, in file order) and counts the rest. */
export const CSV_ERRORS_LISTED = 1000;
export const csvImportResult = z.object( {
	rows: z.number(),
	created: z.number(),
	skipped_duplicates: z.number(),
	/** The first `CSV_ERRORS_LISTED` errors: a badly broken file must not answer megabytes of them. */
	errors: z.array( csvRowError ).max( CSV_ERRORS_LISTED ),
	/** Every error found, listed or not. */
	errors_total: z.number().int().min( 0 ),
	/** The CSV header → keyword field it was read as. */
	columns: z.record( z.string(), z.string() ),
} );

export const autoClusterBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	keyword_ids: idList.optional(),
	mode: z.enum( [ 'algorithmic', 'ai' ] ).default( 'algorithmic' ),
} );
export const autoClusterResult = z.object( {
	mode: z.literal( 'algorithmic' ),
	keywords_considered: z.number(),
	clusters_created: z.number(),
	clusters_extended: z.number(),
	keywords_clustered: z.number(),
	unclustered: z.number(),
	credits_charged: z.literal( 0 ),
} );

export const cluster = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	name: z.string(),
	description: z.string().nullable(),
	keyword_count: z.number(),
	volume: z.number(),
	status: clusterStatus,
	created_at: z.string(),
	updated_at: z.string(),
} );
export const clusterCreateBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	name: z.string().trim().min( 1 ).max( 200 ),
	description: z.string().trim().max( 2000 ).nullable().optional(),
	keyword_ids: idList.optional(),
} );
export const clusterUpdateBody = z.strictObject( {
	name: z.string().trim().min( 1 ).max( 200 ).optional(),
	description: z.string().trim().max( 2000 ).nullable().optional(),
	status: clusterStatus.optional(),
} );
export const clusterListQuery = listQuery.extend( {
	site_id: id,
	sector_id: id.optional(),
	status: clusterStatus.optional(),
	search: z.string().trim().max( 200 ).optional(),
	ordering: z
		.enum( [
			'name',
			'-name',
			'keyword_count',
			'-keyword_count',
			'volume',
			'-volume',
			'created_at',
			'-created_at',
			'id',
			'-id',
		] )
		.optional(),
} );
export const clusterKeywordsBody = z.strictObject( { keyword_ids: idList } );
/** Merge the listed clusters into this one (they are deleted, their keywords move here). */
export const clusterMergeBody = z.strictObject( { cluster_ids: idList } );
/** Move the listed keywords of this cluster into a new cluster named `name`. */
export const clusterSplitBody = z.strictObject( {
	keyword_ids: idList,
	name: z.string().trim().min( 1 ).max( 200 ),
} );
export const clusterSplitResult = z.object( {
	source: cluster,
	created: cluster,
} );

export const idea = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	cluster_id: z.number().nullable(),
	title: z.string(),
	description: z.string().nullable(),
	target_keywords: z.array( z.string() ),
	content_type: contentType,
	status: ideaStatus,
	created_at: z.string(),
	updated_at: z.string(),
} );
export const ideaCreateBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	cluster_id: id.nullable().optional(),
	title: z.string().trim().min( 1 ).max( 300 ),
	description: z.string().trim().max( 20_000 ).nullable().optional(),
	target_keywords: z
		.array( z.string().trim().min( 1 ).max( 200 ) )
		.max( 50 )
		.optional(),
	content_type: contentType.optional(),
	status: ideaStatus.optional(),
} );
export const ideaUpdateBody = z.strictObject( {
	cluster_id: id.nullable().optional(),
	title: z.string().trim().min( 1 ).max( 300 ).optional(),
	description: z.string().trim().max( 20_000 ).nullable().optional(),
	target_keywords: z
		.array( z.string().trim().min( 1 ).max( 200 ) )
		.max( 50 )
		.optional(),
	content_type: contentType.optional(),
	status: ideaStatus.optional(),
} );
export const ideaListQuery = listQuery.extend( {
	site_id: id,
	sector_id: id.optional(),
	cluster_id: id.optional(),
	status: ideaStatus.optional(),
	content_type: contentType.optional(),
	search: z.string().trim().max( 200 ).optional(),
	ordering: z
		.enum( [ 'title', '-title', 'created_at', '-created_at', 'id', '-id' ] )
		.optional(),
} );
export const createTasksBody = z.strictObject( {
	site_id: id,
	idea_ids: idList,
} );
export const createTasksResult = z.object( {
	created: z.number(),
	tasks: z.array( z.lazy( () => task ) ),
} );

export const task = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	cluster_id: z.number().nullable(),
	idea_id: z.number().nullable(),
	title: z.string(),
	brief: z.string().nullable(),
	target_keywords: z.array( z.string() ),
	content_type: contentType,
	status: taskStatus,
	wp_post_id: z.number().nullable(),
	post_url: z.string().nullable(),
	created_at: z.string(),
	updated_at: z.string(),
} );
export const taskListQuery = listQuery.extend( {
	site_id: id,
	sector_id: id.optional(),
	cluster_id: id.optional(),
	idea_id: id.optional(),
	status: taskStatus.optional(),
	ordering: z
		.enum( [ 'title', '-title', 'created_at', '-created_at', 'id', '-id' ] )
		.optional(),
} );
export const taskUpdateBody = z.strictObject( {
	title: z.string().trim().min( 1 ).max( 300 ).optional(),
	brief: z.string().trim().max( 20_000 ).nullable().optional(),
	target_keywords: z
		.array( z.string().trim().min( 1 ).max( 200 ) )
		.max( 50 )
		.optional(),
	content_type: contentType.optional(),
	status: taskStatus.optional(),
} );

/** Pipeline counts for the Planner dashboard. */
export const plannerSummaryQuery = z.object( {
	site_id: id,
	sector_id: id.optional(),
} );
export const plannerSummary = z.object( {
	keywords: z.object( {
		total: z.number(),
		unclustered: z.number(),
		by_status: z.record( z.string(), z.number() ),
		volume: z.number(),
	} ),
	clusters: z.object( {
		total: z.number(),
		by_status: z.record( z.string(), z.number() ),
	} ),
	ideas: z.object( {
		total: z.number(),
		by_status: z.record( z.string(), z.number() ),
	} ),
	tasks: z.object( {
		total: z.number(),
		by_status: z.record( z.string(), z.number() ),
	} ),
} );

export type Keyword = z.infer< typeof keyword >;
export type Cluster = z.infer< typeof cluster >;
export type Idea = z.infer< typeof idea >;
export type Task = z.infer< typeof task >;
export type CsvImportResult = z.infer< typeof csvImportResult >;
export type PlannerSummary = z.infer< typeof plannerSummary >;
