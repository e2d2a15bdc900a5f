// /api/v1/integration: connecting WordPress sites.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import { ok } from '../lib/envelope';
import type { Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import {
	connect,
	createConnectionCode,
	disconnect,
	testConnection,
} from './service';

export const integrationRoutes = createRouter();
const idParams = z.object( { id: z.string() } );

handle(
	integrationRoutes,
	defineRoute( {
		method: 'post',
		path: '/integration/sites/{id}/connection-code',
		operationId: 'createConnectionCode',
		tags: [ 'integration' ],
		summary:
			'A one-time code (15 minutes) to paste in wp-admin → IGNY8 → Settings',
		access: { rule: 'sites_manage', params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.connectionCode,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			await createConnectionCode(
				c.get( 'db' ),
				c.get( 'principal' ),
				c.get( 'resources' ).id as Site
			),
			201
		)
);

handle(
	integrationRoutes,
	defineRoute( {
		method: 'post',
		path: '/integration/connect',
		operationId: 'connectSite',
		tags: [ 'integration' ],
		summary:
			'Called by the plugin: exchange a connection code for the site id and secret',
		access: { rule: 'public' },
		request: { body: body( schemas.connectBody ) },
		response: schemas.connectResult,
	} ),
	async ( c ) =>
		ok( c, await connect( c.env, c.get( 'db' ), c.req.valid( 'json' ) ) )
);

handle(
	integrationRoutes,
	defineRoute( {
		method: 'post',
		path: '/integration/sites/{id}/test',
		operationId: 'testConnection',
		tags: [ 'integration' ],
		summary:
			'Test the connection: a signed call from the site proves WordPress → cloud; the cloud then calls WordPress back',
		access: { rule: 'sites_manage', signed: true, params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.connectionTest,
	} ),
	async ( c ) =>
		ok(
			c,
			await testConnection(
				c.env,
				c.get( 'db' ),
				c.get( 'principal' ),
				c.get( 'resources' ).id as Site
			)
		)
);

handle(
	integrationRoutes,
	defineRoute( {
		method: 'post',
		path: '/integration/sites/{id}/disconnect',
		operationId: 'disconnectSite',
		tags: [ 'integration' ],
		summary:
			'Forget the site secret (from the dashboard, WordPress is told too)',
		access: { rule: 'sites_manage', signed: true, params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.disconnectResult,
	} ),
	async ( c ) =>
		ok(
			c,
			await disconnect(
				c.env,
				c.get( 'db' ),
				c.get( 'principal' ),
				c.get( 'resources' ).id as Site
			)
		)
);
