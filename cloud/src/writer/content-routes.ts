// /api/v1/writer/content: list (without bodies), add by hand, get (with the body), change, delete, and
// generate image prompts.
import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { listLinks } from '../lib/keyset';
import { content as contentTable } from '../db/schema';
import type { Content, Sector, Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import * as content from './content';
import { assertOnSite, startEach, startedMessage } from './generation';
import { contentOut, contentSummaryOut } from './serialize';
import { publicOrigin } from './image-files';
import { queueEditOfPublished } from '../publisher/records';

export const contentRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'writer' ];
const res = ( c: Context< AppBindings > ) => c.get( 'resources' );

handle(
	contentRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/content',
		operationId: 'listContent',
		tags: TAGS,
		summary:
			'Content of a site without bodies (filters: sector, status, source, task, search), keyset (cursor) or page paging',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.contentListQuery },
		response: schemas.contentSummary,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const r = await content.listContent(
			c.get( 'db' ),
			res( c ).site as Site,
			q
		);
		return list( c, r.rows.map( contentSummaryOut ), listLinks( c, r ) );
	}
);

handle(
	contentRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/content',
		operationId: 'createContent',
		tags: TAGS,
		summary:
			"Add content by hand (an existing article); counts against the plan's max_content_per_month (422)",
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.contentCreateBody ) },
		response: schemas.content,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			contentOut(
				await content.createContent(
					c.get( 'db' ),
					res( c ).site as Site,
					res( c ).sector as Sector,
					c.req.valid( 'json' )
				)
			),
			201
		)
);

handle(
	contentRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/content/generate_image_prompts',
		operationId: 'generateImagePrompts',
		tags: TAGS,
		summary:
			'Write prompts, alt text and captions for the featured and in-article images of content pieces: ' +
			'one job per piece (1 credit each). Answers 202 with the jobs and the pieces not started',
		access: { rule: 'credits_spend', site: 'body' },
		request: { body: body( schemas.generateImagePromptsBody ) },
		response: schemas.generationStarted,
		status: 202,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		const site = res( c ).site as Site;
		const db = c.get( 'db' );
		await assertOnSite( db, site, 'content', 'content_ids', b.content_ids );
		const started = await startEach(
			c.env,
			db,
			c.get( 'principal' ),
			'generate_image_prompts',
			b.content_ids,
			( id ) => ( {
				site_id: site.id,
				content_id: id,
				...( b.in_article !== undefined && {
					in_article: b.in_article,
				} ),
			} ),
			// New in-article images point at the Worker's own address, never one a caller gives.
			{ origin: publicOrigin( c.req ) }
		);
		return ok( c, started, 202, startedMessage( started ) );
	}
);

handle(
	contentRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/content/{id}',
		operationId: 'getContent',
		tags: TAGS,
		summary: 'One piece of content with its body',
		access: { rule: 'content_read', params: { id: 'content' } },
		request: { params: idParams },
		response: schemas.content,
	} ),
	( c ) => ok( c, contentOut( res( c ).id as Content ) )
);

handle(
	contentRoutes,
	defineRoute( {
		method: 'patch',
		path: '/writer/content/{id}',
		operationId: 'updateContent',
		tags: TAGS,
		summary:
			'Change title, meta, body (word count and revision hash follow) or status (draft ↔ review ↔ approved; ' +
			'approving completes its task; published only by publishing, 409 otherwise). An edit of published ' +
			'content in sync goes to WordPress as an update',
		access: { rule: 'content_write', params: { id: 'content' } },
		request: { params: idParams, body: body( schemas.contentUpdateBody ) },
		response: schemas.content,
	} ),
	async ( c ) => {
		const db = c.get( 'db' );
		const before = res( c ).id as Content;
		const after = await content.updateContent(
			db,
			before,
			c.req.valid( 'json' )
		);
		// An edit of published content goes to WordPress as an update (the content is then pending).
		const update = await queueEditOfPublished( c.env, db, before, after );
		const shown = update
			? await db.query.content.findFirst( {
					where: eq( contentTable.id, after.id ),
				} )
			: after;
		return ok( c, contentOut( shown ?? after ) );
	}
);

handle(
	contentRoutes,
	defineRoute( {
		method: 'delete',
		path: '/writer/content/{id}',
		operationId: 'deleteContent',
		tags: TAGS,
		summary:
			'Delete content with its images and their stored files (409 while an image is being generated)',
		access: { rule: 'content_write', params: { id: 'content' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await content.deleteContent(
			c.get( 'db' ),
			c.env.MEDIA,
			res( c ).id as Content
		);
		return ok( c, {}, 200, 'Content deleted' );
	}
);
