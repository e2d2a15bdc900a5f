<?php
/**
 * GET /igny8/v1/token: a 10-minute JWT for the current user, so wp-admin can call the cloud directly.
 * Only for users with an IGNY8 role (edit_posts and up, see Token::role_for()).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Connection;
use IGNY8\Token;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Token_Endpoint extends Endpoint {

	public function route(): string {
		return '/token';
	}

	public function methods(): string {
		return WP_REST_Server::READABLE;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::igny8_user();
	}

	public function handle( WP_REST_Request $request ) {
		$connection = Connection::get();
		if ( null === $connection ) {
			return Connection::not_connected();
		}
		$response = rest_ensure_response( Token::mint( wp_get_current_user(), $connection ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}
}
