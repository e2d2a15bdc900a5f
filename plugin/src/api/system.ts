// AI settings (SPEC §6, §11 "system"): providers, prompts, author profiles and strategies; one function per call.
import type { schemas } from '@igny8/shared';
import type { z } from 'zod';
import { cloud as defaultClient, itemsOf, type CloudClient } from './cloud';

export type Provider = z.infer< typeof schemas.provider >;
export type ProviderSettings = z.infer< typeof schemas.providerSettings >;
export type ProviderTestResult = z.infer< typeof schemas.providerTestResult >;
export type OpenAiSettingsUpdate = z.input< typeof schemas.openaiSettingsBody >;
export type RunwareSettingsUpdate = z.input< typeof schemas.runwareSettingsBody >;
export type Prompt = z.infer< typeof schemas.prompt >;
export type PromptFunction = z.infer< typeof schemas.promptFunction >;
export type AuthorProfile = z.infer< typeof schemas.authorProfile >;
export type AuthorProfileFields = z.input< typeof schemas.authorProfileBody >;
export type Strategy = z.infer< typeof schemas.strategy >;
export type StrategyCreate = z.input< typeof schemas.strategyBody >;
export type StrategyUpdate = z.input< typeof schemas.strategyUpdateBody >;

export function createSystemApi( client: CloudClient ) {
	const patch = < T >( path: string, body: unknown ) => client.request< T >( path, { method: 'PATCH', body } );
	const put = < T >( path: string, body: unknown ) => client.request< T >( path, { method: 'PUT', body } );
	const remove = ( path: string ) => client.request< unknown >( path, { method: 'DELETE' } );

	return {
		getProvider: ( provider: Provider ) => client.get< ProviderSettings >( `/system/integrations/${ provider }` ),
		saveOpenAi: ( body: OpenAiSettingsUpdate ) => put< ProviderSettings >( '/system/integrations/openai', body ),
		saveRunware: ( body: RunwareSettingsUpdate ) => put< ProviderSettings >( '/system/integrations/runware', body ),
		testProvider: ( provider: Provider ) => client.post< ProviderTestResult >( `/system/integrations/${ provider }/test` ),

		listPrompts: async () => itemsOf< Prompt >( await client.get< unknown >( '/system/prompts' ) ),
		savePrompt: ( fn: PromptFunction, prompt: string ) => put< Prompt >( `/system/prompts/${ fn }`, { prompt } ),
		resetPrompt: ( fn: PromptFunction ) => remove( `/system/prompts/${ fn }` ),

		listAuthorProfiles: async () =>
			itemsOf< AuthorProfile >( await client.get< unknown >( '/system/author-profiles', { query: { page_size: 200 } } ) ),
		createAuthorProfile: ( body: AuthorProfileFields ) => client.post< AuthorProfile >( '/system/author-profiles', body ),
		updateAuthorProfile: ( id: number, body: Partial< AuthorProfileFields > ) =>
			patch< AuthorProfile >( `/system/author-profiles/${ id }`, body ),
		deleteAuthorProfile: ( id: number ) => remove( `/system/author-profiles/${ id }` ),

		listStrategies: async ( siteId: number, sectorId: number ) =>
			itemsOf< Strategy >(
				await client.get< unknown >( '/system/strategies', { query: { site_id: siteId, sector_id: sectorId, page_size: 200 } } )
			),
		createStrategy: ( body: StrategyCreate ) => client.post< Strategy >( '/system/strategies', body ),
		updateStrategy: ( id: number, body: StrategyUpdate ) => patch< Strategy >( `/system/strategies/${ id }`, body ),
		deleteStrategy: ( id: number ) => remove( `/system/strategies/${ id }` ),
	};
}

export type SystemApi = ReturnType< typeof createSystemApi >;

/** The page-wide settings API over the shared cloud client. */
export const systemApi: SystemApi = createSystemApi( defaultClient );
