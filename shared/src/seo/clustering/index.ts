// Keyword clustering without AI (SPEC §3 auto-cluster, §10): the free first pass that AI naming builds on.
export type {
	ClusterExtension,
	ClusterKeyword,
	ClusteringOptions,
	ClusteringResult,
	ExistingCluster,
	NewCluster,
} from './types';
export type { IntentModifier } from './intent';
export {
	clusterKeywords,
	DEFAULT_CLUSTER_THRESHOLD,
	DEFAULT_MIN_CLUSTER_SIZE,
} from './cluster';
export { keywordModifiers, keywordTokens } from './analyse';
export { normalizeKeyword } from './text';
