// Image generation for the Writer's image functions: OpenAI images through the SDK, or Runware over fetch;
// the bytes go to R2 (MEDIA) under the account, with the cost recorded by the caller.
import type { Env } from '../env';
import type { Db } from '../db';
import { decryptSecret } from '../lib/crypto';
import { AppError } from '../lib/errors';
import {
	DEFAULT_RUNWARE_MODEL,
	describeProviderError,
	IMAGE_TIMEOUT_MS,
	readSettings,
	textProvider,
} from './providers';

export const RUNWARE_API_URL = 'https://api.runware.ai/v1';

export interface ImageRequest {
	prompt: string;
	width?: number;
	height?: number;
	/** Prefer Runware when both providers are configured. */
	provider?: 'openai' | 'runware';
}

export interface StoredImage {
	key: string;
	bytes: number;
	contentType: string;
	provider: 'openai' | 'runware';
	model: string;
	costUsd: number;
}

function decodeBase64( data: string ): Uint8Array {
	const s = atob( data );
	const out = new Uint8Array( s.length );
	for ( let i = 0; i < s.length; i++ ) out[ i ] = s.charCodeAt( i );
	return out;
}

function sniffType( bytes: Uint8Array ): string {
	if ( bytes[ 0 ] === 0x89 && bytes[ 1 ] === 0x50 ) return 'image/png';
	if ( bytes[ 0 ] === 0xff && bytes[ 1 ] === 0xd8 ) return 'image/jpeg';
	if ( bytes[ 0 ] === 0x52 && bytes[ 1 ] === 0x49 && bytes[ 8 ] === 0x57 )
		return 'image/webp';
	return 'application/octet-stream';
}

async function store(
	env: Env,
	accountId: number,
	bytes: Uint8Array,
	meta: Omit< StoredImage, 'key' | 'bytes' | 'contentType' >
): Promise< StoredImage > {
	const contentType = sniffType( bytes );
	const ext = contentType.split( '/' )[ 1 ] ?? 'bin';
	const key = `accounts/${ accountId }/images/${ crypto.randomUUID() }.${ ext }`;
	await env.MEDIA.put( key, bytes, {
		httpMetadata: { contentType },
		customMetadata: { provider: meta.provider, model: meta.model },
	} );
	return { key, bytes: bytes.length, contentType, ...meta };
}

async function viaRunware(
	env: Env,
	apiKey: string,
	model: string,
	req: ImageRequest
) {
	const res = await fetch( env.RUNWARE_API_URL ?? RUNWARE_API_URL, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify( [
			{ taskType: 'authentication', apiKey },
			{
				taskType: 'imageInference',
				taskUUID: crypto.randomUUID(),
				positivePrompt: req.prompt,
				model,
				width: req.width ?? 1024,
				height: req.height ?? 1024,
				numberResults: 1,
				outputType: 'base64Data',
				outputFormat: 'PNG',
				includeCost: true,
			},
		] ),
		signal: AbortSignal.timeout( IMAGE_TIMEOUT_MS ),
	} ).catch( () => {
		throw new AppError( 'upstream', 'Runware could not be reached' );
	} );
	const body = ( await res.json().catch( () => ( {} ) ) ) as {
		data?: { taskType: string; imageBase64Data?: string; cost?: number }[];
	};
	const image = body.data?.find(
		( d ) => d.taskType === 'imageInference' && d.imageBase64Data
	);
	// Runware's own words are not echoed; the status is enough to act on.
	if ( ! res.ok || ! image )
		throw new AppError(
			'upstream',
			`Runware did not return an image (status ${ res.status })`
		);
	return {
		bytes: decodeBase64( image.imageBase64Data! ),
		costUsd: image.cost ?? 0,
	};
}

export function imageProviderMissing(): AppError {
	return new AppError(
		'unprocessable',
		'Configure an image provider first (the IGNY8 dashboard → AI providers: ' +
			'OpenAI-compatible or Runware). Nothing was charged.',
		undefined,
		{ reason: 'provider_not_configured' }
	);
}

/** Whether the account can make images: its own Runware key, or a text provider (OpenAI images). */
export async function hasImageProvider(
	env: Env,
	db: Db,
	accountId: number
): Promise< boolean > {
	const runware = await readSettings( db, accountId, 'runware' );
	if ( runware?.apiKeyEnc ) return true;
	return ( await textProvider( env, db, accountId ) ) !== null;
}

export async function generateImage(
	env: Env,
	db: Db,
	accountId: number,
	req: ImageRequest
): Promise< StoredImage > {
	const runware = await readSettings( db, accountId, 'runware' );
	if ( runware?.apiKeyEnc && req.provider !== 'openai' ) {
		const model = runware.model ?? DEFAULT_RUNWARE_MODEL;
		const { bytes, costUsd } = await viaRunware(
			env,
			await decryptSecret( env.ENCRYPTION_KEY, runware.apiKeyEnc ),
			model,
			req
		);
		return store( env, accountId, bytes, {
			provider: 'runware',
			model,
			costUsd,
		} );
	}
	const openai = await textProvider( env, db, accountId );
	if ( ! openai ) throw imageProviderMissing();
	const client = openai.client.withOptions( { timeout: IMAGE_TIMEOUT_MS } );
	try {
		const res = await client.images.generate( {
			model: openai.imageModel,
			prompt: req.prompt,
			n: 1,
			size: `${ req.width ?? 1024 }x${ req.height ?? 1024 }` as '1024x1024',
		} );
		const b64 = res.data?.[ 0 ]?.b64_json;
		if ( ! b64 )
			throw new AppError(
				'upstream',
				'The image provider returned no image data'
			);
		return store( env, accountId, decodeBase64( b64 ), {
			provider: 'openai',
			model: openai.imageModel,
			costUsd: 0,
		} );
	} catch ( err ) {
		if ( err instanceof AppError ) throw err;
		throw new AppError(
			'upstream',
			describeProviderError( err, openai.imageModel )
		);
	}
}
