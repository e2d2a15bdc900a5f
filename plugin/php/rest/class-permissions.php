<?php
/**
 * Who may call a route: a logged-in user with a capability, or the cloud with a valid signature.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Signer;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class Permissions {

	/** @return true|WP_Error */
	public static function user_can( string $capability ) {
		if ( current_user_can( $capability ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to do that.', 'igny8' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/** @return true|WP_Error */
	public static function signed_by_cloud( WP_REST_Request $request ) {
		return Signer::verify( $request );
	}
}
