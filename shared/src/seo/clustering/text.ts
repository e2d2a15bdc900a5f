// Text folding for keywords: what two spellings of the same search have in common before any statistics.

/** Dedupe form: NFKC, lowercase, trimmed, single spaces. Kept close to the text a user typed. */
export function normalizeKeyword( text: string ): string {
	// Lowercasing can leave text that NFKC changes again (and the reverse), so run to a fixed point.
	let current = text;
	for ( let i = 0; i < 4; i++ ) {
		const next = current
			.normalize( 'NFKC' )
			.toLowerCase()
			.replace( /\s+/gu, ' ' )
			.trim();
		if ( next === current ) break;
		current = next;
	}
	return current;
}

const COMBINING_MARKS = /\p{M}+/gu;
// ' ’ ‘ ʼ ` : a trailing possessive "'s" goes, any other apostrophe joins its neighbours ("don't" → "dont").
const POSSESSIVE = /(\p{L})['’‘ʼ`]s(?![\p{L}\p{N}])/gu;
const APOSTROPHE = /(\p{L})['’‘ʼ`](?=\p{L})/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Words of a keyword with case, accents, possessives and punctuation folded away, in their original order. */
export function foldedWords( text: string ): string[] {
	const folded = text
		.normalize( 'NFKD' )
		.toLowerCase()
		.normalize( 'NFKD' ) // lowercasing can compose again ("İ" → "i̇")
		.replace( COMBINING_MARKS, '' )
		.replace( POSSESSIVE, '$1' )
		.replace( APOSTROPHE, '$1' );
	return folded.split( SEPARATORS ).filter( ( word ) => word.length > 0 );
}

export function isNumeric( word: string ): boolean {
	return /^\p{N}+$/u.test( word );
}

/** Within one edit (insert, delete, substitute, swap adjacent). */
export function withinOneEdit( a: string, b: string ): boolean {
	if ( a === b ) return true;
	const la = a.length;
	const lb = b.length;
	if ( Math.abs( la - lb ) > 1 ) return false;
	let i = 0;
	while ( i < la && i < lb && a[ i ] === b[ i ] ) i++;
	if ( la === lb ) {
		if ( a.slice( i + 1 ) === b.slice( i + 1 ) ) return true; // substitution
		return (
			a[ i ] === b[ i + 1 ] &&
			a[ i + 1 ] === b[ i ] &&
			a.slice( i + 2 ) === b.slice( i + 2 )
		); // swap
	}
	return la > lb
		? a.slice( i + 1 ) === b.slice( i )
		: a.slice( i ) === b.slice( i + 1 );
}
