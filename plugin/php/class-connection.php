<?php
/**
 * The site's link to the IGNY8 cloud: connect with a one-time code, test both directions, disconnect.
 * Usable from REST handlers and from scripts run through wp-load.php (e.g. the local dev setup).
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Connection {

	/**
	 * The stored connection, or null when the site is not (validly) connected.
	 *
	 * @return array{cloud_url: string, site_id: int, site_secret: string, account_name: string, site_name: string, connected_at: string}|null
	 */
	public static function get(): ?array {
		$connection = Options::get( Options::CONNECTION );
		if ( empty( $connection['site_id'] ) || empty( $connection['cloud_url'] ) || ! isset( $connection['site_secret'] )
			|| ! preg_match( '/^[0-9a-f]{64}$/', (string) $connection['site_secret'] ) ) {
			return null;
		}
		return array(
			'cloud_url'    => (string) $connection['cloud_url'],
			'site_id'      => (int) $connection['site_id'],
			'site_secret'  => (string) $connection['site_secret'],
			'account_name' => isset( $connection['account_name'] ) ? (string) $connection['account_name'] : '',
			'site_name'    => isset( $connection['site_name'] ) ? (string) $connection['site_name'] : '',
			'connected_at' => isset( $connection['connected_at'] ) ? (string) $connection['connected_at'] : '',
		);
	}

	public static function is_connected(): bool {
		return null !== self::get();
	}

	/** The connection's cloud URL, else the configured one. */
	public static function cloud_url(): string {
		$connection = self::get();
		return $connection ? $connection['cloud_url'] : Options::settings_cloud_url();
	}

	/** What admins may see of the connection: everything but the secret. */
	public static function status(): array {
		$connection = self::get();
		return array(
			'connected'      => null !== $connection,
			'cloud_url'      => self::cloud_url(),
			'site_id'        => $connection ? $connection['site_id'] : null,
			'site_name'      => $connection ? $connection['site_name'] : null,
			'account_name'   => $connection ? $connection['account_name'] : null,
			'connected_at'   => $connection ? $connection['connected_at'] : null,
			'plugin_version' => IGNY8_VERSION,
			'wp_version'     => get_bloginfo( 'version' ),
		);
	}

	/**
	 * Exchanges a connection code (made in the IGNY8 cloud) for a site id and secret.
	 * The code is the credential, so this call is not signed.
	 *
	 * @return array|WP_Error status() after connecting.
	 */
	public static function connect( string $cloud_url, string $code ) {
		$cloud_url = self::normalize_url( $cloud_url );
		$code      = trim( $code );
		if ( '' === $cloud_url ) {
			return new WP_Error( 'igny8_invalid_cloud_url', __( 'The cloud URL must be an http(s) address.', 'igny8' ), array( 'status' => 400 ) );
		}
		if ( '' === $code ) {
			return new WP_Error( 'igny8_invalid_code', __( 'Enter the connection code from your IGNY8 account.', 'igny8' ), array( 'status' => 400 ) );
		}

		Options::save_settings_cloud_url( $cloud_url );

		$data = ( new Cloud_Client( $cloud_url ) )->request(
			'POST',
			'/api/v1/integration/connect',
			array(
				'code'           => $code,
				'site_url'       => home_url(),
				'rest_url'       => rest_url(),
				'wp_version'     => get_bloginfo( 'version' ),
				'plugin_version' => IGNY8_VERSION,
				'site_name'      => get_bloginfo( 'name' ),
			)
		);
		if ( is_wp_error( $data ) ) {
			return $data;
		}

		$site_id = isset( $data['site_id'] ) && is_numeric( $data['site_id'] ) ? (int) $data['site_id'] : 0;
		$secret  = isset( $data['site_secret'] ) && is_string( $data['site_secret'] ) ? strtolower( $data['site_secret'] ) : '';
		if ( $site_id <= 0 || ! preg_match( '/^[0-9a-f]{64}$/', $secret ) ) {
			return new WP_Error( 'igny8_cloud_bad_response', __( 'The IGNY8 cloud did not return a site id and secret.', 'igny8' ), array( 'status' => 502 ) );
		}

		Options::update(
			Options::CONNECTION,
			array(
				'cloud_url'    => $cloud_url,
				'site_id'      => $site_id,
				'site_secret'  => $secret,
				'account_name' => isset( $data['account']['name'] ) ? (string) $data['account']['name'] : '',
				'site_name'    => isset( $data['site']['name'] ) ? (string) $data['site']['name'] : get_bloginfo( 'name' ),
				'connected_at' => gmdate( 'Y-m-d\TH:i:s\Z' ),
			)
		);

		return self::status();
	}

	/**
	 * Asks the cloud to check both directions: it verifies our signature, then calls our signed
	 * /site-metadata route back.
	 *
	 * @return array|WP_Error { wp_to_cloud, cloud_to_wp, error?, site, account, plan }
	 */
	public static function test() {
		$connection = self::get();
		if ( null === $connection ) {
			return self::not_connected();
		}
		return Cloud_Client::for_connection( $connection )->request(
			'POST',
			'/api/v1/integration/sites/' . $connection['site_id'] . '/test',
			array()
		);
	}

	/**
	 * Forgets the connection. When $notify_cloud, tells the cloud first (best effort: the local
	 * connection is removed even if the cloud cannot be reached).
	 *
	 * @return array{connected: false, cloud_cleared: bool}
	 */
	public static function disconnect( bool $notify_cloud = true ): array {
		$connection    = self::get();
		$cloud_cleared = true;
		if ( null !== $connection && $notify_cloud ) {
			$result        = Cloud_Client::for_connection( $connection )->request(
				'POST',
				'/api/v1/integration/sites/' . $connection['site_id'] . '/disconnect',
				array()
			);
			$cloud_cleared = ! is_wp_error( $result );
		}
		Options::delete( Options::CONNECTION );
		return array(
			'connected'     => false,
			'cloud_cleared' => $cloud_cleared,
		);
	}

	public static function not_connected(): WP_Error {
		return new WP_Error( 'igny8_not_connected', __( 'This site is not connected to IGNY8.', 'igny8' ), array( 'status' => 409 ) );
	}

	/** "https://x.test/" → "https://x.test"; anything but an absolute http(s) URL → "". */
	public static function normalize_url( string $url ): string {
		$url = trim( $url );
		if ( ! preg_match( '#^https?://[^\s]+$#i', $url ) ) {
			return '';
		}
		$host = (string) wp_parse_url( $url, PHP_URL_HOST );
		if ( ! preg_match( '/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/i', $host ) ) {
			return '';
		}
		return untrailingslashit( esc_url_raw( $url, array( 'http', 'https' ) ) );
	}
}
