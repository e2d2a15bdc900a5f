<?php
/**
 * Sends the outbox to the cloud: `POST /api/v1/integration/sync/events` {events}, signed, oldest first,
 * at most SYNC_EVENTS_MAX events and about 800 KB of JSON at a time. What the cloud took (accepted, or
 * already had) is marked sent. A delivery that does not get through (network, 5xx, 401…) is retried
 * later with a growing delay, never dropped; a batch the cloud refuses as bad input (400) is split until
 * the one event it refuses is found and marked failed, so that one bad event never blocks the others.
 *
 * Runs after a request that queued events (Sync::shutdown()), from WP-cron (a 5-minute event while
 * events are pending, and one soon after a failure), and when an admin asks (POST /outbox/flush).
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Outbox_Delivery {

	const PATH = '/api/v1/integration/sync/events';

	/** SYNC_EVENTS_MAX in shared/src/schemas/sync.ts. */
	const MAX_EVENTS = 100;

	/** A batch stays under this much JSON (a single larger event goes alone). */
	const MAX_BYTES = 800000;

	/** Batches in one run, so that a run ends (the rest waits for the next). */
	const MAX_BATCHES = 20;

	/** How long a run may hold the outbox lock (seconds): longer than a few cloud timeouts. */
	const LOCK_TTL = 120;

	/** Seconds a delivery may take while a visitor waits for the page (Sync::shutdown()). */
	const INLINE_TIMEOUT = 5;

	/** Statuses meaning the cloud refused the events themselves, not the moment. */
	const REFUSED = array( 400, 413, 422 );

	/** Hooked on the cron events (do_action passes an empty argument: not a flag). */
	public static function cron(): void {
		self::run();
	}

	/**
	 * http_request_args, while a visitor waits: deliveries get INLINE_TIMEOUT seconds.
	 *
	 * @param array  $args HTTP request arguments.
	 * @param string $url  Address.
	 * @return array
	 */
	public static function short_timeout( $args, $url ) {
		if ( is_array( $args ) && is_string( $url ) && false !== strpos( $url, self::PATH ) ) {
			$args['timeout'] = min( (float) ( $args['timeout'] ?? self::INLINE_TIMEOUT ), self::INLINE_TIMEOUT );
		}
		return $args;
	}

	/**
	 * Delivers what is due.
	 *
	 * @param bool $all_due Also the events waiting for a retry (an admin asked to send now).
	 * @return bool False when nothing was tried (not connected, or another run holds the lock).
	 */
	public static function run( bool $all_due = false ): bool {
		$connection = Connection::get();
		if ( null === $connection ) {
			// Pending events wait for a connection; the next event queued schedules the cron again.
			wp_clear_scheduled_hook( Plugin::CRON_FLUSH );
			return false;
		}
		Outbox::ensure_schema();
		$lock = Lock::acquire( 'outbox', self::LOCK_TTL );
		if ( null === $lock ) {
			return false;
		}
		try {
			$client = Cloud_Client::for_connection( $connection );
			for ( $batch = 0; $batch < self::MAX_BATCHES; $batch++ ) {
				$rows = self::fit( Outbox::due( self::MAX_EVENTS, $all_due ) );
				if ( ! $rows || ! self::send( $client, $rows ) ) {
					break;
				}
			}
			Outbox::prune();
			self::keep_scheduled();
		} finally {
			Lock::release( 'outbox', $lock );
		}
		return true;
	}

	/**
	 * The event a row holds, exactly as syncEvent describes it; null when the row cannot be read.
	 *
	 * @param array<string, string> $row An outbox row.
	 * @return array<string, mixed>|null
	 */
	public static function event( array $row ): ?array {
		$payload = json_decode( (string) $row['payload'], true );
		if ( ! is_array( $payload ) ) {
			return null;
		}
		return array_merge(
			array(
				'event_id'    => (string) $row['event_id'],
				'seq'         => (int) $row['id'],
				'occurred_at' => Outbox::iso( (string) $row['created_at'] ),
				'type'        => (string) $row['event_type'],
			),
			$payload
		);
	}

	/** The 5-minute event exists while events are pending, and only then (it costs the site nothing idle). */
	public static function keep_scheduled(): void {
		$scheduled = wp_next_scheduled( Plugin::CRON_FLUSH );
		if ( Outbox::has_pending() ) {
			if ( false === $scheduled ) {
				wp_schedule_event( time() + 5 * MINUTE_IN_SECONDS, Plugin::CRON_SCHEDULE, Plugin::CRON_FLUSH );
			}
		} elseif ( false !== $scheduled ) {
			wp_clear_scheduled_hook( Plugin::CRON_FLUSH );
		}
	}

	/**
	 * The first rows that fit in one batch.
	 *
	 * @param array<int, array<string, string>> $rows Due rows, oldest first.
	 * @return array<int, array<string, string>>
	 */
	private static function fit( array $rows ): array {
		$batch = array();
		$bytes = 0;
		foreach ( $rows as $row ) {
			$size = strlen( (string) $row['payload'] ) + 200;
			if ( $batch && $bytes + $size > self::MAX_BYTES ) {
				break;
			}
			$batch[] = $row;
			$bytes  += $size;
		}
		return $batch;
	}

	/**
	 * Sends one batch and records what became of each event.
	 *
	 * @param Cloud_Client                      $client Signed client.
	 * @param array<int, array<string, string>> $rows   Rows to send.
	 * @return bool Whether the run may go on with the next batch.
	 */
	private static function send( Cloud_Client $client, array $rows ): bool {
		$events = array();
		$ids    = array();
		foreach ( $rows as $row ) {
			$event = self::event( $row );
			if ( null === $event ) {
				Outbox::mark_failed( (string) $row['event_id'], __( 'The stored event could not be read.', 'igny8' ) );
				continue;
			}
			$events[] = $event;
			$ids[]    = (string) $row['event_id'];
		}
		if ( ! $events ) {
			return true;
		}

		$result = $client->request( 'POST', self::PATH, array( 'events' => $events ) );

		if ( ! is_wp_error( $result ) ) {
			$taken = array_merge(
				isset( $result['accepted'] ) && is_array( $result['accepted'] ) ? $result['accepted'] : array(),
				isset( $result['duplicates'] ) && is_array( $result['duplicates'] ) ? $result['duplicates'] : array()
			);
			$taken = array_values( array_intersect( $ids, array_map( 'strval', $taken ) ) );
			Outbox::mark_sent( $taken );
			Outbox::record_delivery( null );
			$missing = array_values(
				array_filter(
					$rows,
					static function ( $row ) use ( $taken ) {
						return ! in_array( (string) $row['event_id'], $taken, true );
					}
				)
			);
			if ( $missing ) {
				self::retry_later( $missing, __( 'The IGNY8 cloud did not acknowledge the event.', 'igny8' ) );
				return false;
			}
			return true;
		}

		$data    = $result->get_error_data();
		$status  = is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : 0;
		$message = $result->get_error_message();
		if ( in_array( $status, self::REFUSED, true ) ) {
			if ( 1 === count( $rows ) ) {
				Outbox::mark_failed( (string) $rows[0]['event_id'], sprintf( '%d %s: %s', $status, $result->get_error_code(), $message ) );
				return true;
			}
			$half = (int) ceil( count( $rows ) / 2 );
			return self::send( $client, array_slice( $rows, 0, $half ) ) && self::send( $client, array_slice( $rows, $half ) );
		}
		Outbox::record_delivery( $message );
		self::retry_later( $rows, $message );
		return false;
	}

	/**
	 * @param array<int, array<string, string>> $rows  Rows that did not get through.
	 * @param string                            $error Why.
	 */
	private static function retry_later( array $rows, string $error ): void {
		$at = Outbox::retry_later( $rows, $error );
		wp_schedule_single_event( max( $at, time() + 1 ), Plugin::CRON_RETRY );
	}
}
