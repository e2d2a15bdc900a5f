// Image bytes by address: a stable address per image (`/api/v1/writer/images/file/{ref}`, what bodies point at)
// and short-lived signed URLs of it. The signature is the authority: anyone holding a fresh URL may read the
// image (an <img> cannot send a token), nobody can make one without the Worker's key.
import { toHex } from '@igny8/shared';
import type { Env } from '../env';
import type { Image } from '../lib/resources';

export const IMAGE_FILE_PATH = '/api/v1/writer/images/file';
/** How long a signed image URL works. */
export const IMAGE_URL_TTL_SECONDS = 15 * 60;
/** What the key is for: a key derived from JWT_SECRET for this use only (HKDF "info"). */
const KEY_LABEL = 'igny8/writer/image-url/v1';

const encoder = new TextEncoder();
const keys = new Map< string, Promise< CryptoKey > >();

function urlKey( secret: string ): Promise< CryptoKey > {
	let key = keys.get( secret );
	if ( ! key ) {
		key = crypto.subtle
			.importKey( 'raw', encoder.encode( secret ), 'HKDF', false, [
				'deriveKey',
			] )
			.then( ( base ) =>
				crypto.subtle.deriveKey(
					{
						name: 'HKDF',
						hash: 'SHA-256',
						salt: new Uint8Array( 0 ),
						info: encoder.encode( KEY_LABEL ),
					},
					base,
					{ name: 'HMAC', hash: 'SHA-256', length: 256 },
					false,
					[ 'sign', 'verify' ]
				)
			);
		keys.set( secret, key );
	}
	return key;
}

/** The image's stable address: what a body's core/image block points at. */
export function imageFileUrl( origin: string, ref: string ): string {
	return `${ origin }${ IMAGE_FILE_PATH }/${ encodeURIComponent( ref ) }`;
}

/** The Worker's public origin, as the request reached it. */
export function publicOrigin( req: { url: string } ): string {
	return new URL( req.url ).origin;
}

export async function signImageUrl(
	env: Pick< Env, 'JWT_SECRET' >,
	origin: string,
	ref: string,
	now = Date.now()
): Promise< { url: string; expiresAt: string } > {
	const exp = Math.floor( now / 1000 ) + IMAGE_URL_TTL_SECONDS;
	const sig = toHex(
		await crypto.subtle.sign(
			'HMAC',
			await urlKey( env.JWT_SECRET ),
			encoder.encode( `${ ref }:${ exp }` )
		)
	);
	return {
		url: `${ imageFileUrl( origin, ref ) }?exp=${ exp }&sig=${ sig }`,
		expiresAt: new Date( exp * 1000 ).toISOString(),
	};
}

function fromHex( hex: string ): Uint8Array | null {
	if ( ! /^(?:[0-9a-f]{2})+$/.test( hex ) ) return null;
	const out = new Uint8Array( hex.length / 2 );
	for ( let i = 0; i < out.length; i++ )
		out[ i ] = parseInt( hex.slice( i * 2, i * 2 + 2 ), 16 );
	return out;
}

/**
 * Whether a signed URL's `exp` and `sig` are the Worker's for this ref and still valid: the seconds it has
 * left, or why not. Compared in constant time by WebCrypto.
 */
export async function checkImageSignature(
	env: Pick< Env, 'JWT_SECRET' >,
	ref: string,
	exp: string | undefined,
	sig: string | undefined,
	now = Date.now()
): Promise< { ok: true; remaining: number } | { ok: false; why: string } > {
	const bytes = fromHex( sig ?? '' );
	if ( ! exp || ! /^\d{1,12}$/.test( exp ) || ! bytes || bytes.length !== 32 )
		return { ok: false, why: 'This image link is not signed' };
	const valid = await crypto.subtle.verify(
		'HMAC',
		await urlKey( env.JWT_SECRET ),
		bytes,
		encoder.encode( `${ ref }:${ exp }` )
	);
	if ( ! valid ) return { ok: false, why: 'This image link is not valid' };
	const remaining = Number( exp ) - Math.floor( now / 1000 );
	if ( remaining <= 0 )
		return { ok: false, why: 'This image link has expired' };
	return {
		ok: true,
		remaining: Math.min( remaining, IMAGE_URL_TTL_SECONDS ),
	};
}

/** Signed URLs of the stored images among `rows`, by id. */
export async function signedUrls(
	env: Pick< Env, 'JWT_SECRET' >,
	origin: string,
	rows: readonly Pick< Image, 'id' | 'ref' | 'r2Key' >[],
	now = Date.now()
) {
	const out = new Map< number, { url: string; expiresAt: string } >();
	for ( const row of rows )
		if ( row.r2Key )
			out.set( row.id, await signImageUrl( env, origin, row.ref, now ) );
	return out;
}
