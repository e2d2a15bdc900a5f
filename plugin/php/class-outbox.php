<?php
/**
 * The sync outbox: one custom table of events waiting to be sent to the cloud (post published,
 * updated, trashed…). Delivery and retries come with the sync feature; this class owns the table.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Outbox {

	/** Bump when the table's shape changes; dbDelta applies the difference. */
	const SCHEMA_VERSION = '1';

	const STATUS_PENDING = 'pending';
	const STATUS_SENT    = 'sent';
	const STATUS_FAILED  = 'failed';

	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'igny8_outbox';
	}

	/** Creates or upgrades the table (dbDelta, which the SQLite integration also understands). */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';

		$table           = self::table();
		$charset_collate = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  event_id char(36) NOT NULL,
  event_type varchar(40) NOT NULL,
  object_type varchar(20) NOT NULL,
  object_id bigint(20) unsigned NOT NULL DEFAULT 0,
  payload longtext NOT NULL,
  attempts int(11) unsigned NOT NULL DEFAULT 0,
  next_attempt_at datetime DEFAULT NULL,
  created_at datetime NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'pending',
  PRIMARY KEY  (id),
  UNIQUE KEY event_id (event_id),
  KEY status_next_attempt (status,next_attempt_at)
) {$charset_collate};"
		);
		Options::update( Options::DB_VERSION, self::SCHEMA_VERSION );
	}

	/**
	 * Called on admin_init: upgrades the table after a plugin update without re-activation. Visitors
	 * reach admin_init too (admin-ajax.php, admin-post.php from public pages); they never pay for the
	 * check, which reads a non-autoloaded option.
	 */
	public static function maybe_upgrade(): void {
		if ( ! is_user_logged_in() ) {
			return;
		}
		if ( self::SCHEMA_VERSION !== Options::get( Options::DB_VERSION ) ) {
			self::install();
		}
	}

	/**
	 * Queues an event for the cloud.
	 *
	 * @param string $event_type  e.g. "post.updated".
	 * @param string $object_type e.g. "post".
	 * @param int    $object_id   WordPress object id.
	 * @param array  $payload     JSON-encodable event data.
	 * @return string|false The event id (UUID v4), or false if the row could not be written.
	 */
	public static function push( string $event_type, string $object_type, int $object_id, array $payload ) {
		global $wpdb;
		$event_id = wp_generate_uuid4();
		$now      = current_time( 'mysql', true );
		$inserted = $wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- custom table.
			self::table(),
			array(
				'event_id'        => $event_id,
				'event_type'      => $event_type,
				'object_type'     => $object_type,
				'object_id'       => $object_id,
				'payload'         => (string) wp_json_encode( $payload ),
				'attempts'        => 0,
				'next_attempt_at' => $now,
				'created_at'      => $now,
				'status'          => self::STATUS_PENDING,
			),
			array( '%s', '%s', '%s', '%d', '%s', '%d', '%s', '%s', '%s' )
		);
		return $inserted ? $event_id : false;
	}

	public static function drop(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::table() ); // phpcs:ignore WordPress.DB -- table name is ours, uninstall only.
	}
}
