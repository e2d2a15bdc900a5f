// Assignment to representatives through a prefix-filtered inverted index: only sets sharing one of their rarest
// tokens are ever compared, and each candidate must pass the size and positional filters first. Exact for J ≥ θ.
import { canReach, similarity, SLACK, type TokenSet } from './sets';

// A posting packs a target index with the token's position in the target; a later position (never seen in
// practice) is clamped, which only loosens the filter.
const POSITIONS = 1 << 16;

export class LeaderIndex {
	private readonly postings = new Map< number, number[] >();
	private readonly targets: TokenSet[] = [];
	private readonly lastProbe: number[] = [];
	private probes = 0;

	constructor(
		private readonly threshold: number,
		private readonly weights: Float64Array
	) {}

	/** Adds a target; returns its index. */
	add( set: TokenSet ): number {
		const index = this.targets.length;
		this.targets.push( set );
		this.lastProbe.push( -1 );
		for ( let p = 0; p < set.prefix; p++ ) {
			const token = set.tokens[ p ]!;
			const entry = index * POSITIONS + Math.min( p, POSITIONS - 1 );
			const list = this.postings.get( token );
			if ( list ) list.push( entry );
			else this.postings.set( token, [ entry ] );
		}
		return index;
	}

	/** The most similar target with J ≥ θ (ties: the one added first), or -1. */
	best( set: TokenSet ): number {
		const probe = this.probes++;
		let best = -1;
		let bestScore = -1;
		for ( let p = 0; p < set.prefix; p++ ) {
			for ( const entry of this.postings.get( set.tokens[ p ]! ) ?? [] ) {
				const index = Math.floor( entry / POSITIONS );
				// The first time a target turns up is at the first token both share.
				if ( this.lastProbe[ index ] === probe ) continue;
				this.lastProbe[ index ] = probe;
				const target = this.targets[ index ]!;
				if (
					! canReach(
						set,
						p,
						target,
						entry % POSITIONS,
						this.threshold
					)
				)
					continue;
				const score = similarity( set, target, this.weights );
				if (
					score >= this.threshold - SLACK &&
					( score > bestScore ||
						( score === bestScore && index < best ) )
				) {
					best = index;
					bestScore = score;
				}
			}
		}
		return best;
	}
}

/**
 * Leader clustering: in the given order, each set joins the most similar earlier leader or becomes a leader.
 * Every member is close to its leader, so clusters do not chain (A~B, B~C, A≁C).
 */
export function leaderClusters< T extends { set: TokenSet } >(
	ordered: readonly T[],
	threshold: number,
	weights: Float64Array
): T[][] {
	const index = new LeaderIndex( threshold, weights );
	const byLeader: T[][] = [];
	const groups: T[][] = [];
	for ( const item of ordered ) {
		if ( item.set.tokens.length === 0 ) {
			groups.push( [ item ] ); // nothing to compare: a group of its own, kept out of the index
			continue;
		}
		const leader = index.best( item.set );
		if ( leader >= 0 ) {
			byLeader[ leader ]!.push( item );
			continue;
		}
		const group = [ item ];
		byLeader[ index.add( item.set ) ] = group;
		groups.push( group );
	}
	return groups;
}
