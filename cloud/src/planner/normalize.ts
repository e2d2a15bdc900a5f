// The dedupe key of a keyword: duplicates within a sector are the same text up to case, width and whitespace.
export function keywordKey( text: string ): string {
	return text.normalize( 'NFKC' ).toLowerCase().trim().replace( /\s+/g, ' ' );
}

/** Escapes LIKE wildcards; D1 refuses LIKE patterns over 50 bytes, so search terms are cut to 40 characters. */
export function likeContains( term: string ): string {
	const cut = keywordKey( term ).slice( 0, 40 );
	return `%${ cut.replace( /[\\%_]/g, ( m ) => `\\${ m }` ) }%`;
}
