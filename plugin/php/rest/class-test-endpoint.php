<?php
/**
 * POST /igny8/v1/test: has the cloud check the connection both ways (WordPress → cloud, cloud → WordPress).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Connection;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Test_Endpoint extends Endpoint {

	public function route(): string {
		return '/test';
	}

	public function methods(): string {
		return WP_REST_Server::CREATABLE;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::user_can( 'manage_options' );
	}

	public function handle( WP_REST_Request $request ) {
		$result = Connection::test();
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}
