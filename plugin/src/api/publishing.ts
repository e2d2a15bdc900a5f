// Publishing and sync in the cloud (SPEC §8, §11 "writer", "publisher", "connection"), typed with the shared
// contract; one function per call.
import type { schemas } from '@igny8/shared';
import type { z } from 'zod';
import {
	cloud as defaultClient,
	type CloudClient,
	type CloudList,
} from './cloud';
import type { Params } from './planner';
import type { Content } from './writer';

export type PublishingRecord = schemas.PublishingRecord;
export type PublishBody = z.input< typeof schemas.publishBody >;
export type ContentConflict = z.infer< typeof schemas.contentConflict >;
export type ResolveConflictBody = z.input< typeof schemas.resolveConflictBody >;
export type SiteSync = z.infer< typeof schemas.siteSync >;
export type SiteSyncStatus = z.infer< typeof schemas.siteSyncStatus >;

/** What resolving a conflict answers: the content (WordPress's version kept) or the update's record. */
export type ConflictResolution =
	| { keep: 'wordpress'; content: Content }
	| { keep: 'cloud'; record: PublishingRecord };

/**
 * The record of a 202 `{ record }` answer (a lone record is taken as well).
 *
 * @param value The envelope's `data`.
 */
export function recordOf( value: unknown ): PublishingRecord {
	const wrapped = ( value as { record?: unknown } | null )?.record;
	return ( wrapped ?? value ) as PublishingRecord;
}

export function createPublishingApi( client: CloudClient ) {
	return {
		/**
		 * Queues a publish (or an update of a published piece) of content to WordPress (202).
		 *
		 * @param contentId The content, approved or published.
		 * @param body      Draft or publish; categories and tags by name.
		 */
		publish: async ( contentId: number, body: PublishBody ) =>
			recordOf(
				await client.post< unknown >(
					`/writer/content/${ contentId }/publish`,
					body
				)
			),
		listRecords: ( query: Params ) =>
			client.get< CloudList< PublishingRecord > >( '/publisher/records', {
				query,
			} ),
		getRecord: ( id: number ) =>
			client.get< PublishingRecord >( `/publisher/records/${ id }` ),
		/**
		 * Queues a failed record again (202); 409 unless it failed.
		 *
		 * @param id The record.
		 */
		retryRecord: async ( id: number ) =>
			recordOf(
				await client.post< unknown >(
					`/publisher/records/${ id }/retry`
				)
			),

		/**
		 * Both versions of a conflicted piece; 404 when there is no conflict.
		 *
		 * @param contentId The content.
		 */
		getConflict: ( contentId: number ) =>
			client.get< ContentConflict >(
				`/writer/content/${ contentId }/conflict`
			),
		/**
		 * Keeps one version; 409 when WordPress changed again since `wp_hash`.
		 *
		 * @param contentId The content in conflict.
		 * @param body      Which version, and the WordPress version the user saw.
		 */
		resolveConflict: async (
			contentId: number,
			body: ResolveConflictBody
		): Promise< ConflictResolution > => {
			const answer = await client.post< unknown >(
				`/writer/content/${ contentId }/resolve_conflict`,
				body
			);
			return body.keep === 'cloud'
				? { keep: 'cloud', record: recordOf( answer ) }
				: { keep: 'wordpress', content: answer as Content };
		},

		getSyncStatus: ( siteId: number ) =>
			client.get< SiteSyncStatus >(
				`/integration/sites/${ siteId }/sync`
			),
		/**
		 * Starts a full sync of the site's posts into the mirror (202).
		 *
		 * @param siteId The site.
		 */
		startSync: async ( siteId: number ) => {
			const answer = await client.post< unknown >(
				`/integration/sites/${ siteId }/sync`
			);
			const wrapped = ( answer as { sync?: unknown } | null )?.sync;
			return ( wrapped ?? answer ) as SiteSync;
		},
	};
}

export type PublishingApi = ReturnType< typeof createPublishingApi >;

/** The page-wide publishing API over the shared cloud client. */
export const publishingApi: PublishingApi =
	createPublishingApi( defaultClient );
