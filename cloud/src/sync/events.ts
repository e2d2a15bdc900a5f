// Events from a site's outbox (POST /integration/sync/events). Each (site, event id) is stored once: a
// redelivered event is acknowledged and not applied again. Applying is guarded by seq per object (a post,
// a term, the content of a post), so an event older than one already applied changes nothing, and the
// work is idempotent: events are applied first and stored last, in the transaction that writes the mirror,
// so a request that dies half-way is simply delivered again.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SyncEvent } from '@igny8/shared';
import type { Env } from '../env';
import { transaction, type Db } from '../db';
import { sites, syncEvents } from '../db/schema';
import { applyToContent, type PostChange } from './content';
import {
	chunks,
	deleteTerm,
	postRow,
	tombstonePosts,
	termRow,
	upsertPostsFromEvents,
	upsertTerms,
	type SiteRef,
} from './mirror';

const objectId = ( e: SyncEvent ) =>
	e.type === 'term.updated' || e.type === 'term.deleted'
		? e.term.id
		: e.post.id;
const family = ( e: SyncEvent ) => ( e.type.startsWith( 'term.' ) ? 't' : 'p' );

/** The event ids of the batch already stored for the site. */
async function storedIds( db: Db, siteId: number, ids: string[] ) {
	const found = new Set< string >();
	for ( let i = 0; i < ids.length; i += 99 ) {
		const rows = await db
			.select( { id: syncEvents.eventId } )
			.from( syncEvents )
			.where(
				and(
					eq( syncEvents.siteId, siteId ),
					inArray( syncEvents.eventId, ids.slice( i, i + 99 ) )
				)
			);
		for ( const r of rows ) found.add( r.id );
	}
	return found;
}

/**
 * Term ids deleted by an already stored event newer than `seq`: a late `term.updated` must not bring a
 * deleted term back (terms leave no row behind, unlike posts).
 */
async function deletedLater(
	db: Db,
	siteId: number,
	updates: { id: number; seq: number }[]
) {
	const gone = new Set< number >();
	for ( let i = 0; i < updates.length; i += 98 ) {
		const part = updates.slice( i, i + 98 );
		const rows = await db
			.select( {
				id: syncEvents.objectId,
				seq: sql< number >`max(${ syncEvents.seq })`,
			} )
			.from( syncEvents )
			.where(
				and(
					eq( syncEvents.siteId, siteId ),
					eq( syncEvents.type, 'term.deleted' ),
					inArray(
						syncEvents.objectId,
						part.map( ( u ) => u.id )
					)
				)
			)
			.groupBy( syncEvents.objectId );
		for ( const r of rows )
			if ( part.some( ( u ) => u.id === r.id && u.seq < r.seq ) )
				gone.add( r.id );
	}
	return gone;
}

export async function receiveEvents(
	env: Env,
	db: Db,
	site: SiteRef,
	events: SyncEvent[]
): Promise< { accepted: string[]; duplicates: string[] } > {
	const stored = await storedIds(
		db,
		site.id,
		events.map( ( e ) => e.event_id )
	);
	// New events, each once, oldest first; per object only the newest of them needs applying.
	const fresh: SyncEvent[] = [];
	for ( const e of events )
		if (
			! stored.has( e.event_id ) &&
			! fresh.some( ( f ) => f.event_id === e.event_id )
		)
			fresh.push( e );
	fresh.sort( ( x, y ) => x.seq - y.seq );
	const newest = new Map< string, SyncEvent >();
	for ( const e of fresh )
		newest.set( `${ family( e ) }${ objectId( e ) }`, e );
	const latest = [ ...newest.values() ];

	const changes: PostChange[] = latest.flatMap( ( e ): PostChange[] => {
		if ( e.type === 'post.updated' )
			return [ { kind: 'updated', seq: e.seq, post: e.post } ];
		if ( e.type === 'post.deleted' )
			return [ { kind: 'deleted', seq: e.seq, postId: e.post.id } ];
		return [];
	} );
	await applyToContent( env, db, site, changes );

	const at = new Date().toISOString();
	const termUpdates = latest.flatMap( ( e ) =>
		e.type === 'term.updated' ? [ e ] : []
	);
	const gone = termUpdates.length
		? await deletedLater(
				db,
				site.id,
				termUpdates.map( ( e ) => ( { id: e.term.id, seq: e.seq } ) )
			)
		: new Set< number >();
	const mirror = [
		...upsertPostsFromEvents(
			db,
			latest.flatMap( ( e ) =>
				e.type === 'post.updated'
					? [
							postRow( site, e.post, at, {
								seq: e.seq,
								syncRun: null,
							} ),
						]
					: []
			)
		),
		...tombstonePosts(
			db,
			site,
			latest.flatMap( ( e ) =>
				e.type === 'post.deleted'
					? [ { id: e.post.id, type: e.post.type, seq: e.seq } ]
					: []
			),
			at
		),
		...upsertTerms(
			db,
			termUpdates
				.filter( ( e ) => ! gone.has( e.term.id ) )
				.map( ( e ) => termRow( site, e.term, e.seq, at ) )
		),
		...latest.flatMap( ( e ) =>
			e.type === 'term.deleted'
				? [ deleteTerm( db, site, e.term.id, e.seq ) ]
				: []
		),
	];
	const inserts = chunks( fresh, 7 ).map( ( part ) =>
		db
			.insert( syncEvents )
			.values(
				part.map( ( e ) => ( {
					siteId: site.id,
					eventId: e.event_id,
					accountId: site.accountId,
					seq: e.seq,
					type: e.type,
					objectId: objectId( e ),
					occurredAt: e.occurred_at,
				} ) )
			)
			.onConflictDoNothing()
			.returning( { id: syncEvents.eventId } )
	);
	const results = await transaction( db, [
		...mirror,
		db
			.update( sites )
			.set( { lastSeenAt: at } )
			.where( eq( sites.id, site.id ) ),
		...inserts,
	] );
	const accepted = new Set(
		results
			.slice( results.length - inserts.length )
			.flatMap( ( r ) => r.results as { event_id: string }[] )
			.map( ( r ) => r.event_id )
	);
	return {
		accepted: events
			.map( ( e ) => e.event_id )
			.filter(
				( id, i, all ) => accepted.has( id ) && all.indexOf( id ) === i
			),
		duplicates: events
			.map( ( e ) => e.event_id )
			.filter(
				( id, i, all ) =>
					! accepted.has( id ) || all.indexOf( id ) !== i
			),
	};
}
