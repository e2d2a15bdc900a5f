// Writer rows to API shapes (shared/src/schemas/writer.ts).
import type { Content, Image, Task } from '../lib/resources';
import { taskOut } from '../planner/serialize';
import type { ContentSummary } from '@igny8/shared';

export const writerTaskOut = ( t: Task ) => ( {
	...taskOut( t ),
	content_structure: t.contentStructure ?? null,
	author_profile_id: t.authorProfileId,
	target_length: t.targetLength,
	error: t.error,
} );

export const contentSummaryOut = ( c: Omit< Content, 'body' > ) => ( {
	id: c.id,
	site_id: c.siteId,
	sector_id: c.sectorId,
	task_id: c.taskId,
	title: c.title,
	meta_title: c.metaTitle,
	meta_description: c.metaDescription,
	word_count: c.wordCount,
	status: c.status,
	source: c.source,
	revision_hash: c.revisionHash,
	external_id: c.externalId,
	external_url: c.externalUrl,
	sync_state: c.syncState,
	wp_status: c.wpStatus as ContentSummary[ 'wp_status' ],
	last_synced_at: c.lastSyncedAt,
	created_at: c.createdAt,
	updated_at: c.updatedAt,
} );

export const contentOut = ( c: Content ) => ( {
	...contentSummaryOut( c ),
	body: c.body,
} );

/** An image as the API shows it; `signed` is its short-lived URL when its bytes are stored (image-files.ts). */
export const imageOut = (
	i: Image,
	signed?: { url: string; expiresAt: string }
) => ( {
	id: i.id,
	site_id: i.siteId,
	sector_id: i.sectorId,
	content_id: i.contentId,
	kind: i.kind,
	prompt: i.prompt,
	alt: i.alt,
	caption: i.caption,
	position: i.position,
	provider: i.provider,
	model: i.model,
	status: i.status,
	stored: i.r2Key !== null,
	url: signed?.url ?? null,
	url_expires_at: signed?.expiresAt ?? null,
	error: i.error,
	created_at: i.createdAt,
	updated_at: i.updatedAt,
} );
