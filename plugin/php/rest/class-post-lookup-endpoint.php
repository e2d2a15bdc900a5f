<?php
/**
 * GET /igny8/v1/post-by-content-id/:id and /post-by-task-id/:id (signed by the cloud): the newest post
 * (not trashed) carrying that IGNY8 meta, as { post: wpPost|null }, 200 either way (a 404 could as well
 * be a missing route).
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Meta;
use IGNY8\Post_Snapshot;
use IGNY8\Publisher;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Post_Lookup_Endpoint extends Endpoint {

	/** @var string "content" or "task". */
	private $by;

	/**
	 * @param string $by "content" or "task".
	 */
	public function __construct( string $by ) {
		$this->by = $by;
	}

	public function route(): string {
		return '/post-by-' . $this->by . '-id/(?P<id>\d+)';
	}

	public function methods(): string {
		return WP_REST_Server::READABLE;
	}

	public function args(): array {
		return array(
			'id' => array(
				/* translators: %s: "content" or "task". */
				'description' => sprintf( __( 'IGNY8 %s id.', 'igny8' ), $this->by ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::signed_by_cloud( $request );
	}

	public function handle( WP_REST_Request $request ) {
		$post = Publisher::find_by_meta( 'task' === $this->by ? Meta::TASK_ID : Meta::CONTENT_ID, (int) $request['id'] );
		return rest_ensure_response( array( 'post' => $post ? Post_Snapshot::full( $post ) : null ) );
	}
}
