<?php
/**
 * The one registry of the plugin's options. None is autoloaded: public pages never read them.
 *
 * - igny8_connection (array): cloud_url, site_id (int), site_secret (64 hex chars), account_name,
 *   site_name, connected_at (ISO 8601, UTC). Holds the secret: never sent out, never logged.
 * - igny8_settings (array): cloud_url, the admin-configured cloud address.
 * - igny8_db_version (string): schema version of the outbox table.
 * - igny8_nonce_{sha256 of a nonce} (string, Unix time it was seen): nonces of signed requests already
 *   received, kept Signer::NONCE_TTL. Written and deleted by Nonces with SQL (atomically), never through
 *   this class; not in the registry.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Options {

	const CONNECTION = 'igny8_connection';
	const SETTINGS   = 'igny8_settings';
	const DB_VERSION = 'igny8_db_version';

	/** Transients of the plugin start with this (earlier builds kept seen nonces in `igny8_n_*` transients). */
	const TRANSIENT_PREFIX = 'igny8_';

	const DEFAULT_CLOUD_URL = 'https://api.igny8.com';

	/** @return array<string, mixed> option name => default value */
	public static function registry(): array {
		return array(
			self::CONNECTION => array(),
			self::SETTINGS   => array(),
			self::DB_VERSION => '',
		);
	}

	/** @return string[] */
	public static function names(): array {
		return array_keys( self::registry() );
	}

	/**
	 * @param string $name One of the constants above.
	 * @return mixed The stored value, or the registry default (with the registry's type).
	 */
	public static function get( string $name ) {
		$defaults = self::registry();
		$default  = isset( $defaults[ $name ] ) ? $defaults[ $name ] : null;
		$value    = get_option( $name, $default );
		if ( is_array( $default ) && ! is_array( $value ) ) {
			return $default;
		}
		return $value;
	}

	/**
	 * Saves an option, never autoloaded.
	 *
	 * @param string $name  One of the constants above.
	 * @param mixed  $value Value.
	 */
	public static function update( string $name, $value ): bool {
		return update_option( $name, $value, false );
	}

	public static function delete( string $name ): bool {
		return delete_option( $name );
	}

	/** The cloud address an admin configured; falls back to IGNY8_CLOUD_URL, then the public cloud. */
	public static function settings_cloud_url(): string {
		$settings = self::get( self::SETTINGS );
		if ( ! empty( $settings['cloud_url'] ) && is_string( $settings['cloud_url'] ) ) {
			return $settings['cloud_url'];
		}
		if ( defined( 'IGNY8_CLOUD_URL' ) && is_string( IGNY8_CLOUD_URL ) && '' !== IGNY8_CLOUD_URL ) {
			return untrailingslashit( IGNY8_CLOUD_URL );
		}
		return self::DEFAULT_CLOUD_URL;
	}

	public static function save_settings_cloud_url( string $cloud_url ): void {
		$settings              = self::get( self::SETTINGS );
		$settings['cloud_url'] = $cloud_url;
		self::update( self::SETTINGS, $settings );
	}
}
