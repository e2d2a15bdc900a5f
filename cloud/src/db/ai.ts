// AI engine and settings tables: jobs, usage logs, provider settings (keys encrypted), prompts, author
// profiles and strategies.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { accounts, sectors, sites } from './tenancy';

const now = () =>
	text()
		.notNull()
		.default( sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` );

export const aiJobs = sqliteTable(
	'ai_jobs',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		siteId: integer().references( () => sites.id, { onDelete: 'cascade' } ),
		userId: integer(),
		wpUserId: integer(),
		function: text().notNull(),
		payload: text( { mode: 'json' } )
			.$type< Record< string, unknown > >()
			.notNull(),
		state: text( {
			enum: [ 'queued', 'running', 'succeeded', 'failed', 'cancelled' ],
		} )
			.notNull()
			.default( 'queued' ),
		phase: text( {
			enum: [ 'INIT', 'PREP', 'AI_CALL', 'PARSE', 'SAVE', 'DONE' ],
		} )
			.notNull()
			.default( 'INIT' ),
		percentage: integer().notNull().default( 0 ),
		message: text(),
		model: text(),
		tokensIn: integer().notNull().default( 0 ),
		tokensOut: integer().notNull().default( 0 ),
		costUsd: real().notNull().default( 0 ),
		creditsHeld: integer().notNull().default( 0 ),
		creditsCharged: integer().notNull().default( 0 ),
		result: text( { mode: 'json' } ).$type< unknown >(),
		error: text(),
		steps: text( { mode: 'json' } )
			.$type<
				{ at: string; phase: string; kind: string; detail: string }[]
			>()
			.notNull()
			.default( sql`'[]'` ),
		/** Deliveries that claimed the job; the claim's number fences a stale worker out of SAVE. */
		attempts: integer().notNull().default( 0 ),
		leaseUntil: text(),
		createdAt: now(),
		startedAt: text(),
		finishedAt: text(),
		updatedAt: now(),
	},
	( t ) => [
		index( 'ai_jobs_account_idx' ).on( t.accountId, t.id ),
		index( 'ai_jobs_site_idx' ).on( t.siteId, t.id ),
	]
);

export const usageLogs = sqliteTable(
	'usage_logs',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		siteId: integer(),
		jobId: integer(),
		operation: text().notNull(),
		credits: integer().notNull(),
		costUsd: real().notNull().default( 0 ),
		tokensIn: integer().notNull().default( 0 ),
		tokensOut: integer().notNull().default( 0 ),
		model: text(),
		createdAt: now(),
	},
	( t ) => [
		index( 'usage_logs_account_idx' ).on( t.accountId, t.createdAt ),
		uniqueIndex( 'usage_logs_job_idx' ).on( t.jobId ),
	]
);

export const providerSettings = sqliteTable(
	'provider_settings',
	{
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		provider: text( { enum: [ 'openai', 'runware' ] } ).notNull(),
		/** AES-GCM ciphertext of the API key; the API shows only a mask. */
		apiKeyEnc: text(),
		apiKeyLast4: text(),
		baseUrl: text(),
		textModel: text(),
		imageModel: text(),
		model: text(),
		updatedAt: now(),
	},
	( t ) => [ primaryKey( { columns: [ t.accountId, t.provider ] } ) ]
);

export const aiPrompts = sqliteTable(
	'ai_prompts',
	{
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		function: text().notNull(),
		prompt: text().notNull(),
		updatedAt: now(),
	},
	( t ) => [ primaryKey( { columns: [ t.accountId, t.function ] } ) ]
);

export const authorProfiles = sqliteTable(
	'author_profiles',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		name: text().notNull(),
		description: text(),
		tone: text(),
		language: text().notNull().default( 'English' ),
		style: text(),
		isDefault: integer( { mode: 'boolean' } ).notNull().default( false ),
		createdAt: now(),
	},
	( t ) => [ index( 'author_profiles_account_idx' ).on( t.accountId ) ]
);

export const strategies = sqliteTable(
	'strategies',
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
		guidance: text().notNull(),
		authorProfileId: integer().references( () => authorProfiles.id, {
			onDelete: 'set null',
		} ),
		createdAt: now(),
	},
	( t ) => [ index( 'strategies_sector_idx' ).on( t.sectorId ) ]
);
