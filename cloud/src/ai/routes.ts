// /api/v1/ai/jobs: start, list, follow (poll or SSE) and cancel AI jobs.
import { z } from '@hono/zod-openapi';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { streamSSE } from 'hono/streaming';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { aiJobs } from '../db/schema';
import { list, ok } from '../lib/envelope';
import { pageLinks } from '../lib/paging';
import { jsonIds } from '../lib/keyset';
import type { AiJob } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { publicOrigin } from '../writer/image-files';
import { cancelJob, createJob } from './engine';
import { jobOut } from './serialize';

export const aiRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'ai' ];
const job = ( c: Context< AppBindings > ) => c.get( 'resources' ).id as AiJob;
const TERMINAL = new Set( [ 'succeeded', 'failed', 'cancelled' ] );

/**
 * One event stream reads the job once per poll, and every read counts against the invocation's D1
 * statement budget (STATEMENT_BUDGET). A stream therefore ends after `maxPolls` reads with a `reconnect`
 * event; the client opens a new one, sending `Last-Event-ID` so an unchanged job is not sent twice.
 */
export const SSE_LIMITS = { pollMs: 400, maxPolls: 300 };

handle(
	aiRoutes,
	defineRoute( {
		method: 'post',
		path: '/ai/jobs',
		operationId: 'startJob',
		tags: TAGS,
		summary:
			'Start an AI job: validated, priced, credits held (402 when short), queued; answers 202 with the job',
		access: { rule: 'credits_spend' },
		request: { body: body( schemas.jobCreateBody ) },
		response: schemas.job,
		status: 202,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		return ok(
			c,
			jobOut(
				await createJob(
					c.env,
					c.get( 'db' ),
					c.get( 'principal' ),
					b.function,
					b.payload,
					// Articles point at their images by the Worker's own address, never one a caller gives.
					b.function === 'generate_content' ||
						b.function === 'generate_image_prompts'
						? { origin: publicOrigin( c.req ) }
						: {}
				)
			),
			202
		);
	}
);

handle(
	aiRoutes,
	defineRoute( {
		method: 'get',
		path: '/ai/jobs',
		operationId: 'listJobs',
		tags: TAGS,
		summary: 'AI jobs of the account (or of a site)',
		access: { rule: 'content_read' },
		request: { query: schemas.jobListQuery },
		response: schemas.job,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const p = c.get( 'principal' );
		const db = c.get( 'db' );
		const where = and(
			eq( aiJobs.accountId, p.accountId ),
			q.site_id ? eq( aiJobs.siteId, q.site_id ) : undefined,
			p.siteIds === 'all'
				? undefined
				: sql`${ aiJobs.siteId } IN ${ jsonIds( p.siteIds ) }`,
			q.state ? eq( aiJobs.state, q.state ) : undefined,
			q.function ? eq( aiJobs.function, q.function ) : undefined
		);
		const pageSize = q.page_size ?? 50;
		const page = q.page ?? 1;
		const [ rows, [ total ] ] = await Promise.all( [
			db
				.select()
				.from( aiJobs )
				.where( where )
				.orderBy( desc( aiJobs.id ) )
				.limit( pageSize )
				.offset( ( page - 1 ) * pageSize ),
			db.select( { n: count() } ).from( aiJobs ).where( where ),
		] );
		return list(
			c,
			rows.map( jobOut ),
			pageLinks( c, { limit: pageSize, page }, total?.n ?? 0 )
		);
	}
);

handle(
	aiRoutes,
	defineRoute( {
		method: 'get',
		path: '/ai/jobs/{id}',
		operationId: 'getJob',
		tags: TAGS,
		summary:
			'One job: state, phase, percentage, message, tokens, cost, credits, result, error',
		access: { rule: 'content_read', params: { id: 'job' } },
		request: { params: idParams },
		response: schemas.job,
	} ),
	( c ) => ok( c, jobOut( job( c ) ) )
);

handle(
	aiRoutes,
	defineRoute( {
		method: 'get',
		path: '/ai/jobs/{id}/events',
		operationId: 'streamJobEvents',
		tags: TAGS,
		summary:
			'Live progress as Server-Sent Events: a "progress" event with the job whenever it changes, ' +
			'"end" when it ends; "reconnect" asks the client to open a new stream (send Last-Event-ID)',
		access: { rule: 'content_read', params: { id: 'job' } },
		request: { params: idParams },
	} ),
	( c ) => {
		const db = c.get( 'db' );
		const id = job( c ).id;
		const resumeFrom = c.req.header( 'last-event-id' ) ?? '';
		return streamSSE( c, async ( stream ) => {
			let last = resumeFrom;
			for ( let polls = 0; ! stream.aborted; polls++ ) {
				if ( polls >= SSE_LIMITS.maxPolls ) {
					await stream.writeSSE( {
						event: 'reconnect',
						data: '{}',
						retry: 1000,
					} );
					return;
				}
				const row = await db.query.aiJobs.findFirst( {
					where: eq( aiJobs.id, id ),
				} );
				if ( ! row ) break;
				const stamp = `${ row.updatedAt }|${ row.state }|${ row.percentage }`;
				if ( stamp !== last ) {
					last = stamp;
					await stream.writeSSE( {
						event: 'progress',
						id: stamp,
						data: JSON.stringify( jobOut( row ) ),
					} );
				}
				if ( TERMINAL.has( row.state ) ) break;
				await stream.sleep( SSE_LIMITS.pollMs );
			}
			await stream.writeSSE( { event: 'end', data: '{}' } );
		} );
	}
);

handle(
	aiRoutes,
	defineRoute( {
		method: 'post',
		path: '/ai/jobs/{id}/cancel',
		operationId: 'cancelJob',
		tags: TAGS,
		summary:
			'Cancel a queued or running job; its held credits are released',
		access: { rule: 'content_write', params: { id: 'job' } },
		request: { params: idParams },
		response: schemas.job,
	} ),
	async ( c ) => ok( c, jobOut( await cancelJob( c.get( 'db' ), job( c ) ) ) )
);
