<?php
/**
 * The cloud's writes into WordPress (publishing): posts and terms, as the signed routes ask. The body is
 * stored byte for byte as sent (the request is signed by the cloud: no kses, no other content filter),
 * and nothing written here goes back to the cloud as an outbox event (Sync::applying_cloud_write()).
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_Error;
use WP_Post;
use WP_Term;

defined( 'ABSPATH' ) || exit;

final class Publisher {

	/** SEO keys of the plugins we write to when they are active. */
	const YOAST_TITLE          = '_yoast_wpseo_title';
	const YOAST_DESCRIPTION    = '_yoast_wpseo_metadesc';
	const RANKMATH_TITLE       = 'rank_math_title';
	const RANKMATH_DESCRIPTION = 'rank_math_description';

	/** How long one publish of a piece of content may hold its lock (seconds). */
	const LOCK_TTL = 60;

	/**
	 * The newest post (not trashed) carrying this IGNY8 meta.
	 *
	 * @param string $meta_key Meta::CONTENT_ID or Meta::TASK_ID.
	 * @param int    $value    Its value.
	 */
	public static function find_by_meta( string $meta_key, int $value ): ?WP_Post {
		$posts = get_posts(
			array(
				'post_type'        => Post_Snapshot::post_types(),
				'post_status'      => array_diff( Post_Snapshot::STATUSES, array( 'trash' ) ),
				'meta_key'         => $meta_key, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key -- one indexed key lookup.
				'meta_value'       => (string) $value, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'orderby'          => 'ID',
				'order'            => 'DESC',
				'posts_per_page'   => 1,
				'no_found_rows'    => true,
				'suppress_filters' => true,
			)
		);
		return $posts ? $posts[0] : null;
	}

	/**
	 * POST /posts: updates the post of `content_id`, or makes it.
	 *
	 * @param array $body wpPostWriteBody, plus `featured_media` only when the request carried the key.
	 * @return array{post: array, created: bool}|WP_Error
	 */
	public static function publish( array $body ) {
		$lock = Lock::acquire( 'publish_' . (int) $body['content_id'], self::LOCK_TTL );
		if ( null === $lock ) {
			return new WP_Error(
				'igny8_busy',
				__( 'This content is being published by another request; try again in a moment.', 'igny8' ),
				array( 'status' => 503 )
			);
		}
		try {
			$post = self::find_by_meta( Meta::CONTENT_ID, (int) $body['content_id'] );
			return self::write( $post, $body );
		} finally {
			Lock::release( 'publish_' . (int) $body['content_id'], $lock );
		}
	}

	/**
	 * PUT /posts/:id: updates that post.
	 *
	 * @param WP_Post $post Post to update.
	 * @param array   $body As for publish().
	 * @return array{post: array, created: bool}|WP_Error
	 */
	public static function update( WP_Post $post, array $body ) {
		return self::write( $post, $body );
	}

	/**
	 * @param WP_Post|null $post Post to update; null makes one.
	 * @param array        $body As for publish().
	 * @return array{post: array, created: bool}|WP_Error
	 */
	private static function write( ?WP_Post $post, array $body ) {
		if ( null !== $post && isset( $body['expected_hash'] ) && ! hash_equals( hash( 'sha256', (string) $post->post_content ), (string) $body['expected_hash'] ) ) {
			return new WP_Error(
				'igny8_conflict',
				__( 'The post changed in WordPress since IGNY8 last saw it.', 'igny8' ),
				array(
					'status' => 409,
					'post'   => Post_Snapshot::full( $post ),
				)
			);
		}
		$invalid = self::check_references( $body );
		if ( is_wp_error( $invalid ) ) {
			return $invalid;
		}

		$data = array(
			'post_title'   => (string) $body['title'],
			'post_content' => (string) $body['content'],
			'post_excerpt' => (string) $body['excerpt'],
			'post_status'  => (string) $body['status'],
		);
		if ( null === $post ) {
			$data['post_type']   = 'post';
			$data['post_author'] = self::author();
		} else {
			$data['ID'] = $post->ID;
		}

		$post_id = Sync::applying_cloud_write(
			static function () use ( $data, $post, $body ) {
				$post_id = self::save_unfiltered( $data, null !== $post );
				if ( is_wp_error( $post_id ) ) {
					return $post_id;
				}
				if ( isset( $body['categories'] ) ) {
					wp_set_post_terms( $post_id, array_map( 'intval', $body['categories'] ), 'category' );
				}
				if ( isset( $body['tags'] ) ) {
					wp_set_post_terms( $post_id, array_map( 'intval', $body['tags'] ), 'post_tag' );
				}
				if ( array_key_exists( 'featured_media', $body ) ) {
					if ( null === $body['featured_media'] ) {
						delete_post_thumbnail( $post_id );
					} else {
						set_post_thumbnail( $post_id, (int) $body['featured_media'] );
					}
				}
				self::write_meta( $post_id, $body );
				return $post_id;
			}
		);
		if ( is_wp_error( $post_id ) ) {
			return $post_id;
		}

		clean_post_cache( $post_id );
		return array(
			'post'    => Post_Snapshot::full( get_post( $post_id ) ),
			'created' => null === $post,
		);
	}

	/**
	 * Term and attachment ids must exist before anything is written.
	 *
	 * @param array $body As for publish().
	 * @return true|WP_Error
	 */
	private static function check_references( array $body ) {
		foreach ( array(
			'categories' => 'category',
			'tags'       => 'post_tag',
		) as $key => $taxonomy ) {
			foreach ( isset( $body[ $key ] ) ? (array) $body[ $key ] : array() as $term_id ) {
				$term = get_term( (int) $term_id, $taxonomy );
				if ( ! $term instanceof WP_Term ) {
					return new WP_Error(
						'igny8_invalid_term',
						/* translators: 1: parameter name, 2: term id. */
						sprintf( __( '%1$s: there is no term %2$d in this taxonomy.', 'igny8' ), $key, (int) $term_id ),
						array( 'status' => 400 )
					);
				}
			}
		}
		if ( isset( $body['featured_media'] ) ) {
			$attachment = get_post( (int) $body['featured_media'] );
			if ( ! $attachment || 'attachment' !== $attachment->post_type || ! wp_attachment_is_image( $attachment ) ) {
				return new WP_Error(
					'igny8_invalid_media',
					/* translators: %d: attachment id. */
					sprintf( __( 'featured_media: there is no image attachment %d.', 'igny8' ), (int) $body['featured_media'] ),
					array( 'status' => 400 )
				);
			}
		}
		return true;
	}

	/**
	 * wp_insert_post()/wp_update_post() with every filter that rewrites the title, body or excerpt on save
	 * (kses, link rel, entity fixes, other plugins') set aside for the call: the cloud signed what it sent.
	 *
	 * @param array $data   Unslashed post fields.
	 * @param bool  $update Whether $data['ID'] exists.
	 * @return int|WP_Error
	 */
	private static function save_unfiltered( array $data, bool $update ) {
		global $wp_filter;
		$hooks = array(
			'content_save_pre',
			'title_save_pre',
			'excerpt_save_pre',
			'pre_post_content',
			'pre_post_title',
			'pre_post_excerpt',
			'content_filtered_save_pre',
		);
		$saved = array();
		foreach ( $hooks as $hook ) {
			if ( isset( $wp_filter[ $hook ] ) ) {
				$saved[ $hook ] = $wp_filter[ $hook ];
				unset( $wp_filter[ $hook ] );
			}
		}
		try {
			$data = wp_slash( $data );
			return $update ? wp_update_post( $data, true ) : wp_insert_post( $data, true );
		} finally {
			foreach ( $saved as $hook => $callbacks ) {
				$wp_filter[ $hook ] = $callbacks; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restores what was set aside above.
			}
		}
	}

	/**
	 * @param int   $post_id Post.
	 * @param array $body    As for publish().
	 */
	private static function write_meta( int $post_id, array $body ): void {
		update_post_meta( $post_id, Meta::CONTENT_ID, (int) $body['content_id'] );
		if ( null === $body['task_id'] ) {
			delete_post_meta( $post_id, Meta::TASK_ID );
		} else {
			update_post_meta( $post_id, Meta::TASK_ID, (int) $body['task_id'] );
		}
		update_post_meta( $post_id, Meta::MANAGED, true );
		update_post_meta( $post_id, Meta::REVISION, (string) $body['revision_hash'] );
		// "+00:00", not "Z": the SQLite drop-in of local sites rewrites a bare "…T…Z" literal into MySQL's format.
		update_post_meta( $post_id, Meta::LAST_SYNCED, gmdate( 'c' ) );

		$seo = array(
			Meta::META_TITLE       => $body['meta_title'],
			Meta::META_DESCRIPTION => $body['meta_description'],
		);
		if ( defined( 'WPSEO_VERSION' ) ) {
			$seo[ self::YOAST_TITLE ]       = $body['meta_title'];
			$seo[ self::YOAST_DESCRIPTION ] = $body['meta_description'];
		}
		if ( class_exists( 'RankMath' ) ) {
			$seo[ self::RANKMATH_TITLE ]       = $body['meta_title'];
			$seo[ self::RANKMATH_DESCRIPTION ] = $body['meta_description'];
		}
		foreach ( $seo as $key => $value ) {
			if ( null === $value || '' === $value ) {
				delete_post_meta( $post_id, $key );
			} else {
				update_post_meta( $post_id, $key, wp_slash( (string) $value ) );
			}
		}
	}

	/** The author of posts IGNY8 makes: the first administrator (signed requests carry no user). */
	private static function author(): int {
		$admins = get_users(
			array(
				'role'    => 'administrator',
				'orderby' => 'ID',
				'order'   => 'ASC',
				'number'  => 1,
				'fields'  => 'ID',
			)
		);
		return $admins ? (int) $admins[0] : 0;
	}

	/**
	 * POST /terms: the terms of these names, matched case-insensitively, made where missing.
	 *
	 * @param string   $taxonomy category or post_tag.
	 * @param string[] $names    Trimmed, non-empty names.
	 * @return array<int, array{id: int, taxonomy: string, name: string, slug: string}>|WP_Error In the order of $names.
	 */
	public static function terms( string $taxonomy, array $names ) {
		return Sync::applying_cloud_write(
			static function () use ( $taxonomy, $names ) {
				$known = self::existing_terms( $taxonomy, $names );
				$terms = array();
				foreach ( $names as $name ) {
					$key = self::term_key( $name );
					if ( ! isset( $known[ $key ] ) ) {
						$made = wp_insert_term( $name, $taxonomy );
						if ( is_wp_error( $made ) && 'term_exists' === $made->get_error_code() ) {
							$made = array( 'term_id' => (int) $made->get_error_data( 'term_exists' ) );
						}
						if ( is_wp_error( $made ) ) {
							$made->add_data( array( 'status' => 400 ) );
							return $made;
						}
						$term = get_term( (int) $made['term_id'], $taxonomy );
						if ( ! $term instanceof WP_Term ) {
							return new WP_Error( 'igny8_term_not_saved', __( 'The term could not be saved.', 'igny8' ), array( 'status' => 500 ) );
						}
						$known[ $key ] = $term;
					}
					$terms[] = Post_Snapshot::term( $known[ $key ] );
				}
				return $terms;
			}
		);
	}

	/**
	 * The terms that already carry one of these names, by term_key(). Candidates come by name and by
	 * slug (which WordPress lower-cases), then the names are compared here: MySQL compares names without
	 * case, SQLite does not.
	 *
	 * @param string   $taxonomy Taxonomy.
	 * @param string[] $names    Names.
	 * @return array<string, WP_Term>
	 */
	private static function existing_terms( string $taxonomy, array $names ): array {
		$wanted = array();
		foreach ( $names as $name ) {
			$wanted[ self::term_key( $name ) ] = true;
		}
		$candidates = array();
		foreach ( array(
			'name' => array_values( array_unique( $names ) ),
			'slug' => array_values( array_unique( array_map( 'sanitize_title', $names ) ) ),
		) as $field => $values ) {
			$found = get_terms(
				array(
					'taxonomy'   => $taxonomy,
					'hide_empty' => false,
					$field       => $values,
				)
			);
			if ( is_array( $found ) ) {
				$candidates = array_merge( $candidates, $found );
			}
		}
		$known = array();
		foreach ( $candidates as $term ) {
			$key = self::term_key( $term->name );
			if ( isset( $wanted[ $key ] ) && ( ! isset( $known[ $key ] ) || $term->term_id < $known[ $key ]->term_id ) ) {
				$known[ $key ] = $term;
			}
		}
		return $known;
	}

	/** How term names compare: without case, without HTML escaping. */
	private static function term_key( string $name ): string {
		return mb_strtolower( trim( wp_specialchars_decode( $name, ENT_QUOTES ) ), 'UTF-8' );
	}
}
