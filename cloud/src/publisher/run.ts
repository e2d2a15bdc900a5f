// The SYNC_JOBS consumer of publishing records: one attempt per delivery, claimed on the record (queued →
// publishing, attempts + 1), so a second delivery of the same message, or a stale worker, writes nothing.
// An attempt finds the content's post (stored id, else a lookup by content id, so a retry after WordPress
// made the post but its answer was lost updates that post), sets terms, uploads images, rewrites the body's
// image blocks to the media library and writes the post. WordPress down, slow or overloaded: retried with
// exponential backoff; refused: failed at once; changed in WordPress meanwhile: a conflict.
import { asc, eq, sql } from 'drizzle-orm';
import {
	clip,
	htmlToText,
	inlineToHtml,
	MEDIA_MAX_BYTES,
	parseBlocks,
	publishImages,
	sha256Hex,
	validateBlockMarkup,
	type AttachmentImage,
} from '@igny8/shared';
import type { Env } from '../env';
import { createDb, transaction, type Db } from '../db';
import { content, images, publishingRecords, tasks } from '../db/schema';
import type { Content, Image } from '../lib/resources';
import { loadSiteSecret, type ConnectedSite } from '../integration/signing';
import { cloudChanged, markSynced, recordConflict } from '../sync/versions';
import {
	findRecord,
	queueRecord,
	recordTermNames,
	updateStatusOf,
	type PublishingRecordRow,
} from './records';
import {
	postByContentId,
	termIds,
	uploadMedia,
	WordPressFailure,
	writePost,
	type WpPost,
} from './wordpress';

/** How long a claim lasts without progress before another delivery may take the record over. */
export const LEASE_SECONDS = 120;
/** The longest wait between two attempts. */
export const RETRY_MAX_SECONDS = 3600;
const DEFAULT_RETRY_BASE_SECONDS = 30;

export type Outcome = void | { retryAfterSeconds: number };

const NOW = sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

/** Seconds before attempt `attempts + 1`: base × 2^(attempts − 1), capped at an hour. */
export function retryDelaySeconds(
	env: Pick< Env, 'SYNC_RETRY_BASE_SECONDS' >,
	attempts: number
): number {
	const raw = Number( env.SYNC_RETRY_BASE_SECONDS );
	const base =
		env.SYNC_RETRY_BASE_SECONDS !== undefined &&
		env.SYNC_RETRY_BASE_SECONDS !== '' &&
		Number.isFinite( raw ) &&
		raw >= 0
			? raw
			: DEFAULT_RETRY_BASE_SECONDS;
	return Math.min(
		RETRY_MAX_SECONDS,
		Math.ceil( base * 2 ** Math.max( 0, attempts - 1 ) )
	);
}

/** Takes the record for this delivery: a queued one that is due, or a publishing one whose claim lapsed. */
async function claim(
	db: Db,
	id: number
): Promise< PublishingRecordRow | null > {
	const rows = await db.all< {
		id: number;
	} >( sql`UPDATE ${ publishingRecords }
    SET status = 'publishing', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ${ NOW }
    WHERE id = ${ id } AND attempts < max_attempts AND (
      (status = 'queued' AND (next_attempt_at IS NULL
        OR next_attempt_at <= strftime('%Y-%m-%dT%H:%M:%fZ','now','+2 seconds')))
      OR (status = 'publishing'
        AND updated_at < strftime('%Y-%m-%dT%H:%M:%fZ','now',${ `-${ LEASE_SECONDS } seconds` })))
    RETURNING id` );
	return rows.length ? findRecord( db, id ) : null;
}

/** Statements of this attempt only land while it still holds the claim. */
const held = ( r: PublishingRecordRow ) =>
	sql`id = ${ r.id } AND status = 'publishing' AND attempts = ${ r.attempts }`;

async function touch( db: Db, r: PublishingRecordRow ) {
	await db.run(
		sql`UPDATE ${ publishingRecords } SET updated_at = ${ NOW } WHERE ${ held( r ) }`
	);
}

/** Stops a record for good (and its content's pending state), with why. */
async function fail( db: Db, r: PublishingRecordRow, why: string ) {
	await transaction( db, [
		sql`UPDATE ${ publishingRecords } SET status = 'failed', error = ${ why }, next_attempt_at = NULL,
        updated_at = ${ NOW } WHERE ${ held( r ) }`,
		sql`UPDATE ${ content } SET sync_state = 'failed'
      WHERE id = ${ r.contentId } AND sync_state = 'pending' AND changes() = 1`,
	] );
}

async function scheduleRetry(
	env: Env,
	db: Db,
	r: PublishingRecordRow,
	why: string
): Promise< Outcome > {
	if ( r.attempts >= r.maxAttempts ) {
		await fail( db, r, `Gave up after ${ r.attempts } attempts. ${ why }` );
		return;
	}
	const delay = retryDelaySeconds( env, r.attempts );
	const at = new Date( Date.now() + delay * 1000 ).toISOString();
	await db.run( sql`UPDATE ${ publishingRecords }
    SET status = 'queued', error = ${ why }, next_attempt_at = ${ at }, updated_at = ${ NOW }
    WHERE ${ held( r ) }` );
	return { retryAfterSeconds: delay };
}

/** One delivery of `{ type: 'publish', recordId }`. */
export async function runPublish(
	env: Env,
	recordId: number
): Promise< Outcome > {
	const db = createDb( env.DB );
	const record = await claim( db, recordId );
	if ( ! record ) return notClaimed( db, recordId );
	const item =
		record.contentId === null
			? null
			: await db.query.content.findFirst( {
					where: eq( content.id, record.contentId ),
				} );
	if ( ! item ) {
		await fail( db, record, 'The content was deleted; nothing to publish' );
		return;
	}
	const site = await loadSiteSecret( env, db, record.siteId );
	if ( ! site?.wpRestUrl ) {
		await fail(
			db,
			record,
			'The site is not connected to WordPress: connect it, then retry'
		);
		return;
	}
	try {
		const done = await attempt( env, db, site, record, item );
		await succeed( env, db, record, item, done );
		return;
	} catch ( err ) {
		if ( err instanceof WordPressFailure ) {
			if ( err.kind === 'conflict' && err.post ) {
				await recordConflict( db, item, err.post );
				await db.run( sql`UPDATE ${ publishingRecords }
          SET status = 'conflict', error = ${ err.message }, wp_post_id = ${ err.post.id },
            next_attempt_at = NULL, updated_at = ${ NOW }
          WHERE ${ held( record ) }` );
				return;
			}
			if ( err.kind === 'retry' )
				return scheduleRetry( env, db, record, err.message );
			await fail( db, record, err.message );
			return;
		}
		// Unexpected (a D1 hiccup, a bug): tried again like WordPress being down, and logged.
		console.error(
			JSON.stringify( {
				level: 'error',
				message: 'publish attempt failed',
				record: record.id,
				error: String( err ),
			} )
		);
		return scheduleRetry(
			env,
			db,
			record,
			`Publishing stopped unexpectedly: ${ String( ( err as Error )?.message ?? err ).slice( 0, 300 ) }`
		);
	}
}

/** Another delivery holds the record, or it is done, or not due yet. */
async function notClaimed( db: Db, id: number ): Promise< Outcome > {
	const r = await findRecord( db, id );
	if ( ! r || ( r.status !== 'queued' && r.status !== 'publishing' ) ) return;
	const lapsed =
		r.status === 'publishing' &&
		Date.parse( r.updatedAt ) + LEASE_SECONDS * 1000 < Date.now();
	if ( r.attempts >= r.maxAttempts && ( r.status === 'queued' || lapsed ) ) {
		await transaction( db, [
			sql`UPDATE ${ publishingRecords } SET status = 'failed', next_attempt_at = NULL, updated_at = ${ NOW },
          error = ${ `Gave up after ${ r.attempts } attempts. ${ r.error ?? '' }`.trim() }
        WHERE id = ${ r.id } AND status = ${ r.status } AND attempts = ${ r.attempts }`,
			sql`UPDATE ${ content } SET sync_state = 'failed'
        WHERE id = ${ r.contentId } AND sync_state = 'pending' AND changes() = 1`,
		] );
		return;
	}
	const until =
		r.status === 'publishing'
			? Date.parse( r.updatedAt ) + LEASE_SECONDS * 1000
			: Date.parse( r.nextAttemptAt ?? '' );
	const wait = Math.ceil( ( until - Date.now() ) / 1000 );
	return {
		retryAfterSeconds: Math.min(
			RETRY_MAX_SECONDS,
			Math.max( 1, Number.isFinite( wait ) ? wait : 1 )
		),
	};
}

/** After the queue gave up on a message: its record fails with the last reason, never left waiting. */
export async function deadLetterPublish( env: Env, recordId: number ) {
	const db = createDb( env.DB );
	const r = await findRecord( db, recordId );
	if ( ! r || ( r.status !== 'queued' && r.status !== 'publishing' ) ) return;
	const why =
		`The queue gave up on this publish after ${ r.attempts } attempt(s)` +
		( r.error ? `: ${ r.error }` : '' );
	await transaction( db, [
		sql`UPDATE ${ publishingRecords } SET status = 'failed', error = ${ why }, next_attempt_at = NULL,
        updated_at = ${ NOW }
      WHERE id = ${ r.id } AND status IN ('queued', 'publishing')`,
		sql`UPDATE ${ content } SET sync_state = 'failed'
      WHERE id = ${ r.contentId } AND sync_state = 'pending' AND changes() = 1`,
	] );
}

interface Attempted {
	post: WpPost;
	/** The body, title and meta sent: what the content was when the attempt read it. */
	sent: Pick<
		Content,
		'revisionHash' | 'title' | 'metaTitle' | 'metaDescription'
	>;
	/** Why some images are not in the post. */
	notes: string[];
}

const MIME_EXT = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
} as const;
type Mime = keyof typeof MIME_EXT;

function mimeOf( stored: string | undefined, bytes: Uint8Array ): Mime | null {
	if ( stored && stored in MIME_EXT ) return stored as Mime;
	if ( bytes[ 0 ] === 0x89 && bytes[ 1 ] === 0x50 ) return 'image/png';
	if ( bytes[ 0 ] === 0xff && bytes[ 1 ] === 0xd8 ) return 'image/jpeg';
	if ( bytes[ 0 ] === 0x52 && bytes[ 1 ] === 0x49 && bytes[ 8 ] === 0x57 )
		return 'image/webp';
	return null;
}

function base64( bytes: Uint8Array ): string {
	let binary = '';
	for ( let i = 0; i < bytes.length; i += 0x8000 )
		binary += String.fromCharCode( ...bytes.subarray( i, i + 0x8000 ) );
	return btoa( binary );
}

/** The post's excerpt: the meta description, else the first paragraph's text. */
function excerptOf( item: Content ): string {
	if ( item.metaDescription?.trim() )
		return clip( item.metaDescription, 1000 );
	const first = parseBlocks( item.body ).find(
		( b ) => b.blockName === 'core/paragraph'
	);
	return first ? clip( htmlToText( first.innerHTML ), 1000 ) : '';
}

const imageLabel = ( i: Image ) =>
	i.kind === 'featured'
		? 'the featured image'
		: `in-article image ${ i.position }`;

/**
 * Uploads the content's stored images that WordPress does not have yet (idempotent by ref there), and
 * answers what each image's block should show: its attachment, or null (left out, with a note why).
 */
export async function placeImages(
	env: Env,
	db: Db,
	site: ConnectedSite,
	record: PublishingRecordRow,
	item: Content,
	postId: number | null
) {
	const rows = await db
		.select()
		.from( images )
		.where( eq( images.contentId, item.id ) )
		.orderBy( asc( images.position ), asc( images.id ) );
	const media = new Map< string, AttachmentImage | null >();
	const skipped = new Map< string, string >();
	let featured: number | undefined;
	for ( const image of rows ) {
		let id = image.wpMediaId;
		let url = image.wpMediaUrl;
		if ( ! id || ! url ) {
			const object = image.r2Key
				? await env.MEDIA.get( image.r2Key )
				: null;
			if ( ! object ) {
				media.set( image.ref, null );
				skipped.set(
					image.ref,
					`${ imageLabel( image ) } (no picture yet)`
				);
				continue;
			}
			if ( object.size > MEDIA_MAX_BYTES ) {
				await object.body.cancel();
				media.set( image.ref, null );
				skipped.set(
					image.ref,
					`${ imageLabel( image ) } (larger than ${ MEDIA_MAX_BYTES / 1024 / 1024 } MB)`
				);
				continue;
			}
			const bytes = new Uint8Array( await object.arrayBuffer() );
			const mime = mimeOf( object.httpMetadata?.contentType, bytes );
			if ( ! mime ) {
				media.set( image.ref, null );
				skipped.set(
					image.ref,
					`${ imageLabel( image ) } (not a PNG, JPEG or WebP picture)`
				);
				continue;
			}
			const upload = {
				ref: image.ref,
				filename: `igny8-${ image.ref }.${ MIME_EXT[ mime ] }`,
				mime_type: mime,
				data_base64: base64( bytes ),
				alt: clip( image.alt, 500 ),
				caption:
					image.caption === null ? null : clip( image.caption, 1000 ),
				title:
					clip( image.alt || item.title, 300 ) ||
					`Image ${ image.position }`,
				post_id: postId,
			};
			const uploaded = await uploadMedia( env, site, upload ).catch(
				( err: unknown ) => {
					// The post the cloud knew is gone from WordPress: attach the image to none (the post is made again).
					if (
						err instanceof WordPressFailure &&
						err.status === 400 &&
						postId !== null
					)
						return uploadMedia( env, site, {
							...upload,
							post_id: null,
						} );
					throw err;
				}
			);
			id = uploaded.id;
			url = uploaded.url;
			await transaction( db, [
				db
					.update( images )
					.set( { wpMediaId: id, wpMediaUrl: url } )
					.where( eq( images.id, image.id ) ),
				sql`UPDATE ${ publishingRecords }
          SET images_uploaded = images_uploaded + 1, updated_at = ${ NOW } WHERE ${ held( record ) }`,
			] );
		}
		media.set( image.ref, {
			id,
			url,
			alt: image.alt || null,
			captionHtml:
				image.caption === null ? null : inlineToHtml( image.caption ),
		} );
		if ( image.kind === 'featured' && featured === undefined )
			featured = id;
	}
	const featuredRef = rows.find( ( r ) => r.kind === 'featured' )?.ref;
	return { media, skipped, featured, featuredRef };
}

async function attempt(
	env: Env,
	db: Db,
	site: ConnectedSite,
	record: PublishingRecordRow,
	item: Content
): Promise< Attempted > {
	// a. The post: the one the cloud knows, else the content's post if an earlier attempt made it.
	let postId = item.externalId;
	if ( postId === null )
		postId = ( await postByContentId( env, site, item.id ) )?.id ?? null;

	// b. Terms by name (omitted: the post keeps its own).
	const names = recordTermNames( record );
	const categories = names.categories?.length
		? await termIds( env, site, 'category', names.categories )
		: undefined;
	const tags = names.tags?.length
		? await termIds( env, site, 'post_tag', names.tags )
		: undefined;
	await touch( db, record );

	// c. Images into the media library.
	const placed = await placeImages( env, db, site, record, item, postId );

	// d. The body WordPress gets: stable image addresses become attachments, images without one are left out.
	const rewrite = publishImages( item.body, placed.media );
	if (
		rewrite.removed.length &&
		validateBlockMarkup( rewrite.markup ).problems.length >
			validateBlockMarkup( item.body ).problems.length
	)
		throw new WordPressFailure(
			'Leaving out the images that have no picture would break the body; generate them or remove their blocks',
			'fatal'
		);
	// Why an image is not in the post: its block was left out, or it is the featured image.
	const notes = [
		...new Set(
			[ ...placed.skipped ]
				.filter(
					( [ ref ] ) =>
						rewrite.removed.includes( ref ) ||
						ref === placed.featuredRef
				)
				.map( ( [ , why ] ) => why )
		),
	];
	if ( rewrite.removed.some( ( ref ) => ! placed.skipped.has( ref ) ) )
		notes.push( 'an image of another piece of content (not uploaded)' );

	// e. The post itself.
	const body = {
		content_id: item.id,
		task_id: item.taskId,
		title: clip( item.title, 300 ) || 'Untitled',
		content: rewrite.markup,
		excerpt: excerptOf( item ),
		status: record.publishAs,
		...( categories && { categories } ),
		...( tags && { tags } ),
		...( placed.featured !== undefined && {
			featured_media: placed.featured,
		} ),
		meta_title:
			item.metaTitle === null ? null : clip( item.metaTitle, 200 ),
		meta_description:
			item.metaDescription === null
				? null
				: clip( item.metaDescription, 500 ),
		revision_hash: await sha256Hex( rewrite.markup ),
	};
	const known = postId !== null && postId === item.externalId;
	let written;
	try {
		written = await writePost( env, site, postId, {
			...body,
			...( known && item.wpHash ? { expected_hash: item.wpHash } : {} ),
		} );
	} catch ( err ) {
		if ( ! ( err instanceof WordPressFailure ) || postId === null )
			throw err;
		if (
			err.kind === 'conflict' &&
			err.post?.content_hash === body.revision_hash &&
			err.post.title === body.title
		)
			// WordPress already holds exactly this body: an earlier attempt wrote it and its answer was lost
			// before the cloud recorded it. Not a conflict: write the rest over the version that is there.
			written = await writePost( env, site, postId, {
				...body,
				expected_hash: err.post.content_hash,
			} );
		// The post was deleted in WordPress: make it again (POST finds the content's post first, if any).
		else if ( err.kind === 'not_found' )
			written = await writePost( env, site, null, body );
		else throw err;
	}
	return {
		post: written.post,
		sent: {
			revisionHash: item.revisionHash,
			title: item.title,
			metaTitle: item.metaTitle,
			metaDescription: item.metaDescription,
		},
		notes,
	};
}

/**
 * Both sides now hold what was sent: the content becomes exactly what WordPress stores (its image addresses
 * included), then the record and the task say where the post is. An edit made in the cloud while the
 * attempt ran is kept, and goes out as the next update.
 */
async function succeed(
	env: Env,
	db: Db,
	record: PublishingRecordRow,
	read: Content,
	done: Attempted
) {
	const now = await db.query.content.findFirst( {
		where: eq( content.id, read.id ),
	} );
	const editedMeanwhile =
		now &&
		( now.revisionHash !== done.sent.revisionHash ||
			now.title !== done.sent.title ||
			now.metaTitle !== done.sent.metaTitle ||
			now.metaDescription !== done.sent.metaDescription );
	if ( now && editedMeanwhile )
		await markSynced( db, now, done.post, {
			title: now.title,
			body: now.body,
			wordCount: now.wordCount,
			revisionHash: now.revisionHash,
			updatedAt: now.updatedAt,
		} );
	else if ( now ) await markSynced( db, now, done.post );
	const note = done.notes.length
		? `Published without ${ done.notes.join( '; ' ) }`
		: null;
	await transaction( db, [
		sql`UPDATE ${ publishingRecords }
      SET status = 'published', wp_post_id = ${ done.post.id }, url = ${ done.post.url }, error = ${ note },
        next_attempt_at = NULL, published_at = ${ NOW }, updated_at = ${ NOW }
      WHERE ${ held( record ) }`,
		...( read.taskId !== null
			? [
					db
						.update( tasks )
						.set( {
							wpPostId: done.post.id,
							postUrl: done.post.url,
							updatedAt: new Date().toISOString(),
						} )
						.where( eq( tasks.id, read.taskId ) ),
				]
			: [] ),
	] );
	// An edit that landed while this attempt ran (or just after it read the content) goes out next.
	const fresh = await db.query.content.findFirst( {
		where: eq( content.id, read.id ),
	} );
	if (
		fresh?.status === 'published' &&
		fresh.syncState === 'synced' &&
		( editedMeanwhile || cloudChanged( fresh ) )
	)
		await queueRecord( env, db, fresh, {
			action: 'update',
			publishAs: await updateStatusOf( db, fresh ),
			when: sql`c.status = 'published' AND c.sync_state = 'synced'`,
		} );
}
