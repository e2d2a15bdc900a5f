<?php
/**
 * Talks to the IGNY8 cloud: JSON in, JSON envelope out ({ success, data } or { success: false, error, code }).
 * Uses wp_remote_request, not wp_safe_remote_*: the cloud URL is set by an admin and may be a local
 * address on a non-standard port (e.g. http://127.0.0.1:8787 in development).
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Cloud_Client {

	const TIMEOUT = 15;

	/** @var string */
	private $base_url;

	/** @var array|null Connection (site_id, site_secret) used to sign; null for unsigned calls. */
	private $connection;

	public function __construct( string $base_url, ?array $connection = null ) {
		$this->base_url   = untrailingslashit( $base_url );
		$this->connection = $connection;
	}

	public static function for_connection( array $connection ): Cloud_Client {
		return new self( $connection['cloud_url'], $connection );
	}

	/**
	 * @param string     $method HTTP method.
	 * @param string     $path   Path under the cloud URL, starting with "/".
	 * @param array|null $body   JSON body; null sends none. An empty array is sent as {}.
	 * @return array|WP_Error The envelope's data.
	 */
	public function request( string $method, string $path, ?array $body = null ) {
		$method  = strtoupper( $method );
		$url     = $this->base_url . $path;
		$payload = '';
		if ( null !== $body ) {
			$payload = array() === $body ? '{}' : (string) wp_json_encode( $body );
		}

		$headers = array(
			'Accept'     => 'application/json',
			'User-Agent' => 'IGNY8-WordPress/' . IGNY8_VERSION . '; ' . home_url(),
		);
		if ( null !== $body ) {
			$headers['Content-Type'] = 'application/json';
		}
		if ( null !== $this->connection ) {
			$headers += Signer::headers(
				(int) $this->connection['site_id'],
				(string) $this->connection['site_secret'],
				$method,
				self::target( $url ),
				$payload
			);
		}

		$args = array(
			'method'      => $method,
			'headers'     => $headers,
			'timeout'     => self::TIMEOUT,
			'redirection' => 0,
		);
		if ( null !== $body ) {
			$args['body'] = $payload;
		}

		return self::parse( wp_remote_request( $url, $args ) );
	}

	/** The request target as it goes on the wire: path plus query. */
	public static function target( string $url ): string {
		$path  = (string) wp_parse_url( $url, PHP_URL_PATH );
		$query = (string) wp_parse_url( $url, PHP_URL_QUERY );
		return ( '' === $path ? '/' : $path ) . ( '' === $query ? '' : '?' . $query );
	}

	/**
	 * @param array|WP_Error $response wp_remote_request() result.
	 * @return array|WP_Error
	 */
	private static function parse( $response ) {
		if ( is_wp_error( $response ) ) {
			return new WP_Error(
				'igny8_cloud_unreachable',
				/* translators: %s: the HTTP error. */
				sprintf( __( 'The IGNY8 cloud could not be reached: %s', 'igny8' ), $response->get_error_message() ),
				array( 'status' => 502 )
			);
		}

		$status   = (int) wp_remote_retrieve_response_code( $response );
		$envelope = json_decode( (string) wp_remote_retrieve_body( $response ), true );

		if ( ! is_array( $envelope ) || ! isset( $envelope['success'] ) ) {
			return new WP_Error(
				'igny8_cloud_bad_response',
				/* translators: %d: HTTP status code. */
				sprintf( __( 'The IGNY8 cloud sent an unexpected answer (HTTP %d).', 'igny8' ), $status ),
				array( 'status' => 502 )
			);
		}

		if ( true === $envelope['success'] && $status >= 200 && $status < 300 ) {
			return isset( $envelope['data'] ) && is_array( $envelope['data'] ) ? $envelope['data'] : array();
		}

		$data = array( 'status' => ( $status >= 400 && $status < 500 ) ? $status : 502 );
		if ( isset( $envelope['request_id'] ) ) {
			$data['request_id'] = $envelope['request_id'];
		}
		if ( isset( $envelope['errors'] ) ) {
			$data['errors'] = $envelope['errors'];
		}
		return new WP_Error(
			isset( $envelope['code'] ) && is_string( $envelope['code'] ) && '' !== $envelope['code'] ? $envelope['code'] : 'igny8_cloud_error',
			isset( $envelope['error'] ) && is_string( $envelope['error'] ) ? $envelope['error'] : __( 'The IGNY8 cloud refused the request.', 'igny8' ),
			$data
		);
	}
}
