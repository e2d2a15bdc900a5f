<?php
/**
 * POST /media: a cloud image into the media library, once per cloud image (`ref`, kept as the
 * attachment's _igny8_image_ref meta). Sent again, the same attachment answers with its alt text,
 * caption and title brought up to date, and no second file is written.
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_Error;

defined( 'ABSPATH' ) || exit;

final class Media {

	/** MEDIA_MAX_BYTES in shared/src/schemas/sync.ts. */
	const MAX_BYTES = 5242880;

	/** Declared type => file extension. */
	const TYPES = array(
		'image/png'  => 'png',
		'image/jpeg' => 'jpg',
		'image/webp' => 'webp',
	);

	const LOCK_TTL = 60;

	/**
	 * @param array $body mediaBody.
	 * @return array{id: int, url: string, alt: string, existing: bool}|WP_Error
	 */
	public static function import( array $body ) {
		$lock = Lock::acquire( 'media_' . md5( (string) $body['ref'] ), self::LOCK_TTL );
		if ( null === $lock ) {
			return new WP_Error(
				'igny8_busy',
				__( 'This image is being sent by another request; try again in a moment.', 'igny8' ),
				array( 'status' => 503 )
			);
		}
		try {
			return Sync::applying_cloud_write(
				static function () use ( $body ) {
					$existing = self::find( (string) $body['ref'] );
					if ( $existing ) {
						return self::describe( $existing, $body, true );
					}
					$bytes = self::decode( $body );
					if ( is_wp_error( $bytes ) ) {
						return $bytes;
					}
					$made = self::store( $bytes, $body );
					return is_wp_error( $made ) ? $made : self::describe( $made, $body, false );
				}
			);
		} finally {
			Lock::release( 'media_' . md5( (string) $body['ref'] ), $lock );
		}
	}

	/** The attachment made from this cloud image, if any. */
	public static function find( string $ref ): int {
		$ids = get_posts(
			array(
				'post_type'        => 'attachment',
				'post_status'      => 'any',
				'meta_key'         => Meta::IMAGE_REF, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key -- one indexed key lookup.
				'meta_value'       => $ref, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'orderby'          => 'ID',
				'order'            => 'ASC',
				'posts_per_page'   => 1,
				'fields'           => 'ids',
				'no_found_rows'    => true,
				'suppress_filters' => true,
			)
		);
		return $ids ? (int) $ids[0] : 0;
	}

	/**
	 * The image's bytes, checked: valid base64, at most MAX_BYTES, and really of the declared type.
	 *
	 * @param array $body mediaBody.
	 * @return string|WP_Error
	 */
	private static function decode( array $body ) {
		$data = (string) $body['data_base64'];
		if ( strlen( $data ) > 4 * ceil( self::MAX_BYTES / 3 ) + 4 ) {
			return self::bad( __( 'data_base64: the image is larger than 5 MB.', 'igny8' ) );
		}
		$bytes = base64_decode( $data, true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the image travels as base64 in JSON.
		if ( false === $bytes || '' === $bytes ) {
			return self::bad( __( 'data_base64 is not valid base64.', 'igny8' ) );
		}
		if ( strlen( $bytes ) > self::MAX_BYTES ) {
			return self::bad( __( 'data_base64: the image is larger than 5 MB.', 'igny8' ) );
		}
		$actual = self::sniff( $bytes );
		if ( $actual !== $body['mime_type'] ) {
			return self::bad(
				sprintf(
					/* translators: 1: declared MIME type, 2: detected type. */
					__( 'data_base64 is not a %1$s image (its bytes say %2$s).', 'igny8' ),
					$body['mime_type'],
					'' === $actual ? __( 'unknown', 'igny8' ) : $actual
				)
			);
		}
		return $bytes;
	}

	/** The image type the bytes really have ("" when not an image we take). */
	private static function sniff( string $bytes ): string {
		$type = '';
		if ( class_exists( 'finfo' ) ) {
			$type = (string) ( new \finfo( FILEINFO_MIME_TYPE ) )->buffer( $bytes );
		}
		if ( ! isset( self::TYPES[ $type ] ) ) {
			$size = @getimagesizefromstring( $bytes ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- answers false for non-images, with a warning.
			$type = is_array( $size ) && isset( $size['mime'] ) ? (string) $size['mime'] : $type;
		}
		return $type;
	}

	/**
	 * Writes the file to the uploads folder and makes the attachment with its sizes.
	 *
	 * @param string $bytes Checked image bytes.
	 * @param array  $body  mediaBody.
	 * @return int|WP_Error Attachment id.
	 */
	private static function store( string $bytes, array $body ) {
		$parent = isset( $body['post_id'] ) ? (int) $body['post_id'] : 0;
		if ( $parent > 0 && ! get_post( $parent ) ) {
			return self::bad(
				/* translators: %d: post id. */
				sprintf( __( 'post_id: there is no post %d.', 'igny8' ), $parent )
			);
		}
		$upload = wp_upload_bits( self::file_name( (string) $body['filename'], (string) $body['mime_type'] ), null, $bytes );
		if ( ! empty( $upload['error'] ) ) {
			return new WP_Error( 'igny8_upload_failed', (string) $upload['error'], array( 'status' => 500 ) );
		}
		$id = wp_insert_attachment(
			wp_slash(
				array(
					'post_mime_type' => (string) $body['mime_type'],
					'post_title'     => (string) $body['title'],
					'post_excerpt'   => (string) $body['caption'],
					'post_content'   => '',
					'post_status'    => 'inherit',
				)
			),
			$upload['file'],
			$parent,
			true
		);
		if ( is_wp_error( $id ) ) {
			wp_delete_file( $upload['file'] );
			$id->add_data( array( 'status' => 500 ) );
			return $id;
		}
		require_once ABSPATH . 'wp-admin/includes/image.php';
		wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $upload['file'] ) );
		update_post_meta( $id, Meta::IMAGE_REF, (string) $body['ref'] );
		return (int) $id;
	}

	/**
	 * Brings alt text, caption and title up to date; answers mediaResult.
	 *
	 * @param int   $id       Attachment.
	 * @param array $body     mediaBody.
	 * @param bool  $existing Whether it was there before this request.
	 * @return array{id: int, url: string, alt: string, existing: bool}
	 */
	private static function describe( int $id, array $body, bool $existing ): array {
		$alt = (string) $body['alt'];
		update_post_meta( $id, '_wp_attachment_image_alt', wp_slash( $alt ) );
		if ( $existing ) {
			$fields = array(
				'ID'           => $id,
				'post_title'   => (string) $body['title'],
				'post_excerpt' => (string) $body['caption'],
			);
			$parent = isset( $body['post_id'] ) ? (int) $body['post_id'] : 0;
			if ( $parent > 0 && 0 === (int) get_post_field( 'post_parent', $id ) && get_post( $parent ) ) {
				$fields['post_parent'] = $parent;
			}
			$current = get_post( $id );
			if ( $current && ( $current->post_title !== $fields['post_title'] || $current->post_excerpt !== $fields['post_excerpt'] || isset( $fields['post_parent'] ) ) ) {
				wp_update_post( wp_slash( $fields ) );
			}
		}
		return array(
			'id'       => $id,
			'url'      => (string) wp_get_attachment_url( $id ),
			'alt'      => $alt,
			'existing' => $existing,
		);
	}

	/** The sent name, with the extension of its real type (WordPress accepts files by extension). */
	private static function file_name( string $filename, string $mime_type ): string {
		$extension = self::TYPES[ $mime_type ];
		$base      = preg_replace( '/\.(png|jpe?g|webp)$/i', '', sanitize_file_name( $filename ) );
		return ( '' === $base ? 'image' : $base ) . '.' . $extension;
	}

	private static function bad( string $message ): WP_Error {
		return new WP_Error( 'igny8_invalid_media', $message, array( 'status' => 400 ) );
	}
}
