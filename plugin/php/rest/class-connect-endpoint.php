<?php
/**
 * POST /igny8/v1/connect { cloud_url, code }: trades a connection code for a site id and secret.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Connection;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Connect_Endpoint extends Endpoint {

	public function route(): string {
		return '/connect';
	}

	public function methods(): string {
		return WP_REST_Server::CREATABLE;
	}

	public function args(): array {
		return array(
			'cloud_url' => array(
				'description'       => __( 'Address of the IGNY8 cloud, e.g. https://api.igny8.com.', 'igny8' ),
				'type'              => 'string',
				'format'            => 'uri',
				'required'          => true,
				'validate_callback' => array( $this, 'validate_cloud_url' ),
				'sanitize_callback' => array( Connection::class, 'normalize_url' ),
			),
			'code'      => array(
				'description' => __( 'Connection code made in the IGNY8 cloud.', 'igny8' ),
				'type'        => 'string',
				'required'    => true,
				'minLength'   => 1,
				'maxLength'   => 200,
			),
		);
	}

	/**
	 * Schema check, then: an absolute http(s) URL (the uri format alone accepts "example").
	 *
	 * @param mixed           $value   Value.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return true|WP_Error
	 */
	public function validate_cloud_url( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		if ( '' === Connection::normalize_url( (string) $value ) ) {
			/* translators: %s: parameter name. */
			return new WP_Error( 'rest_invalid_param', sprintf( __( '%s must be an http(s) URL.', 'igny8' ), $param ) );
		}
		return true;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::user_can( 'manage_options' );
	}

	public function handle( WP_REST_Request $request ) {
		$result = Connection::connect( (string) $request['cloud_url'], (string) $request['code'] );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}
