<?php
/**
 * GET /igny8/v1/posts (signed by the cloud): one page of the mirror (wpPostsPage), oldest id first.
 * Meta and terms of a page come in one query each (WP_Query's caches); the body is read, never filtered.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Post_Snapshot;
use WP_Error;
use WP_Query;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Mirror_Endpoint extends Endpoint {

	/** MIRROR_PAGE_MAX in shared/src/schemas/sync.ts. */
	const PER_PAGE_MAX = 200;

	public function route(): string {
		return '/posts';
	}

	public function methods(): string {
		return WP_REST_Server::READABLE;
	}

	public function args(): array {
		return array(
			'page'      => array(
				'description' => __( 'Page, from 1.', 'igny8' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'default'     => 1,
			),
			'per_page'  => array(
				'description' => __( 'Posts per page.', 'igny8' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => self::PER_PAGE_MAX,
				'default'     => 100,
			),
			'status'    => array(
				'description'       => __( 'Comma-separated statuses (publish, future, draft, pending, private, trash), or "any": all but the trash.', 'igny8' ),
				'type'              => 'string',
				'default'           => 'publish',
				'validate_callback' => array( $this, 'validate_status' ),
			),
			'post_type' => array(
				'description'       => __( 'Comma-separated post types; default: every public type but attachments.', 'igny8' ),
				'type'              => 'string',
				'validate_callback' => array( $this, 'validate_post_type' ),
			),
		);
	}

	/**
	 * @param mixed $value Value.
	 * @return true|WP_Error
	 */
	public function validate_status( $value ) {
		if ( 'any' === $value ) {
			return true;
		}
		$unknown = array_diff( self::split( $value ), Post_Snapshot::STATUSES );
		if ( ! is_string( $value ) || ! self::split( $value ) || $unknown ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: the statuses allowed. */
				sprintf( __( 'status must be "any" or a list of: %s.', 'igny8' ), implode( ', ', Post_Snapshot::STATUSES ) )
			);
		}
		return true;
	}

	/**
	 * @param mixed $value Value.
	 * @return true|WP_Error
	 */
	public function validate_post_type( $value ) {
		$types = Post_Snapshot::post_types();
		if ( ! is_string( $value ) || ! self::split( $value ) || array_diff( self::split( $value ), $types ) ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: the post types allowed. */
				sprintf( __( 'post_type must be a list of: %s.', 'igny8' ), implode( ', ', $types ) )
			);
		}
		return true;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::signed_by_cloud( $request );
	}

	public function handle( WP_REST_Request $request ) {
		$page     = (int) $request['page'];
		$per_page = (int) $request['per_page'];
		$types    = null === $request['post_type'] ? Post_Snapshot::post_types() : self::split( (string) $request['post_type'] );
		$statuses = 'any' === $request['status'] ? 'any' : self::split( (string) $request['status'] );
		$query    = array(
			'post_type'              => $types,
			'post_status'            => $statuses,
			'orderby'                => 'ID',
			'order'                  => 'ASC',
			'posts_per_page'         => $per_page,
			'paged'                  => $page,
			'no_found_rows'          => false,
			'ignore_sticky_posts'    => true,
			'suppress_filters'       => true,
			'update_post_meta_cache' => true,
			'update_post_term_cache' => true,
		);
		$found    = new WP_Query( $query );
		$total    = (int) $found->found_posts;
		if ( ! $found->posts && $page > 1 ) {
			// WordPress does not count past the last page.
			$count = new WP_Query(
				array(
					'fields'         => 'ids',
					'posts_per_page' => 1,
					'paged'          => 1,
				) + $query
			);
			$total = (int) $count->found_posts;
		}

		// Pages' permalinks walk up their parents: fetch those in one query too.
		$parents = array();
		foreach ( $found->posts as $post ) {
			if ( $post->post_parent ) {
				$parents[] = (int) $post->post_parent;
			}
		}
		if ( $parents ) {
			_prime_post_caches( array_unique( $parents ), false, false );
		}

		return rest_ensure_response(
			array(
				'posts'       => array_map( array( Post_Snapshot::class, 'summary' ), $found->posts ),
				'page'        => $page,
				'per_page'    => $per_page,
				'total'       => $total,
				'total_pages' => (int) ceil( $total / $per_page ),
			)
		);
	}

	/**
	 * "a, b" → array( 'a', 'b' ).
	 *
	 * @param mixed $value Comma-separated list.
	 * @return string[]
	 */
	private static function split( $value ): array {
		return is_string( $value ) ? array_values( array_filter( array_map( 'trim', explode( ',', $value ) ), 'strlen' ) ) : array();
	}
}
