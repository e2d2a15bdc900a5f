// /api/v1/writer/tasks: list, create, get, change, delete (one or many), generate their articles.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { listLinks } from '../lib/keyset';
import type { Sector, Site, Task } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { assertOnSite, startEach, startedMessage } from './generation';
import { publicOrigin } from './image-files';
import { writerTaskOut } from './serialize';
import * as tasks from './tasks';

export const taskRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'writer' ];
const res = ( c: Context< AppBindings > ) => c.get( 'resources' );

handle(
	taskRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/tasks',
		operationId: 'listTasks',
		tags: TAGS,
		summary:
			'Writer tasks of a site (filters: sector, status, cluster, idea, content type, author profile, search), keyset (cursor) or page paging',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.writerTaskListQuery },
		response: schemas.writerTask,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const r = await tasks.listTasks(
			c.get( 'db' ),
			res( c ).site as Site,
			q
		);
		return list( c, r.rows.map( writerTaskOut ), listLinks( c, r ) );
	}
);

handle(
	taskRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/tasks',
		operationId: 'createTask',
		tags: TAGS,
		summary:
			'Add a task by hand (with idea_id, the idea moves to in_progress; 409 when it has a task already)',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.writerTaskCreateBody ) },
		response: schemas.writerTask,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			writerTaskOut(
				await tasks.createTask(
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
	taskRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/tasks/bulk_delete',
		operationId: 'bulkDeleteTasks',
		tags: TAGS,
		summary:
			'Delete tasks of a site (tasks being generated stay); their ideas return to approved',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.taskBulkDeleteBody ) },
		response: schemas.taskBulkDeleteResult,
	} ),
	async ( c ) =>
		ok(
			c,
			await tasks.deleteTasks(
				c.get( 'db' ),
				res( c ).site as Site,
				c.req.valid( 'json' ).ids
			)
		)
);

handle(
	taskRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/tasks/generate_content',
		operationId: 'generateContent',
		tags: TAGS,
		summary:
			'Write the articles of tasks: one generate_content job per task (3 credits each, held per job). ' +
			'Answers 202 with the jobs and the tasks not started: after the first 402 the rest ' +
			'(insufficient_credits), a task being generated (conflict), the plan full (plan_limit)',
		access: { rule: 'credits_spend', site: 'body' },
		request: { body: body( schemas.generateContentBody ) },
		response: schemas.generationStarted,
		status: 202,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		const site = res( c ).site as Site;
		const db = c.get( 'db' );
		await assertOnSite( db, site, 'tasks', 'task_ids', b.task_ids );
		const started = await startEach(
			c.env,
			db,
			c.get( 'principal' ),
			'generate_content',
			b.task_ids,
			( id ) => ( { site_id: site.id, task_id: id } ),
			{ origin: publicOrigin( c.req ) }
		);
		return ok( c, started, 202, startedMessage( started ) );
	}
);

handle(
	taskRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/tasks/{id}',
		operationId: 'getTask',
		tags: TAGS,
		summary: 'One task',
		access: { rule: 'content_read', params: { id: 'task' } },
		request: { params: idParams },
		response: schemas.writerTask,
	} ),
	( c ) => ok( c, writerTaskOut( res( c ).id as Task ) )
);

handle(
	taskRoutes,
	defineRoute( {
		method: 'patch',
		path: '/writer/tasks/{id}',
		operationId: 'updateTask',
		tags: TAGS,
		summary:
			'Change a task (409 while it is being generated, and for status moves only generation makes)',
		access: { rule: 'content_write', params: { id: 'task' } },
		request: {
			params: idParams,
			body: body( schemas.writerTaskUpdateBody ),
		},
		response: schemas.writerTask,
	} ),
	async ( c ) =>
		ok(
			c,
			writerTaskOut(
				await tasks.updateTask(
					c.get( 'db' ),
					res( c ).id as Task,
					c.req.valid( 'json' )
				)
			)
		)
);

handle(
	taskRoutes,
	defineRoute( {
		method: 'delete',
		path: '/writer/tasks/{id}',
		operationId: 'deleteTask',
		tags: TAGS,
		summary:
			'Delete a task (409 while it is being generated); its idea returns to approved',
		access: { rule: 'content_write', params: { id: 'task' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await tasks.deleteTask( c.get( 'db' ), res( c ).id as Task );
		return ok( c, {}, 200, 'Task deleted' );
	}
);
