<?php
/**
 * One REST route of the igny8/v1 namespace: its contract (methods, args schema, permission) next to
 * its handler. Subclasses stay small; shared checks live in Permissions.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

abstract class Endpoint {

	const REST_NAMESPACE = 'igny8/v1';

	/** Route under the namespace, e.g. "/status". */
	abstract public function route(): string;

	/** e.g. WP_REST_Server::READABLE. */
	abstract public function methods(): string;

	/**
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	abstract public function permission( WP_REST_Request $request );

	/**
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	abstract public function handle( WP_REST_Request $request );

	/** Argument schema; none by default. */
	public function args(): array {
		return array();
	}

	public function register(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			$this->route(),
			array(
				'methods'             => $this->methods(),
				'callback'            => array( $this, 'handle' ),
				'permission_callback' => array( $this, 'permission' ),
				'args'                => $this->args(),
			)
		);
	}
}
