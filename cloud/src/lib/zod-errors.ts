import type { ZodError } from 'zod';

/**
 * Zod issues as `{ field: [messages] }`, with dotted paths (`rows.3.keyword`); `_` for the body itself.
 * Field names come from the request (`__proto__`, `constructor`…), so the map has no prototype.
 */
export function fieldErrors( error: ZodError ): Record< string, string[] > {
	const out: Record< string, string[] > = Object.create( null ) as Record<
		string,
		string[]
	>;
	for ( const issue of error.issues ) {
		if ( issue.code === 'unrecognized_keys' ) {
			for ( const key of issue.keys )
				( out[ [ ...issue.path, key ].join( '.' ) ] ??= [] ).push(
					'unknown field'
				);
			continue;
		}
		const field = issue.path.length ? issue.path.join( '.' ) : '_';
		( out[ field ] ??= [] ).push( issue.message );
	}
	return out;
}
