// A prompt's named placeholders (`{keywords}`…) as they are written in its text.

/**
 * `keywords` or `{keywords}` as `{keywords}`.
 *
 * @param name The placeholder, with or without braces.
 */
export function placeholderToken( name: string ): string {
	const bare = name.trim().replace( /^\{+|\}+$/g, '' );
	return `{${ bare }}`;
}
