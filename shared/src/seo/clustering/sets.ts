// Weighted token sets and the one similarity the clustering uses: IDF-weighted Jaccard.
// Token ids are ranks by rarity, so a set's ascending ids start with its rarest tokens.

export interface TokenSet {
	tokens: Int32Array;
	/** Σ of the tokens' weights. */
	weight: number;
	/** How many leading (rarest) tokens any set with J ≥ θ must share one of: the prefix filter. */
	prefix: number;
	/** suffix[i]: the weight of tokens i… (suffix[0] = weight), for the positional filter. */
	suffix: Float64Array;
}

/** Compared with this slack (and prefixes cut conservatively), float rounding never loses a pair. */
export const SLACK = 1e-12;

export function tokenSet(
	tokens: Int32Array,
	weights: Float64Array,
	threshold: number
): TokenSet {
	const suffix = new Float64Array( tokens.length + 1 );
	let weight = 0;
	for ( const t of tokens ) weight += weights[ t ]!;
	suffix[ 0 ] = weight;
	for ( let i = 0; i < tokens.length; i++ )
		suffix[ i + 1 ] = suffix[ i ]! - weights[ tokens[ i ]! ]!;
	// Drop the common tail while it alone could still reach θ·weight.
	const bound = threshold * weight * ( 1 - 1e-9 );
	let prefix = 0;
	while ( prefix < tokens.length && suffix[ prefix ]! >= bound ) prefix++;
	return { tokens, weight, prefix, suffix };
}

/** IDF-weighted Jaccard: Σ w(shared) / Σ w(either). */
export function similarity(
	a: TokenSet,
	b: TokenSet,
	weights: Float64Array
): number {
	const x = a.tokens;
	const y = b.tokens;
	let i = 0;
	let j = 0;
	let shared = 0;
	while ( i < x.length && j < y.length ) {
		const s = x[ i ]!;
		const t = y[ j ]!;
		if ( s === t ) {
			shared += weights[ s ]!;
			i++;
			j++;
		} else if ( s < t ) i++;
		else j++;
	}
	const union = a.weight + b.weight - shared;
	return union > 0 ? shared / union : 0;
}

/**
 * Whether two sets whose first shared token sits at position p in a and q in b can still reach J ≥ θ:
 * the size filter (J ≤ lighter / heavier) and the PPJoin positional filter (overlap ≤ what follows on either side).
 */
export function canReach(
	a: TokenSet,
	p: number,
	b: TokenSet,
	q: number,
	threshold: number
): boolean {
	const bound = threshold - SLACK;
	if (
		Math.min( a.weight, b.weight ) <
		bound * Math.max( a.weight, b.weight )
	)
		return false;
	const reachable = Math.min(
		a.suffix[ p ]!,
		b.suffix[ Math.min( q, b.tokens.length ) ]!
	);
	return (
		reachable * ( 1 + 1e-9 ) >=
		( bound / ( 1 + bound ) ) * ( a.weight + b.weight )
	);
}

/**
 * How central each set is in a group: its weighted Jaccard with the group's average member (the fuzzy set where
 * each token counts by the share of members holding it), in O(tokens).
 */
export function centralities<
	T extends { set: TokenSet; members: readonly unknown[] },
>( group: readonly T[], weights: Float64Array ): Map< T, number > {
	const counts = new Map< number, number >();
	let members = 0;
	for ( const item of group ) {
		members += item.members.length;
		for ( const t of item.set.tokens )
			counts.set( t, ( counts.get( t ) ?? 0 ) + item.members.length );
	}
	let total = 0;
	for ( const t of [ ...counts.keys() ].sort( ( a, b ) => a - b ) )
		total += ( weights[ t ]! * counts.get( t )! ) / members;
	const scores = new Map< T, number >();
	for ( const item of group ) {
		let shared = 0;
		for ( const t of item.set.tokens )
			shared += ( weights[ t ]! * counts.get( t )! ) / members;
		const union = item.set.weight + total - shared;
		scores.set( item, union > 0 ? shared / union : 0 );
	}
	return scores;
}
