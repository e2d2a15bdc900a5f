// The set-level half of the analysis: what can only be decided by looking at every keyword of a run at once
// (split compounds, rare typos, token rarity). Deterministic: it depends on the set of words, never on input order.
import { stem } from './stem';
import { isNumeric, withinOneEdit } from './text';

export interface Vocabulary {
	/**
	 * Per document: its token ids, ascending. Ids are ranks by rarity (rarest first), so a prefix is the
	 * rarest tokens.
	 */
	docs: Int32Array[];
	/** IDF weight per token id: ln(1 + N / df). */
	weights: Float64Array;
	tokens: string[];
}

function documentFrequency( docs: readonly string[][] ): Map< string, number > {
	const df = new Map< string, number >();
	for ( const words of docs )
		for ( const word of new Set( words ) )
			df.set( word, ( df.get( word ) ?? 0 ) + 1 );
	return df;
}

/** "t shirt" / "t-shirts" become one word when some keyword of the run spells it as one ("tshirt"). */
function joinCompounds(
	docs: string[][],
	known: ReadonlySet< string >,
	stemOf: ( word: string ) => string
): string[][] {
	return docs.map( ( words ) => {
		if ( words.length < 2 ) return words;
		const out: string[] = [];
		for ( let i = 0; i < words.length; i++ ) {
			const next = words[ i + 1 ];
			const joined =
				next !== undefined &&
				! ( isNumeric( words[ i ]! ) && isNumeric( next ) )
					? words[ i ]! + next
					: undefined;
			if ( joined !== undefined && known.has( stemOf( joined ) ) ) {
				out.push( joined );
				i++;
			} else out.push( words[ i ]! );
		}
		return out;
	} );
}

function deletions( word: string ): string[] {
	const out: string[] = [];
	for ( let i = 0; i < word.length; i++ )
		out.push( word.slice( 0, i ) + word.slice( i + 1 ) );
	return out;
}

const TYPO_MIN_LENGTH = 5;
const TYPO_TARGET_MIN_DF = 3;
const TYPO_DF_RATIO = 10;

/**
 * A rare word one edit away from a word ten times as common, with the same first letter, is taken to be a typo of
 * it ("runing" → "running"). Conservative on purpose: a wrong merge is worse than a missed one.
 */
function typoCorrections(
	df: Map< string, number >,
	stemOf: ( word: string ) => string
): Map< string, string > {
	const isCandidate = ( word: string ) =>
		word.length >= TYPO_MIN_LENGTH - 1 && /^[a-z]+$/.test( word );
	const byDeletion = new Map< string, string[] >();
	for ( const [ word, count ] of df ) {
		if ( count < TYPO_TARGET_MIN_DF || ! isCandidate( word ) ) continue;
		for ( const key of [ word, ...deletions( word ) ] ) {
			const list = byDeletion.get( key );
			if ( list ) list.push( word );
			else byDeletion.set( key, [ word ] );
		}
	}
	const corrections = new Map< string, string >();
	for ( const [ word, count ] of df ) {
		if ( word.length < TYPO_MIN_LENGTH || ! isCandidate( word ) ) continue;
		let best: string | undefined;
		let bestCount = 0;
		for ( const key of [ word, ...deletions( word ) ] ) {
			for ( const target of byDeletion.get( key ) ?? [] ) {
				const targetCount = df.get( target )!;
				if (
					target === word ||
					target[ 0 ] !== word[ 0 ] ||
					targetCount < count * TYPO_DF_RATIO
				)
					continue;
				if (
					stemOf( target ) === stemOf( word ) ||
					! withinOneEdit( word, target )
				)
					continue;
				if (
					targetCount > bestCount ||
					( targetCount === bestCount &&
						best !== undefined &&
						target < best )
				) {
					best = target;
					bestCount = targetCount;
				}
			}
		}
		if ( best !== undefined ) corrections.set( word, best );
	}
	return corrections;
}

function memoized(
	fn: ( word: string ) => string
): ( word: string ) => string {
	const cache = new Map< string, string >();
	return ( word ) => {
		let out = cache.get( word );
		if ( out === undefined ) cache.set( word, ( out = fn( word ) ) );
		return out;
	};
}

export function buildVocabulary(
	contentWords: readonly string[][]
): Vocabulary {
	const stemOf = memoized( stem );
	const known = new Set< string >();
	for ( const words of contentWords )
		for ( const word of words ) known.add( stemOf( word ) );
	const joined = joinCompounds(
		contentWords.map( ( w ) => [ ...w ] ),
		known,
		stemOf
	);
	const corrections = typoCorrections( documentFrequency( joined ), stemOf );
	const tokenOf = memoized( ( word ) =>
		stemOf( corrections.get( word ) ?? word )
	);
	const stemmed = joined.map( ( words ) => [
		...new Set( words.map( tokenOf ) ),
	] );

	const df = documentFrequency( stemmed );
	const tokens = [ ...df.keys() ].sort(
		( a, b ) =>
			df.get( a )! - df.get( b )! || ( a < b ? -1 : a > b ? 1 : 0 )
	);
	const idOf = new Map< string, number >();
	tokens.forEach( ( token, id ) => idOf.set( token, id ) );
	const n = contentWords.length;
	const weights = new Float64Array( tokens.length );
	tokens.forEach( ( token, id ) => {
		weights[ id ] = Math.log( 1 + n / df.get( token )! );
	} );
	const docs = stemmed.map( ( words ) =>
		Int32Array.from( words, ( w ) => idOf.get( w )! ).sort()
	);
	return { docs, weights, tokens };
}
