// /api/v1/writer/images: list (e.g. of one content), get, change prompt and text, delete with the file.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { listLinks } from '../lib/keyset';
import type { Image, Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import * as images from './images';
import { imageOut } from './serialize';

export const imageRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'writer' ];
const res = ( c: Context< AppBindings > ) => c.get( 'resources' );

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
		return list( c, r.rows.map( imageOut ), listLinks( c, r ) );
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
	( c ) => ok( c, imageOut( res( c ).id as Image ) )
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
			imageOut(
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
