// auto_cluster with AI: the algorithmic pass first (free, fast), then the model names the clusters, merges
// near-duplicates and places leftovers, in batches so a sector of thousands of keywords works.
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import { clusterKeywords, schemas } from '@igny8/shared';
import { AppError, notFound } from '../../lib/errors';
import { canSeeSite } from '../../lib/principal';
import { clusteringInput, clusterStatements } from '../../planner/auto-cluster';
import { fill, promptFor } from '../prompts';
import { guidanceFor, voiceFor } from '../voice';
import { MalformedOutput } from '../providers';
import type { AiFunctionDef, Batch } from '../types';

type Payload = z.infer< typeof schemas.autoClusterPayload >;
/** A batch item: an algorithmic cluster (c…) or a loose keyword (k…). */
type Item = { ref: string; keywordIds: number[]; name: string };
interface State {
	siteId: number;
	sectorId: number;
	considered: number;
	extended: { clusterId: number; keywordIds: number[] }[];
}
type Parsed = {
	clusters: {
		name: string;
		description: string | null;
		keywordIds: number[];
	}[];
	leftovers: Item[];
};

/** Items per model call: IGNY8 sent 20 keywords a call; a call here carries up to 60 clusters or keywords. */
export const ITEMS_PER_BATCH = 60;

const modelAnswer = z.object( {
	clusters: z
		.array(
			z.object( {
				name: z.string().trim().min( 1 ).max( 200 ),
				description: z.string().max( 1000 ).nullish(),
				members: z.array( z.string() ).min( 1 ),
			} )
		)
		.max( 500 ),
} );

async function placement(
	db: Parameters< AiFunctionDef[ 'price' ] >[ 0 ],
	siteId: number,
	sectorId: number
) {
	const site = await db.query.sites.findFirst( {
		where: ( s, { eq } ) => eq( s.id, siteId ),
	} );
	const sector = await db.query.sectors.findFirst( {
		where: ( s, { eq } ) => eq( s.id, sectorId ),
	} );
	return { site, sector };
}

export const autoClusterAi: AiFunctionDef< Payload, State, Parsed > = {
	name: 'auto_cluster',
	operation: 'auto_cluster',

	async price( db, principal, payload ) {
		const { site, sector } = await placement(
			db,
			payload.site_id,
			payload.sector_id
		);
		if (
			! site ||
			! canSeeSite( principal, site ) ||
			! sector ||
			sector.siteId !== site.id
		)
			throw notFound();
		const { candidates } = await clusteringInput(
			db,
			site,
			sector.id,
			payload.keyword_ids
		);
		if ( candidates.length === 0 )
			throw new AppError(
				'unprocessable',
				'There are no unclustered keywords in this sector to cluster'
			);
		return { units: candidates.length, siteId: site.id };
	},

	async prepare( _env, db, job, payload ) {
		const { site, sector } = await placement(
			db,
			payload.site_id,
			payload.sector_id
		);
		if ( ! site || ! sector )
			throw new AppError(
				'not_found',
				'The site or sector of this job no longer exists'
			);
		const { candidates, existing } = await clusteringInput(
			db,
			site,
			sector.id,
			payload.keyword_ids
		);
		const first = clusterKeywords( candidates, { existing } );
		const byId = new Map( candidates.map( ( k ) => [ k.id, k ] ) );
		const items: Item[] = [
			...first.clusters.map( ( c, i ) => ( {
				ref: `c${ i + 1 }`,
				keywordIds: c.keywordIds,
				name: c.name,
			} ) ),
			...first.unclustered.map( ( id ) => ( {
				ref: `k${ id }`,
				keywordIds: [ id ],
				name: byId.get( id )!.keyword,
			} ) ),
		];
		const template = await promptFor( db, job.accountId, 'auto_cluster' );
		// Cluster names are read by people: in the language the sector's content is written in.
		const voice = await voiceFor( db, site.accountId, {
			sectorId: sector.id,
		} );
		const guidance = await guidanceFor( db, sector.id );
		const batches: Batch[] = [];
		for ( let i = 0; i < items.length; i += ITEMS_PER_BATCH ) {
			const slice = items.slice( i, i + ITEMS_PER_BATCH );
			const lines = slice.map( ( it ) =>
				it.ref.startsWith( 'c' )
					? `${ it.ref }: ${ it.keywordIds
							.slice( 0, 8 )
							.map( ( id ) => byId.get( id )!.keyword )
							.join( ' | ' ) }`
					: `${ it.ref }: ${ it.name }`
			);
			batches.push( {
				prompt: fill( template, {
					site: site.name,
					sector: sector.name,
					language: voice.language,
					tone: voice.tone,
					guidance,
					items: lines.join( '\n' ),
				} ),
				refs: Object.fromEntries(
					slice.map( ( it ) => [ it.ref, it ] )
				),
			} );
		}
		return {
			system: 'You are an SEO strategist. Answer only with the JSON object asked for.',
			batches,
			state: {
				siteId: site.id,
				sectorId: sector.id,
				considered: candidates.length,
				extended: first.extended,
			},
		};
	},

	parse( json, batch ) {
		const answer = modelAnswer.safeParse( json );
		if ( ! answer.success )
			throw new MalformedOutput(
				`The model's answer does not have the expected shape: ${ answer.error.issues[ 0 ]?.message ?? 'invalid' }`
			);
		const refs = batch.refs as Record< string, Item >;
		const used = new Set< string >();
		const clusters: Parsed[ 'clusters' ] = [];
		for ( const c of answer.data.clusters ) {
			const members = c.members.filter(
				( m ) => refs[ m ] && ! used.has( m )
			);
			members.forEach( ( m ) => used.add( m ) );
			const keywordIds = members.flatMap(
				( m ) => refs[ m ]!.keywordIds
			);
			// A cluster needs two keywords; a lone loose keyword stays loose.
			if ( keywordIds.length >= 2 )
				clusters.push( {
					name: c.name,
					description: c.description ?? null,
					keywordIds,
				} );
			else members.forEach( ( m ) => used.delete( m ) );
		}
		// Algorithmic clusters the model left out keep their algorithmic name.
		const leftovers = Object.values( refs ).filter(
			( it ) => ! used.has( it.ref )
		);
		for ( const it of leftovers )
			if ( it.ref.startsWith( 'c' ) )
				clusters.push( {
					name: it.name,
					description: null,
					keywordIds: it.keywordIds,
				} );
		return {
			clusters,
			leftovers: leftovers.filter( ( it ) => it.ref.startsWith( 'k' ) ),
		};
	},

	async save( db, job, parsed, state, guard: SQL ) {
		const site = await db.query.sites.findFirst( {
			where: ( s, { eq } ) => eq( s.id, state.siteId ),
		} );
		if ( ! site )
			throw new AppError(
				'not_found',
				'The site of this job no longer exists'
			);
		const created = parsed.flatMap( ( p ) => p.clusters );
		const statements = await clusterStatements(
			db,
			site,
			state.sectorId,
			created,
			state.extended,
			'ai',
			guard
		);
		const clustered =
			created.reduce( ( s, c ) => s + c.keywordIds.length, 0 ) +
			state.extended.reduce( ( s, e ) => s + e.keywordIds.length, 0 );
		return {
			statements,
			produced: state.considered,
			result: {
				keywords_considered: state.considered,
				clusters_created: created.length,
				clusters_extended: state.extended.filter(
					( e ) => e.keywordIds.length
				).length,
				keywords_clustered: clustered,
				unclustered: state.considered - clustered,
				cluster_names: created.slice( 0, 50 ).map( ( c ) => c.name ),
			},
		};
	},
};
