// Intent modifiers: the words that make two otherwise equal keywords different searches
// ("best running shoes" ≠ "running shoes price" ≠ "how to clean running shoes").
import { isNumeric, withinOneEdit } from './text';

export type IntentModifier =
	| 'best'
	| 'compare'
	| 'how'
	| 'what'
	| 'why'
	| 'when'
	| 'where'
	| 'who'
	| 'which'
	| 'price'
	| 'review'
	| 'local'
	| 'buy'
	| 'deal'
	| 'free'
	| 'beginner'
	| 'year'
	| 'alternative'
	| 'login'
	| 'download'
	| 'without'
	| 'used';

/** Phrases over folded words (apostrophes already joined: "what's" → "whats"). Longest match wins. */
const PHRASES: [ string, IntentModifier ][] = [
	[ 'best', 'best' ],
	[ 'top rated', 'best' ],
	[ 'highest rated', 'best' ],
	[ 'vs', 'compare' ],
	[ 'versus', 'compare' ],
	[ 'compare', 'compare' ],
	[ 'compared', 'compare' ],
	[ 'comparison', 'compare' ],
	[ 'difference between', 'compare' ],
	[ 'differences between', 'compare' ],
	[ 'how', 'how' ],
	[ 'howto', 'how' ],
	[ 'what', 'what' ],
	[ 'whats', 'what' ],
	[ 'define', 'what' ],
	[ 'definition', 'what' ],
	[ 'meaning', 'what' ],
	[ 'why', 'why' ],
	[ 'when', 'when' ],
	[ 'where', 'where' ],
	[ 'who', 'who' ],
	[ 'whos', 'who' ],
	[ 'which', 'which' ],
	[ 'price', 'price' ],
	[ 'prices', 'price' ],
	[ 'pricing', 'price' ],
	[ 'priced', 'price' ],
	[ 'cost', 'price' ],
	[ 'costs', 'price' ],
	[ 'cheap', 'price' ],
	[ 'cheaper', 'price' ],
	[ 'cheapest', 'price' ],
	[ 'affordable', 'price' ],
	[ 'inexpensive', 'price' ],
	[ 'how much', 'price' ],
	[ 'review', 'review' ],
	[ 'reviews', 'review' ],
	[ 'reviewed', 'review' ],
	[ 'rating', 'review' ],
	[ 'ratings', 'review' ],
	[ 'near me', 'local' ],
	[ 'near', 'local' ],
	[ 'nearby', 'local' ],
	[ 'close to me', 'local' ],
	[ 'buy', 'buy' ],
	[ 'buying', 'buy' ],
	[ 'purchase', 'buy' ],
	[ 'for sale', 'buy' ],
	[ 'where to buy', 'buy' ],
	[ 'where can i buy', 'buy' ],
	[ 'deal', 'deal' ],
	[ 'deals', 'deal' ],
	[ 'discount', 'deal' ],
	[ 'discounts', 'deal' ],
	[ 'coupon', 'deal' ],
	[ 'coupons', 'deal' ],
	[ 'promo', 'deal' ],
	[ 'promo code', 'deal' ],
	[ 'voucher', 'deal' ],
	[ 'sale', 'deal' ],
	[ 'free', 'free' ],
	[ 'beginner', 'beginner' ],
	[ 'beginners', 'beginner' ],
	[ 'for beginners', 'beginner' ],
	[ 'for beginner', 'beginner' ],
	[ 'for dummies', 'beginner' ],
	[ 'basics', 'beginner' ],
	[ 'alternative', 'alternative' ],
	[ 'alternatives', 'alternative' ],
	[ 'alternative to', 'alternative' ],
	[ 'alternatives to', 'alternative' ],
	[ 'similar to', 'alternative' ],
	[ 'login', 'login' ],
	[ 'log in', 'login' ],
	[ 'sign in', 'login' ],
	[ 'signin', 'login' ],
	[ 'download', 'download' ],
	[ 'downloads', 'download' ],
	[ 'without', 'without' ],
	[ 'no', 'without' ],
	[ 'used', 'used' ],
	[ 'second hand', 'used' ],
	[ 'secondhand', 'used' ],
	[ 'pre owned', 'used' ],
	[ 'preowned', 'used' ],
	[ 'refurbished', 'used' ],
];

const BY_FIRST_WORD = new Map<
	string,
	{ words: string[]; modifier: IntentModifier }[]
>();
for ( const [ phrase, modifier ] of PHRASES ) {
	const words = phrase.split( ' ' );
	const first = words[ 0 ]!;
	const list = BY_FIRST_WORD.get( first ) ?? [];
	list.push( { words, modifier } );
	list.sort( ( a, b ) => b.words.length - a.words.length );
	BY_FIRST_WORD.set( first, list );
}

// Long modifier words a typo should not hide ("reivews", "bgeinners"). Words with a real neighbour one edit away
// ("rating"/"racing", "nearby"/"nearly", "versus"/"verses") are left out.
const TYPO_TOLERANT: [ string, IntentModifier ][] = [
	[ 'review', 'review' ],
	[ 'reviews', 'review' ],
	[ 'cheapest', 'price' ],
	[ 'compare', 'compare' ],
	[ 'comparison', 'compare' ],
	[ 'beginner', 'beginner' ],
	[ 'beginners', 'beginner' ],
	[ 'discount', 'deal' ],
	[ 'discounts', 'deal' ],
	[ 'coupons', 'deal' ],
	[ 'alternative', 'alternative' ],
	[ 'alternatives', 'alternative' ],
	[ 'download', 'download' ],
	[ 'purchase', 'buy' ],
	[ 'definition', 'what' ],
];

function misspeltModifier( word: string ): IntentModifier | undefined {
	if ( word.length < 6 || ! /^[a-z]+$/.test( word ) ) return undefined;
	for ( const [ spelling, modifier ] of TYPO_TOLERANT ) {
		if ( spelling[ 0 ] === word[ 0 ] && withinOneEdit( word, spelling ) )
			return modifier;
	}
	return undefined;
}

function isYear( word: string ): boolean {
	if ( word.length !== 4 || ! isNumeric( word ) ) return false;
	const year = Number( word );
	return year >= 1990 && year <= 2039;
}

export interface IntentSplit {
	/** Sorted, unique: the intent signature two keywords must share to be grouped. */
	modifiers: IntentModifier[];
	/** The words left once modifiers are taken out, in order. */
	rest: string[];
}

export function splitIntent( words: readonly string[] ): IntentSplit {
	const found = new Set< IntentModifier >();
	const rest: string[] = [];
	for ( let i = 0; i < words.length; ) {
		const word = words[ i ]!;
		const next = words[ i + 1 ];
		if ( isYear( word ) ) {
			found.add( 'year' );
			i += 1;
			continue;
		}
		// "top" is a ranking only up front or before a number ("top 10 …"), not in "tank top".
		if (
			word === 'top' &&
			( i === 0 || ( next !== undefined && isNumeric( next ) ) )
		) {
			found.add( 'best' );
			i += 1;
			continue;
		}
		// "under 100" / "below 50": a price ceiling; the amount goes with it.
		if (
			( word === 'under' || word === 'below' ) &&
			next !== undefined &&
			isNumeric( next )
		) {
			found.add( 'price' );
			i += 2;
			continue;
		}
		const match = BY_FIRST_WORD.get( word )?.find( ( p ) =>
			p.words.every( ( w, k ) => words[ i + k ] === w )
		);
		if ( match ) {
			found.add( match.modifier );
			i += match.words.length;
			continue;
		}
		const misspelt = misspeltModifier( word );
		if ( misspelt ) {
			found.add( misspelt );
			i += 1;
			continue;
		}
		rest.push( word );
		i += 1;
	}
	// "best laptop to buy" is "best laptop"; "buy laptop online" is "buy laptop".
	if ( found.has( 'best' ) ) found.delete( 'buy' );
	const transactional =
		found.has( 'buy' ) || found.has( 'deal' ) || found.has( 'price' );
	return {
		modifiers: [ ...found ].sort(),
		rest: transactional ? rest.filter( ( w ) => w !== 'online' ) : rest,
	};
}
