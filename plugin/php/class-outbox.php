<?php
/**
 * The sync outbox: one custom table of events waiting to be sent to the cloud (post.updated,
 * post.deleted, term.updated, term.deleted). The row id is the event's `seq`; a row is pending until
 * the cloud took it (sent), or failed when the cloud refused it on its own. Outbox_Delivery sends it.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Outbox {

	/** Bump when the table's shape changes; dbDelta applies the difference. */
	const SCHEMA_VERSION = '2';

	const STATUS_PENDING = 'pending';
	const STATUS_SENT    = 'sent';
	const STATUS_FAILED  = 'failed';

	/** Option (array, not autoloaded): last_success_at, last_attempt_at (ISO 8601, UTC), last_error. */
	const DELIVERY_OPTION = 'igny8_outbox_delivery';

	/** Sent rows are kept this long (seconds), then pruned. */
	const KEEP_SENT = WEEK_IN_SECONDS;

	/** Retry delays: BACKOFF_BASE × 2^(attempts − 1) seconds, at most BACKOFF_MAX. */
	const BACKOFF_BASE = 30;
	const BACKOFF_MAX  = HOUR_IN_SECONDS;

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
  sent_at datetime DEFAULT NULL,
  last_error text DEFAULT NULL,
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
		self::ensure_schema();
	}

	/** Before the sync reads or writes the table (it may run from cron or REST, where admin_init never ran). */
	public static function ensure_schema(): void {
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
	 * @param array  $payload     JSON-encodable event data: the event's own key, e.g. array( 'post' => … ).
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

	/**
	 * Pending rows, oldest first.
	 *
	 * @param int  $limit   At most this many.
	 * @param bool $all_due True: also those waiting for a retry (a flush asked for by an admin).
	 * @return array<int, array<string, string>>
	 */
	public static function due( int $limit, bool $all_due = false ): array {
		global $wpdb;
		$table = self::table();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- custom table.
		if ( $all_due ) {
			$rows = $wpdb->get_results(
				$wpdb->prepare( "SELECT * FROM {$table} WHERE status = %s ORDER BY id ASC LIMIT %d", self::STATUS_PENDING, $limit ),
				ARRAY_A
			);
		} else {
			$rows = $wpdb->get_results(
				$wpdb->prepare(
					"SELECT * FROM {$table} WHERE status = %s AND next_attempt_at <= %s ORDER BY id ASC LIMIT %d",
					self::STATUS_PENDING,
					current_time( 'mysql', true ),
					$limit
				),
				ARRAY_A
			);
		}
		// phpcs:enable
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * The cloud has these events (stored now or earlier).
	 *
	 * @param string[] $event_ids Event ids.
	 */
	public static function mark_sent( array $event_ids ): void {
		self::update_where_event_ids(
			$event_ids,
			'status = %s, sent_at = %s, last_error = NULL',
			array( self::STATUS_SENT, current_time( 'mysql', true ) )
		);
	}

	/**
	 * A delivery did not get through: one attempt more each, retried after a growing delay.
	 *
	 * @param array<int, array<string, string>> $rows  Rows as due() answered them.
	 * @param string                            $error Why.
	 * @return int Unix time of the earliest retry.
	 */
	public static function retry_later( array $rows, string $error ): int {
		global $wpdb;
		$table    = self::table();
		$earliest = PHP_INT_MAX;
		foreach ( $rows as $row ) {
			$attempts = (int) $row['attempts'] + 1;
			$at       = time() + self::backoff( $attempts );
			$earliest = min( $earliest, $at );
			$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- custom table.
				$wpdb->prepare(
					"UPDATE {$table} SET attempts = %d, next_attempt_at = %s, last_error = %s WHERE id = %d AND status = %s", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					$attempts,
					gmdate( 'Y-m-d H:i:s', $at ),
					$error,
					(int) $row['id'],
					self::STATUS_PENDING
				)
			);
		}
		return PHP_INT_MAX === $earliest ? time() : $earliest;
	}

	/** Seconds before attempt number $attempts + 1. */
	public static function backoff( int $attempts ): int {
		$exponent = max( 0, min( 20, $attempts - 1 ) );
		return (int) min( self::BACKOFF_MAX, self::BACKOFF_BASE * ( 2 ** $exponent ) );
	}

	/** The cloud refused this event on its own: it stays in the table, marked failed, and no longer blocks the others. */
	public static function mark_failed( string $event_id, string $error ): void {
		self::update_where_event_ids(
			array( $event_id ),
			'status = %s, attempts = attempts + 1, last_error = %s',
			array( self::STATUS_FAILED, $error )
		);
	}

	/** Forgets the sent rows older than KEEP_SENT. */
	public static function prune(): int {
		global $wpdb;
		$table = self::table();
		return (int) $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- custom table.
			$wpdb->prepare(
				"DELETE FROM {$table} WHERE status = %s AND sent_at < %s", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				self::STATUS_SENT,
				gmdate( 'Y-m-d H:i:s', time() - self::KEEP_SENT )
			)
		);
	}

	public static function has_pending(): bool {
		global $wpdb;
		$table = self::table();
		return null !== $wpdb->get_var( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- custom table.
			$wpdb->prepare( "SELECT id FROM {$table} WHERE status = %s LIMIT 1", self::STATUS_PENDING ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		);
	}

	/**
	 * What the Settings screen shows of the outbox.
	 *
	 * @return array{pending: int, failed: int, oldest_pending_at: string|null, last_delivery_at: string|null, last_error: string|null}
	 */
	public static function backlog(): array {
		global $wpdb;
		$table = self::table();
		$rows  = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- custom table.
			$wpdb->prepare(
				"SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM {$table} WHERE status IN ( %s, %s ) GROUP BY status", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				self::STATUS_PENDING,
				self::STATUS_FAILED
			),
			ARRAY_A
		);
		$by_status = array();
		foreach ( (array) $rows as $row ) {
			$by_status[ $row['status'] ] = $row;
		}
		$delivery = self::delivery();
		return array(
			'pending'           => isset( $by_status[ self::STATUS_PENDING ] ) ? (int) $by_status[ self::STATUS_PENDING ]['n'] : 0,
			'failed'            => isset( $by_status[ self::STATUS_FAILED ] ) ? (int) $by_status[ self::STATUS_FAILED ]['n'] : 0,
			'oldest_pending_at' => isset( $by_status[ self::STATUS_PENDING ] ) ? self::iso( $by_status[ self::STATUS_PENDING ]['oldest'] ) : null,
			'last_delivery_at'  => $delivery['last_success_at'],
			'last_error'        => $delivery['last_error'],
		);
	}

	/**
	 * @return array{last_success_at: string|null, last_attempt_at: string|null, last_error: string|null}
	 */
	public static function delivery(): array {
		$stored = get_option( self::DELIVERY_OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		return array(
			'last_success_at' => isset( $stored['last_success_at'] ) ? (string) $stored['last_success_at'] : null,
			'last_attempt_at' => isset( $stored['last_attempt_at'] ) ? (string) $stored['last_attempt_at'] : null,
			'last_error'      => isset( $stored['last_error'] ) ? (string) $stored['last_error'] : null,
		);
	}

	/**
	 * Records how a delivery went (not autoloaded).
	 *
	 * @param string|null $error Null when the cloud took the batch.
	 */
	public static function record_delivery( ?string $error ): void {
		$delivery                    = self::delivery();
		$delivery['last_attempt_at'] = gmdate( 'Y-m-d\TH:i:s\Z' );
		$delivery['last_error']      = $error;
		if ( null === $error ) {
			$delivery['last_success_at'] = $delivery['last_attempt_at'];
		}
		update_option( self::DELIVERY_OPTION, $delivery, false );
	}

	/** "2026-11-29 10:00:00" (UTC, as stored) → "2026-11-29T10:00:00Z". */
	public static function iso( string $mysql_gmt ): string {
		return str_replace( ' ', 'T', $mysql_gmt ) . 'Z';
	}

	public static function drop(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::table() ); // phpcs:ignore WordPress.DB -- table name is ours, uninstall only.
		delete_option( self::DELIVERY_OPTION );
	}

	/**
	 * @param string[] $event_ids Event ids.
	 * @param string   $set       SET clause with placeholders.
	 * @param array    $values    Values for the SET placeholders.
	 */
	private static function update_where_event_ids( array $event_ids, string $set, array $values ): void {
		global $wpdb;
		$table = self::table();
		foreach ( array_chunk( array_values( array_unique( $event_ids ) ), 50 ) as $chunk ) {
			$in = implode( ', ', array_fill( 0, count( $chunk ), '%s' ) );
			$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- custom table.
				$wpdb->prepare( "UPDATE {$table} SET {$set} WHERE event_id IN ( {$in} )", array_merge( $values, $chunk ) ) // phpcs:ignore WordPress.DB.PreparedSQL
			);
		}
	}
}
