// Tenancy tables: plans, accounts, users, sites, sectors, access grants, industry templates, tokens.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	text()
		.notNull()
		.default( sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` );

export const plans = sqliteTable( 'plans', {
	id: integer().primaryKey( { autoIncrement: true } ),
	slug: text().notNull().unique(),
	name: text().notNull(),
	priceCents: integer().notNull().default( 0 ),
	monthlyCredits: integer().notNull(),
	maxSites: integer().notNull(),
	maxUsers: integer().notNull(),
	maxKeywords: integer().notNull(),
	maxClusters: integer().notNull(),
	maxContentPerMonth: integer().notNull(),
	isDefault: integer( { mode: 'boolean' } ).notNull().default( false ),
	createdAt: createdAt(),
} );

export const accounts = sqliteTable( 'accounts', {
	id: integer().primaryKey( { autoIncrement: true } ),
	name: text().notNull(),
	slug: text().notNull(),
	status: text( { enum: [ 'active', 'trial', 'suspended', 'cancelled' ] } )
		.notNull()
		.default( 'trial' ),
	credits: integer().notNull().default( 0 ),
	createdAt: createdAt(),
	updatedAt: createdAt(),
} );

export const subscriptions = sqliteTable( 'subscriptions', {
	id: integer().primaryKey( { autoIncrement: true } ),
	accountId: integer()
		.notNull()
		.references( () => accounts.id, { onDelete: 'cascade' } )
		.unique(),
	planId: integer()
		.notNull()
		.references( () => plans.id ),
	status: text( { enum: [ 'active', 'trialing', 'past_due', 'cancelled' ] } )
		.notNull()
		.default( 'active' ),
	currentPeriodStart: text().notNull(),
	currentPeriodEnd: text().notNull(),
	createdAt: createdAt(),
} );

export const users = sqliteTable(
	'users',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		email: text().notNull().unique(),
		name: text(),
		role: text( {
			enum: [
				'developer',
				'system_bot',
				'owner',
				'admin',
				'editor',
				'viewer',
			],
		} ).notNull(),
		status: text( { enum: [ 'active', 'invited', 'disabled' ] } )
			.notNull()
			.default( 'active' ),
		passwordHash: text(),
		inviteTokenHash: text(),
		inviteExpiresAt: text(),
		lastLoginAt: text(),
		createdAt: createdAt(),
		updatedAt: createdAt(),
	},
	( t ) => [ index( 'users_account_idx' ).on( t.accountId ) ]
);

export const industries = sqliteTable( 'industries', {
	id: integer().primaryKey( { autoIncrement: true } ),
	name: text().notNull(),
	slug: text().notNull().unique(),
	description: text(),
} );

export const industrySectors = sqliteTable(
	'industry_sectors',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		industryId: integer()
			.notNull()
			.references( () => industries.id, { onDelete: 'cascade' } ),
		name: text().notNull(),
		slug: text().notNull(),
	},
	( t ) => [
		uniqueIndex( 'industry_sectors_slug_idx' ).on( t.industryId, t.slug ),
	]
);

export const sites = sqliteTable(
	'sites',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		name: text().notNull(),
		slug: text().notNull(),
		domain: text(),
		industryId: integer().references( () => industries.id ),
		status: text( { enum: [ 'active', 'inactive', 'suspended' ] } )
			.notNull()
			.default( 'active' ),
		wpUrl: text(),
		/** scheme://host[:port] of the WordPress site, for CORS. */
		wpOrigin: text(),
		wpRestUrl: text(),
		wpVersion: text(),
		pluginVersion: text(),
		/** AES-GCM ciphertext of the 256-bit site secret (base64 iv.ciphertext); null when not connected. */
		siteSecretEnc: text(),
		connectedAt: text(),
		lastSeenAt: text(),
		createdAt: createdAt(),
		updatedAt: createdAt(),
	},
	( t ) => [
		uniqueIndex( 'sites_account_slug_idx' ).on( t.accountId, t.slug ),
		index( 'sites_wp_origin_idx' ).on( t.wpOrigin ),
	]
);

export const sectors = sqliteTable(
	'sectors',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		name: text().notNull(),
		slug: text().notNull(),
		industrySectorId: integer().references( () => industrySectors.id ),
		status: text( { enum: [ 'active', 'inactive' ] } )
			.notNull()
			.default( 'active' ),
		createdAt: createdAt(),
	},
	( t ) => [
		uniqueIndex( 'sectors_site_slug_idx' ).on( t.siteId, t.slug ),
		index( 'sectors_account_site_idx' ).on( t.accountId, t.siteId ),
	]
);

export const siteUserAccess = sqliteTable(
	'site_user_access',
	{
		accountId: integer()
			.notNull()
			.references( () => accounts.id, { onDelete: 'cascade' } ),
		siteId: integer()
			.notNull()
			.references( () => sites.id, { onDelete: 'cascade' } ),
		userId: integer()
			.notNull()
			.references( () => users.id, { onDelete: 'cascade' } ),
		grantedBy: integer(),
		createdAt: createdAt(),
	},
	( t ) => [
		primaryKey( { columns: [ t.siteId, t.userId ] } ),
		index( 'site_user_access_user_idx' ).on( t.userId ),
	]
);

export const refreshTokens = sqliteTable(
	'refresh_tokens',
	{
		id: integer().primaryKey( { autoIncrement: true } ),
		userId: integer()
			.notNull()
			.references( () => users.id, { onDelete: 'cascade' } ),
		tokenHash: text().notNull().unique(),
		familyId: text().notNull(),
		expiresAt: text().notNull(),
		revokedAt: text(),
		replacedBy: integer(),
		createdAt: createdAt(),
	},
	( t ) => [
		index( 'refresh_tokens_family_idx' ).on( t.familyId ),
		index( 'refresh_tokens_user_idx' ).on( t.userId ),
	]
);

export const connectionCodes = sqliteTable( 'connection_codes', {
	id: integer().primaryKey( { autoIncrement: true } ),
	accountId: integer()
		.notNull()
		.references( () => accounts.id, { onDelete: 'cascade' } ),
	siteId: integer()
		.notNull()
		.references( () => sites.id, { onDelete: 'cascade' } ),
	codeHash: text().notNull().unique(),
	expiresAt: text().notNull(),
	usedAt: text(),
	createdBy: integer(),
	createdAt: createdAt(),
} );

/** Nonces of signed requests seen in the last 10 minutes (replay protection). */
export const requestNonces = sqliteTable(
	'request_nonces',
	{
		siteId: integer().notNull(),
		nonce: text().notNull(),
		expiresAt: integer().notNull(),
	},
	( t ) => [
		primaryKey( { columns: [ t.siteId, t.nonce ] } ),
		index( 'request_nonces_expiry_idx' ).on( t.expiresAt ),
	]
);
