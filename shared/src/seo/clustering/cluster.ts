// Keyword clustering, the whole pass: analyse every keyword, measure rarity over the run and the existing
// clusters, extend existing clusters first, then cluster the rest by intent signature with leader clustering
// in priority order (volume, centrality, shortest, alphabetical).
import { analyseKeyword } from './analyse';
import { leaderClusters, LeaderIndex } from './leaders';
import { centralities, tokenSet, type TokenSet } from './sets';
import { foldedWords } from './text';
import type {
	ClusterKeyword,
	ClusteringOptions,
	ClusteringResult,
	ExistingCluster,
	NewCluster,
} from './types';
import { buildVocabulary } from './vocabulary';

export const DEFAULT_CLUSTER_THRESHOLD = 0.8;
export const DEFAULT_MIN_CLUSTER_SIZE = 2;
const MIN_THRESHOLD = 0.01;

interface Member {
	id: number;
	text: string;
	volume: number;
}

/** Keywords that analyse to the same modifiers and tokens: always in the same cluster. */
interface Variant {
	key: string;
	signature: string;
	set: TokenSet;
	members: Member[];
	best: Member;
}

const compareText = ( a: string, b: string ): number =>
	a < b ? -1 : a > b ? 1 : 0;
const byNumber = ( a: number, b: number ): number => a - b;

/** Highest volume, then shortest, then alphabetical, then lowest id. */
function compareMembers( a: Member, b: Member ): number {
	return (
		b.volume - a.volume ||
		a.text.length - b.text.length ||
		compareText( a.text, b.text ) ||
		a.id - b.id
	);
}

function cleanVolume( volume: number | null | undefined ): number {
	return typeof volume === 'number' && Number.isFinite( volume ) && volume > 0
		? volume
		: 0;
}

function clampOptions( options: ClusteringOptions ): {
	threshold: number;
	minClusterSize: number;
} {
	const { threshold, minClusterSize } = options;
	return {
		threshold: Number.isFinite( threshold )
			? Math.min( 1, Math.max( MIN_THRESHOLD, threshold! ) )
			: DEFAULT_CLUSTER_THRESHOLD,
		minClusterSize: Number.isFinite( minClusterSize )
			? Math.max( 1, Math.floor( minClusterSize! ) )
			: DEFAULT_MIN_CLUSTER_SIZE,
	};
}

/**
 * Same key, same search. Keywords with no content words (only modifiers, or nothing) are the same search only
 * when their folded text is; a keyword with nothing left at all is never grouped.
 */
function keyOf(
	signature: string,
	tokens: Int32Array,
	text: string
): string | undefined {
	if ( tokens.length > 0 ) return `${ signature }|${ tokens.join( ',' ) }`;
	return signature
		? `${ signature }|=${ foldedWords( text ).join( ' ' ) }`
		: undefined;
}

/** Input keywords minus those already in an existing cluster, by id; a repeated id keeps its first entry by text. */
function uniqueInput(
	keywords: readonly ClusterKeyword[],
	taken: ReadonlySet< number >
): Member[] {
	const byId = new Map< number, Member >();
	for ( const k of keywords ) {
		if ( taken.has( k.id ) ) continue;
		const member = {
			id: k.id,
			text: k.keyword,
			volume: cleanVolume( k.volume ),
		};
		const seen = byId.get( k.id );
		if (
			! seen ||
			compareText( member.text, seen.text ) < 0 ||
			( member.text === seen.text && member.volume > seen.volume )
		) {
			byId.set( k.id, member );
		}
	}
	return [ ...byId.values() ].sort( ( a, b ) => a.id - b.id );
}

/** Existing members by ascending cluster id then keyword id: on equal footing, the lowest cluster id wins. */
function existingMembers(
	existing: readonly ExistingCluster[]
): { clusterId: number; id: number; text: string }[] {
	return [ ...existing ]
		.sort( ( a, b ) => a.id - b.id )
		.flatMap( ( c ) =>
			[ ...c.keywords ]
				.sort(
					( a, b ) =>
						a.id - b.id || compareText( a.keyword, b.keyword )
				)
				.map( ( k ) => ( {
					clusterId: c.id,
					id: k.id,
					text: k.keyword,
				} ) )
		);
}

function byPriority(
	group: readonly Variant[],
	weights: Float64Array
): Variant[] {
	const score = centralities( group, weights );
	return [ ...group ].sort(
		( a, b ) =>
			b.best.volume - a.best.volume ||
			score.get( b )! - score.get( a )! ||
			compareMembers( a.best, b.best )
	);
}

function groupBy< T >(
	items: readonly T[],
	key: ( item: T ) => string
): Map< string, T[] > {
	const out = new Map< string, T[] >();
	for ( const item of items ) {
		const k = key( item );
		const list = out.get( k );
		if ( list ) list.push( item );
		else out.set( k, [ item ] );
	}
	return out;
}

export function clusterKeywords(
	keywords: ClusterKeyword[],
	options: ClusteringOptions = {}
): ClusteringResult {
	const { threshold, minClusterSize } = clampOptions( options );
	const anchors = existingMembers( options.existing ?? [] );
	const input = uniqueInput(
		keywords,
		new Set( anchors.map( ( a ) => a.id ) )
	);

	// Rarity is measured over everything the sector holds: this run's keywords and the existing clusters' (once each).
	const documents = new Map< number, string >(
		input.map( ( m ) => [ m.id, m.text ] )
	);
	for ( const a of anchors )
		if ( ! documents.has( a.id ) ) documents.set( a.id, a.text );
	const ids = [ ...documents.keys() ];
	const analyses = ids.map( ( id ) =>
		analyseKeyword( documents.get( id )! )
	);
	const vocabulary = buildVocabulary( analyses.map( ( a ) => a.words ) );
	const { weights } = vocabulary;
	const docOf = new Map( ids.map( ( id, i ) => [ id, i ] ) );
	const analysed = ( id: number, text: string ) => {
		const i = docOf.get( id )!;
		const signature = analyses[ i ]!.modifiers.join( ' ' );
		const tokens = vocabulary.docs[ i ]!;
		return { signature, tokens, key: keyOf( signature, tokens, text ) };
	};

	const variants = new Map< string, Variant >();
	for ( const member of input ) {
		const analysis = analysed( member.id, member.text );
		const { signature, tokens } = analysis;
		const key = analysis.key ?? `#${ member.id }`;
		const variant = variants.get( key );
		if ( ! variant ) {
			variants.set( key, {
				key,
				signature,
				set: tokenSet( tokens, weights, threshold ),
				members: [ member ],
				best: member,
			} );
		} else {
			variant.members.push( member );
			if ( compareMembers( member, variant.best ) < 0 )
				variant.best = member;
		}
	}

	// Existing clusters first: a keyword close to one of their members extends it instead of starting a duplicate.
	const anchorByKey = new Map< string, number >();
	const anchorIndexes = new Map<
		string,
		{ index: LeaderIndex; clusterIds: number[] }
	>();
	for ( const anchor of anchors ) {
		const { signature, tokens, key } = analysed( anchor.id, anchor.text );
		if ( key === undefined || anchorByKey.has( key ) ) continue;
		anchorByKey.set( key, anchor.clusterId );
		if ( tokens.length === 0 ) continue;
		let entry = anchorIndexes.get( signature );
		if ( ! entry )
			anchorIndexes.set(
				signature,
				( entry = {
					index: new LeaderIndex( threshold, weights ),
					clusterIds: [],
				} )
			);
		entry.clusterIds[
			entry.index.add( tokenSet( tokens, weights, threshold ) )
		] = anchor.clusterId;
	}
	const extended = new Map< number, number[] >();
	const open: Variant[] = [];
	for ( const variant of variants.values() ) {
		let clusterId = anchorByKey.get( variant.key );
		const entry = anchorIndexes.get( variant.signature );
		if ( clusterId === undefined && entry && variant.set.tokens.length > 0 )
			clusterId = entry.clusterIds[ entry.index.best( variant.set ) ];
		if ( clusterId === undefined ) {
			open.push( variant );
			continue;
		}
		const list = extended.get( clusterId ) ?? [];
		list.push( ...variant.members.map( ( m ) => m.id ) );
		extended.set( clusterId, list );
	}

	// Intent modifiers split searches: each signature is clustered on its own.
	const clusters: ( NewCluster & { volume: number } )[] = [];
	const unclustered: number[] = [];
	for ( const partition of groupBy( open, ( v ) => v.signature ).values() ) {
		for ( const group of leaderClusters(
			byPriority( partition, weights ),
			threshold,
			weights
		) ) {
			const members = group.flatMap( ( v ) => v.members );
			if ( members.length < minClusterSize ) {
				unclustered.push( ...members.map( ( m ) => m.id ) );
				continue;
			}
			const representative = byPriority( group, weights )[ 0 ]!.best;
			clusters.push( {
				name: representative.text,
				representativeId: representative.id,
				keywordIds: members.map( ( m ) => m.id ).sort( byNumber ),
				volume: members.reduce( ( sum, m ) => sum + m.volume, 0 ),
			} );
		}
	}

	clusters.sort(
		( a, b ) =>
			b.volume - a.volume ||
			b.keywordIds.length - a.keywordIds.length ||
			compareText( a.name, b.name ) ||
			a.representativeId - b.representativeId
	);
	return {
		clusters: clusters.map(
			( { name, representativeId, keywordIds } ) => ( {
				name,
				representativeId,
				keywordIds,
			} )
		),
		extended: [ ...extended.entries() ]
			.sort( ( [ a ], [ b ] ) => a - b )
			.map( ( [ clusterId, keywordIds ] ) => ( {
				clusterId,
				keywordIds: keywordIds.sort( byNumber ),
			} ) ),
		unclustered: unclustered.sort( byNumber ),
	};
}
