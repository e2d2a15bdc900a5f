<?php
/**
 * GET /igny8/v1/posts/:id (signed by the cloud): one post with its body (wpPost).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Post_Snapshot;
use WP_Error;
use WP_Post;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Post_Endpoint extends Endpoint {

	public function route(): string {
		return '/posts/(?P<id>\d+)';
	}

	public function methods(): string {
		return WP_REST_Server::READABLE;
	}

	public function args(): array {
		return array(
			'id' => array(
				'description' => __( 'Post id.', 'igny8' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::signed_by_cloud( $request );
	}

	public function handle( WP_REST_Request $request ) {
		$post = self::synced_post( (int) $request['id'] );
		return null === $post ? self::not_found() : rest_ensure_response( Post_Snapshot::full( $post ) );
	}

	/** A post the sync covers (public type but attachments; not an auto-draft), or null. */
	public static function synced_post( int $id ): ?WP_Post {
		$post = get_post( $id );
		if ( ! $post instanceof WP_Post || ! Post_Snapshot::covers( $post ) || in_array( $post->post_status, array( 'auto-draft', 'inherit' ), true ) ) {
			return null;
		}
		return $post;
	}

	public static function not_found(): WP_Error {
		return new WP_Error( 'igny8_post_not_found', __( 'There is no such post.', 'igny8' ), array( 'status' => 404 ) );
	}
}
