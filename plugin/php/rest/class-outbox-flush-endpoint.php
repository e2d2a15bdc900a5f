<?php
/**
 * POST /igny8/v1/outbox/flush (administrators): sends the outbox now, retries waiting included, and
 * answers the backlog after (as GET /status shows it under `outbox`).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Connection;
use IGNY8\Outbox;
use IGNY8\Outbox_Delivery;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Outbox_Flush_Endpoint extends Endpoint {

	public function route(): string {
		return '/outbox/flush';
	}

	public function methods(): string {
		return WP_REST_Server::CREATABLE;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::user_can( 'manage_options' );
	}

	public function handle( WP_REST_Request $request ) {
		if ( ! Connection::is_connected() ) {
			return Connection::not_connected();
		}
		Outbox_Delivery::run( true );
		return rest_ensure_response( Outbox::backlog() );
	}
}
