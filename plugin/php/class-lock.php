<?php
/**
 * Short locks with an expiry, so that two requests never do the same thing at once: two outbox flushes
 * sending the same rows, two publishes of one piece of content making two posts. Taking a lock is one
 * INSERT IGNORE into the options table (its unique option_name lets exactly one of concurrent inserts
 * through; see Nonces), or one conditional UPDATE of a lock whose time is up. Never through the options
 * API or its caches: nothing reads these rows back but this class.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Lock {

	/** Option name prefix; the rest names the lock. */
	const OPTION_PREFIX = 'igny8_lock_';

	/**
	 * Takes the lock for $ttl seconds, unless someone holds it.
	 *
	 * @param string $name Lock name (letters, digits, "_", "-").
	 * @param int    $ttl  Seconds after which the lock may be taken over (a holder that died).
	 * @return string|null The holder's token (for release()), or null when the lock is taken.
	 */
	public static function acquire( string $name, int $ttl ): ?string {
		global $wpdb;
		$now = time();
		// "<expiry>:<random>": ten-digit Unix times compare correctly as strings (until the year 2286).
		$token  = ( $now + $ttl ) . ':' . bin2hex( random_bytes( 8 ) );
		$option = self::OPTION_PREFIX . $name;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- atomic insert or takeover, see the file comment.
		$taken = $wpdb->query(
			$wpdb->prepare(
				"INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')",
				$option,
				$token
			)
		);
		if ( 1 !== $taken ) {
			$taken = $wpdb->query(
				$wpdb->prepare(
					"UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value < %s",
					$token,
					$option,
					(string) $now
				)
			);
		}
		// phpcs:enable
		return 1 === $taken ? $token : null;
	}

	/**
	 * Gives the lock back, if it is still ours.
	 *
	 * @param string $name  Lock name.
	 * @param string $token What acquire() answered.
	 */
	public static function release( string $name, string $token ): void {
		global $wpdb;
		$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- rows only this class reads.
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s",
				self::OPTION_PREFIX . $name,
				$token
			)
		);
	}

	/**
	 * Forgets every lock (uninstall). The parentheses keep the SQLite drop-in from logging a notice
	 * when a LIKE ends the query.
	 */
	public static function forget_all(): void {
		global $wpdb;
		$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- rows only this class reads.
			$wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE ( option_name LIKE %s )", $wpdb->esc_like( self::OPTION_PREFIX ) . '%' )
		);
	}
}
