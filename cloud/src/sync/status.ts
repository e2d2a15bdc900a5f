// What the Settings screens show of a site's sync: the last full sync, the posts in the mirror, the newest
// event from WordPress, publishing waiting or given up, and conflicts.
import { and, count, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	content,
	publishingRecords,
	siteSyncs,
	syncEvents,
	wpPosts,
} from '../db/schema';
import type { Site } from '../lib/resources';
import { siteSyncOut } from './full-sync';
import { LIVE_STATUS } from './mirror';

export async function syncStatus( db: Db, site: Site ) {
	const [ last, mirrored, events, publishing, conflicts ] = await Promise.all(
		[
			db.query.siteSyncs.findFirst( {
				where: and(
					eq( siteSyncs.siteId, site.id ),
					eq( siteSyncs.accountId, site.accountId )
				),
				orderBy: desc( siteSyncs.id ),
			} ),
			db
				.select( { n: count() } )
				.from( wpPosts )
				.where(
					and(
						eq( wpPosts.accountId, site.accountId ),
						eq( wpPosts.siteId, site.id ),
						eq( wpPosts.status, LIVE_STATUS )
					)
				),
			db
				.select( { at: max( syncEvents.receivedAt ) } )
				.from( syncEvents )
				.where( eq( syncEvents.siteId, site.id ) ),
			db
				.select( {
					pending: sql< number >`coalesce(sum(${ publishingRecords.status } IN ('queued', 'publishing')), 0)`,
					failed: sql< number >`coalesce(sum(${ publishingRecords.status } = 'failed'), 0)`,
				} )
				.from( publishingRecords )
				.where(
					and(
						eq( publishingRecords.accountId, site.accountId ),
						eq( publishingRecords.siteId, site.id ),
						inArray( publishingRecords.status, [
							'queued',
							'publishing',
							'failed',
						] )
					)
				),
			db
				.select( { n: count() } )
				.from( content )
				.where(
					and(
						eq( content.accountId, site.accountId ),
						eq( content.siteId, site.id ),
						eq( content.syncState, 'conflict' )
					)
				),
		]
	);
	return {
		site_id: site.id,
		last_full_sync: last ? siteSyncOut( last ) : null,
		posts_mirrored: mirrored[ 0 ]?.n ?? 0,
		last_event_at: events[ 0 ]?.at ?? null,
		publishing_pending: Number( publishing[ 0 ]?.pending ?? 0 ),
		publishing_failed: Number( publishing[ 0 ]?.failed ?? 0 ),
		conflicts: conflicts[ 0 ]?.n ?? 0,
	};
}
