// WordPress <-> cloud request signing (ARCHITECTURE §4). The PHP bridge implements the same canonical form.
export const SIGNATURE_HEADERS = {
	site: 'X-IGNY8-Site',
	timestamp: 'X-IGNY8-Timestamp',
	nonce: 'X-IGNY8-Nonce',
	signature: 'X-IGNY8-Signature',
} as const;

export const MAX_CLOCK_SKEW_SECONDS = 300;
export const NONCE_TTL_SECONDS = 600;

const encoder = new TextEncoder();

export function toHex( bytes: ArrayBuffer | Uint8Array ): string {
	const view = bytes instanceof Uint8Array ? bytes : new Uint8Array( bytes );
	let out = '';
	for ( const b of view ) out += b.toString( 16 ).padStart( 2, '0' );
	return out;
}

export async function sha256Hex(
	body: string | Uint8Array
): Promise< string > {
	const data = typeof body === 'string' ? encoder.encode( body ) : body;
	return toHex(
		await crypto.subtle.digest( 'SHA-256', data as BufferSource )
	);
}

/** METHOD \n TARGET (path + ?query as sent) \n TIMESTAMP \n NONCE \n hex(sha256(body)) */
export async function canonicalRequest(
	method: string,
	target: string,
	timestamp: string,
	nonce: string,
	body: string | Uint8Array
): Promise< string > {
	return [
		method.toUpperCase(),
		target,
		timestamp,
		nonce,
		await sha256Hex( body ),
	].join( '\n' );
}

export async function hmacHex(
	secret: string,
	message: string
): Promise< string > {
	const key = await crypto.subtle.importKey(
		'raw',
		encoder.encode( secret ),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		[ 'sign' ]
	);
	return toHex(
		await crypto.subtle.sign( 'HMAC', key, encoder.encode( message ) )
	);
}

export function randomHex( bytes: number ): string {
	return toHex( crypto.getRandomValues( new Uint8Array( bytes ) ) );
}

/** Headers for a signed request from either side. */
export async function signRequest( opts: {
	siteId: number | string;
	secret: string;
	method: string;
	target: string;
	body?: string;
	now?: number;
	nonce?: string;
} ): Promise< Record< string, string > > {
	const timestamp = String( Math.floor( ( opts.now ?? Date.now() ) / 1000 ) );
	const nonce = opts.nonce ?? randomHex( 16 );
	const canonical = await canonicalRequest(
		opts.method,
		opts.target,
		timestamp,
		nonce,
		opts.body ?? ''
	);
	return {
		[ SIGNATURE_HEADERS.site ]: String( opts.siteId ),
		[ SIGNATURE_HEADERS.timestamp ]: timestamp,
		[ SIGNATURE_HEADERS.nonce ]: nonce,
		[ SIGNATURE_HEADERS.signature ]: await hmacHex(
			opts.secret,
			canonical
		),
	};
}

/** Constant-time comparison of two hex strings. */
export function safeEqual( a: string, b: string ): boolean {
	if ( a.length !== b.length ) return false;
	let diff = 0;
	for ( let i = 0; i < a.length; i++ )
		diff |= a.charCodeAt( i ) ^ b.charCodeAt( i );
	return diff === 0;
}
