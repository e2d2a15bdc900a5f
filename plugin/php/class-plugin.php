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

		if ( is_admin() ) {
			( new Admin() )->register();
		}
	}

	/** Activation hook: creates (or upgrades) the outbox table. */
	public static function activate(): void {
		Outbox::install();
	}
}
