// /api/v1 routes of the sync: events from a site's outbox (signed by the site itself), and full syncs of a
// site's posts into the mirror with their status.
import { z } from '@hono/zod-openapi';
import { schemas } from '@igny8/shared';
import { ok } from '../lib/envelope';
import type { Site } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { receiveEvents } from './events';
import { siteSyncOut, startFullSync } from './full-sync';
import { syncStatus } from './status';

export const syncRoutes = createRouter();
const idParams = z.object( { id: z.string() } );

handle(
	syncRoutes,
	defineRoute( {
		method: 'post',
		path: '/integration/sync/events',
		operationId: 'receiveSyncEvents',
		tags: [ 'integration' ],
		summary:
			"Called by the plugin's outbox, signed by the site: events stored once each and applied to the mirror and the site's content",
		access: { rule: 'site_signed', signed: true },
		request: { body: body( schemas.syncEventsBody ) },
		response: schemas.syncEventsResult,
	} ),
	async ( c ) => {
		const p = c.get( 'principal' );
		return ok(
			c,
			await receiveEvents(
				c.env,
				c.get( 'db' ),
				{ id: p.siteId!, accountId: p.accountId },
				c.req.valid( 'json' ).events
			)
		);
	}
);

handle(
	syncRoutes,
	defineRoute( {
		method: 'post',
		path: '/integration/sites/{id}/sync',
		operationId: 'startSiteSync',
		tags: [ 'integration' ],
		summary:
			"Full sync of the site's published posts into the mirror, in the background (the one already running, if any)",
		access: { rule: 'site_settings', signed: true, params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.siteSync,
		status: 202,
	} ),
	async ( c ) =>
		ok(
			c,
			siteSyncOut(
				await startFullSync(
					c.env,
					c.get( 'db' ),
					c.get( 'resources' ).id as Site
				)
			),
			202
		)
);

handle(
	syncRoutes,
	defineRoute( {
		method: 'get',
		path: '/integration/sites/{id}/sync',
		operationId: 'getSiteSync',
		tags: [ 'integration' ],
		summary:
			"The site's sync: the last full sync, posts mirrored, the newest event, publishing and conflicts",
		access: { rule: 'content_read', signed: true, params: { id: 'site' } },
		request: { params: idParams },
		response: schemas.siteSyncStatus,
	} ),
	async ( c ) =>
		ok(
			c,
			await syncStatus( c.get( 'db' ), c.get( 'resources' ).id as Site )
		)
);
