// URLs that a user chooses (a WordPress site's address, an AI provider's base URL) are fetched by the
// Worker, so they must not point it at private networks: https to a public host only. Plain http, and
// loopback hosts, only in local development behind the explicit DEV_ALLOW_LOOPBACK flag (.dev.vars, tests).
import type { Env } from '../env';
import { validation } from './errors';

/** Hosts that name this machine or a private network by name. */
const PRIVATE_NAMES =
	/(^|\.)(localhost|local|internal|intranet|lan|home|corp|localdomain|home\.arpa)$/i;

function ipv4Parts( host: string ): number[] | null {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec( host );
	if ( ! m ) return null;
	const parts = m.slice( 1 ).map( Number );
	return parts.every( ( n ) => n <= 255 ) ? parts : null;
}

function isPrivateIpv4( [ a, b ]: number[] ): boolean {
	return (
		a === 0 || // "this network"
		a === 10 ||
		a === 127 ||
		( a === 100 && b! >= 64 && b! <= 127 ) || // carrier-grade NAT
		( a === 169 && b === 254 ) || // link-local, cloud metadata
		( a === 172 && b! >= 16 && b! <= 31 ) ||
		( a === 192 && b === 168 ) ||
		( a === 192 && b === 0 ) || // IETF protocol assignments
		( a === 198 && ( b === 18 || b === 19 ) ) || // benchmarking
		a! >= 224 // multicast, reserved, broadcast
	);
}

/**
 * Whether an IPv6 literal (without brackets) is loopback, unspecified, unique-local, link-local, multicast
 * or maps a private IPv4.
 */
function isPrivateIpv6( host: string ): boolean {
	const h = host.toLowerCase();
	if ( h === '::1' || h === '::' ) return true;
	const mapped = /^::ffff:(.+)$/.exec( h );
	if ( mapped ) {
		const v4 = ipv4Parts( mapped[ 1 ]! );
		if ( v4 ) return isPrivateIpv4( v4 );
		// The URL parser writes mapped addresses as hex: ::ffff:7f00:1
		const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec( mapped[ 1 ]! );
		if ( hex ) {
			const hi = parseInt( hex[ 1 ]!, 16 );
			const lo = parseInt( hex[ 2 ]!, 16 );
			return isPrivateIpv4( [ hi >> 8, hi & 255, lo >> 8, lo & 255 ] );
		}
		return true;
	}
	return (
		/^(fc|fd|fe[89ab]|ff)/.test( h ) ||
		h.startsWith( '64:ff9b:' ) ||
		h.startsWith( '::' )
	);
}

export function isLoopbackHost( hostname: string ): boolean {
	const host = hostname.replace( /^\[|\]$/g, '' ).toLowerCase();
	const v4 = ipv4Parts( host );
	return (
		host === 'localhost' ||
		host.endsWith( '.localhost' ) ||
		host === '::1' ||
		( v4 !== null && v4[ 0 ] === 127 )
	);
}

/** Whether a host name or IP literal is private, loopback, link-local or otherwise not on the public internet. */
export function isPrivateHost( hostname: string ): boolean {
	const host = hostname
		.replace( /^\[|\]$/g, '' )
		.replace( /\.$/, '' )
		.toLowerCase();
	if ( ! host ) return true;
	const v4 = ipv4Parts( host );
	if ( v4 ) return isPrivateIpv4( v4 );
	if ( host.includes( ':' ) ) return isPrivateIpv6( host );
	// A bare name without a dot resolves only on a private network.
	return PRIVATE_NAMES.test( host ) || ! host.includes( '.' );
}

function devLoopbackAllowed( env: Pick< Env, 'DEV_ALLOW_LOOPBACK' > ): boolean {
	return env.DEV_ALLOW_LOOPBACK === 'true';
}

/** Why `raw` may not be fetched, or null when it may. */
export function outboundUrlProblem(
	env: Pick< Env, 'DEV_ALLOW_LOOPBACK' >,
	raw: string
): string | null {
	let url: URL;
	try {
		url = new URL( raw );
	} catch {
		return 'is not a URL';
	}
	if ( url.username || url.password )
		return 'must not carry a user name or password';
	const loopbackOk =
		devLoopbackAllowed( env ) && isLoopbackHost( url.hostname );
	if (
		url.protocol !== 'https:' &&
		! ( url.protocol === 'http:' && loopbackOk )
	)
		return 'must use https';
	if ( isPrivateHost( url.hostname ) && ! loopbackOk )
		return 'must be a public address (not a private, loopback or link-local host)';
	return null;
}

/** The URL, checked; a 400 naming `field` otherwise. */
export function checkOutboundUrl(
	env: Pick< Env, 'DEV_ALLOW_LOOPBACK' >,
	raw: string,
	field: string
): URL {
	const problem = outboundUrlProblem( env, raw );
	if ( problem )
		throw validation( `The ${ field.replace( /_/g, ' ' ) } ${ problem }`, {
			[ field ]: [ problem ],
		} );
	return new URL( raw );
}

/** fetch that does not follow redirects: a public URL must not bounce the Worker onto a private one. */
export const fetchNoRedirect: typeof fetch = ( input, init ) =>
	fetch( input, { ...init, redirect: 'manual' } );
