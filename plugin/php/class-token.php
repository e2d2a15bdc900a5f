<?php
/**
 * Short-lived JWT (HS256, keyed with the site secret) that lets wp-admin's JavaScript call the cloud
 * directly as the current WordPress user. The cloud maps `role` to what the user may do.
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_User;

defined( 'ABSPATH' ) || exit;

final class Token {

	const ISSUER   = 'igny8-wp';
	const AUDIENCE = 'igny8-cloud';
	const TTL      = 600;

	/** manage_options → admin, edit_posts → editor, anything else → viewer. */
	public static function role_for( WP_User $user ): string {
		if ( user_can( $user, 'manage_options' ) ) {
			return 'admin';
		}
		if ( user_can( $user, 'edit_posts' ) ) {
			return 'editor';
		}
		return 'viewer';
	}

	/**
	 * @param WP_User $user       Who the token speaks for.
	 * @param array   $connection Connection::get().
	 * @return array{token: string, expires_at: int, cloud_url: string, site_id: int, role: string}
	 */
	public static function mint( WP_User $user, array $connection ): array {
		$now    = time();
		$role   = self::role_for( $user );
		$claims = array(
			'iss'        => self::ISSUER,
			'aud'        => self::AUDIENCE,
			'sub'        => 'wp:' . $user->ID,
			'site_id'    => (int) $connection['site_id'],
			'wp_user_id' => (int) $user->ID,
			'role'       => $role,
			'name'       => $user->display_name,
			'iat'        => $now,
			'exp'        => $now + self::TTL,
			'jti'        => bin2hex( random_bytes( 16 ) ),
		);

		return array(
			'token'      => self::encode( $claims, $connection['site_secret'] ),
			'expires_at' => $claims['exp'],
			'cloud_url'  => $connection['cloud_url'],
			'site_id'    => (int) $connection['site_id'],
			'role'       => $role,
		);
	}

	public static function encode( array $claims, string $secret ): string {
		$header  = self::base64url( (string) wp_json_encode( array( 'alg' => 'HS256', 'typ' => 'JWT' ) ) );
		$payload = self::base64url( (string) wp_json_encode( $claims ) );
		$signed  = $header . '.' . $payload;
		return $signed . '.' . self::base64url( hash_hmac( 'sha256', $signed, $secret, true ) );
	}

	private static function base64url( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- JWT encoding.
	}
}
