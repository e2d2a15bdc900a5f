// What the Writer derives from a body of block markup: its word count and its revision hash.
import { sha256Hex } from '@igny8/shared';

const ENTITY_SPACE = /&(?:nbsp|#160|#x0*a0|ensp|emsp|thinsp);/gi;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Words of the text a reader sees: block comments, tags, scripts and styles left out, entities read as
 * one character. A small local copy: the word count of `shared/src/blocks/` replaces it once that lands,
 * so the editor sidebar and the cloud count alike.
 */
export function countWords( markup: string ): number {
	const text = markup
		.replace( /<!--[\s\S]*?-->/g, ' ' )
		.replace( /<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ' )
		.replace( /<[^>]*>/g, ' ' )
		.replace( ENTITY_SPACE, ' ' )
		.replace( /&[#a-z0-9]+;/gi, '' );
	let n = 0;
	for ( const token of text.split( /\s+/ ) ) if ( WORD.test( token ) ) n++;
	return n;
}

/** The revision the sync compares: hex SHA-256 of the body exactly as stored. */
export function revisionHash( markup: string ): Promise< string > {
	return sha256Hex( markup );
}
