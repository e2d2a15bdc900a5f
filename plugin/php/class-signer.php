<?php
/**
 * Server-to-server request signatures, both directions (the cloud implements the same in TypeScript):
 *
 *   canonical = METHOD \n TARGET \n TIMESTAMP \n NONCE \n hex(sha256(body))
 *   signature = hex(hmac_sha256(canonical, site_secret))
 *
 * TARGET is the request target as sent: path plus "?query" when there is one.
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class Signer {

	const HEADER_SITE      = 'X-IGNY8-Site';
	const HEADER_TIMESTAMP = 'X-IGNY8-Timestamp';
	const HEADER_NONCE     = 'X-IGNY8-Nonce';
	const HEADER_SIGNATURE = 'X-IGNY8-Signature';

	/** Largest accepted clock difference, in seconds. */
	const MAX_SKEW = 300;

	/** How long a seen nonce is remembered (Nonces), in seconds: at least twice MAX_SKEW. */
	const NONCE_TTL = 600;

	public static function canonical( string $method, string $target, string $timestamp, string $nonce, string $body ): string {
		return strtoupper( $method ) . "\n" . $target . "\n" . $timestamp . "\n" . $nonce . "\n" . hash( 'sha256', $body );
	}

	public static function signature( string $canonical, string $secret ): string {
		return hash_hmac( 'sha256', $canonical, $secret );
	}

	public static function new_nonce(): string {
		return bin2hex( random_bytes( 16 ) );
	}

	/**
	 * Headers for an outgoing signed request.
	 *
	 * @return array<string, string>
	 */
	public static function headers( int $site_id, string $secret, string $method, string $target, string $body ): array {
		$timestamp = (string) time();
		$nonce     = self::new_nonce();
		return array(
			self::HEADER_SITE      => (string) $site_id,
			self::HEADER_TIMESTAMP => $timestamp,
			self::HEADER_NONCE     => $nonce,
			self::HEADER_SIGNATURE => self::signature( self::canonical( $method, $target, $timestamp, $nonce, $body ), $secret ),
		);
	}

	/** Whether the request claims to come from the cloud (carries a signature header). */
	public static function is_signed( WP_REST_Request $request ): bool {
		return null !== $request->get_header( self::HEADER_SIGNATURE );
	}

	/**
	 * Checks an incoming request signed by the cloud. The nonce is spent only once the signature is
	 * valid, so forged requests cannot burn nonces; of concurrent copies, exactly one gets through.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param string|null     $target  Request target; defaults to the raw REQUEST_URI.
	 * @return true|WP_Error
	 */
	public static function verify( WP_REST_Request $request, ?string $target = null ) {
		$site_id   = (string) $request->get_header( self::HEADER_SITE );
		$timestamp = (string) $request->get_header( self::HEADER_TIMESTAMP );
		$nonce     = (string) $request->get_header( self::HEADER_NONCE );
		$signature = strtolower( (string) $request->get_header( self::HEADER_SIGNATURE ) );

		if ( '' === $site_id || '' === $timestamp || '' === $nonce || '' === $signature ) {
			return self::error( 'igny8_bad_signature', __( 'Missing IGNY8 signature headers.', 'igny8' ) );
		}

		$connection = Connection::get();
		if ( null === $connection ) {
			return self::error( 'igny8_not_connected', __( 'This site is not connected to IGNY8.', 'igny8' ) );
		}

		if ( ! ctype_digit( $site_id ) || (int) $site_id !== $connection['site_id'] ) {
			return self::error( 'igny8_bad_signature', __( 'The request is signed for another site.', 'igny8' ) );
		}

		$now = time();
		if ( ! ctype_digit( $timestamp ) || abs( $now - (int) $timestamp ) > self::MAX_SKEW ) {
			return self::error( 'igny8_stale_request', __( 'The request timestamp is too far from the current time.', 'igny8' ) );
		}

		if ( ! preg_match( '/^[A-Za-z0-9_-]{16,128}$/', $nonce ) || ! preg_match( '/^[0-9a-f]{64}$/', $signature ) ) {
			return self::error( 'igny8_bad_signature', __( 'Malformed IGNY8 signature headers.', 'igny8' ) );
		}

		if ( null === $target ) {
			$target = isset( $_SERVER['REQUEST_URI'] ) ? wp_unslash( $_SERVER['REQUEST_URI'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared byte for byte, never output.
		}
		$canonical = self::canonical( $request->get_method(), $target, $timestamp, $nonce, (string) $request->get_body() );
		if ( ! hash_equals( self::signature( $canonical, $connection['site_secret'] ), $signature ) ) {
			return self::error( 'igny8_bad_signature', __( 'The IGNY8 signature does not match.', 'igny8' ) );
		}

		if ( ! Nonces::spend( $nonce, $now ) ) {
			return self::error( 'igny8_replayed_nonce', __( 'This request was already received.', 'igny8' ) );
		}

		return true;
	}

	private static function error( string $code, string $message ): WP_Error {
		return new WP_Error( $code, $message, array( 'status' => 401 ) );
	}
}
