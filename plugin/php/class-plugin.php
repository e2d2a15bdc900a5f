<?php
/**
 * Wires the plugin into WordPress. Front-end requests only get hooks that cost nothing: no query,
 * no option read, no asset, no file beyond this bootstrap (plugin/test/weight.test.mjs holds the line).
 * Admin screens, REST routes and post meta are registered where they are used.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Plugin {

	/** WP-cron: delivers the outbox every 5 minutes while events are pending (Outbox_Delivery::keep_scheduled()). */
	const CRON_FLUSH = 'igny8_outbox_flush';

	/** WP-cron: one delivery soon after a failed one. */
	const CRON_RETRY = 'igny8_outbox_retry';

	/** The 5-minute recurrence (cron_schedules). */
	const CRON_SCHEDULE = 'igny8_five_minutes';

	/** @var Plugin|null */
	private static $instance = null;

	public static function instance(): Plugin {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	public function start(): void {
		// Registered meta only matters to REST (the block editor, the cloud's publishing calls): public
		// page views never load the class. Callbacks named by class are autoloaded when they first run.
		add_action( 'rest_api_init', array( Meta::class, 'register' ) );
		add_action( 'rest_api_init', array( REST\Routes::class, 'register' ) );

		// The sync's hooks: their classes load only when a post or term is written, or the cron runs.
		add_action( 'wp_after_insert_post', array( Sync::class, 'post_saved' ), 10, 4 );
		add_action( 'before_delete_post', array( Sync::class, 'post_deleting' ), 10, 2 );
		add_action( 'deleted_post', array( Sync::class, 'post_deleted' ), 10, 1 );
		add_action( 'created_term', array( Sync::class, 'term_saved' ), 10, 3 );
		add_action( 'edited_term', array( Sync::class, 'term_saved' ), 10, 3 );
		add_action( 'delete_term', array( Sync::class, 'term_deleted' ), 10, 3 );
		add_action( self::CRON_FLUSH, array( Outbox_Delivery::class, 'cron' ) );
		add_action( self::CRON_RETRY, array( Outbox_Delivery::class, 'cron' ) );
		add_filter( 'cron_schedules', array( self::class, 'cron_schedules' ) );
		register_deactivation_hook( IGNY8_FILE, array( self::class, 'deactivate' ) );

		if ( is_admin() ) {
			( new Admin() )->register();
		}
	}

	/** Activation hook: creates (or upgrades) the outbox table; events left pending get their cron back. */
	public static function activate(): void {
		Outbox::install();
		Outbox_Delivery::keep_scheduled();
	}

	/** Deactivation hook: no cron event outlives the plugin (pending events wait for reactivation). */
	public static function deactivate(): void {
		wp_clear_scheduled_hook( self::CRON_FLUSH );
		wp_clear_scheduled_hook( self::CRON_RETRY );
	}

	/**
	 * @param array $schedules WP-cron recurrences.
	 * @return array
	 */
	public static function cron_schedules( $schedules ) {
		$schedules                        = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::CRON_SCHEDULE ] = array(
			'interval' => 5 * MINUTE_IN_SECONDS,
			'display'  => __( 'Every 5 minutes (IGNY8 sync)', 'igny8' ),
		);
		return $schedules;
	}
}
