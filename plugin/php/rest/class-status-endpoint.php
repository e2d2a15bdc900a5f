<?php
/**
 * GET /igny8/v1/status: the connection as admins and editors may see it (never the secret), and the
 * sync outbox's backlog (`outbox`: pending, failed, oldest_pending_at, last_delivery_at, last_error).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Connection;
use IGNY8\Outbox;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Status_Endpoint extends Endpoint {

	public function route(): string {
		return '/status';
	}

	public function methods(): string {
		return WP_REST_Server::READABLE;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::user_can( 'edit_posts' );
	}

	public function handle( WP_REST_Request $request ) {
		return rest_ensure_response( Connection::status() + array( 'outbox' => Outbox::backlog() ) );
	}
}
