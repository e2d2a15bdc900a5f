// A prompt's named placeholders (`{keywords}`…): how they are written and which ones a text leaves out.

/** `keywords` or `{keywords}` as `{keywords}`. */
export function placeholderToken( name: string ): string {
	const bare = name.trim().replace( /^\{+|\}+$/g, '' );
	return `{${ bare }}`;
}

/** The placeholders that `text` does not use; the AI would not get that data. */
export function missingPlaceholders( text: string, placeholders: readonly string[] ): string[] {
	return placeholders.map( placeholderToken ).filter( ( token ) => ! text.includes( token ) );
}

/** `{names}` in `text` that the function does not fill: they would reach the AI as they are. */
export function unknownPlaceholders( text: string, placeholders: readonly string[] ): string[] {
	const known = new Set( placeholders.map( placeholderToken ) );
	const found = new Set< string >();
	for ( const match of text.matchAll( /\{([a-z][a-z0-9_]*)\}/gi ) ) {
		if ( ! known.has( match[ 0 ] ) ) {
			found.add( match[ 0 ] );
		}
	}
	return [ ...found ];
}

/** The cloud takes prompts of 20 to 20,000 characters (promptBody). */
export const PROMPT_LENGTH = { min: 20, max: 20_000 } as const;

export function promptLengthOk( text: string ): boolean {
	const length = text.trim().length;
	return length >= PROMPT_LENGTH.min && length <= PROMPT_LENGTH.max;
}
