<?php
/**
 * POST /igny8/v1/terms { taxonomy, names } (signed by the cloud): the terms of these names, matched
 * without case, made where missing; { terms } in the order of names.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Publisher;
use IGNY8\Sync;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Terms_Endpoint extends Endpoint {

	public function route(): string {
		return '/terms';
	}

	public function methods(): string {
		return WP_REST_Server::CREATABLE;
	}

	public function args(): array {
		return array(
			'taxonomy' => array(
				'description' => __( 'category or post_tag.', 'igny8' ),
				'type'        => 'string',
				'enum'        => Sync::TAXONOMIES,
				'required'    => true,
			),
			'names'    => array(
				'description' => __( 'Term names.', 'igny8' ),
				'type'        => 'array',
				'items'       => array(
					'type'      => 'string',
					'minLength' => 1,
					'maxLength' => 200,
				),
				'minItems'    => 1,
				'maxItems'    => 50,
				'required'    => true,
			),
		);
	}

	public function validate( WP_REST_Request $request ) {
		$strict = $this->strict_json_body( $request );
		if ( true !== $strict ) {
			return $strict;
		}
		foreach ( (array) $request['names'] as $i => $name ) {
			if ( is_string( $name ) && '' === trim( $name ) ) {
				/* translators: %d: index in the list. */
				return new WP_Error( 'rest_invalid_param', sprintf( __( 'names[%d] is empty.', 'igny8' ), $i ), array( 'status' => 400 ) );
			}
		}
		return true;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::signed_by_cloud( $request );
	}

	public function handle( WP_REST_Request $request ) {
		$names = array_map( 'trim', array_map( 'strval', (array) $request['names'] ) );
		$terms = Publisher::terms( (string) $request['taxonomy'], $names );
		return is_wp_error( $terms ) ? $terms : rest_ensure_response( array( 'terms' => $terms ) );
	}
}
