export * from './errors';
export * from './tenancy/roles';
export * from './signing';
export * as schemas from './schemas';
export { slugify } from './schemas/common';
export {
	PLANNER_LIMITS,
	KEYWORD_INTENTS,
	KEYWORD_STATUSES,
	KEYWORD_SOURCES,
	CLUSTER_STATUSES,
	IDEA_STATUSES,
	TASK_STATUSES,
	CONTENT_TYPES,
} from './schemas/planner';
export type {
	Keyword,
	Cluster,
	Idea,
	Task,
	CsvImportResult,
	PlannerSummary,
} from './schemas/planner';
export {
	CONTENT_STATUSES,
	CONTENT_SOURCES,
	IMAGE_KINDS,
	IMAGE_STATUSES,
	WRITER_LIMITS,
	GENERATION_BATCH_MAX,
} from './schemas/writer';
export {
	WP_POST_STATUSES,
	PUBLISH_AS,
	SYNC_EVENT_TYPES,
	SYNC_EVENTS_MAX,
	MIRROR_PAGE_MAX,
	MEDIA_MAX_BYTES,
	EVENT_CONTENT_MAX,
	SITE_SYNC_STATES,
} from './schemas/sync';
export type { SyncEvent } from './schemas/sync';
export {
	PUBLISHING_RECORD_STATUSES,
	PUBLISH_MAX_ATTEMPTS,
	CONTENT_SYNC_STATES,
} from './schemas/publishing';
export type { PublishingRecord } from './schemas/publishing';
export type {
	WriterTask,
	ContentStructure,
	ContentSummary,
	Content,
	Image,
	GenerationStarted,
} from './schemas/writer';
export * from './seo/clustering';
export * from './blocks';
export * from './credits';
export {
	AI_FUNCTIONS,
	JOB_STATES,
	JOB_PHASES,
	PHASE_RANGES,
	PROVIDERS,
} from './schemas/exports';
export { TRANSACTION_TYPES } from './schemas/billing';
export type {
	Job,
	JobState,
	JobPhase,
	AiFunction,
	Balance,
	Transaction,
	Usage,
} from './schemas/exports-types';
