// AI settings (SPEC §6, §11 "system"): providers, prompts, author profiles, strategies.
import { z } from 'zod';
import { id } from './common';
import { AI_FUNCTIONS } from './ai';

export const PROVIDERS = [ 'openai', 'runware' ] as const;
export const provider = z.enum( PROVIDERS );

const httpUrl = z.url( { protocol: /^https?$/ } ).max( 500 );

export const openaiSettingsBody = z.strictObject( {
	/** Omit to keep the stored key; send null to remove it. */
	api_key: z.string().trim().min( 8 ).max( 400 ).nullable().optional(),
	base_url: httpUrl.nullable().optional(),
	text_model: z.string().trim().min( 1 ).max( 120 ).optional(),
	image_model: z.string().trim().min( 1 ).max( 120 ).optional(),
} );
export const runwareSettingsBody = z.strictObject( {
	api_key: z.string().trim().min( 8 ).max( 400 ).nullable().optional(),
	model: z.string().trim().min( 1 ).max( 120 ).optional(),
} );
/** What the API shows of a provider: never the key, only its mask. */
export const providerSettings = z.object( {
	provider,
	configured: z.boolean(),
	api_key: z.string().nullable(),
	base_url: z.string().nullable(),
	text_model: z.string().nullable(),
	image_model: z.string().nullable(),
	model: z.string().nullable(),
	updated_at: z.string().nullable(),
} );
export const providerTestResult = z.object( {
	ok: z.boolean(),
	model: z.string().nullable(),
	latency_ms: z.number(),
	message: z.string(),
} );

export const promptFunction = z.enum( AI_FUNCTIONS );
export const prompt = z.object( {
	function: promptFunction,
	prompt: z.string(),
	default_prompt: z.string(),
	is_default: z.boolean(),
	placeholders: z.array( z.string() ),
	updated_at: z.string().nullable(),
} );
export const promptBody = z.strictObject( {
	prompt: z.string().trim().min( 20 ).max( 20_000 ),
} );

export const authorProfile = z.object( {
	id: z.number(),
	name: z.string(),
	description: z.string().nullable(),
	tone: z.string().nullable(),
	language: z.string(),
	style: z.string().nullable(),
	is_default: z.boolean(),
	created_at: z.string(),
} );
export const authorProfileBody = z.strictObject( {
	name: z.string().trim().min( 1 ).max( 120 ),
	description: z.string().trim().max( 2000 ).nullable().optional(),
	tone: z.string().trim().max( 200 ).nullable().optional(),
	language: z.string().trim().min( 2 ).max( 40 ).optional(),
	style: z.string().trim().max( 2000 ).nullable().optional(),
	is_default: z.boolean().optional(),
} );

export const strategy = z.object( {
	id: z.number(),
	site_id: z.number(),
	sector_id: z.number(),
	name: z.string(),
	guidance: z.string(),
	author_profile_id: z.number().nullable(),
	created_at: z.string(),
} );
export const strategyBody = z.strictObject( {
	site_id: id,
	sector_id: id,
	name: z.string().trim().min( 1 ).max( 120 ),
	guidance: z.string().trim().min( 1 ).max( 10_000 ),
	author_profile_id: id.nullable().optional(),
} );
export const strategyUpdateBody = z.strictObject( {
	name: z.string().trim().min( 1 ).max( 120 ).optional(),
	guidance: z.string().trim().min( 1 ).max( 10_000 ).optional(),
	author_profile_id: id.nullable().optional(),
} );
