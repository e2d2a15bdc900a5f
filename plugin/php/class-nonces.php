<?php
/**
 * Nonces of signed requests already received (Signer::verify()), so that a copy of a request is
 * refused even when the copies arrive at the same moment.
 *
 * Spending a nonce is one INSERT IGNORE into the options table: its unique option_name index lets
 * exactly one of many concurrent inserts through, and the rows affected (1 or 0) say which. A
 * read-then-write (transients) lets concurrent copies pass; so does add_option(), whose INSERT … ON
 * DUPLICATE KEY UPDATE also "succeeds" on an existing row; wp_cache_add() is atomic only in a
 * persistent object cache. Expired nonces are swept now and then by the spends themselves.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Nonces {

	/** Option name prefix; the rest is the nonce's SHA-256 (option names compare case-insensitively). */
	const OPTION_PREFIX = 'igny8_nonce_';

	/** On average, one spend in this many also forgets the expired nonces. */
	const SWEEP_EVERY = 50;

	/**
	 * Remembers a nonce; says whether it was new. Written with SQL, never through the options API or
	 * its caches: nothing reads these rows back but this class. A database error counts as "seen".
	 *
	 * @param string $nonce Nonce as received.
	 * @param int    $now   Unix time the request is being received at.
	 * @return bool True the first time a nonce is spent, false ever after (until it expires).
	 */
	public static function spend( string $nonce, int $now ): bool {
		global $wpdb;
		$inserted = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- atomic insert, see the file comment.
			$wpdb->prepare(
				"INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')",
				self::OPTION_PREFIX . hash( 'sha256', $nonce ),
				(string) $now
			)
		);
		if ( 1 === wp_rand( 1, self::SWEEP_EVERY ) ) {
			self::forget_seen_before( $now - Signer::NONCE_TTL );
		}
		return 1 === $inserted;
	}

	/**
	 * Forgets the nonces seen before a time. The seen-at values are compared as strings, which orders
	 * ten-digit Unix times correctly (until the year 2286).
	 *
	 * @param int $time Unix time.
	 * @return int How many were forgotten.
	 */
	private static function forget_seen_before( int $time ): int {
		global $wpdb;
		return (int) $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- rows only this class reads.
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s AND option_value < %s",
				$wpdb->esc_like( self::OPTION_PREFIX ) . '%',
				(string) $time
			)
		);
	}

	/**
	 * Forgets every nonce (uninstall). The parentheses keep the SQLite drop-in from logging a notice
	 * when a LIKE ends the query.
	 */
	public static function forget_all(): void {
		global $wpdb;
		$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- rows only this class reads.
			$wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE ( option_name LIKE %s )", $wpdb->esc_like( self::OPTION_PREFIX ) . '%' )
		);
	}
}
