// /api/v1/writer/images: list (e.g. of one content), get, change prompt and text, delete with the file,
// generate; and the image bytes through short-lived signed URLs (no sign-in: the signature decides).
import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { createJob } from '../ai/engine';
import { jobOut } from '../ai/serialize';
import { images as imageTable } from '../db/schema';
import { list, ok } from '../lib/envelope';
import { forbidden, notFound } from '../lib/errors';
import { listLinks } from '../lib/keyset';
import type { Image, Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { checkImageSignature, publicOrigin, signedUrls } from './image-files';
import * as images from './images';
import { imageOut } from './serialize';

export const imageRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'writer' ];
const res = ( c: Context< AppBindings > ) => c.get( 'resources' );

/** Images as the API shows them, each stored one with a fresh signed URL. */
async function out( c: Context< AppBindings >, rows: Image[] ) {
	const urls = await signedUrls( c.env, publicOrigin( c.req ), rows );
	return rows.map( ( r ) => imageOut( r, urls.get( r.id ) ) );
}
const one = async ( c: Context< AppBindings >, row: Image ) =>
	( await out( c, [ row ] ) )[ 0 ]!;

handle(
	imageRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/images',
		operationId: 'listImages',
		tags: TAGS,
		summary:
			'Images of a site (filters: sector, content, kind, status), by position unless ordered otherwise',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.imageListQuery },
		response: schemas.image,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const r = await images.listImages(
			c.get( 'db' ),
			res( c ).site as Site,
			q
		);
		return list( c, await out( c, r.rows ), listLinks( c, r ) );
	}
);

handle(
	imageRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/images/{id}',
		operationId: 'getImage',
		tags: TAGS,
		summary: 'One image',
		access: { rule: 'content_read', params: { id: 'image' } },
		request: { params: idParams },
		response: schemas.image,
	} ),
	async ( c ) => ok( c, await one( c, res( c ).id as Image ) )
);

handle(
	imageRoutes,
	defineRoute( {
		method: 'patch',
		path: '/writer/images/{id}',
		operationId: 'updateImage',
		tags: TAGS,
		summary:
			'Change the prompt, alt text, caption or position (409 while it is being generated)',
		access: { rule: 'content_write', params: { id: 'image' } },
		request: { params: idParams, body: body( schemas.imageUpdateBody ) },
		response: schemas.image,
	} ),
	async ( c ) =>
		ok(
			c,
			await one(
				c,
				await images.updateImage(
					c.get( 'db' ),
					res( c ).id as Image,
					c.req.valid( 'json' )
				)
			)
		)
);

handle(
	imageRoutes,
	defineRoute( {
		method: 'delete',
		path: '/writer/images/{id}',
		operationId: 'deleteImage',
		tags: TAGS,
		summary:
			'Delete an image and its stored file (409 while it is being generated)',
		access: { rule: 'content_write', params: { id: 'image' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await images.deleteImage(
			c.get( 'db' ),
			c.env.MEDIA,
			res( c ).id as Image
		);
		return ok( c, {}, 200, 'Image deleted' );
	}
);

handle(
	imageRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/images/generate',
		operationId: 'generateImages',
		tags: TAGS,
		summary:
			'Make images from their prompts: the given ones, or every pending or failed image of one content ' +
			'(1 credit per image made; 402 when short, 409 while one of them is being generated); answers 202 with the job',
		access: { rule: 'credits_spend', site: 'body' },
		request: { body: body( schemas.generateImagesPayload ) },
		response: schemas.job,
		status: 202,
	} ),
	async ( c ) =>
		ok(
			c,
			jobOut(
				await createJob(
					c.env,
					c.get( 'db' ),
					c.get( 'principal' ),
					'generate_images',
					c.req.valid( 'json' )
				)
			),
			202
		)
);

/** Image types served as themselves; anything else is a download. */
const IMAGE_TYPES = /^image\/(?:png|jpeg|webp|gif|avif)$/;

handle(
	imageRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/images/file/{ref}',
		operationId: 'getImageFile',
		tags: TAGS,
		summary:
			"An image's bytes through its signed URL (an image's `url`, valid 15 minutes): no sign-in, " +
			'403 when the signature is missing, altered or expired, 404 when the image is gone',
		access: { rule: 'public', signedUrl: true },
		request: {
			params: z.object( { ref: z.string() } ),
			query: z.object( {
				exp: z.string().optional(),
				sig: z.string().optional(),
			} ),
		},
		binary: 'image/*',
	} ),
	async ( c ) => {
		const { ref } = c.req.valid( 'param' );
		const { exp, sig } = c.req.valid( 'query' );
		// The signature first: without one, whether an image exists is nobody's business.
		const check = await checkImageSignature( c.env, ref, exp, sig );
		if ( ! check.ok ) throw forbidden( check.why );
		const row = await c
			.get( 'db' )
			.select( { r2Key: imageTable.r2Key } )
			.from( imageTable )
			.where( eq( imageTable.ref, ref ) )
			.get();
		const object = row?.r2Key ? await c.env.MEDIA.get( row.r2Key ) : null;
		if ( ! object ) throw notFound( 'No such image' );
		const type = object.httpMetadata?.contentType ?? '';
		const image = IMAGE_TYPES.test( type );
		return new Response( object.body, {
			headers: {
				'content-type': image ? type : 'application/octet-stream',
				'content-length': String( object.size ),
				'cache-control': `private, max-age=${ check.remaining }`,
				etag: object.httpEtag,
				'x-content-type-options': 'nosniff',
				'content-security-policy':
					"default-src 'none'; sandbox; frame-ancestors 'none'",
				...( image ? {} : { 'content-disposition': 'attachment' } ),
			},
		} );
	}
);
