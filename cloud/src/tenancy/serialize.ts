// Rows to API shapes (snake_case, no secrets). The only way rows leave the cloud.
import type { accounts, plans, sectors, sites, users } from '../db/schema';

type Row< T extends { $inferSelect: unknown } > = T[ '$inferSelect' ];

export const userOut = ( u: Row< typeof users > ) => ( {
	id: u.id,
	email: u.email,
	name: u.name,
	role: u.role,
	status: u.status,
	created_at: u.createdAt,
	last_login_at: u.lastLoginAt,
} );

export const accountOut = ( a: Row< typeof accounts > ) => ( {
	id: a.id,
	name: a.name,
	slug: a.slug,
	status: a.status,
	credits: a.credits,
} );

export const planOut = ( p: Row< typeof plans > ) => ( {
	id: p.id,
	slug: p.slug,
	name: p.name,
	price_cents: p.priceCents,
	monthly_credits: p.monthlyCredits,
	max_sites: p.maxSites,
	max_users: p.maxUsers,
	max_keywords: p.maxKeywords,
	max_clusters: p.maxClusters,
	max_content_per_month: p.maxContentPerMonth,
} );

export const siteOut = ( s: Row< typeof sites > ) => ( {
	id: s.id,
	account_id: s.accountId,
	name: s.name,
	slug: s.slug,
	domain: s.domain,
	industry_id: s.industryId,
	status: s.status,
	connected: s.siteSecretEnc !== null,
	wp_url: s.wpUrl,
	wp_version: s.wpVersion,
	plugin_version: s.pluginVersion,
	connected_at: s.connectedAt,
	last_seen_at: s.lastSeenAt,
	created_at: s.createdAt,
} );

export const sectorOut = ( s: Row< typeof sectors > ) => ( {
	id: s.id,
	site_id: s.siteId,
	name: s.name,
	slug: s.slug,
	industry_sector_id: s.industrySectorId,
	status: s.status,
	created_at: s.createdAt,
} );
