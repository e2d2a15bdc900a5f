<?php
/**
 * WordPress → cloud: notices the changes the mirror cares about (posts made, edited, moved between
 * statuses or deleted; categories and tags made, renamed or deleted) and queues them in the outbox as
 * events. Changes of one object within a request make one event, with its state at the end of the
 * request: the buffer is written at shutdown, then delivered once the visitor has the answer.
 *
 * Which posts: IGNY8-managed ones in any status, others while they are published or when they stop
 * being published (so that the mirror drops them). Writes the cloud itself asked for (the signed
 * publishing routes) are never echoed back.
 *
 * @package IGNY8
 */

namespace IGNY8;

use WP_Post;
use WP_Term;

defined( 'ABSPATH' ) || exit;

final class Sync {

	/** EVENT_CONTENT_MAX in shared/src/schemas/sync.ts: past it a post.updated event leaves the body out. */
	const EVENT_CONTENT_MAX = 400000;

	/** The taxonomies the mirror keeps (SYNC_TAXONOMIES). */
	const TAXONOMIES = array( 'category', 'post_tag' );

	/** Statuses a post that IGNY8 does not manage never showed to the mirror. */
	const PRIVATE_DRAFT_STATUSES = array( 'draft', 'pending', 'auto-draft' );

	/** @var bool Whether a write the cloud asked for is under way. */
	private static $applying = false;

	/** @var array<string, array{type: string, object_type: string, id: int, taxonomy: string, payload: array|null}> "post:12" => event to write. */
	private static $buffer = array();

	/** @var array<int, array{id: int, type: string, content_id: int|null}> Posts about to be deleted, by id. */
	private static $deleting = array();

	/** @var bool Whether the shutdown handler is hooked. */
	private static $hooked = false;

	/** @var bool Whether the shutdown handler already wrote the buffer (later changes are written at once). */
	private static $written = false;

	/**
	 * Runs a write the cloud asked for: the hooks below stay silent while it runs.
	 *
	 * @param callable $write The write.
	 * @return mixed What $write answers.
	 */
	public static function applying_cloud_write( callable $write ) {
		$was            = self::$applying;
		self::$applying = true;
		try {
			return $write();
		} finally {
			self::$applying = $was;
		}
	}

	/**
	 * wp_after_insert_post: made, edited, status changed (the trash is a status). Fires once terms and
	 * meta are saved too.
	 *
	 * @param int          $post_id     Post id.
	 * @param WP_Post      $post        The post now.
	 * @param bool         $update      Whether it existed.
	 * @param WP_Post|null $post_before The post before, when it existed.
	 */
	public static function post_saved( $post_id, $post, $update = false, $post_before = null ): void {
		if ( self::$applying || ! $post instanceof WP_Post || 'auto-draft' === $post->post_status
			|| wp_is_post_revision( $post ) || wp_is_post_autosave( $post ) || ! Post_Snapshot::covers( $post ) ) {
			return;
		}
		$was_published = $post_before instanceof WP_Post && 'publish' === $post_before->post_status;
		if ( 'publish' !== $post->post_status && ! $was_published && ! Post_Snapshot::is_managed( $post->ID ) ) {
			return;
		}
		self::queue( 'post', (int) $post->ID, 'post.updated' );
	}

	/**
	 * before_delete_post: what the event needs must be read while the post and its meta exist.
	 *
	 * @param int          $post_id Post id.
	 * @param WP_Post|null $post    Post.
	 */
	public static function post_deleting( $post_id, $post = null ): void {
		$post = $post instanceof WP_Post ? $post : get_post( (int) $post_id );
		if ( self::$applying || ! $post instanceof WP_Post || wp_is_post_revision( $post ) || ! Post_Snapshot::covers( $post ) ) {
			return;
		}
		$managed = Post_Snapshot::is_managed( $post->ID );
		if ( ! $managed && in_array( $post->post_status, self::PRIVATE_DRAFT_STATUSES, true ) ) {
			return;
		}
		$content_id                        = (int) get_post_meta( $post->ID, Meta::CONTENT_ID, true );
		self::$deleting[ (int) $post->ID ] = array(
			'id'         => (int) $post->ID,
			'type'       => $post->post_type,
			'content_id' => $content_id > 0 ? $content_id : null,
		);
	}

	/**
	 * deleted_post: the post is gone for good.
	 *
	 * @param int $post_id Post id.
	 */
	public static function post_deleted( $post_id ): void {
		$post_id = (int) $post_id;
		if ( ! isset( self::$deleting[ $post_id ] ) ) {
			return;
		}
		$post = self::$deleting[ $post_id ];
		unset( self::$deleting[ $post_id ] );
		self::queue( 'post', $post_id, 'post.deleted', '', array( 'post' => $post ) );
	}

	/**
	 * created_term, edited_term.
	 *
	 * @param int    $term_id  Term id.
	 * @param int    $tt_id    Term taxonomy id.
	 * @param string $taxonomy Taxonomy.
	 */
	public static function term_saved( $term_id, $tt_id = 0, $taxonomy = '' ): void {
		if ( self::$applying || ! in_array( $taxonomy, self::TAXONOMIES, true ) ) {
			return;
		}
		self::queue( 'term', (int) $term_id, 'term.updated', (string) $taxonomy );
	}

	/**
	 * delete_term.
	 *
	 * @param int    $term_id  Term id.
	 * @param int    $tt_id    Term taxonomy id.
	 * @param string $taxonomy Taxonomy.
	 */
	public static function term_deleted( $term_id, $tt_id = 0, $taxonomy = '' ): void {
		if ( self::$applying || ! in_array( $taxonomy, self::TAXONOMIES, true ) ) {
			return;
		}
		$term = array(
			'id'       => (int) $term_id,
			'taxonomy' => (string) $taxonomy,
		);
		self::queue( 'term', (int) $term_id, 'term.deleted', (string) $taxonomy, array( 'term' => $term ) );
	}

	/**
	 * Keeps the newest change of each object; its place in the buffer is that of its newest change, so
	 * the events' seq follow the order of the last changes. Nothing is queued for an unconnected site.
	 *
	 * @param string     $object_type post or term.
	 * @param int        $id          Object id.
	 * @param string     $type        Event type.
	 * @param string     $taxonomy    For terms.
	 * @param array|null $payload     The event's data; null: read the object's state at shutdown.
	 */
	private static function queue( string $object_type, int $id, string $type, string $taxonomy = '', ?array $payload = null ): void {
		if ( ! Connection::is_connected() ) {
			return;
		}
		$key = $object_type . ':' . $id;
		unset( self::$buffer[ $key ] );
		self::$buffer[ $key ] = array(
			'type'        => $type,
			'object_type' => $object_type,
			'id'          => $id,
			'taxonomy'    => $taxonomy,
			'payload'     => $payload,
		);
		if ( self::$written ) {
			self::write_buffer();
			return;
		}
		if ( ! self::$hooked ) {
			self::$hooked = true;
			// After WordPress flushed the page (wp_ob_end_flush_all, priority 1).
			add_action( 'shutdown', array( self::class, 'shutdown' ), 100 );
		}
	}

	/** Writes this request's events, then delivers them once the visitor has the answer. */
	public static function shutdown(): void {
		self::$written = true;
		if ( 0 === self::write_buffer() ) {
			return;
		}
		Outbox_Delivery::keep_scheduled();
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		} elseif ( ! ( wp_doing_cron() || ( defined( 'WP_CLI' ) && WP_CLI ) || 'cli' === PHP_SAPI ) ) {
			// The answer cannot be sent first (mod_php, php -S): the visitor waits, so not long. What
			// does not get through in time is retried from WP-cron.
			add_filter( 'http_request_args', array( Outbox_Delivery::class, 'short_timeout' ), 10, 2 );
		}
		ignore_user_abort( true );
		Outbox_Delivery::run();
	}

	/**
	 * Writes the buffered events to the outbox, in order.
	 *
	 * @return int How many were written.
	 */
	public static function write_buffer(): int {
		$buffer       = self::$buffer;
		self::$buffer = array();
		if ( ! $buffer ) {
			return 0;
		}
		Outbox::ensure_schema();
		$written = 0;
		foreach ( $buffer as $event ) {
			$payload = null === $event['payload'] ? self::state( $event ) : $event['payload'];
			if ( null !== $payload && false !== Outbox::push( $event['type'], $event['object_type'], $event['id'], $payload ) ) {
				++$written;
			}
		}
		return $written;
	}

	/**
	 * The object as it is now, as its event carries it; null when it is gone (its deletion says so).
	 *
	 * @param array $event A buffer entry.
	 */
	private static function state( array $event ): ?array {
		if ( 'term' === $event['object_type'] ) {
			$term = get_term( $event['id'], $event['taxonomy'] );
			return $term instanceof WP_Term ? array( 'term' => Post_Snapshot::term( $term ) ) : null;
		}
		$post = get_post( $event['id'] );
		if ( ! $post instanceof WP_Post || ! Post_Snapshot::covers( $post ) ) {
			return null;
		}
		$snapshot = Post_Snapshot::summary( $post );
		$content  = null;
		$omitted  = false;
		if ( $snapshot['managed'] ) {
			$omitted = strlen( (string) $post->post_content ) > self::EVENT_CONTENT_MAX;
			$content = $omitted ? null : (string) $post->post_content;
		}
		$snapshot['content']         = $content;
		$snapshot['content_omitted'] = $omitted;
		return array( 'post' => $snapshot );
	}
}
