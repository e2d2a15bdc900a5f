<?php
/**
 * PUT /igny8/v1/posts/:id (signed by the cloud): updates that post, as POST /posts does (409 on a
 * stale expected_hash, 404 when there is no such post).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Publisher;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class Update_Post_Endpoint extends Publish_Endpoint {

	public function route(): string {
		return '/posts/(?P<id>\d+)';
	}

	public function methods(): string {
		return 'PUT';
	}

	public function args(): array {
		return array(
			'id' => array(
				'description' => __( 'Post id.', 'igny8' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		) + parent::args();
	}

	public function validate( WP_REST_Request $request ) {
		return $this->strict_json_body( $request, array( 'task_id', 'meta_title', 'meta_description' ), array_keys( parent::args() ) );
	}

	public function handle( WP_REST_Request $request ) {
		$url  = $request->get_url_params();
		$post = Post_Endpoint::synced_post( (int) $url['id'] );
		if ( null === $post ) {
			return Post_Endpoint::not_found();
		}
		return self::answer( Publisher::update( $post, $this->body( $request ) ) );
	}
}
