// Path resources: each kind is loaded scoped to the caller, so another account's ids answer 404.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	aiJobs,
	authorProfiles,
	clusters,
	content,
	contentConflicts,
	ideas,
	images,
	keywords,
	publishingRecords,
	sectors,
	sites,
	strategies,
	tasks,
	users,
} from '../db/schema';
import { notFound } from './errors';
import { canSeeSite, ownsAccountRow, type Principal } from './principal';

export type Site = typeof sites.$inferSelect;
export type Sector = typeof sectors.$inferSelect;
export type User = typeof users.$inferSelect;
export type Keyword = typeof keywords.$inferSelect;
export type Cluster = typeof clusters.$inferSelect;
export type Idea = typeof ideas.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type AiJob = typeof aiJobs.$inferSelect;
export type AuthorProfile = typeof authorProfiles.$inferSelect;
export type Strategy = typeof strategies.$inferSelect;
export type Content = typeof content.$inferSelect;
export type Image = typeof images.$inferSelect;
export type PublishingRecord = typeof publishingRecords.$inferSelect;

/** Content rows belong to account + site + sector: visible when their site is. */
function onVisibleSite< T extends { siteId: number; accountId: number } >(
	p: Principal,
	row: T | undefined
): T | null {
	return row && canSeeSite( p, { id: row.siteId, accountId: row.accountId } )
		? row
		: null;
}

const loaders = {
	async site( db: Db, p: Principal, id: number ): Promise< Site | null > {
		const row = await db.query.sites.findFirst( {
			where: eq( sites.id, id ),
		} );
		return row && canSeeSite( p, row ) ? row : null;
	},
	async sector( db: Db, p: Principal, id: number ): Promise< Sector | null > {
		const row = await db.query.sectors.findFirst( {
			where: eq( sectors.id, id ),
		} );
		return row &&
			canSeeSite( p, { id: row.siteId, accountId: row.accountId } )
			? row
			: null;
	},
	async user( db: Db, p: Principal, id: number ): Promise< User | null > {
		const row = await db.query.users.findFirst( {
			where: and( eq( users.id, id ) ),
		} );
		if ( ! row || ! ownsAccountRow( p, row ) ) return null;
		// Operators are invisible to accounts.
		if (
			! p.allAccounts &&
			( row.role === 'developer' || row.role === 'system_bot' )
		)
			return null;
		return row;
	},
	async keyword(
		db: Db,
		p: Principal,
		id: number
	): Promise< Keyword | null > {
		return onVisibleSite(
			p,
			await db.query.keywords.findFirst( {
				where: eq( keywords.id, id ),
			} )
		);
	},
	async cluster(
		db: Db,
		p: Principal,
		id: number
	): Promise< Cluster | null > {
		return onVisibleSite(
			p,
			await db.query.clusters.findFirst( {
				where: eq( clusters.id, id ),
			} )
		);
	},
	async idea( db: Db, p: Principal, id: number ): Promise< Idea | null > {
		return onVisibleSite(
			p,
			await db.query.ideas.findFirst( { where: eq( ideas.id, id ) } )
		);
	},
	async task( db: Db, p: Principal, id: number ): Promise< Task | null > {
		return onVisibleSite(
			p,
			await db.query.tasks.findFirst( { where: eq( tasks.id, id ) } )
		);
	},
	async content(
		db: Db,
		p: Principal,
		id: number
	): Promise< Content | null > {
		return onVisibleSite(
			p,
			await db.query.content.findFirst( { where: eq( content.id, id ) } )
		);
	},
	/** Content with an open conflict (its WordPress and cloud versions both changed): 404 otherwise. */
	async content_conflict(
		db: Db,
		p: Principal,
		id: number
	): Promise< Content | null > {
		const row = onVisibleSite(
			p,
			await db.query.content.findFirst( { where: eq( content.id, id ) } )
		);
		if ( row?.syncState !== 'conflict' ) return null;
		const open = await db.query.contentConflicts.findFirst( {
			where: eq( contentConflicts.contentId, id ),
		} );
		return open ? row : null;
	},
	async image( db: Db, p: Principal, id: number ): Promise< Image | null > {
		return onVisibleSite(
			p,
			await db.query.images.findFirst( { where: eq( images.id, id ) } )
		);
	},
	async publishing_record(
		db: Db,
		p: Principal,
		id: number
	): Promise< PublishingRecord | null > {
		return onVisibleSite(
			p,
			await db.query.publishingRecords.findFirst( {
				where: eq( publishingRecords.id, id ),
			} )
		);
	},
	async job( db: Db, p: Principal, id: number ): Promise< AiJob | null > {
		const row = await db.query.aiJobs.findFirst( {
			where: eq( aiJobs.id, id ),
		} );
		if ( ! row || ! ownsAccountRow( p, row ) ) return null;
		if ( row.siteId !== null )
			return canSeeSite( p, { id: row.siteId, accountId: row.accountId } )
				? row
				: null;
		return p.siteIds === 'all' ? row : null;
	},
	async author_profile(
		db: Db,
		p: Principal,
		id: number
	): Promise< AuthorProfile | null > {
		const row = await db.query.authorProfiles.findFirst( {
			where: eq( authorProfiles.id, id ),
		} );
		return row && ownsAccountRow( p, row ) ? row : null;
	},
	async strategy(
		db: Db,
		p: Principal,
		id: number
	): Promise< Strategy | null > {
		return onVisibleSite(
			p,
			await db.query.strategies.findFirst( {
				where: eq( strategies.id, id ),
			} )
		);
	},
} as const;

export type ResourceKind = keyof typeof loaders;
export const RESOURCE_KINDS = Object.keys( loaders ) as ResourceKind[];

export async function loadResource(
	db: Db,
	p: Principal,
	kind: ResourceKind,
	raw: string
) {
	const id = Number( raw );
	if ( ! Number.isSafeInteger( id ) || id <= 0 ) throw notFound();
	const row = await loaders[ kind ]( db, p, id );
	if ( ! row ) throw notFound();
	return row;
}
