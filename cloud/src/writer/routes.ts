// /api/v1/writer/tasks.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { pageLinks } from '../lib/paging';
import type { Site, Task } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { taskOut } from '../planner/serialize';
import { deleteTask, listTasks, updateTask } from './tasks';

export const writerRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'writer' ];
const res = ( c: Context< AppBindings > ) => c.get( 'resources' );

handle(
	writerRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/tasks',
		operationId: 'listTasks',
		tags: TAGS,
		summary: 'Writer tasks of a site',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.taskListQuery },
		response: schemas.task,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const r = await listTasks( c.get( 'db' ), res( c ).site as Site, q );
		return list(
			c,
			r.rows.map( taskOut ),
			pageLinks( c, { limit: r.pageSize, page: r.page }, r.count )
		);
	}
);

handle(
	writerRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/tasks/{id}',
		operationId: 'getTask',
		tags: TAGS,
		summary: 'One task',
		access: { rule: 'content_read', params: { id: 'task' } },
		request: { params: idParams },
		response: schemas.task,
	} ),
	( c ) => ok( c, taskOut( res( c ).id as Task ) )
);

handle(
	writerRoutes,
	defineRoute( {
		method: 'patch',
		path: '/writer/tasks/{id}',
		operationId: 'updateTask',
		tags: TAGS,
		summary: 'Change a task',
		access: { rule: 'content_write', params: { id: 'task' } },
		request: { params: idParams, body: body( schemas.taskUpdateBody ) },
		response: schemas.task,
	} ),
	async ( c ) =>
		ok(
			c,
			taskOut(
				await updateTask(
					c.get( 'db' ),
					res( c ).id as Task,
					c.req.valid( 'json' )
				)
			)
		)
);

handle(
	writerRoutes,
	defineRoute( {
		method: 'delete',
		path: '/writer/tasks/{id}',
		operationId: 'deleteTask',
		tags: TAGS,
		summary: 'Delete a task',
		access: { rule: 'content_write', params: { id: 'task' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await deleteTask( c.get( 'db' ), res( c ).id as Task );
		return ok( c, {}, 200, 'Task deleted' );
	}
);
