<?php
/**
 * A post as the sync contract describes it (shared/src/schemas/sync.ts: wpPostSummary, wpPost): what the
 * mirror, the lookups, the publishing answers and the outbox events carry. Reads only: no filters of other
 * plugins run over the body (no the_content, no shortcodes), so a page of 200 posts stays cheap.
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_HTML_Tag_Processor;
use WP_Post;
use WP_Term;

defined( 'ABSPATH' ) || exit;

final class Post_Snapshot {

	/** The statuses the contract knows (WP_POST_STATUSES); any other reads as "draft" (not public). */
	const STATUSES = array( 'publish', 'future', 'draft', 'pending', 'private', 'trash' );

	/** Words in an excerpt made from the body. */
	const EXCERPT_WORDS = 55;

	/** @var array<string, string>|null Lower-cased hosts counted as this site's own. */
	private static $own_hosts = null;

	/**
	 * The post types the sync covers: public ones but attachments.
	 *
	 * @return string[]
	 */
	public static function post_types(): array {
		$types = get_post_types( array( 'public' => true ) );
		unset( $types['attachment'] );
		return array_values( $types );
	}

	public static function covers( WP_Post $post ): bool {
		return in_array( $post->post_type, self::post_types(), true );
	}

	/**
	 * wpPostSummary. Terms and meta come from the caches WP_Query primed, when it did.
	 *
	 * @return array<string, mixed>
	 */
	public static function summary( WP_Post $post ): array {
		$content_id = (int) get_post_meta( $post->ID, Meta::CONTENT_ID, true );
		$task_id    = (int) get_post_meta( $post->ID, Meta::TASK_ID, true );
		$thumbnail  = (int) get_post_meta( $post->ID, '_thumbnail_id', true );
		return array(
			'id'             => (int) $post->ID,
			'type'           => $post->post_type,
			'status'         => self::status( $post ),
			'title'          => (string) $post->post_title,
			'url'            => (string) get_permalink( $post ),
			'slug'           => (string) $post->post_name,
			'excerpt'        => self::excerpt( $post ),
			'modified_gmt'   => self::modified_gmt( $post ),
			'categories'     => self::terms( $post, 'category' ),
			'tags'           => self::terms( $post, 'post_tag' ),
			'links'          => self::links( (string) $post->post_content ),
			'content_hash'   => hash( 'sha256', (string) $post->post_content ),
			'featured_media' => $thumbnail > 0 ? $thumbnail : null,
			'managed'        => self::is_managed( $post->ID ),
			'content_id'     => $content_id > 0 ? $content_id : null,
			'task_id'        => $task_id > 0 ? $task_id : null,
		);
	}

	/**
	 * wpPost: the summary with the body as stored.
	 *
	 * @return array<string, mixed>
	 */
	public static function full( WP_Post $post ): array {
		return self::summary( $post ) + array( 'content' => (string) $post->post_content );
	}

	public static function is_managed( int $post_id ): bool {
		return (bool) get_post_meta( $post_id, Meta::MANAGED, true );
	}

	public static function status( WP_Post $post ): string {
		return in_array( $post->post_status, self::STATUSES, true ) ? $post->post_status : 'draft';
	}

	/**
	 * @param WP_Term $term A category or tag.
	 * @return array{id: int, taxonomy: string, name: string, slug: string}
	 */
	public static function term( WP_Term $term ): array {
		return array(
			'id'       => (int) $term->term_id,
			'taxonomy' => $term->taxonomy,
			// WordPress stores names HTML-escaped ("Tips &amp; Tricks"); the sync speaks plain text.
			'name'     => wp_specialchars_decode( $term->name, ENT_QUOTES ),
			'slug'     => $term->slug,
		);
	}

	/**
	 * The absolute URLs of the body's links to this site's own host, in order, without duplicates or
	 * fragments. Root-relative links ("/about/") count as links to the site.
	 *
	 * @return string[]
	 */
	public static function links( string $content ): array {
		if ( false === stripos( $content, '<a' ) ) {
			return array();
		}
		$home   = wp_parse_url( home_url() );
		$origin = ( $home['scheme'] ?? 'https' ) . '://' . ( $home['host'] ?? '' ) . ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
		$links  = array();
		$tags   = new WP_HTML_Tag_Processor( $content );
		while ( $tags->next_tag( 'a' ) ) {
			$href = $tags->get_attribute( 'href' );
			if ( ! is_string( $href ) ) {
				continue;
			}
			$href = trim( $href );
			if ( 0 === strpos( $href, '//' ) ) {
				$href = ( $home['scheme'] ?? 'https' ) . ':' . $href;
			} elseif ( 0 === strpos( $href, '/' ) ) {
				$href = $origin . $href;
			}
			if ( ! preg_match( '#^https?://#i', $href ) ) {
				continue;
			}
			$host = strtolower( (string) wp_parse_url( $href, PHP_URL_HOST ) );
			if ( ! isset( self::own_hosts()[ $host ] ) ) {
				continue;
			}
			$href = explode( '#', $href, 2 )[0];
			if ( '' !== $href ) {
				$links[ $href ] = true;
			}
		}
		return array_keys( $links );
	}

	/** The manual excerpt, else the first words of the body's text. */
	public static function excerpt( WP_Post $post ): string {
		if ( '' !== trim( (string) $post->post_excerpt ) ) {
			return (string) $post->post_excerpt;
		}
		$text = preg_replace( '/<!--.*?-->/s', '', (string) $post->post_content );
		$text = strip_shortcodes( (string) $text );
		$text = wp_strip_all_tags( $text );
		return html_entity_decode( wp_trim_words( $text, self::EXCERPT_WORDS, '…' ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	}

	/** post_modified_gmt as ISO 8601 UTC. */
	public static function modified_gmt( WP_Post $post ): string {
		$gmt = (string) $post->post_modified_gmt;
		if ( '' === $gmt || 0 === strpos( $gmt, '0000' ) ) {
			$gmt = get_gmt_from_date( (string) $post->post_modified );
		}
		return Outbox::iso( $gmt );
	}

	/**
	 * @param WP_Post $post     Post.
	 * @param string  $taxonomy category or post_tag.
	 * @return array<int, array{id: int, taxonomy: string, name: string, slug: string}>
	 */
	private static function terms( WP_Post $post, string $taxonomy ): array {
		$terms = get_the_terms( $post, $taxonomy );
		if ( ! is_array( $terms ) ) {
			return array();
		}
		return array_values( array_map( array( self::class, 'term' ), $terms ) );
	}

	/**
	 * The home URL's host, with and without "www." (a link to either is a link to this site).
	 *
	 * @return array<string, true>
	 */
	private static function own_hosts(): array {
		if ( null === self::$own_hosts ) {
			$host            = strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
			$bare            = 0 === strpos( $host, 'www.' ) ? substr( $host, 4 ) : $host;
			self::$own_hosts = array(
				$bare          => true,
				'www.' . $bare => true,
			);
		}
		return self::$own_hosts;
	}
}
