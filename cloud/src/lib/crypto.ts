// Password hashing (PBKDF2 via WebCrypto), AES-GCM for secrets at rest, random tokens.
import { toHex } from '@igny8/shared';

const enc = new TextEncoder();
const dec = new TextDecoder();
// workerd caps PBKDF2 at 100,000 iterations.
const PBKDF2_ITERATIONS = 100_000;

export function b64( bytes: Uint8Array ): string {
	let s = '';
	for ( const b of bytes ) s += String.fromCharCode( b );
	return btoa( s );
}

export function unb64( text: string ): Uint8Array {
	const s = atob( text );
	const out = new Uint8Array( s.length );
	for ( let i = 0; i < s.length; i++ ) out[ i ] = s.charCodeAt( i );
	return out;
}

export function randomToken( bytes = 32 ): string {
	return b64( crypto.getRandomValues( new Uint8Array( bytes ) ) )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
}

export async function sha256( text: string ): Promise< string > {
	return toHex( await crypto.subtle.digest( 'SHA-256', enc.encode( text ) ) );
}

async function pbkdf2(
	password: string,
	salt: Uint8Array,
	iterations: number
): Promise< Uint8Array > {
	const key = await crypto.subtle.importKey(
		'raw',
		enc.encode( password ),
		'PBKDF2',
		false,
		[ 'deriveBits' ]
	);
	const bits = await crypto.subtle.deriveBits(
		{
			name: 'PBKDF2',
			hash: 'SHA-256',
			salt: salt as BufferSource,
			iterations,
		},
		key,
		256
	);
	return new Uint8Array( bits );
}

export async function hashPassword( password: string ): Promise< string > {
	const salt = crypto.getRandomValues( new Uint8Array( 16 ) );
	const hash = await pbkdf2( password, salt, PBKDF2_ITERATIONS );
	return `pbkdf2_sha256$${ PBKDF2_ITERATIONS }$${ b64( salt ) }$${ b64( hash ) }`;
}

export async function verifyPassword(
	password: string,
	stored: string | null
): Promise< boolean > {
	// Without a stored hash still spend the time, so response timing does not reveal which emails exist.
	const [ scheme, iter, salt, hash ] = (
		stored ??
		`pbkdf2_sha256$${ PBKDF2_ITERATIONS }$AAAAAAAAAAAAAAAAAAAAAA==$`
	).split( '$' );
	if ( scheme !== 'pbkdf2_sha256' || ! iter || ! salt ) return false;
	const actual = b64(
		await pbkdf2( password, unb64( salt ), Number( iter ) )
	);
	if ( ! stored || ! hash || actual.length !== hash.length ) return false;
	let diff = 0;
	for ( let i = 0; i < actual.length; i++ )
		diff |= actual.charCodeAt( i ) ^ hash.charCodeAt( i );
	return diff === 0;
}

async function aesKey( keyB64: string ): Promise< CryptoKey > {
	const raw = unb64( keyB64 );
	if ( raw.length !== 32 )
		throw new Error( 'ENCRYPTION_KEY must be base64 of 32 bytes' );
	return crypto.subtle.importKey( 'raw', raw, 'AES-GCM', false, [
		'encrypt',
		'decrypt',
	] );
}

/** AES-256-GCM; the result is `v1.<iv b64>.<ciphertext b64>`. */
export async function encryptSecret(
	keyB64: string,
	plain: string
): Promise< string > {
	const iv = crypto.getRandomValues( new Uint8Array( 12 ) );
	const ct = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		await aesKey( keyB64 ),
		enc.encode( plain )
	);
	return `v1.${ b64( iv ) }.${ b64( new Uint8Array( ct ) ) }`;
}

export async function decryptSecret(
	keyB64: string,
	sealed: string
): Promise< string > {
	const [ v, iv, ct ] = sealed.split( '.' );
	if ( v !== 'v1' || ! iv || ! ct )
		throw new Error( 'unknown secret format' );
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: unb64( iv ) as BufferSource },
		await aesKey( keyB64 ),
		unb64( ct )
	);
	return dec.decode( plain );
}
