// Full sync: a site's published posts paged into the mirror in the background, one page per SYNC_JOBS
// message (a 5,000-post site is 50 small invocations). Each message fetches its page from the plugin,
// queues the next one, then writes the page and the progress in one transaction guarded by the page
// number, so a redelivered page changes nothing twice. After the last page, live rows the sync did not see
// are gone from WordPress and leave the mirror.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { schemas } from '@igny8/shared';
import type { z } from 'zod';
import type { Env } from '../env';
import { createDb, transaction, type Db } from '../db';
import { content, siteSyncs, wpPosts, wpTerms } from '../db/schema';
import { AppError } from '../lib/errors';
import type { Site } from '../lib/resources';
import { callWordPress, loadSiteSecret } from '../integration/signing';
import { applyToContent } from './content';
import {
	dropUnseenPosts,
	postRow,
	termRow,
	termsOfPosts,
	upsertPostsFromSync,
	upsertTerms,
	type SiteRef,
} from './mirror';

export type SiteSyncRow = typeof siteSyncs.$inferSelect;

/** Posts asked for per page (the plugin allows up to MIRROR_PAGE_MAX). */
export const SYNC_PAGE_SIZE = 100;
/** Attempts at one page before the sync is given up as failed. */
export const SYNC_MAX_ATTEMPTS = 4;
/** First retry delay; doubles with each attempt. SYNC_RETRY_BASE_SECONDS overrides it (tests, local). */
const RETRY_BASE_SECONDS = 5;
/** A sync that made no progress for this long is taken as dead: asking again starts a new one. */
const STALE_AFTER_MS = 15 * 60 * 1000;

export interface SiteSyncMessage {
	type: 'site_sync';
	syncId: number;
	page: number;
	attempt: number;
}

const ACTIVE = [ 'queued', 'running' ] as const;

export function siteSyncOut( s: SiteSyncRow ) {
	const percentage =
		s.state === 'succeeded'
			? 100
			: s.totalPages
				? Math.min(
						100,
						Math.round( ( 100 * s.pagesDone ) / s.totalPages )
					)
				: 0;
	return {
		id: s.id,
		site_id: s.siteId,
		state: s.state,
		pages_done: s.pagesDone,
		total_pages: s.totalPages,
		posts_seen: s.postsSeen,
		percentage,
		error: s.error,
		started_at: s.startedAt,
		finished_at: s.finishedAt,
	};
}

function retryBaseSeconds( env: Env ): number {
	const configured = Number(
		( env as Env & { SYNC_RETRY_BASE_SECONDS?: string } )
			.SYNC_RETRY_BASE_SECONDS
	);
	return Number.isFinite( configured ) && configured >= 0
		? configured
		: RETRY_BASE_SECONDS;
}

/**
 * Starts a full sync of the site, or answers the one already queued or running (asking twice does not
 * sync twice). `delaySeconds` leaves WordPress time to store its secret right after connecting.
 */
export async function startFullSync(
	env: Env,
	db: Db,
	site: Pick< Site, 'id' | 'accountId' | 'siteSecretEnc' >,
	opts: { delaySeconds?: number } = {}
): Promise< SiteSyncRow > {
	if ( ! site.siteSecretEnc )
		throw new AppError(
			'not_connected',
			'This site is not connected to WordPress'
		);
	const now = new Date();
	const fresh = new Date( now.getTime() - STALE_AFTER_MS ).toISOString();
	const at = now.toISOString();
	// A sync whose worker vanished (no progress for long) no longer blocks a new one.
	await db
		.update( siteSyncs )
		.set( {
			state: 'failed',
			error: 'The sync stopped making progress; a new one was started',
			finishedAt: at,
			updatedAt: at,
		} )
		.where(
			and(
				eq( siteSyncs.siteId, site.id ),
				inArray( siteSyncs.state, ACTIVE ),
				sql`${ siteSyncs.updatedAt } < ${ fresh }`
			)
		);
	// One active sync per site, even when two requests race: the insert checks in the same statement.
	const made = await db.all< { id: number } >( sql`INSERT INTO ${ siteSyncs }
      (account_id, site_id, state, started_at, updated_at)
    SELECT ${ site.accountId }, ${ site.id }, 'queued', ${ at }, ${ at }
    WHERE NOT EXISTS (SELECT 1 FROM ${ siteSyncs }
      WHERE site_id = ${ site.id } AND state IN ('queued', 'running'))
    RETURNING id` );
	const id = made[ 0 ]?.id;
	if ( id === undefined ) {
		const active = await db.query.siteSyncs.findFirst( {
			where: and(
				eq( siteSyncs.siteId, site.id ),
				inArray( siteSyncs.state, ACTIVE )
			),
			orderBy: desc( siteSyncs.id ),
		} );
		if ( active ) return active;
		return startFullSync( env, db, site, opts );
	}
	try {
		await env.SYNC_JOBS.send(
			{
				type: 'site_sync',
				syncId: id,
				page: 1,
				attempt: 1,
			} satisfies SiteSyncMessage,
			opts.delaySeconds ? { delaySeconds: opts.delaySeconds } : {}
		);
	} catch ( err ) {
		await fail(
			db,
			id,
			`The sync could not be queued: ${ String( err ) }`
		);
		throw new AppError(
			'upstream',
			'The sync could not be queued; try again'
		);
	}
	return ( await db.query.siteSyncs.findFirst( {
		where: eq( siteSyncs.id, id ),
	} ) )!;
}

/**
 * A site (re)connected: its outbox may be a new one whose seq start again from 1 (the plugin was
 * reinstalled), so the seq of events applied before no longer order what comes. Then a full sync.
 */
export async function siteConnected(
	env: Env,
	db: Db,
	site: Pick< Site, 'id' | 'accountId' | 'siteSecretEnc' >,
	opts: { delaySeconds?: number } = {}
): Promise< SiteSyncRow > {
	await transaction( db, [
		db
			.update( wpPosts )
			.set( { seq: 0 } )
			.where(
				and(
					eq( wpPosts.accountId, site.accountId ),
					eq( wpPosts.siteId, site.id )
				)
			),
		db
			.update( wpTerms )
			.set( { seq: 0 } )
			.where(
				and(
					eq( wpTerms.accountId, site.accountId ),
					eq( wpTerms.siteId, site.id )
				)
			),
		db
			.update( content )
			.set( { wpSeq: 0 } )
			.where(
				and(
					eq( content.accountId, site.accountId ),
					eq( content.siteId, site.id )
				)
			),
	] );
	return startFullSync( env, db, site, opts );
}

async function fail( db: Db, id: number, error: string ) {
	const at = new Date().toISOString();
	await db
		.update( siteSyncs )
		.set( { state: 'failed', error, finishedAt: at, updatedAt: at } )
		.where(
			and( eq( siteSyncs.id, id ), inArray( siteSyncs.state, ACTIVE ) )
		);
}

type Page = z.infer< typeof schemas.wpPostsPage >;

/** One page from the plugin, or what went wrong in words a site owner can act on. */
async function fetchPage(
	env: Env,
	db: Db,
	siteId: number,
	page: number
): Promise< { page: Page } | { error: string; final?: boolean } > {
	const site = await loadSiteSecret( env, db, siteId );
	if ( ! site )
		return { error: 'The site is no longer connected', final: true };
	try {
		const res = await callWordPress(
			env,
			site,
			'GET',
			`igny8/v1/posts?page=${ page }&per_page=${ SYNC_PAGE_SIZE }&status=publish`,
			undefined,
			30_000
		);
		if ( ! res.ok )
			return {
				error: `WordPress answered ${ res.status } for page ${ page } of the posts`,
			};
		const parsed = schemas.wpPostsPage.safeParse( await res.json() );
		if ( ! parsed.success )
			return {
				error: `WordPress's page ${ page } of the posts is not what the sync expects (${ parsed.error.issues[ 0 ]?.path.join( '.' ) }: ${ parsed.error.issues[ 0 ]?.message })`,
			};
		return { page: parsed.data };
	} catch ( err ) {
		if ( err instanceof AppError )
			return { error: err.message, final: err.code !== 'upstream' };
		return {
			error:
				( err as Error ).name === 'TimeoutError'
					? `WordPress at ${ site.wpRestUrl } did not answer within 30 s`
					: `WordPress could not be reached at ${ site.wpRestUrl }`,
		};
	}
}

/** The SYNC_JOBS handler of one page. */
export async function runSyncPage(
	env: Env,
	msg: SiteSyncMessage
): Promise< void | { retryAfterSeconds: number } > {
	const db = createDb( env.DB );
	const sync = await db.query.siteSyncs.findFirst( {
		where: eq( siteSyncs.id, msg.syncId ),
	} );
	if ( ! sync || ! ( ACTIVE as readonly string[] ).includes( sync.state ) )
		return;
	// Done already (a redelivery), or ahead of its predecessor's progress: wait for it.
	if ( msg.page <= sync.pagesDone ) return;
	if ( msg.page > sync.pagesDone + 1 ) return { retryAfterSeconds: 2 };
	const readAt = new Date().toISOString();
	if ( sync.state === 'queued' )
		await db
			.update( siteSyncs )
			.set( { state: 'running', updatedAt: readAt } )
			.where(
				and(
					eq( siteSyncs.id, sync.id ),
					eq( siteSyncs.state, 'queued' )
				)
			);
	const got = await fetchPage( env, db, sync.siteId, msg.page );
	if ( 'error' in got ) {
		if ( got.final || msg.attempt >= SYNC_MAX_ATTEMPTS ) {
			await fail(
				db,
				sync.id,
				got.final
					? got.error
					: `${ got.error }; gave up after ${ msg.attempt } attempts`
			);
			return;
		}
		const delay = retryBaseSeconds( env ) * 2 ** ( msg.attempt - 1 );
		await db
			.update( siteSyncs )
			.set( {
				state: 'running',
				error: `${ got.error }; retrying in ${ delay } s (attempt ${ msg.attempt + 1 } of ${ SYNC_MAX_ATTEMPTS })`,
				updatedAt: new Date().toISOString(),
			} )
			.where( eq( siteSyncs.id, sync.id ) );
		await env.SYNC_JOBS.send(
			{ ...msg, attempt: msg.attempt + 1 } satisfies SiteSyncMessage,
			{ delaySeconds: delay }
		);
		return;
	}
	const { page } = got;
	const site: SiteRef = { id: sync.siteId, accountId: sync.accountId };
	const last = msg.page >= page.total_pages || page.posts.length === 0;
	// Content published from these posts follows them (a body WordPress changed comes back).
	await applyToContent(
		env,
		db,
		site,
		page.posts.map( ( post ) => ( {
			kind: 'updated' as const,
			seq: null,
			post: { ...post, content: null },
		} ) )
	);
	if ( ! last )
		await env.SYNC_JOBS.send( {
			type: 'site_sync',
			syncId: sync.id,
			page: msg.page + 1,
			attempt: 1,
		} satisfies SiteSyncMessage );
	const at = new Date().toISOString();
	await transaction( db, [
		...upsertPostsFromSync(
			db,
			page.posts.map( ( post ) =>
				postRow( site, post, at, { seq: 0, syncRun: sync.id } )
			),
			readAt
		),
		...upsertTerms(
			db,
			termsOfPosts( page.posts ).map( ( term ) =>
				termRow( site, term, 0, at )
			)
		),
		...( last
			? [ dropUnseenPosts( db, site, sync.id, sync.startedAt ) ]
			: [] ),
		db
			.update( siteSyncs )
			.set( {
				state: last ? 'succeeded' : 'running',
				pagesDone: msg.page,
				totalPages: Math.max( page.total_pages, msg.page ),
				postsSeen: sql`${ siteSyncs.postsSeen } + ${ page.posts.length }`,
				error: null,
				finishedAt: last ? at : null,
				updatedAt: at,
			} )
			.where(
				and(
					eq( siteSyncs.id, sync.id ),
					eq( siteSyncs.pagesDone, msg.page - 1 ),
					inArray( siteSyncs.state, ACTIVE )
				)
			),
	] );
}

/** The queue gave up on a page: the sync failed. */
export async function deadLetterSync( env: Env, msg: SiteSyncMessage ) {
	await fail(
		createDb( env.DB ),
		msg.syncId,
		`Page ${ msg.page } could not be synced after repeated failures`
	);
}
