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

	/**
	 * Checks of the whole request, after each argument passed its schema; true by default.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function validate( WP_REST_Request $request ) {
		return true;
	}

	/**
	 * For JSON bodies described by a strict schema (shared/src/schemas/sync.ts): refuses keys the
	 * schema does not know and missing keys that may be null (WordPress's `required` takes null for
	 * missing).
	 *
	 * @param WP_REST_Request $request  Request.
	 * @param string[]        $nullable Keys that must be present, null or not.
	 * @param string[]|null   $allowed  Keys the body may have; default: those of args().
	 * @return true|WP_Error
	 */
	protected function strict_json_body( WP_REST_Request $request, array $nullable = array(), ?array $allowed = null ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) || ( $body && array_keys( $body ) === range( 0, count( $body ) - 1 ) ) ) {
			return new WP_Error( 'rest_invalid_json', __( 'The body must be a JSON object (Content-Type: application/json).', 'igny8' ), array( 'status' => 400 ) );
		}
		$unknown = array_values( array_diff( array_keys( $body ), null === $allowed ? array_keys( $this->args() ) : $allowed ) );
		if ( $unknown ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: parameter names. */
				sprintf( __( 'Unknown parameter(s): %s', 'igny8' ), implode( ', ', $unknown ) ),
				array(
					'status' => 400,
					'params' => $unknown,
				)
			);
		}
		$missing = array_values( array_diff( $nullable, array_keys( $body ) ) );
		if ( $missing ) {
			return new WP_Error(
				'rest_missing_callback_param',
				/* translators: %s: parameter names. */
				sprintf( __( 'Missing parameter(s): %s', 'igny8' ), implode( ', ', $missing ) ),
				array(
					'status' => 400,
					'params' => $missing,
				)
			);
		}
		return true;
	}

	public function register(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			$this->route(),
			array(
				'methods'             => $this->methods(),
				'callback'            => array( $this, 'handle' ),
				'permission_callback' => array( $this, 'permission' ),
				'validate_callback'   => array( $this, 'validate' ),
				'args'                => $this->args(),
			)
		);
	}
}
