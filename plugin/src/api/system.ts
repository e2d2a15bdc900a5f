// AI settings (SPEC §6, §11 "system") as wp-admin may use them: the account's prompts and author profiles
// to read (they are changed in the IGNY8 dashboard), this site's strategies to read and change.
import type { schemas } from '@igny8/shared';
import type { z } from 'zod';
import { cloud as defaultClient, itemsOf, type CloudClient } from './cloud';

export type Prompt = z.infer< typeof schemas.prompt >;
export type AuthorProfile = z.infer< typeof schemas.authorProfile >;
export type Strategy = z.infer< typeof schemas.strategy >;
export type StrategyCreate = z.input< typeof schemas.strategyBody >;
export type StrategyUpdate = z.input< typeof schemas.strategyUpdateBody >;

export function createSystemApi( client: CloudClient ) {
	return {
		listPrompts: async () =>
			itemsOf< Prompt >(
				await client.get< unknown >( '/system/prompts' )
			),
		listAuthorProfiles: async () =>
			itemsOf< AuthorProfile >(
				await client.get< unknown >( '/system/author-profiles', {
					query: { page_size: 200 },
				} )
			),

		listStrategies: async ( siteId: number, sectorId: number ) =>
			itemsOf< Strategy >(
				await client.get< unknown >( '/system/strategies', {
					query: {
						site_id: siteId,
						sector_id: sectorId,
						page_size: 200,
					},
				} )
			),
		createStrategy: ( body: StrategyCreate ) =>
			client.post< Strategy >( '/system/strategies', body ),
		updateStrategy: ( id: number, body: StrategyUpdate ) =>
			client.request< Strategy >( `/system/strategies/${ id }`, {
				method: 'PATCH',
				body,
			} ),
		deleteStrategy: ( id: number ) =>
			client.request< unknown >( `/system/strategies/${ id }`, {
				method: 'DELETE',
			} ),
	};
}

export type SystemApi = ReturnType< typeof createSystemApi >;

/** The page-wide settings API over the shared cloud client. */
export const systemApi: SystemApi = createSystemApi( defaultClient );
