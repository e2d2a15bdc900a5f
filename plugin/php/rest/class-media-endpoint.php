<?php
/**
 * POST /igny8/v1/media (signed by the cloud): an image into the media library, once per cloud image
 * (mediaBody → mediaResult; see IGNY8\Media).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Media;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Media_Endpoint extends Endpoint {

	public function route(): string {
		return '/media';
	}

	public function methods(): string {
		return WP_REST_Server::CREATABLE;
	}

	public function args(): array {
		return array(
			'ref'         => array(
				'description' => __( 'The cloud image (UUID).', 'igny8' ),
				'type'        => 'string',
				'pattern'     => '^[0-9a-f-]{32,36}$',
				'required'    => true,
			),
			'filename'    => array(
				'description' => __( 'A plain file name.', 'igny8' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9._-]{1,120}$',
				'required'    => true,
			),
			'mime_type'   => array(
				'description' => __( 'The image type.', 'igny8' ),
				'type'        => 'string',
				'enum'        => array_keys( Media::TYPES ),
				'required'    => true,
			),
			'data_base64' => array(
				'description' => __( 'The image, base64-encoded (at most 5 MB decoded).', 'igny8' ),
				'type'        => 'string',
				'minLength'   => 1,
				'required'    => true,
			),
			'alt'         => array(
				'description' => __( 'Alternative text.', 'igny8' ),
				'type'        => 'string',
				'maxLength'   => 500,
				'required'    => true,
			),
			'caption'     => array(
				'description' => __( 'Caption, or null.', 'igny8' ),
				'type'        => array( 'string', 'null' ),
				'maxLength'   => 1000,
			),
			'title'       => array(
				'description' => __( 'Attachment title.', 'igny8' ),
				'type'        => 'string',
				'maxLength'   => 300,
				'required'    => true,
			),
			'post_id'     => array(
				'description' => __( 'The post the image belongs to, or null.', 'igny8' ),
				'type'        => array( 'integer', 'null' ),
				'minimum'     => 1,
			),
		);
	}

	public function validate( WP_REST_Request $request ) {
		return $this->strict_json_body( $request, array( 'caption', 'post_id' ) );
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::signed_by_cloud( $request );
	}

	public function handle( WP_REST_Request $request ) {
		$body   = array_intersect_key( (array) $request->get_json_params(), $this->args() );
		$result = Media::import( $body );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}
