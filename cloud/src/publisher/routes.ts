// /api/v1 routes of the publisher: publish content, its conflict and how it is resolved (under
// /writer/content/:id, where the content lives), and the publishing records with their retry.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { listLinks } from '../lib/keyset';
import type { Content, Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { contentOut } from '../writer/serialize';
import { conflictOut, openConflict, resolveConflict } from './conflicts';
import {
	listRecords,
	publishContent,
	recordOut,
	retryRecord,
	type PublishingRecordRow,
} from './records';

export const publisherRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const res = ( c: Context< AppBindings > ) => c.get( 'resources' );

handle(
	publisherRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/content/{id}/publish',
		operationId: 'publishContent',
		tags: [ 'writer' ],
		summary:
			'Publish approved (or republish published) content to its WordPress site through the queue: answers ' +
			'202 with the publishing record. 409 when the content is not approved, is in conflict, or is being ' +
			'published already (with that record); 422 when the site is not connected',
		access: { rule: 'content_write', params: { id: 'content' } },
		request: { params: idParams, body: body( schemas.publishBody ) },
		response: schemas.publishStarted,
		status: 202,
	} ),
	async ( c ) => {
		const record = await publishContent(
			c.env,
			c.get( 'db' ),
			res( c ).id as Content,
			c.req.valid( 'json' )
		);
		return ok(
			c,
			{ record: recordOut( record ) },
			202,
			'Publishing queued'
		);
	}
);

handle(
	publisherRoutes,
	defineRoute( {
		method: 'get',
		path: '/writer/content/{id}/conflict',
		operationId: 'getContentConflict',
		tags: [ 'writer' ],
		summary:
			'Both versions of content changed in WordPress and in the cloud since they last agreed (404 when none)',
		access: { rule: 'content_read', params: { id: 'content_conflict' } },
		request: { params: idParams },
		response: schemas.contentConflict,
	} ),
	async ( c ) => {
		const item = res( c ).id as Content;
		return ok(
			c,
			conflictOut( item, await openConflict( c.get( 'db' ), item ) )
		);
	}
);

handle(
	publisherRoutes,
	defineRoute( {
		method: 'post',
		path: '/writer/content/{id}/resolve_conflict',
		operationId: 'resolveContentConflict',
		tags: [ 'writer' ],
		summary:
			"Resolve a conflict: keep WordPress's version (200 with the content) or send the cloud's over the " +
			'version shown (202 with the update record); 409 when WordPress changed again since (with the new version)',
		access: { rule: 'content_write', params: { id: 'content' } },
		request: {
			params: idParams,
			body: body( schemas.resolveConflictBody ),
		},
		response: z.union( [ schemas.content, schemas.publishStarted ] ),
	} ),
	async ( c ) => {
		const done = await resolveConflict(
			c.env,
			c.get( 'db' ),
			res( c ).id as Content,
			c.req.valid( 'json' )
		);
		return done.kept === 'wordpress'
			? ok(
					c,
					contentOut( done.content ),
					200,
					"WordPress's version kept"
				)
			: ok(
					c,
					{ record: recordOut( done.record ) },
					202,
					"The cloud's version is being sent to WordPress"
				);
	}
);

handle(
	publisherRoutes,
	defineRoute( {
		method: 'get',
		path: '/publisher/records',
		operationId: 'listPublishingRecords',
		tags: [ 'publisher' ],
		summary:
			'Publishing records of a site, newest first (filters: content, status), keyset (cursor) or page paging',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.publishingRecordListQuery },
		response: schemas.publishingRecord,
		list: true,
	} ),
	async ( c ) => {
		const r = await listRecords(
			c.get( 'db' ),
			res( c ).site as Site,
			c.req.valid( 'query' )
		);
		return list( c, r.rows.map( recordOut ), listLinks( c, r ) );
	}
);

handle(
	publisherRoutes,
	defineRoute( {
		method: 'get',
		path: '/publisher/records/{id}',
		operationId: 'getPublishingRecord',
		tags: [ 'publisher' ],
		summary:
			'One publishing record: its status, attempts, next attempt and last error',
		access: { rule: 'content_read', params: { id: 'publishing_record' } },
		request: { params: idParams },
		response: schemas.publishingRecord,
	} ),
	( c ) => ok( c, recordOut( res( c ).id as PublishingRecordRow ) )
);

handle(
	publisherRoutes,
	defineRoute( {
		method: 'post',
		path: '/publisher/records/{id}/retry',
		operationId: 'retryPublishingRecord',
		tags: [ 'publisher' ],
		summary:
			'Send a failed record to the queue again with its attempts reset (202); 409 for a record that is not failed',
		access: { rule: 'content_write', params: { id: 'publishing_record' } },
		request: { params: idParams },
		response: schemas.publishStarted,
		status: 202,
	} ),
	async ( c ) => {
		const record = await retryRecord(
			c.env,
			c.get( 'db' ),
			res( c ).id as PublishingRecordRow
		);
		return ok(
			c,
			{ record: recordOut( record ) },
			202,
			'Publishing queued again'
		);
	}
);
