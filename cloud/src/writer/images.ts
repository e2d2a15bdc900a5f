// Images of content (featured or in-article): listed, their prompt and text edited, deleted with their
// bytes in R2. Generation makes and fills them; serving the bytes is the signed file route's.
import { and, count, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { schemas } from '@igny8/shared';
import type { Db } from '../db';
import { images } from '../db/schema';
import { conflict } from '../lib/errors';
import type { Image, Site } from '../lib/resources';
import { pageQuery, type OrderColumn, type PageParams } from './paging';

type ImageUpdate = z.infer< typeof schemas.imageUpdateBody >;
type ImageFilters = Omit< z.infer< typeof schemas.imageListQuery >, 'site_id' >;

const ORDER: Record< string, OrderColumn< Image > > = {
	position: {
		column: images.position,
		nullable: false,
		value: ( i ) => i.position,
	},
	created_at: { column: images.id, nullable: false, value: ( i ) => i.id },
	id: { column: images.id, nullable: false, value: ( i ) => i.id },
};

export async function listImages(
	db: Db,
	site: Site,
	f: ImageFilters & PageParams
) {
	const where = and(
		eq( images.accountId, site.accountId ),
		eq( images.siteId, site.id ),
		f.sector_id ? eq( images.sectorId, f.sector_id ) : undefined,
		f.content_id ? eq( images.contentId, f.content_id ) : undefined,
		f.kind ? eq( images.kind, f.kind ) : undefined,
		f.status ? eq( images.status, f.status ) : undefined
	);
	const p = pageQuery( f, ORDER, images.id, 'position' );
	const [ rows, [ total ] ] = await Promise.all( [
		db
			.select()
			.from( images )
			.where( and( where, p.after ) )
			.orderBy( ...p.order )
			.limit( p.limit )
			.offset( p.offset ),
		db.select( { n: count() } ).from( images ).where( where ),
	] );
	return p.result( rows, total?.n ?? 0 );
}

const beingGenerated = () =>
	conflict( 'This image is being generated; wait until it finishes', {
		status: [ 'generating' ],
	} );

export async function updateImage( db: Db, image: Image, input: ImageUpdate ) {
	if ( image.status === 'generating' ) throw beingGenerated();
	const [ row ] = await db
		.update( images )
		.set( {
			...( input.prompt !== undefined && { prompt: input.prompt } ),
			...( input.alt !== undefined && { alt: input.alt } ),
			...( input.caption !== undefined && { caption: input.caption } ),
			...( input.position !== undefined && {
				position: input.position,
			} ),
			updatedAt: new Date().toISOString(),
		} )
		.where(
			and( eq( images.id, image.id ), ne( images.status, 'generating' ) )
		)
		.returning();
	if ( ! row ) throw beingGenerated();
	return row;
}

/** Deletes an image and its stored bytes (R2 first, so a retry after a failure finds what is left). */
export async function deleteImage( db: Db, media: R2Bucket, image: Image ) {
	if ( image.status === 'generating' ) throw beingGenerated();
	if ( image.r2Key ) await media.delete( image.r2Key );
	await db
		.delete( images )
		.where(
			and( eq( images.id, image.id ), ne( images.status, 'generating' ) )
		);
}
