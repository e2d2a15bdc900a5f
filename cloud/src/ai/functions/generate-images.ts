// generate_images: the images themselves, from their prompts, one provider call each (no chat call: the
// function runs its own AI_CALL). Claimed images are `generating` while the job runs; each ends generated
// (its bytes in R2) or failed (its error), and only images made are charged. Bytes a job stored and then
// could not save are deleted; a regenerated image's old bytes go once the new ones are saved.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { schemas } from '@igny8/shared';
import { content, images, sites } from '../../db/schema';
import { AppError, conflict, notFound, validation } from '../../lib/errors';
import { jsonIds } from '../../lib/keyset';
import { canSeeSite } from '../../lib/principal';
import { generateImage } from '../images';
import { fill, promptFor } from '../prompts';
import type { AiFunctionDef, RunOutput } from '../types';
import { voiceFor } from '../voice';

type Payload = z.infer< typeof schemas.generateImagesPayload > & {
	/** Set at creation: the images the job claimed. */
	claimed_ids?: number[];
};
interface Target {
	id: number;
	/** Bytes stored before (a regeneration): deleted once the new ones are saved. */
	oldKey: string | null;
}
interface State {
	targets: Target[];
	/** Where the bytes are (old ones are deleted from it after the save). */
	media: R2Bucket;
}
type Made =
	| {
			ok: true;
			key: string;
			provider: 'openai' | 'runware';
			model: string;
	  }
	| { ok: false; error: string };
type Parsed = Made & { id: number };

const claimedIds = ( payload: Payload ) =>
	( payload.claimed_ids ?? [] ).filter( ( id ) =>
		Number.isSafeInteger( id )
	);

const beingGenerated = () =>
	conflict(
		'Some of these images are being generated; wait until they finish',
		{ image_ids: [ 'generating' ] }
	);

export const generateImagesAi: AiFunctionDef< Payload, State, Parsed > = {
	name: 'generate_images',
	operation: 'generate_images',
	provider: 'image',

	async price( db, principal, payload ) {
		const site = await db.query.sites.findFirst( {
			where: eq( sites.id, payload.site_id ),
		} );
		if ( ! site || ! canSeeSite( principal, site ) ) throw notFound();
		const onSite = and(
			eq( images.siteId, site.id ),
			eq( images.accountId, site.accountId )
		);
		let rows;
		if ( payload.content_id !== undefined ) {
			const item = await db
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
			if ( ! item ) throw notFound( 'No such content on this site' );
			rows = (
				await db
					.select()
					.from( images )
					.where( and( onSite, eq( images.contentId, item.id ) ) )
			).filter(
				( i ) =>
					i.status === 'generating' ||
					( ( i.status === 'pending' || i.status === 'failed' ) &&
						i.prompt.trim() )
			);
		} else {
			const ids = [ ...new Set( payload.image_ids ?? [] ) ];
			rows = await db
				.select()
				.from( images )
				.where(
					and( onSite, sql`${ images.id } IN ${ jsonIds( ids ) }` )
				);
			const known = new Set( rows.map( ( r ) => r.id ) );
			const missing = ids.filter( ( id ) => ! known.has( id ) );
			if ( missing.length )
				throw validation( 'Some images are not on this site', {
					image_ids: [ `not found: ${ missing.join( ', ' ) }` ],
				} );
			const promptless = rows.filter( ( r ) => ! r.prompt.trim() );
			if ( promptless.length )
				throw validation(
					'Some images have no prompt yet: generate image prompts first',
					{
						image_ids: [
							`no prompt: ${ promptless.map( ( r ) => r.id ).join( ', ' ) }`,
						],
					}
				);
		}
		if ( rows.some( ( r ) => r.status === 'generating' ) )
			throw beingGenerated();
		if ( ! rows.length )
			throw new AppError(
				'unprocessable',
				'This content has no pending or failed images with prompts to generate'
			);
		const ids = rows.map( ( r ) => r.id );
		return {
			units: ids.length,
			siteId: site.id,
			payload: { claimed_ids: ids },
			// All of them or none: not one may be taken by another job meanwhile.
			claim: ( covered ) =>
				sql`UPDATE ${ images } SET status = 'generating', error = NULL,
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
          WHERE id IN ${ jsonIds( ids ) } AND account_id = ${ site.accountId }
            AND NOT EXISTS (SELECT 1 FROM ${ images } g
              WHERE g.id IN ${ jsonIds( ids ) } AND g.status = 'generating')
            AND ${ covered }`,
			claimConflict: beingGenerated,
		};
	},

	async prepare( env, db, job, payload ) {
		const ids = claimedIds( payload );
		const rows = ids.length
			? await db
					.select( {
						id: images.id,
						kind: images.kind,
						prompt: images.prompt,
						r2Key: images.r2Key,
						status: images.status,
						title: content.title,
						contentAccountId: content.accountId,
						sectorId: content.sectorId,
						taskProfileId: sql<
							number | null
						>`(SELECT author_profile_id FROM tasks
              WHERE tasks.id = ${ content.taskId })`,
					} )
					.from( images )
					.innerJoin( content, eq( content.id, images.contentId ) )
					.where(
						and(
							inArray( images.id, ids ),
							eq( images.status, 'generating' )
						)
					)
			: [];
		if ( ! rows.length )
			throw new AppError(
				'not_found',
				'The images of this job no longer exist'
			);
		const template = await promptFor(
			db,
			job.accountId,
			'generate_images'
		);
		const batches = [];
		for ( const r of rows ) {
			const voice = await voiceFor( db, r.contentAccountId, {
				profileId: r.taskProfileId,
				sectorId: r.sectorId,
			} );
			batches.push( {
				prompt: fill( template, {
					prompt: r.prompt,
					title: r.title,
					kind: r.kind === 'featured' ? 'featured' : 'in-article',
					language: voice.language,
					tone: voice.tone,
				} ),
				refs: { id: r.id },
			} );
		}
		return {
			system: '',
			batches,
			state: {
				targets: rows.map( ( r ) => ( { id: r.id, oldKey: r.r2Key } ) ),
				media: env.MEDIA,
			},
		};
	},

	async run( ctx, prepared ): Promise< RunOutput > {
		const total = prepared.batches.length;
		const answers: Made[] = [];
		const stored: string[] = [];
		const discard = async () => {
			if ( stored.length ) await ctx.env.MEDIA.delete( stored );
		};
		let cost = 0;
		let model: string | null = null;
		try {
			for ( const [ i, batch ] of prepared.batches.entries() ) {
				await ctx.report(
					i,
					total,
					`Making image ${ i + 1 } of ${ total }`,
					{ kind: 'request', detail: batch.prompt }
				);
				try {
					const made = await generateImage(
						ctx.env,
						ctx.db,
						ctx.job.accountId,
						{ prompt: batch.prompt }
					);
					stored.push( made.key );
					cost += made.costUsd;
					model = made.model;
					answers.push( {
						ok: true,
						key: made.key,
						provider: made.provider,
						model: made.model,
					} );
					await ctx.report(
						i + 1,
						total,
						`Image ${ i + 1 } of ${ total } made`,
						{
							kind: 'response',
							detail: `${ made.provider } ${ made.model }: ${ made.bytes } bytes, ${ made.contentType }`,
						}
					);
				} catch ( err ) {
					// A provider's refusal fails this image only; anything else fails the delivery.
					if ( ! ( err instanceof AppError ) ) throw err;
					answers.push( { ok: false, error: err.message } );
					await ctx.report(
						i + 1,
						total,
						`Image ${ i + 1 } of ${ total } failed`,
						{ kind: 'error', detail: err.message }
					);
				}
			}
		} catch ( err ) {
			await discard().catch( () => {} );
			throw err;
		}
		if ( ! stored.length ) {
			const first = answers.find( ( a ) => ! a.ok );
			throw new AppError(
				'upstream',
				`No image was made${ first && ! first.ok ? `: ${ first.error }` : '' }`
			);
		}
		return {
			answers,
			model,
			tokensIn: 0,
			tokensOut: 0,
			costUsd: Math.round( cost * 1e6 ) / 1e6,
			discard,
		};
	},

	parse( made, batch ) {
		return { ...( made as Made ), id: batch.refs.id as number };
	},

	save( _db, _job, parsed, state, guard: SQL ) {
		const statements: SQL[] = parsed.map( ( p ) =>
			p.ok
				? sql`UPDATE ${ images }
            SET status = 'generated', r2_key = ${ p.key }, provider = ${ p.provider }, model = ${ p.model },
              error = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
            WHERE id = ${ p.id } AND status = 'generating' AND ${ guard }`
				: sql`UPDATE ${ images }
            SET status = CASE WHEN r2_key IS NULL THEN 'failed' ELSE 'generated' END, error = ${ p.error },
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
            WHERE id = ${ p.id } AND status = 'generating' AND ${ guard }`
		);
		const made = parsed.filter( ( p ) => p.ok );
		const replaced = state.targets
			.filter( ( t ) => t.oldKey && made.some( ( m ) => m.id === t.id ) )
			.map( ( t ) => t.oldKey! );
		return Promise.resolve( {
			statements,
			produced: made.length,
			result: {
				generated: made.length,
				failed: parsed.length - made.length,
				image_ids: made.map( ( m ) => m.id ),
			},
			committed: async () => {
				if ( replaced.length ) await state.media.delete( replaced );
			},
		} );
	},

	ended( job, state, why, guard ) {
		const ids = claimedIds( job.payload as Payload );
		if ( ! ids.length ) return [];
		return [
			sql`UPDATE ${ images }
          SET status = CASE WHEN r2_key IS NOT NULL THEN 'generated'
              WHEN ${ state } = 'failed' THEN 'failed' ELSE 'pending' END,
            error = ${ state === 'failed' ? why : null },
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
          WHERE id IN ${ jsonIds( ids ) } AND status = 'generating' AND ${ guard }`,
		];
	},
};
