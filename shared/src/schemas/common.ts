import { z } from 'zod';

export const id = z.coerce.number().int().positive();
export const idParam = z.object( { id: z.coerce.number().int().positive() } );
export const slug = z
	.string()
	.trim()
	.min( 1 )
	.max( 80 )
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'lowercase letters, digits and single dashes'
	);
export const name = z.string().trim().min( 1, 'required' ).max( 120 );
export const email = z
	.string()
	.trim()
	.toLowerCase()
	.max( 254 )
	.pipe( z.email( 'a valid email address' ) );
export const timestamp = z.string();

export const listQuery = z.object( {
	page_size: z.coerce.number().int().min( 1 ).max( 200 ).optional(),
	cursor: z.string().max( 200 ).optional(),
	page: z.coerce.number().int().min( 1 ).optional(),
	ordering: z.string().max( 40 ).optional(),
} );

export function slugify( value: string ): string {
	return (
		value
			.normalize( 'NFKD' )
			.replace( /[\u0300-\u036f]/g, '' )
			.toLowerCase()
			.replace( /[^a-z0-9]+/g, '-' )
			.replace( /^-+|-+$/g, '' )
			.slice( 0, 80 ) || 'item'
	);
}
