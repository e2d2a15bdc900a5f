// generate_ideas: article ideas per cluster (title, outline, target keywords, content type), shaped by the
// sector's strategy and the author profile.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CONTENT_TYPES, schemas } from '@igny8/shared';
import { ideas } from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';
import { jsonIds } from '../../lib/keyset';
import { canSeeSite } from '../../lib/principal';
import { fill, promptFor } from '../prompts';
import { guidanceFor, voiceFor } from '../voice';
import { MalformedOutput } from '../providers';
import type { AiFunctionDef, Batch } from '../types';

type Payload = z.infer< typeof schemas.generateIdeasPayload >;
interface ClusterInfo {
	id: number;
	sector_id: number;
	name: string;
	keywords: string[];
}
interface State {
	siteId: number;
	perCluster: number;
}
type Parsed = {
	clusterId: number;
	sectorId: number;
	title: string;
	description: string | null;
	targetKeywords: string[];
	contentType: string;
}[];

export const CLUSTERS_PER_BATCH = 5;

const modelAnswer = z.object( {
	ideas: z
		.array(
			z.object( {
				cluster: z.string(),
				title: z.string().trim().min( 3 ).max( 300 ),
				description: z.string().max( 20_000 ).nullish(),
				target_keywords: z
					.array( z.string().trim().min( 1 ).max( 200 ) )
					.max( 50 )
					.nullish(),
				content_type: z.string().nullish(),
			} )
		)
		.max( 500 ),
} );

async function clustersOf(
	db: Parameters< AiFunctionDef[ 'price' ] >[ 0 ],
	accountId: number,
	siteId: number,
	ids: number[]
) {
	return db.all< { id: number; sector_id: number; name: string } >(
		sql`SELECT id, sector_id, name FROM clusters
			WHERE account_id = ${ accountId } AND site_id = ${ siteId } AND id IN ${ jsonIds( ids ) }
			ORDER BY id`
	);
}

export const generateIdeasAi: AiFunctionDef< Payload, State, Parsed > = {
	name: 'generate_ideas',
	operation: 'generate_ideas',

	async price( db, principal, payload ) {
		const site = await db.query.sites.findFirst( {
			where: ( s, { eq } ) => eq( s.id, payload.site_id ),
		} );
		if ( ! site || ! canSeeSite( principal, site ) ) throw notFound();
		const found = await clustersOf(
			db,
			site.accountId,
			site.id,
			payload.cluster_ids
		);
		if ( found.length !== new Set( payload.cluster_ids ).size ) {
			const known = new Set( found.map( ( c ) => c.id ) );
			throw new AppError(
				'validation',
				'Some clusters are not on this site',
				{
					cluster_ids: [
						`not found: ${ payload.cluster_ids.filter( ( id ) => ! known.has( id ) ).join( ', ' ) }`,
					],
				}
			);
		}
		return {
			units: found.length * payload.ideas_per_cluster,
			siteId: site.id,
		};
	},

	async prepare( _env, db, job, payload ) {
		const site = await db.query.sites.findFirst( {
			where: ( s, { eq } ) => eq( s.id, payload.site_id ),
		} );
		if ( ! site )
			throw new AppError(
				'not_found',
				'The site of this job no longer exists'
			);
		const rows = await clustersOf(
			db,
			job.accountId,
			site.id,
			payload.cluster_ids
		);
		const kw = await db.all< {
			cluster_id: number;
			keyword: string;
		} >( sql`SELECT kc.cluster_id, k.keyword FROM keyword_clusters kc JOIN keywords k ON k.id = kc.keyword_id
      WHERE kc.cluster_id IN ${ jsonIds( rows.map( ( r ) => r.id ) ) } ORDER BY coalesce(k.volume, 0) DESC, k.id` );
		const infos: ClusterInfo[] = rows.map( ( r ) => ( {
			...r,
			keywords: kw
				.filter( ( k ) => k.cluster_id === r.id )
				.slice( 0, 15 )
				.map( ( k ) => k.keyword ),
		} ) );
		const template = await promptFor( db, job.accountId, 'generate_ideas' );
		const batches: Batch[] = [];
		for ( let i = 0; i < infos.length; i += CLUSTERS_PER_BATCH ) {
			const slice = infos.slice( i, i + CLUSTERS_PER_BATCH );
			const sectorId = slice[ 0 ]!.sector_id;
			const sector = await db.get< { name: string } >(
				sql`SELECT name FROM sectors WHERE id = ${ sectorId }`
			);
			const voice = await voiceFor( db, site.accountId, { sectorId } );
			batches.push( {
				prompt: fill( template, {
					site: site.name,
					sector: sector?.name ?? '',
					ideas_per_cluster: payload.ideas_per_cluster,
					language: voice.language,
					tone: voice.tone,
					style: voice.style,
					guidance: await guidanceFor( db, sectorId ),
					clusters: slice
						.map(
							( c ) =>
								`c${ c.id }: ${ c.name } — keywords: ${ c.keywords.join( ', ' ) }`
						)
						.join( '\n' ),
				} ),
				refs: Object.fromEntries(
					slice.map( ( c ) => [ `c${ c.id }`, c ] )
				),
			} );
		}
		return {
			system: 'You are a content strategist. Answer only with the JSON object asked for.',
			batches,
			state: { siteId: site.id, perCluster: payload.ideas_per_cluster },
		};
	},

	parse( json, batch, state ) {
		const answer = modelAnswer.safeParse( json );
		if ( ! answer.success )
			throw new MalformedOutput(
				`The model's answer does not have the expected shape: ${ answer.error.issues[ 0 ]?.message ?? 'invalid' }`
			);
		const refs = batch.refs as Record< string, ClusterInfo >;
		const perCluster = new Map< string, number >();
		const out: Parsed = [];
		for ( const idea of answer.data.ideas ) {
			const cluster = refs[ idea.cluster ];
			if (
				! cluster ||
				( perCluster.get( idea.cluster ) ?? 0 ) >= state.perCluster
			)
				continue;
			perCluster.set(
				idea.cluster,
				( perCluster.get( idea.cluster ) ?? 0 ) + 1
			);
			out.push( {
				clusterId: cluster.id,
				sectorId: cluster.sector_id,
				title: idea.title,
				description: idea.description ?? null,
				targetKeywords: idea.target_keywords?.length
					? idea.target_keywords
					: cluster.keywords.slice( 0, 3 ),
				contentType: ( CONTENT_TYPES as readonly string[] ).includes(
					idea.content_type ?? ''
				)
					? idea.content_type!
					: 'post',
			} );
		}
		if ( out.length === 0 )
			throw new MalformedOutput(
				'The model proposed no usable ideas for these clusters'
			);
		return out;
	},

	save( _db, job, parsed, state, guard: SQL ) {
		const all = parsed.flat();
		const rows = JSON.stringify(
			all.map( ( i ) => [
				i.sectorId,
				i.clusterId,
				i.title,
				i.description,
				JSON.stringify( i.targetKeywords ),
				i.contentType,
			] )
		);
		return Promise.resolve( {
			statements: [
				sql`INSERT INTO ${ ideas }
            (account_id, site_id, sector_id, cluster_id, title, description, target_keywords, content_type, status)
          SELECT ${ job.accountId }, ${ state.siteId },
                 json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                 json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), 'draft'
          FROM json_each(${ rows }) WHERE ${ guard }`,
			],
			produced: all.length,
			result: {
				ideas_created: all.length,
				titles: all.slice( 0, 50 ).map( ( i ) => i.title ),
			},
		} );
	},
};
