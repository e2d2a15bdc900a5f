// /api/v1/planner/clusters: CRUD, keywords in and out, merge and split.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { list, ok } from '../lib/envelope';
import { pageLinks } from '../lib/paging';
import { createJob } from '../ai/engine';
import { jobOut } from '../ai/serialize';
import type { Cluster, Sector, Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import * as cl from './clusters';
import { clusterOut } from './serialize';

export const clusterRoutes = createRouter();
const idParams = z.object( { id: z.string() } );
const TAGS = [ 'planner' ];
type R = Record< string, unknown >;
const res = ( c: Context< AppBindings > ) => c.get( 'resources' ) as R;
const cluster = ( c: Context< AppBindings > ) => res( c ).id as Cluster;

handle(
	clusterRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/clusters',
		operationId: 'listClusters',
		tags: TAGS,
		summary: 'Clusters of a site (or sector)',
		access: { rule: 'content_read', site: 'query' },
		request: { query: schemas.clusterListQuery },
		response: schemas.cluster,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const r = await cl.listClusters(
			c.get( 'db' ),
			res( c ).site as Site,
			q
		);
		return list(
			c,
			r.rows.map( clusterOut ),
			pageLinks( c, { limit: r.pageSize, page: r.page }, r.count )
		);
	}
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/clusters',
		operationId: 'createCluster',
		tags: TAGS,
		summary: 'Create a cluster, optionally with keywords of its sector',
		access: { rule: 'content_write', site: 'body' },
		request: { body: body( schemas.clusterCreateBody ) },
		response: schemas.cluster,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			clusterOut(
				await cl.createCluster(
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
	clusterRoutes,
	defineRoute( {
		method: 'get',
		path: '/planner/clusters/{id}',
		operationId: 'getCluster',
		tags: TAGS,
		summary:
			'One cluster (its keywords: GET /planner/keywords?cluster_id=)',
		access: { rule: 'content_read', params: { id: 'cluster' } },
		request: { params: idParams },
		response: schemas.cluster,
	} ),
	( c ) => ok( c, clusterOut( cluster( c ) ) )
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'patch',
		path: '/planner/clusters/{id}',
		operationId: 'updateCluster',
		tags: TAGS,
		summary: 'Rename, describe or archive a cluster',
		access: { rule: 'content_write', params: { id: 'cluster' } },
		request: { params: idParams, body: body( schemas.clusterUpdateBody ) },
		response: schemas.cluster,
	} ),
	async ( c ) =>
		ok(
			c,
			clusterOut(
				await cl.updateCluster(
					c.get( 'db' ),
					cluster( c ),
					c.req.valid( 'json' )
				)
			)
		)
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'delete',
		path: '/planner/clusters/{id}',
		operationId: 'deleteCluster',
		tags: TAGS,
		summary: 'Delete a cluster (its keywords stay, unclustered)',
		access: { rule: 'content_write', params: { id: 'cluster' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await cl.deleteCluster( c.get( 'db' ), cluster( c ) );
		return ok( c, {}, 200, 'Cluster deleted' );
	}
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/clusters/{id}/keywords',
		operationId: 'addClusterKeywords',
		tags: TAGS,
		summary: 'Add keywords of the same sector to the cluster',
		access: { rule: 'content_write', params: { id: 'cluster' } },
		request: {
			params: idParams,
			body: body( schemas.clusterKeywordsBody ),
		},
		response: schemas.cluster,
	} ),
	async ( c ) =>
		ok(
			c,
			clusterOut(
				await cl.addKeywords(
					c.get( 'db' ),
					cluster( c ),
					c.req.valid( 'json' ).keyword_ids
				)
			)
		)
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'delete',
		path: '/planner/clusters/{id}/keywords',
		operationId: 'removeClusterKeywords',
		tags: TAGS,
		summary: 'Take keywords out of the cluster',
		access: { rule: 'content_write', params: { id: 'cluster' } },
		request: {
			params: idParams,
			body: body( schemas.clusterKeywordsBody ),
		},
		response: schemas.cluster,
	} ),
	async ( c ) =>
		ok(
			c,
			clusterOut(
				await cl.removeKeywords(
					c.get( 'db' ),
					cluster( c ),
					c.req.valid( 'json' ).keyword_ids
				)
			)
		)
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/clusters/{id}/merge',
		operationId: 'mergeClusters',
		tags: TAGS,
		summary: 'Merge other clusters of the sector into this one',
		access: { rule: 'content_write', params: { id: 'cluster' } },
		request: { params: idParams, body: body( schemas.clusterMergeBody ) },
		response: schemas.cluster,
	} ),
	async ( c ) =>
		ok(
			c,
			clusterOut(
				await cl.mergeClusters(
					c.get( 'db' ),
					cluster( c ),
					c.req.valid( 'json' ).cluster_ids
				)
			)
		)
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/clusters/{id}/split',
		operationId: 'splitCluster',
		tags: TAGS,
		summary: 'Move some keywords of this cluster into a new cluster',
		access: { rule: 'content_write', params: { id: 'cluster' } },
		request: { params: idParams, body: body( schemas.clusterSplitBody ) },
		response: schemas.clusterSplitResult,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		const r = await cl.splitCluster(
			c.get( 'db' ),
			cluster( c ),
			b.keyword_ids,
			b.name
		);
		return ok( c, {
			source: clusterOut( r.source ),
			created: clusterOut( r.created ),
		} );
	}
);

handle(
	clusterRoutes,
	defineRoute( {
		method: 'post',
		path: '/planner/clusters/generate_ideas',
		operationId: 'generateIdeas',
		tags: TAGS,
		summary:
			'Generate ideas for clusters with AI: starts a job (202 with the job; 1 credit per idea)',
		access: { rule: 'credits_spend', site: 'body' },
		request: { body: body( schemas.generateIdeasPayload ) },
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
					'generate_ideas',
					c.req.valid( 'json' )
				)
			),
			202
		)
);
