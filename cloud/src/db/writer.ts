// Writer tables: content (an article as block markup, made from a task or imported) and its images.
// Writer tasks live with the Planner's tables (cloud/src/db/planner.ts): ideas become tasks there.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { tasks } from './planner';
import { accounts, sectors, sites } from './tenancy';

const now = () =>
	text()
		.notNull()
		.default( sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` );

export const content = sqliteTable(
	'content',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		sectorId: integer()
			.notNull()
			.references( () => sectors.id, { onDelete: 'cascade' } ),
		/** The task it was written for; content outlives a deleted task. */
		taskId: integer().references( () => tasks.id, {
			onDelete: 'set null',
		} ),
		title: text().notNull(),
		metaTitle: text(),
		metaDescription: text(),
		/** WordPress block markup. */
		body: text().notNull().default( '' ),
		wordCount: integer().notNull().default( 0 ),
		status: text( { enum: [ 'draft', 'review', 'approved', 'published' ] } )
			.notNull()
			.default( 'draft' ),
		source: text( { enum: [ 'igny8', 'wordpress', 'import' ] } )
			.notNull()
			.default( 'igny8' ),
		/** Hex SHA-256 of `body`: the revision the sync compares with WordPress's. */
		revisionHash: text().notNull(),
		/** The WordPress post id once published (or imported from WordPress). */
		externalId: integer(),
		externalUrl: text(),
		/** none → pending (publish queued) → synced; failed; conflict (both sides changed since the last sync). */
		syncState: text( {
			enum: [ 'none', 'pending', 'synced', 'failed', 'conflict' ],
		} )
			.notNull()
			.default( 'none' ),
		/** The post's WordPress status as last reported (publish, draft, trash…); null when there is no post. */
		wpStatus: text(),
		lastSyncedAt: text(),
		/** The cloud's `revisionHash` and title when both sides last agreed: later cloud edits differ from them. */
		syncedHash: text(),
		syncedTitle: text(),
		/** WordPress's `content_hash` and title when both sides last agreed: later WordPress edits differ. */
		wpHash: text(),
		wpTitle: text(),
		wpModifiedGmt: text(),
		/** The outbox seq of the newest WordPress event applied: older events change nothing. */
		wpSeq: integer().notNull().default( 0 ),
		createdAt: now(),
		updatedAt: now(),
	},
	( t ) => [
		index( 'content_list_idx' ).on(
			t.accountId,
			t.siteId,
			t.sectorId,
			t.status,
			t.id
		),
		index( 'content_task_idx' ).on( t.taskId ),
		index( 'content_external_idx' ).on( t.siteId, t.externalId ),
		// The plan's content-per-month count reads this index alone.
		index( 'content_month_idx' ).on( t.accountId, t.createdAt ),
	]
);

export const images = sqliteTable(
	'images',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		sectorId: integer()
			.notNull()
			.references( () => sectors.id, { onDelete: 'cascade' } ),
		contentId: integer()
			.notNull()
			.references( () => content.id, { onDelete: 'cascade' } ),
		/**
		 * An unguessable name for the image's stable address (`/api/v1/writer/images/file/{ref}`), made with the
		 * row, so a body can point at an image before the row exists. Rows written by SQL get one from the default.
		 */
		ref: text()
			.notNull()
			.default( sql`(lower(hex(randomblob(16))))` )
			.$defaultFn( () => crypto.randomUUID() ),
		kind: text( { enum: [ 'featured', 'in_article' ] } )
			.notNull()
			.default( 'in_article' ),
		prompt: text().notNull().default( '' ),
		alt: text().notNull().default( '' ),
		caption: text(),
		/** Order in the article: 0 for the featured image, 1… for the body's image placeholders in order. */
		position: integer().notNull().default( 0 ),
		provider: text( { enum: [ 'openai', 'runware' ] } ),
		model: text(),
		status: text( {
			enum: [ 'pending', 'generating', 'generated', 'failed' ],
		} )
			.notNull()
			.default( 'pending' ),
		/** Where the bytes are in R2 (MEDIA); null until generated. */
		r2Key: text(),
		/** The WordPress attachment once uploaded by publishing, and its URL there. */
		wpMediaId: integer(),
		wpMediaUrl: text(),
		error: text(),
		createdAt: now(),
		updatedAt: now(),
	},
	( t ) => [
		index( 'images_content_idx' ).on( t.contentId, t.position, t.id ),
		uniqueIndex( 'images_ref_idx' ).on( t.ref ),
		index( 'images_list_idx' ).on(
			t.accountId,
			t.siteId,
			t.sectorId,
			t.status,
			t.id
		),
	]
);
