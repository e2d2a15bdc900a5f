// generate_image_prompts: prompts, alt text and captions for one content's featured image and its in-article
// images. Pending images get the new texts; missing ones are made (featured at position 0, in-article 1…);
// images already generated, failed or being generated keep theirs. New in-article images are placed in the body
// (after the H2 of their number, else at the end) as core/image blocks at their stable address, unless the body
// changed since the job started.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
	ARTICLE_LIMITS,
	clip,
	markupText,
	sectionsToBlocks,
	validateBlockMarkup,
	wordCount,
	type schemas,
} from '@igny8/shared';
import { content, images, sectors, sites, tasks } from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';
import { canSeeSite } from '../../lib/principal';
import type { Image } from '../../lib/resources';
import { fill, promptFor } from '../prompts';
import { MalformedOutput } from '../providers';
import type { AiFunctionDef } from '../types';
import { voiceFor } from '../voice';
import { revisionHash } from '../../writer/body';
import { imageFileUrl } from '../../writer/image-files';

type Payload = z.infer< typeof schemas.generateImagePromptsPayload > & {
	/** Set by the route: the Worker's public origin, for new images' stable addresses in the body. */
	origin?: string;
};
interface State {
	origin: string | null;
	/** The body and its revision when the job started: new images are placed only if it is unchanged. */
	body: string;
	revisionHash: string;
	accountId: number;
	siteId: number;
	sectorId: number;
	contentId: number;
	inArticle: number;
	/** The content's images when the job started, by kind and position. */
	existing: Pick< Image, 'id' | 'kind' | 'position' | 'status' >[];
}
interface ImageText {
	prompt: string;
	alt: string;
	caption: string | null;
}
interface Parsed {
	featured: ImageText | null;
	inArticle: ImageText[];
}

/** In-article images asked for when the content has none yet. */
export const DEFAULT_IN_ARTICLE = 2;
const SUMMARY_CHARS = 600;

const imageText = z.object( {
	prompt: z.string().trim().min( 1 ),
	alt: z.string().trim().nullish(),
	caption: z.string().trim().nullish(),
} );
const modelAnswer = z.object( {
	featured: imageText.nullish(),
	in_article: z.array( imageText ).max( 50 ).nullish(),
} );

function clean( t: z.infer< typeof imageText > ): ImageText {
	return {
		prompt: clip( t.prompt, ARTICLE_LIMITS.imagePrompt ),
		alt: clip( t.alt ?? '', ARTICLE_LIMITS.imageAlt ),
		caption: t.caption
			? clip( t.caption, ARTICLE_LIMITS.imageCaption )
			: null,
	};
}

/**
 * The body with image blocks inserted: each after the H2 heading block of its position (the first H2 for
 * image 1, …), or at the end when there are fewer headings.
 */
export function placeInBody(
	body: string,
	inserts: readonly { position: number; block: string }[]
): string {
	if ( ! inserts.length ) return body;
	const ends = [
		...body.matchAll( /<!-- wp:heading -->[\s\S]*?<!-- \/wp:heading -->/g ),
	].map( ( m ) => m.index + m[ 0 ].length );
	const at = new Map< number, string[] >();
	for ( const insert of [ ...inserts ].sort(
		( a, b ) => a.position - b.position
	) ) {
		const anchor = ends[ insert.position - 1 ] ?? body.length;
		at.set( anchor, [ ...( at.get( anchor ) ?? [] ), insert.block ] );
	}
	let out = body;
	for ( const anchor of [ ...at.keys() ].sort( ( a, b ) => b - a ) ) {
		const blocks = at.get( anchor )!.join( '\n\n' );
		const before = out.slice( 0, anchor );
		out = `${ before }${ before.trim() ? '\n\n' : '' }${ blocks }${ out.slice( anchor ) }`;
	}
	return out;
}

/** The body's H2 headings, in order: where in-article images are meant to go. */
function headings( body: string ): string[] {
	return [ ...body.matchAll( /<h2[^>]*>([\s\S]*?)<\/h2>/g ) ]
		.map( ( m ) => markupText( m[ 1 ]! ).trim() )
		.filter( Boolean );
}

export const generateImagePromptsAi: AiFunctionDef< Payload, State, Parsed > = {
	name: 'generate_image_prompts',
	operation: 'generate_image_prompts',

	async price( db, principal, payload ) {
		const site = await db.query.sites.findFirst( {
			where: eq( sites.id, payload.site_id ),
		} );
		if ( ! site || ! canSeeSite( principal, site ) ) throw notFound();
		const row = await db
			.select( { id: content.id } )
			.from( content )
			.where(
				and(
					eq( content.id, payload.content_id ),
					eq( content.siteId, site.id ),
					eq( content.accountId, site.accountId )
				)
			)
			.get();
		if ( ! row ) throw notFound( 'No such content on this site' );
		return { units: 1, siteId: site.id };
	},

	async prepare( _env, db, job, payload ) {
		const item = await db.query.content.findFirst( {
			where: and(
				eq( content.id, payload.content_id ),
				eq( content.siteId, payload.site_id )
			),
		} );
		if ( ! item )
			throw new AppError(
				'not_found',
				'The content of this job no longer exists'
			);
		const [ site, sector, task ] = await Promise.all( [
			db.query.sites.findFirst( {
				where: eq( sites.id, item.siteId ),
			} ),
			db.query.sectors.findFirst( {
				where: eq( sectors.id, item.sectorId ),
			} ),
			item.taskId
				? db.query.tasks.findFirst( {
						where: eq( tasks.id, item.taskId ),
					} )
				: undefined,
		] );
		const existing = await db
			.select( {
				id: images.id,
				kind: images.kind,
				position: images.position,
				status: images.status,
				prompt: images.prompt,
				alt: images.alt,
			} )
			.from( images )
			.where( eq( images.contentId, item.id ) )
			.orderBy( asc( images.position ), asc( images.id ) );
		const placeholders = existing.filter(
			( i ) => i.kind === 'in_article'
		);
		const inArticle =
			payload.in_article ?? ( placeholders.length || DEFAULT_IN_ARTICLE );
		const voice = await voiceFor( db, item.accountId, {
			profileId: task?.authorProfileId,
			sectorId: item.sectorId,
		} );
		const sections = headings( item.body );
		const placements = Array.from( { length: inArticle }, ( _, i ) => {
			const had = placeholders.find( ( p ) => p.position === i + 1 );
			const near = sections[ i ] ?? sections.at( -1 );
			const what = had?.alt || had?.prompt;
			return `${ i + 1 }. ${ near ? `the section "${ near }"` : 'the body' }${ what ? ` (now: ${ what })` : '' }`;
		} );
		const template = await promptFor(
			db,
			job.accountId,
			'generate_image_prompts'
		);
		const summary =
			item.metaDescription?.trim() ||
			clip( markupText( item.body ), SUMMARY_CHARS ) ||
			item.title;
		return {
			system: 'You are a photo editor for a web publication. Answer only with the JSON object asked for.',
			batches: [
				{
					prompt: fill( template, {
						site: site?.name ?? '',
						sector: sector?.name ?? '',
						title: item.title,
						summary,
						language: voice.language,
						tone: voice.tone,
						style: voice.style,
						in_article: inArticle,
						placements: placements.join( '\n' ) || '(none)',
					} ),
					refs: { content_id: item.id },
				},
			],
			state: {
				origin: payload.origin ?? null,
				body: item.body,
				revisionHash: item.revisionHash,
				accountId: item.accountId,
				siteId: item.siteId,
				sectorId: item.sectorId,
				contentId: item.id,
				inArticle,
				existing: existing.map( ( i ) => ( {
					id: i.id,
					kind: i.kind,
					position: i.position,
					status: i.status,
				} ) ),
			},
		};
	},

	parse( json, _batch, state ) {
		const answer = modelAnswer.safeParse( json );
		if ( ! answer.success )
			throw new MalformedOutput(
				`The model's answer does not have the expected shape: ${ answer.error.issues[ 0 ]?.message ?? 'invalid' }`
			);
		const featured = answer.data.featured
			? clean( answer.data.featured )
			: null;
		const inArticle = ( answer.data.in_article ?? [] )
			.slice( 0, state.inArticle )
			.map( clean );
		if ( ! featured && ! inArticle.length )
			throw new MalformedOutput( 'The model proposed no image prompts' );
		return { featured, inArticle };
	},

	async save( _db, _job, parsed, state, guard: SQL ) {
		const { featured, inArticle } = parsed[ 0 ]!;
		const wanted = [
			...( featured
				? [ { kind: 'featured' as const, position: 0, ...featured } ]
				: [] ),
			...inArticle.map( ( t, i ) => ( {
				kind: 'in_article' as const,
				position: i + 1,
				...t,
			} ) ),
		];
		const statements: SQL[] = [];
		const fresh: unknown[][] = [];
		let updated = 0;
		for ( const w of wanted ) {
			const had = state.existing.find(
				( e ) => e.kind === w.kind && e.position === w.position
			);
			if ( ! had ) {
				fresh.push( [
					crypto.randomUUID(),
					w.kind,
					w.position,
					w.prompt,
					w.alt,
					w.caption,
				] );
				continue;
			}
			if ( had.status !== 'pending' ) continue;
			updated += 1;
			statements.push( sql`UPDATE ${ images }
          SET prompt = ${ w.prompt }, alt = ${ w.alt }, caption = ${ w.caption },
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
          WHERE id = ${ had.id } AND status = 'pending' AND ${ guard }` );
		}
		// New in-article images go into the body where they belong, if the body is as the job found it.
		let placed = 0;
		const newInArticle = wanted.filter(
			( w ) =>
				w.kind === 'in_article' &&
				! state.existing.some(
					( e ) =>
						e.kind === 'in_article' && e.position === w.position
				)
		);
		if ( state.origin && newInArticle.length ) {
			const inserts = newInArticle.map( ( w ) => ( {
				position: w.position,
				block: sectionsToBlocks(
					[
						{
							type: 'image',
							ref: 'img-1',
							prompt: w.prompt,
							alt: w.alt,
							caption: w.caption,
						},
					],
					{
						'img-1': {
							url: imageFileUrl(
								state.origin!,
								String(
									fresh.find(
										( f ) =>
											f[ 1 ] === 'in_article' &&
											f[ 2 ] === w.position
									)![ 0 ]
								)
							),
						},
					}
				),
			} ) );
			const next = placeInBody( state.body, inserts );
			if (
				next !== state.body &&
				! validateBlockMarkup( next ).problems.length
			) {
				placed = inserts.length;
				statements.push( sql`UPDATE ${ content }
            SET body = ${ next }, word_count = ${ wordCount( next ) }, revision_hash = ${ await revisionHash( next ) },
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
            WHERE id = ${ state.contentId } AND revision_hash = ${ state.revisionHash } AND ${ guard }` );
			}
		}
		if ( fresh.length )
			statements.push( sql`INSERT INTO ${ images } (account_id, site_id, sector_id, content_id, ref, kind,
            position, prompt, alt, caption, status)
          SELECT ${ state.accountId }, ${ state.siteId }, ${ state.sectorId }, ${ state.contentId },
            json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
            json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), 'pending'
          FROM json_each(${ JSON.stringify( fresh ) })
          WHERE EXISTS (SELECT 1 FROM ${ content } WHERE id = ${ state.contentId }) AND ${ guard }` );
		return {
			statements,
			produced: 1,
			result: {
				content_id: state.contentId,
				featured: Boolean( featured ),
				in_article: inArticle.length,
				updated,
				created: fresh.length,
				/** New in-article images put into the body (0 when it changed while the job ran). */
				placed_in_body: placed,
			},
		};
	},
};
