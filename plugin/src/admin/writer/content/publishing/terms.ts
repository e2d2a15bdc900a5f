// Categories and tags as the publish dialog takes them: names typed or picked, as the cloud's publishBody
// takes them (pure; see test/terms.test.ts).
import { decodeEntities } from '@igny8/shared/blocks/escape';
import type { WpTermName } from '../../../../api/wp';
import { TERM_NAME_MAX } from '../../../publishing/common/constants';

/** A token of FormTokenField: typed text, or an object with its value. */
export type Token = string | { value: string };

const key = ( name: string ) => name.toLocaleLowerCase();

/**
 * The names of the tokens: trimmed, none empty, none past the contract's length, each once (WordPress
 * matches term names without regard to case).
 *
 * @param tokens What the field holds.
 * @param max    The most names kept.
 */
export function cleanTerms( tokens: readonly Token[], max: number ): string[] {
	const seen = new Set< string >();
	const names: string[] = [];
	for ( const token of tokens ) {
		const name = ( typeof token === 'string' ? token : token.value )
			.replace( /\s+/g, ' ' )
			.trim()
			.slice( 0, TERM_NAME_MAX );
		if ( name && ! seen.has( key( name ) ) && names.length < max ) {
			seen.add( key( name ) );
			names.push( name );
		}
	}
	return names;
}

/**
 * Whether two lists hold the same names, whatever their order and case.
 *
 * @param a One list.
 * @param b The other.
 */
export function sameTerms( a: readonly string[], b: readonly string[] ) {
	const left = new Set( a.map( key ) );
	const right = new Set( b.map( key ) );
	return (
		left.size === right.size && [ ...left ].every( ( k ) => right.has( k ) )
	);
}

/**
 * Names as a reader sees them: WordPress's REST API gives term names as stored (`&amp;` for "&").
 *
 * @param terms Terms from `/wp/v2/categories` or `/wp/v2/tags`.
 */
export function termNames( terms: readonly WpTermName[] ): string[] {
	return terms.map( ( term ) => decodeEntities( term.name ) );
}

/**
 * Suggestions merged: known ones first, then new ones, each once.
 *
 * @param known What the field suggested so far.
 * @param more  Names just found.
 */
export function mergeNames(
	known: readonly string[],
	more: readonly string[]
): string[] {
	const seen = new Set( known.map( key ) );
	const merged = [ ...known ];
	for ( const name of more ) {
		if ( ! seen.has( key( name ) ) ) {
			seen.add( key( name ) );
			merged.push( name );
		}
	}
	return merged;
}
