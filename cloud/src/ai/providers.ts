// AI providers: any OpenAI-compatible endpoint through the official SDK (per-account base URL, key and
// models), Runware over fetch for images. Keys are stored AES-GCM encrypted and shown only as a mask.
import OpenAI from 'openai';
import { and, eq } from 'drizzle-orm';
import type { Env } from '../env';
import type { Db } from '../db';
import { providerSettings } from '../db/schema';
import { decryptSecret, encryptSecret } from '../lib/crypto';
import { AppError, validation } from '../lib/errors';
import {
	checkOutboundUrl,
	fetchNoRedirect,
	outboundUrlProblem,
} from '../lib/outbound-url';

export const DEFAULT_TEXT_MODEL = 'gpt-4o-mini';
export const DEFAULT_IMAGE_MODEL = 'gpt-image-1';
export const DEFAULT_RUNWARE_MODEL = 'runware:100@1';
/** Image generation can take a while; text calls rarely need long. */
export const TEXT_TIMEOUT_MS = 90_000;
export const IMAGE_TIMEOUT_MS = 120_000;

/** USD per million tokens (input, output) of models whose price is public; others are recorded as 0. */
const PRICES: Record< string, [ number, number ] > = {
	'gpt-4o-mini': [ 0.15, 0.6 ],
	'gpt-4o': [ 2.5, 10 ],
	'gpt-4.1': [ 2, 8 ],
	'gpt-4.1-mini': [ 0.4, 1.6 ],
	'gpt-4.1-nano': [ 0.1, 0.4 ],
	'gpt-5': [ 1.25, 10 ],
	'gpt-5-mini': [ 0.25, 2 ],
	'gpt-5-nano': [ 0.05, 0.4 ],
};

export function costUsd(
	model: string,
	tokensIn: number,
	tokensOut: number
): number {
	const price =
		PRICES[ model ] ?? PRICES[ model.replace( /-\d{4}-\d{2}-\d{2}$/, '' ) ];
	if ( ! price ) return 0;
	return (
		Math.round(
			( ( tokensIn * price[ 0 ] + tokensOut * price[ 1 ] ) / 1_000_000 ) *
				1e6
		) / 1e6
	);
}

export interface TextProvider {
	kind: 'openai';
	client: OpenAI;
	textModel: string;
	imageModel: string;
	baseUrl: string | null;
}

export function mask( last4: string | null ): string | null {
	return last4 ? `sk-…${ last4 }` : null;
}

export async function readSettings(
	db: Db,
	accountId: number,
	provider: 'openai' | 'runware'
) {
	return db.query.providerSettings.findFirst( {
		where: and(
			eq( providerSettings.accountId, accountId ),
			eq( providerSettings.provider, provider )
		),
	} );
}

export async function saveSettings(
	env: Env,
	db: Db,
	accountId: number,
	provider: 'openai' | 'runware',
	input: {
		api_key?: string | null;
		base_url?: string | null;
		text_model?: string;
		image_model?: string;
		model?: string;
	}
) {
	const set: Record< string, unknown > = {
		updatedAt: new Date().toISOString(),
	};
	if ( input.base_url !== undefined ) {
		const current =
			( await readSettings( db, accountId, provider ) )?.baseUrl ?? null;
		// A key goes only to the URL it was saved with: moving the URL takes a key of the account's own.
		if (
			( input.base_url ?? null ) !== current &&
			typeof input.api_key !== 'string'
		) {
			throw validation(
				'Changing the base URL needs the API key for that endpoint in the same request',
				{ api_key: [ 'required when base_url changes' ] }
			);
		}
		if ( input.base_url )
			checkOutboundUrl( env, input.base_url, 'base_url' );
	}
	if ( input.api_key !== undefined ) {
		set.apiKeyEnc =
			input.api_key === null
				? null
				: await encryptSecret( env.ENCRYPTION_KEY, input.api_key );
		set.apiKeyLast4 =
			input.api_key === null ? null : input.api_key.slice( -4 );
	}
	if ( input.base_url !== undefined ) set.baseUrl = input.base_url;
	if ( input.text_model !== undefined ) set.textModel = input.text_model;
	if ( input.image_model !== undefined ) set.imageModel = input.image_model;
	if ( input.model !== undefined ) set.model = input.model;
	await db
		.insert( providerSettings )
		.values( { accountId, provider, ...set } )
		.onConflictDoUpdate( {
			target: [ providerSettings.accountId, providerSettings.provider ],
			set,
		} );
	return readSettings( db, accountId, provider );
}

export function settingsOut(
	provider: 'openai' | 'runware',
	row: Awaited< ReturnType< typeof readSettings > >
) {
	return {
		provider,
		configured: Boolean( row?.apiKeyEnc ),
		api_key: mask( row?.apiKeyLast4 ?? null ),
		base_url: row?.baseUrl ?? null,
		text_model:
			provider === 'openai'
				? ( row?.textModel ?? DEFAULT_TEXT_MODEL )
				: null,
		image_model:
			provider === 'openai'
				? ( row?.imageModel ?? DEFAULT_IMAGE_MODEL )
				: null,
		model:
			provider === 'runware'
				? ( row?.model ?? DEFAULT_RUNWARE_MODEL )
				: null,
		updated_at: row?.updatedAt ?? null,
	};
}

/**
 * The account's text provider: its own saved key with the base URL saved beside it, else the deployment's
 * OPENAI_API_KEY with the deployment's OPENAI_BASE_URL (never an account's URL: the deployment's key must
 * not follow a URL that an account chose). Null when neither exists: callers answer 422 before charging.
 */
export async function textProvider(
	env: Env,
	db: Db,
	accountId: number
): Promise< TextProvider | null > {
	const row = await readSettings( db, accountId, 'openai' );
	let apiKey: string | null = null;
	let baseUrl: string | null = null;
	if ( row?.apiKeyEnc ) {
		apiKey = await decryptSecret( env.ENCRYPTION_KEY, row.apiKeyEnc );
		baseUrl = row.baseUrl ?? null;
		// Saved before the URL rules existed, or the rules changed since: refuse rather than send the key there.
		const problem = baseUrl ? outboundUrlProblem( env, baseUrl ) : null;
		if ( problem )
			throw new AppError(
				'unprocessable',
				`The saved base URL ${ problem }; change it in the IGNY8 dashboard → AI providers. Nothing was charged.`
			);
	} else if ( env.OPENAI_API_KEY ) {
		apiKey = env.OPENAI_API_KEY;
		baseUrl = env.OPENAI_BASE_URL ?? null;
	}
	if ( ! apiKey ) return null;
	return {
		kind: 'openai',
		client: new OpenAI( {
			apiKey,
			baseURL: baseUrl ?? undefined,
			timeout: TEXT_TIMEOUT_MS,
			maxRetries: 3,
			fetch: fetchNoRedirect,
		} ),
		textModel:
			row?.textModel ?? env.OPENAI_TEXT_MODEL ?? DEFAULT_TEXT_MODEL,
		imageModel: row?.imageModel ?? DEFAULT_IMAGE_MODEL,
		baseUrl,
	};
}

export function providerMissing(): AppError {
	return new AppError(
		'unprocessable',
		'Configure an AI provider first: the IGNY8 dashboard → AI providers ' +
			'(an OpenAI-compatible API key). Nothing was charged.',
		undefined,
		{
			reason: 'provider_not_configured',
		}
	);
}

/** A provider failure in words a site owner can act on. */
export function describeProviderError( err: unknown, model: string ): string {
	if ( err instanceof OpenAI.AuthenticationError )
		return 'The AI provider refused the API key (401): check the key in the IGNY8 dashboard → AI providers';
	if ( err instanceof OpenAI.PermissionDeniedError )
		return 'The AI provider refused access (403): the key may lack access to this model';
	if ( err instanceof OpenAI.NotFoundError )
		return (
			`The AI provider does not know the model "${ model }" (404): ` +
			'choose another model in the IGNY8 dashboard → AI providers'
		);
	if ( err instanceof OpenAI.RateLimitError )
		return 'The AI provider kept answering "too many requests" (429) after retries; try again later';
	if ( err instanceof OpenAI.APIConnectionTimeoutError )
		return 'The AI provider did not answer in time';
	if ( err instanceof OpenAI.APIConnectionError )
		return 'The AI provider could not be reached (is the base URL right, and is it up?)';
	if ( err instanceof OpenAI.InternalServerError )
		return `The AI provider failed (${ ( err as { status?: number } ).status ?? 500 }) after retries; try again later`;
	// The remote body is never echoed: the status says enough, and a body could be anything the URL serves.
	if ( err instanceof OpenAI.APIError )
		return `The AI provider answered ${ err.status ?? 'with an error' }`;
	return 'The AI call failed';
}

export interface ChatResult {
	json: unknown;
	raw: string;
	tokensIn: number;
	tokensOut: number;
	model: string;
}

/** One chat completion that must answer a JSON object. Malformed output is an error the job reports. */
export async function chatJson(
	provider: TextProvider,
	system: string,
	user: string
): Promise< ChatResult > {
	const res = await provider.client.chat.completions.create( {
		model: provider.textModel,
		messages: [
			{ role: 'system', content: system },
			{ role: 'user', content: user },
		],
		response_format: { type: 'json_object' },
		temperature: 0.2,
	} );
	const raw = res.choices[ 0 ]?.message?.content ?? '';
	let json: unknown;
	try {
		json = JSON.parse( raw );
	} catch {
		throw new MalformedOutput(
			'The model answered something that is not JSON'
		);
	}
	return {
		json,
		raw,
		tokensIn: res.usage?.prompt_tokens ?? 0,
		tokensOut: res.usage?.completion_tokens ?? 0,
		model: res.model || provider.textModel,
	};
}

export class MalformedOutput extends Error {}

/** Whether a 400 is the provider refusing structured outputs (json_schema), rather than the request itself. */
function refusesJsonSchema( err: unknown ): boolean {
	return (
		err instanceof OpenAI.BadRequestError &&
		/response_format|json_schema|structured output/i.test( err.message )
	);
}

export interface StructuredResult extends Omit< ChatResult, 'json' > {
	/** The provider refused json_schema: the answer came in json_object mode with the schema in the prompt. */
	fellBack: boolean;
}

/**
 * One chat completion held to a JSON schema (structured outputs). A provider that answers 400 to
 * `json_schema` is asked once more in json_object mode, with the schema written into the prompt. The raw
 * text is returned unparsed: the caller reads whatever the model wrote (JSON, Markdown or HTML).
 */
export async function chatStructured(
	provider: TextProvider,
	system: string,
	user: string,
	format: {
		type: 'json_schema';
		json_schema: {
			name: string;
			strict?: boolean;
			schema: Record< string, unknown >;
		};
	}
): Promise< StructuredResult > {
	const ask = (
		responseFormat:
			| typeof format
			| {
					type: 'json_object';
			  },
		prompt: string
	) =>
		provider.client.chat.completions.create( {
			model: provider.textModel,
			messages: [
				{ role: 'system', content: system },
				{ role: 'user', content: prompt },
			],
			response_format: responseFormat,
			temperature: 0.4,
		} );
	let res;
	let fellBack = false;
	try {
		res = await ask( format, user );
	} catch ( err ) {
		if ( ! refusesJsonSchema( err ) ) throw err;
		fellBack = true;
		res = await ask(
			{ type: 'json_object' },
			`${ user }\n\nAnswer with one JSON object that follows this JSON schema:\n${ JSON.stringify(
				format.json_schema.schema
			) }`
		);
	}
	return {
		raw: res.choices[ 0 ]?.message?.content ?? '',
		tokensIn: res.usage?.prompt_tokens ?? 0,
		tokensOut: res.usage?.completion_tokens ?? 0,
		model: res.model || provider.textModel,
		fellBack,
	};
}

/** The Settings "Test" button: a tiny real call. */
export async function testTextProvider( provider: TextProvider ) {
	const t0 = Date.now();
	try {
		const res = await chatJson(
			provider,
			'Answer with a JSON object.',
			'Reply with {"ok": true}.'
		);
		return {
			ok: true,
			model: res.model,
			latency_ms: Date.now() - t0,
			message: `The provider answered with ${ provider.textModel }`,
		};
	} catch ( err ) {
		return {
			ok: false,
			model: provider.textModel,
			latency_ms: Date.now() - t0,
			message:
				err instanceof MalformedOutput
					? err.message
					: describeProviderError( err, provider.textModel ),
		};
	}
}

export async function testRunware(
	apiKey: string,
	model: string,
	url = 'https://api.runware.ai/v1'
) {
	const t0 = Date.now();
	try {
		const res = await fetch( url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify( [ { taskType: 'authentication', apiKey } ] ),
			signal: AbortSignal.timeout( 15_000 ),
		} );
		const body = ( await res.json().catch( () => ( {} ) ) ) as {
			errors?: unknown[];
		};
		const ok = res.ok && ! body.errors?.length;
		return {
			ok,
			model,
			latency_ms: Date.now() - t0,
			message: ok
				? 'Runware accepted the key'
				: `Runware refused the key (${ res.status })`,
		};
	} catch {
		return {
			ok: false,
			model,
			latency_ms: Date.now() - t0,
			message: 'Runware could not be reached',
		};
	}
}
