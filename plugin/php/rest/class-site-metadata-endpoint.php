<?php
/**
 * GET /igny8/v1/site-metadata (signed by the cloud): what the cloud needs to know about this site.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

use IGNY8\Connection;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class Site_Metadata_Endpoint extends Endpoint {

	public function route(): string {
		return '/site-metadata';
	}

	public function methods(): string {
		return WP_REST_Server::READABLE;
	}

	public function permission( WP_REST_Request $request ) {
		return Permissions::signed_by_cloud( $request );
	}

	public function handle( WP_REST_Request $request ) {
		$connection = Connection::get();

		$post_types = array();
		foreach ( get_post_types( array( 'public' => true ), 'objects' ) as $type ) {
			$post_types[] = array(
				'name'         => $type->name,
				'label'        => $type->label,
				'hierarchical' => (bool) $type->hierarchical,
			);
		}

		$taxonomies = array();
		foreach ( get_taxonomies( array( 'public' => true ), 'objects' ) as $taxonomy ) {
			$taxonomies[] = array(
				'name'         => $taxonomy->name,
				'label'        => $taxonomy->label,
				'hierarchical' => (bool) $taxonomy->hierarchical,
				'object_types' => array_values( (array) $taxonomy->object_type ),
			);
		}

		return rest_ensure_response(
			array(
				'site_id'        => $connection ? $connection['site_id'] : null,
				'name'           => get_bloginfo( 'name' ),
				'description'    => get_bloginfo( 'description' ),
				'home_url'       => home_url(),
				'site_url'       => site_url(),
				'rest_url'       => rest_url(),
				'wp_version'     => get_bloginfo( 'version' ),
				'plugin_version' => IGNY8_VERSION,
				'php_version'    => PHP_VERSION,
				'language'       => get_bloginfo( 'language' ),
				'timezone'       => wp_timezone_string(),
				'post_types'     => $post_types,
				'taxonomies'     => $taxonomies,
			)
		);
	}
}
