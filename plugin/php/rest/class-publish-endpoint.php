<?php
/**
 * POST /igny8/v1/posts (signed by the cloud): makes or updates the post of `content_id` (wpPostWriteBody
 * → wpPostWriteResult, 201 when made, 200 when updated). A retried publish finds the post it made and
 * updates it: never a second post. `expected_hash` that differs from the post's body answers 409
 * igny8_conflict with the post as it is, and nothing is written.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Publisher;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

class Publish_Endpoint extends Endpoint {

	const HASH_PATTERN = '^[0-9a-f]{64}$';

	public function route(): string {
		return '/posts';
	}

	public function methods(): string {
		return WP_REST_Server::CREATABLE;
	}

	public function args(): array {
		$ids = array(
			'type'     => 'array',
			'items'    => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'maxItems' => 50,
		);
		return array(
			'content_id'       => array(
				'description' => __( 'IGNY8 content id.', 'igny8' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'required'    => true,
			),
			'task_id'          => array(
				'description' => __( 'IGNY8 task id, or null.', 'igny8' ),
				'type'        => array( 'integer', 'null' ),
				'minimum'     => 1,
			),
			'title'            => array(
				'description' => __( 'Post title.', 'igny8' ),
				'type'        => 'string',
				'minLength'   => 1,
				'maxLength'   => 300,
				'required'    => true,
			),
			'content'          => array(
				'description' => __( 'Block markup, stored as sent.', 'igny8' ),
				'type'        => 'string',
				'required'    => true,
			),
			'excerpt'          => array(
				'description' => __( 'Post excerpt.', 'igny8' ),
				'type'        => 'string',
				'maxLength'   => 1000,
				'required'    => true,
			),
			'status'           => array(
				'description' => __( 'draft or publish.', 'igny8' ),
				'type'        => 'string',
				'enum'        => array( 'draft', 'publish' ),
				'required'    => true,
			),
			'categories'       => array( 'description' => __( 'Category ids; omitted: left as they are.', 'igny8' ) ) + $ids,
			'tags'             => array( 'description' => __( 'Tag ids; omitted: left as they are.', 'igny8' ) ) + $ids,
			'featured_media'   => array(
				'description' => __( 'Featured image (attachment id); null removes it; omitted leaves it.', 'igny8' ),
				'type'        => array( 'integer', 'null' ),
				'minimum'     => 1,
			),
			'meta_title'       => array(
				'description' => __( 'SEO title, or null.', 'igny8' ),
				'type'        => array( 'string', 'null' ),
				'maxLength'   => 200,
			),
			'meta_description' => array(
				'description' => __( 'SEO meta description, or null.', 'igny8' ),
				'type'        => array( 'string', 'null' ),
				'maxLength'   => 500,
			),
			'revision_hash'    => array(
				'description' => __( 'The cloud body\'s revision hash.', 'igny8' ),
				'type'        => 'string',
				'pattern'     => self::HASH_PATTERN,
				'required'    => true,
			),
			'expected_hash'    => array(
				'description' => __( 'content_hash the post must still have, else 409.', 'igny8' ),
				'type'        => 'string',
				'pattern'     => self::HASH_PATTERN,
			),
		);
	}

	public function validate( WP_REST_Request $request ) {
		return $this->strict_json_body( $request, array( 'task_id', 'meta_title', 'meta_description' ) );
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::signed_by_cloud( $request );
	}

	public function handle( WP_REST_Request $request ) {
		return self::answer( Publisher::publish( $this->body( $request ) ) );
	}

	/**
	 * The body's known keys, as sanitized (featured_media only when sent).
	 *
	 * @param WP_REST_Request $request Request.
	 */
	protected function body( WP_REST_Request $request ): array {
		return array_intersect_key( (array) $request->get_json_params(), $this->args() );
	}

	/**
	 * @param array|\WP_Error $result Publisher's answer.
	 * @return WP_REST_Response|\WP_Error
	 */
	protected static function answer( $result ) {
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return new WP_REST_Response( $result, $result['created'] ? 201 : 200 );
	}
}
