<?php
/**
 * Short-lived JWT (HS256, keyed with the site secret) that lets wp-admin's JavaScript call the cloud
 * directly as the current WordPress user. The cloud maps `role` to what the user may do.
 *
 * @package IGNY8
 */

namespace IGNY8;

use LogicException;
use WP_User;

defined( 'ABSPATH' ) || exit;

final class Token {

	const ISSUER   = 'igny8-wp';
	const AUDIENCE = 'igny8-cloud';
	const TTL      = 600;

	/** The least a user needs to use IGNY8 at all: its menu, its screens, a token. */
	const ACCESS_CAPABILITY = 'edit_posts';

	/** WordPress capability => IGNY8 role, most powerful first (see role_for()). */
	const ROLES = array(
		'manage_options'        => 'admin',
		'edit_others_posts'     => 'editor',
		self::ACCESS_CAPABILITY => 'viewer',
	);

	/**
	 * The IGNY8 role a WordPress user acts with in the cloud, from their capabilities:
	 *
	 * - manage_options    → admin:  everything for this site, site strategies included.
	 * - edit_others_posts → editor: edits planner and writer data, spends credits (starts AI jobs).
	 * - edit_posts        → viewer: reads only.
	 * - anything less     → null:   no IGNY8 at all (no menu, no screens, no token).
	 *
	 * Contributors and authors edit their own posts only, so they may look but not change the plan
	 * or spend the account's credits. This is the one place the mapping is decided; the token
	 * endpoint, the admin menu and the screens' initial state all follow it.
	 *
	 * @param WP_User $user Any user, including the anonymous one (ID 0).
	 * @return 'admin'|'editor'|'viewer'|null
	 */
	public static function role_for( WP_User $user ): ?string {
		foreach ( self::ROLES as $capability => $role ) {
			if ( user_can( $user, $capability ) ) {
				return $role;
			}
		}
		return null;
	}

	/**
	 * @param WP_User $user       Who the token speaks for; must have a role (REST\Permissions::igny8_user()).
	 * @param array   $connection Connection::get().
	 * @return array{token: string, expires_at: int, cloud_url: string, site_id: int, role: string}
	 * @throws LogicException When the user has no IGNY8 role: a token is never minted for them.
	 */
	public static function mint( WP_User $user, array $connection ): array {
		$role = self::role_for( $user );
		if ( null === $role ) {
			throw new LogicException( 'IGNY8: no token for a user without an IGNY8 role.' );
		}
		$now    = time();
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
