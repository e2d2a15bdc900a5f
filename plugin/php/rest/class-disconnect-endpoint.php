<?php
/**
 * POST /igny8/v1/disconnect: called by an admin (we tell the cloud, then forget the connection) or
 * by the cloud itself with a signed request (it already forgot us; we only clear locally).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Connection;
use IGNY8\Signer;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Disconnect_Endpoint extends Endpoint {

	public function route(): string {
		return '/disconnect';
	}

	public function methods(): string {
		return WP_REST_Server::CREATABLE;
	}

	public function permission( WP_REST_Request $request ) {
		if ( Signer::is_signed( $request ) ) {
			return Permissions::signed_by_cloud( $request );
		}
		return Permissions::user_can( 'manage_options' );
	}

	public function handle( WP_REST_Request $request ) {
		return rest_ensure_response( Connection::disconnect( ! Signer::is_signed( $request ) ) );
	}
}
