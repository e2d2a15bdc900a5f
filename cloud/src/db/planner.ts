// Planner tables: keywords, clusters (many-to-many through keyword_clusters), ideas, and writer tasks.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { authorProfiles } from './ai';
import { accounts, sectors, sites } from './tenancy';

const now = () =>
	text()
		.notNull()
		.default( sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` );

export const keywords = sqliteTable(
	'keywords',
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
		keyword: text().notNull(),
		/** Case-, accent-width- and whitespace-folded form: duplicates within a sector are detected on it. */
		keywordNorm: text().notNull(),
		volume: integer(),
		difficulty: integer(),
		intent: text( {
			enum: [
				'informational',
				'commercial',
				'transactional',
				'navigational',
			],
		} ),
		status: text( { enum: [ 'active', 'inactive', 'used' ] } )
			.notNull()
			.default( 'active' ),
		source: text( {
			enum: [ 'manual', 'csv_import', 'api_import', 'wordpress' ],
		} )
			.notNull()
			.default( 'manual' ),
		createdAt: now(),
		updatedAt: now(),
	},
	( t ) => [
		uniqueIndex( 'keywords_sector_norm_idx' ).on(
			t.sectorId,
			t.keywordNorm
		),
		index( 'keywords_site_idx' ).on( t.siteId, t.id ),
		index( 'keywords_sector_volume_idx' ).on( t.sectorId, t.volume, t.id ),
		index( 'keywords_sector_difficulty_idx' ).on(
			t.sectorId,
			t.difficulty,
			t.id
		),
		// Covers the filtered count of a keyword list (no table reads at 100,000 keywords a sector).
		index( 'keywords_sector_count_idx' ).on(
			t.sectorId,
			t.accountId,
			t.siteId,
			t.status,
			t.intent,
			t.volume,
			t.difficulty,
			t.keywordNorm
		),
		index( 'keywords_account_idx' ).on( t.accountId ),
	]
);

export const clusters = sqliteTable(
	'clusters',
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
		name: text().notNull(),
		description: text(),
		keywordCount: integer().notNull().default( 0 ),
		volume: integer().notNull().default( 0 ),
		status: text( { enum: [ 'active', 'archived' ] } )
			.notNull()
			.default( 'active' ),
		source: text( { enum: [ 'manual', 'algorithmic', 'ai' ] } )
			.notNull()
			.default( 'manual' ),
		createdAt: now(),
		updatedAt: now(),
	},
	( t ) => [
		index( 'clusters_site_idx' ).on( t.siteId, t.sectorId, t.id ),
		index( 'clusters_account_idx' ).on( t.accountId ),
	]
);

export const keywordClusters = sqliteTable(
	'keyword_clusters',
	{
		keywordId: integer()
			.notNull()
			.references( () => keywords.id, { onDelete: 'cascade' } ),
		clusterId: integer()
			.notNull()
			.references( () => clusters.id, { onDelete: 'cascade' } ),
		accountId: integer().notNull(),
	},
	( t ) => [
		primaryKey( { columns: [ t.keywordId, t.clusterId ] } ),
		index( 'keyword_clusters_cluster_idx' ).on( t.clusterId, t.keywordId ),
	]
);

export const ideas = sqliteTable(
	'ideas',
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
		clusterId: integer().references( () => clusters.id, {
			onDelete: 'set null',
		} ),
		title: text().notNull(),
		description: text(),
		/** JSON array of strings. */
		targetKeywords: text( { mode: 'json' } )
			.$type< string[] >()
			.notNull()
			.default( sql`'[]'` ),
		contentType: text().notNull().default( 'post' ),
		status: text( {
			enum: [ 'draft', 'approved', 'in_progress', 'completed' ],
		} )
			.notNull()
			.default( 'draft' ),
		createdAt: now(),
		updatedAt: now(),
	},
	( t ) => [
		index( 'ideas_site_idx' ).on( t.siteId, t.sectorId, t.id ),
		index( 'ideas_cluster_idx' ).on( t.clusterId ),
	]
);

export const tasks = sqliteTable(
	'tasks',
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
		clusterId: integer().references( () => clusters.id, {
			onDelete: 'set null',
		} ),
		ideaId: integer().references( () => ideas.id, {
			onDelete: 'set null',
		} ),
		title: text().notNull(),
		brief: text(),
		targetKeywords: text( { mode: 'json' } )
			.$type< string[] >()
			.notNull()
			.default( sql`'[]'` ),
		contentType: text().notNull().default( 'post' ),
		/** JSON outline template `{ sections: [{ heading, level?, notes? }] }` the article follows; null: free. */
		contentStructure: text( { mode: 'json' } ).$type< {
			sections: { heading: string; level?: number; notes?: string }[];
		} >(),
		authorProfileId: integer().references( () => authorProfiles.id, {
			onDelete: 'set null',
		} ),
		/** Words the article should have; null: the generator's default. */
		targetLength: integer(),
		status: text( {
			enum: [ 'queued', 'generating', 'review', 'completed', 'failed' ],
		} )
			.notNull()
			.default( 'queued' ),
		/** Why the last generation failed; cleared when the task is generated again. */
		error: text(),
		wpPostId: integer(),
		postUrl: text(),
		createdAt: now(),
		updatedAt: now(),
	},
	( t ) => [
		index( 'tasks_site_idx' ).on( t.siteId, t.sectorId, t.id ),
		uniqueIndex( 'tasks_idea_idx' ).on( t.ideaId ),
		index( 'tasks_list_idx' ).on(
			t.accountId,
			t.siteId,
			t.sectorId,
			t.status,
			t.id
		),
		index( 'tasks_cluster_idx' ).on( t.clusterId ),
		index( 'tasks_author_profile_idx' ).on( t.authorProfileId ),
	]
);
