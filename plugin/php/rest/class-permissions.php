<?php
/**
 * Who may call a route: a logged-in user with a capability, a user with an IGNY8 role, or the cloud
 * with a valid signature.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Signer;
use IGNY8\Token;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class Permissions {

	/** @return true|WP_Error */
	public static function user_can( string $capability ) {
		if ( current_user_can( $capability ) ) {
			return true;
		}
		return self::forbidden();
	}

	/**
	 * A logged-in user whose capabilities map to an IGNY8 role (Token::role_for()); below edit_posts,
	 * a 403 that says why, so the screens can tell it apart from an expired session.
	 *
	 * @return true|WP_Error
	 */
	public static function igny8_user() {
		if ( ! is_user_logged_in() ) {
			return self::forbidden();
		}
		if ( null !== Token::role_for( wp_get_current_user() ) ) {
			return true;
		}
		return new WP_Error(
			'igny8_role_forbidden',
			__( 'Your WordPress role cannot use IGNY8.', 'igny8' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/** @return true|WP_Error */
	public static function signed_by_cloud( WP_REST_Request $request ) {
		return Signer::verify( $request );
	}

	private static function forbidden(): WP_Error {
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to do that.', 'igny8' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
