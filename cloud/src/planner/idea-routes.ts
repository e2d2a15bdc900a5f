// /api/v1/planner/ideas: CRUD and create_tasks.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { pageLinks } from '../lib/paging';
import type { Idea, Sector, Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import * as ideas from './ideas';
import { ideaOut, taskOut } from './serialize';

export const ideaRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'planner' ];
type R = Record< string, unknown >;
const res = ( c: Context< AppBindings > ) => c.get( 'resources' ) as R;

handle(
	ideaRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/ideas',
		operationId: 'listIdeas',
		tags: TAGS,
		summary:
			'Ideas of a site (filters: sector, cluster, status, content type, search)',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.ideaListQuery },
		response: schemas.idea,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const r = await ideas.listIdeas(
			c.get( 'db' ),
			res( c ).site as Site,
			q
		);
		return list(
			c,
			r.rows.map( ideaOut ),
			pageLinks( c, { limit: r.pageSize, page: r.page }, r.count )
		);
	}
);

handle(
	ideaRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/ideas',
		operationId: 'createIdea',
		tags: TAGS,
		summary: 'Add an idea',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.ideaCreateBody ) },
		response: schemas.idea,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			ideaOut(
				await ideas.createIdea(
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
	ideaRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/ideas/create_tasks',
		operationId: 'createTasksFromIdeas',
		tags: TAGS,
		summary:
			'One writer task per idea (an idea becomes a task once); the ideas move to in_progress',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.createTasksBody ) },
		response: schemas.createTasksResult,
		status: 201,
	} ),
	async ( c ) => {
		const r = await ideas.createTasksFromIdeas(
			c.get( 'db' ),
			res( c ).site as Site,
			c.req.valid( 'json' ).idea_ids
		);
		return ok(
			c,
			{ created: r.created, tasks: r.tasks.map( taskOut ) },
			201,
			r.already ? `${ r.already } idea(s) already had a task` : undefined
		);
	}
);

handle(
	ideaRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/ideas/{id}',
		operationId: 'getIdea',
		tags: TAGS,
		summary: 'One idea',
		access: { rule: 'content_read', params: { id: 'idea' } },
		request: { params: idParams },
		response: schemas.idea,
	} ),
	( c ) => ok( c, ideaOut( res( c ).id as Idea ) )
);

handle(
	ideaRoutes,
	defineRoute( {
		method: 'patch',
		path: '/planner/ideas/{id}',
		operationId: 'updateIdea',
		tags: TAGS,
		summary: 'Change an idea (approve: status "approved")',
		access: { rule: 'content_write', params: { id: 'idea' } },
		request: { params: idParams, body: body( schemas.ideaUpdateBody ) },
		response: schemas.idea,
	} ),
	async ( c ) =>
		ok(
			c,
			ideaOut(
				await ideas.updateIdea(
					c.get( 'db' ),
					res( c ).id as Idea,
					c.req.valid( 'json' )
				)
			)
		)
);

handle(
	ideaRoutes,
	defineRoute( {
		method: 'delete',
		path: '/planner/ideas/{id}',
		operationId: 'deleteIdea',
		tags: TAGS,
		summary: 'Delete an idea',
		access: { rule: 'content_write', params: { id: 'idea' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await ideas.deleteIdea( c.get( 'db' ), res( c ).id as Idea );
		return ok( c, {}, 200, 'Idea deleted' );
	}
);
