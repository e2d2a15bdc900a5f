// Publishing and sync tables: publishing records (one per publish or update, its attempts and outcome),
// conflicts (WordPress's version of content edited on both sides), events received from WordPress (each
// stored once), the mirror of the site's posts and terms (what the Linker reads), and full syncs.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
} from 'drizzle-orm/sqlite-core';
import { content } from './writer';
import { accounts, sectors, sites } from './tenancy';

const now = () =>
	text()
		.notNull()
		.default( sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` );

export const publishingRecords = sqliteTable(
	'publishing_records',
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
		/** The log outlives the content. */
		contentId: integer().references( () => content.id, {
			onDelete: 'set null',
		} ),
		title: text().notNull(),
		action: text( { enum: [ 'publish', 'update' ] } )
			.notNull()
			.default( 'publish' ),
		status: text( {
			enum: [ 'queued', 'publishing', 'published', 'failed', 'conflict' ],
		} )
			.notNull()
			.default( 'queued' ),
		publishAs: text( { enum: [ 'draft', 'publish' ] } ).notNull(),
		/** JSON arrays of term names; null: leave the post's terms alone. */
		categories: text(),
		tags: text(),
		idempotencyKey: text().notNull(),
		wpPostId: integer(),
		url: text(),
		attempts: integer().notNull().default( 0 ),
		maxAttempts: integer().notNull(),
		nextAttemptAt: text(),
		error: text(),
		imagesUploaded: integer().notNull().default( 0 ),
		createdAt: now(),
		updatedAt: now(),
		publishedAt: text(),
	},
	( t ) => [
		index( 'publishing_records_list_idx' ).on(
			t.accountId,
			t.siteId,
			t.status,
			t.id
		),
		index( 'publishing_records_content_idx' ).on( t.contentId, t.id ),
	]
);

/** WordPress's version of content that changed on both sides, until the user resolves it. */
export const contentConflicts = sqliteTable( 'content_conflicts', {
	contentId: integer()
		.primaryKey()
		.references( () => content.id, { onDelete: 'cascade' } ),
	accountId: integer()
		.notNull()
		.references( () => accounts.id, { onDelete: 'cascade' } ),
	siteId: integer()
		.notNull()
		.references( () => sites.id, { onDelete: 'cascade' } ),
	wpPostId: integer().notNull(),
	wpTitle: text().notNull(),
	wpBody: text().notNull(),
	wpHash: text().notNull(),
	wpModifiedGmt: text().notNull(),
	detectedAt: now(),
} );

/** Every event received from a site, once: a redelivered event id is acknowledged and not applied again. */
export const syncEvents = sqliteTable(
	'sync_events',
	{
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		eventId: text().notNull(),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		seq: integer().notNull(),
		type: text().notNull(),
		objectId: integer().notNull(),
		occurredAt: text().notNull(),
		receivedAt: now(),
	},
	( t ) => [
		primaryKey( { columns: [ t.siteId, t.eventId ] } ),
		index( 'sync_events_received_idx' ).on( t.siteId, t.receivedAt ),
	]
);

/** The mirror of a site's posts (no bodies): what the Linker and cannibalization read. */
export const wpPosts = sqliteTable(
	'wp_posts',
	{
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		wpId: integer().notNull(),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		type: text().notNull(),
		status: text().notNull(),
		title: text().notNull(),
		url: text().notNull(),
		slug: text().notNull(),
		excerpt: text().notNull().default( '' ),
		modifiedGmt: text().notNull(),
		/** JSON arrays of {id, taxonomy, name, slug}. */
		categories: text().notNull().default( '[]' ),
		tags: text().notNull().default( '[]' ),
		/** JSON array of internal link URLs. */
		links: text().notNull().default( '[]' ),
		contentHash: text().notNull(),
		featuredMedia: integer(),
		managed: integer( { mode: 'boolean' } ).notNull().default( false ),
		contentId: integer(),
		taskId: integer(),
		/** The newest event seq applied (0: written by a full sync). */
		seq: integer().notNull().default( 0 ),
		/** The full sync that last saw the post: rows a finished sync did not see are gone from WordPress. */
		syncRun: integer(),
		updatedAt: now(),
	},
	( t ) => [
		primaryKey( { columns: [ t.siteId, t.wpId ] } ),
		index( 'wp_posts_list_idx' ).on( t.accountId, t.siteId, t.status ),
	]
);

export const wpTerms = sqliteTable(
	'wp_terms',
	{
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		wpId: integer().notNull(),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		taxonomy: text().notNull(),
		name: text().notNull(),
		slug: text().notNull(),
		seq: integer().notNull().default( 0 ),
		updatedAt: now(),
	},
	( t ) => [ primaryKey( { columns: [ t.siteId, t.wpId ] } ) ]
);

/** Full syncs: a site's posts paged into the mirror by the SYNC_JOBS consumer. */
export const siteSyncs = sqliteTable(
	'site_syncs',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		state: text( { enum: [ 'queued', 'running', 'succeeded', 'failed' ] } )
			.notNull()
			.default( 'queued' ),
		pagesDone: integer().notNull().default( 0 ),
		totalPages: integer(),
		postsSeen: integer().notNull().default( 0 ),
		error: text(),
		startedAt: now(),
		finishedAt: text(),
		updatedAt: now(),
	},
	( t ) => [ index( 'site_syncs_site_idx' ).on( t.siteId, t.id ) ]
);
