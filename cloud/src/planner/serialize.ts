// Planner rows to API shapes.
import type { Cluster, Idea, Keyword, Task } from '../lib/resources';

export const keywordOut = ( k: Keyword, clusterIds: number[] = [] ) => ( {
	id: k.id,
	site_id: k.siteId,
	sector_id: k.sectorId,
	keyword: k.keyword,
	volume: k.volume,
	difficulty: k.difficulty,
	intent: k.intent,
	status: k.status,
	source: k.source,
	cluster_ids: clusterIds,
	created_at: k.createdAt,
	updated_at: k.updatedAt,
} );

export const clusterOut = ( c: Cluster ) => ( {
	id: c.id,
	site_id: c.siteId,
	sector_id: c.sectorId,
	name: c.name,
	description: c.description,
	keyword_count: c.keywordCount,
	volume: c.volume,
	status: c.status,
	created_at: c.createdAt,
	updated_at: c.updatedAt,
} );

export const ideaOut = ( i: Idea ) => ( {
	id: i.id,
	site_id: i.siteId,
	sector_id: i.sectorId,
	cluster_id: i.clusterId,
	title: i.title,
	description: i.description,
	target_keywords: i.targetKeywords ?? [],
	content_type: i.contentType as 'post',
	status: i.status,
	created_at: i.createdAt,
	updated_at: i.updatedAt,
} );

export const taskOut = ( t: Task ) => ( {
	id: t.id,
	site_id: t.siteId,
	sector_id: t.sectorId,
	cluster_id: t.clusterId,
	idea_id: t.ideaId,
	title: t.title,
	brief: t.brief,
	target_keywords: t.targetKeywords ?? [],
	content_type: t.contentType as 'post',
	status: t.status,
	wp_post_id: t.wpPostId,
	post_url: t.postUrl,
	created_at: t.createdAt,
	updated_at: t.updatedAt,
} );
