<?php
/**
 * Post meta linking a WordPress post to its IGNY8 task and content. Protected keys (leading "_"),
 * exposed in REST to users who can edit posts.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Meta {

	const TASK_ID          = '_igny8_task_id';
	const CONTENT_ID       = '_igny8_content_id';
	const LAST_SYNCED      = '_igny8_last_synced';
	const MANAGED          = '_igny8_managed';
	const REVISION         = '_igny8_revision';
	const META_TITLE       = '_igny8_meta_title';
	const META_DESCRIPTION = '_igny8_meta_description';

	/** Attachment meta: the cloud image (UUID) an attachment was made from (POST /media). */
	const IMAGE_REF = '_igny8_image_ref';

	/** Every key the plugin writes starts with this. */
	const PREFIX = '_igny8_';

	/**
	 * Registered on rest_api_init (REST is where registered meta is read and written), so public page
	 * views never load this class. Nothing here may query or load translations.
	 *
	 * @return array<string, array> meta key => type and description
	 */
	public static function keys(): array {
		return array(
			self::TASK_ID          => array(
				'type'        => 'integer',
				'description' => 'IGNY8 writer task this post came from.',
			),
			self::CONTENT_ID       => array(
				'type'        => 'integer',
				'description' => 'IGNY8 content record this post mirrors.',
			),
			self::LAST_SYNCED      => array(
				'type'        => 'string',
				'description' => 'When the post was last synced with IGNY8 (ISO 8601, UTC).',
			),
			self::MANAGED          => array(
				'type'        => 'boolean',
				'description' => 'Whether IGNY8 manages this post.',
			),
			self::REVISION         => array(
				'type'        => 'string',
				'description' => 'Revision hash (SHA-256) of the IGNY8 body last applied to the post.',
			),
			self::META_TITLE       => array(
				'type'        => 'string',
				'description' => 'SEO title IGNY8 wrote for the post.',
			),
			self::META_DESCRIPTION => array(
				'type'        => 'string',
				'description' => 'SEO meta description IGNY8 wrote for the post.',
			),
		);
	}

	/** Hooked on rest_api_init; registration only fills an in-memory array. */
	public static function register(): void {
		foreach ( self::keys() as $key => $schema ) {
			register_post_meta(
				'',
				$key,
				array(
					'type'          => $schema['type'],
					'description'   => $schema['description'],
					'single'        => true,
					'show_in_rest'  => true,
					'auth_callback' => array( self::class, 'can_edit' ),
				)
			);
		}
	}

	public static function can_edit(): bool {
		return current_user_can( 'edit_posts' );
	}
}
