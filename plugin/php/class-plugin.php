<?php
/**
 * Wires the plugin into WordPress. Front-end requests only get hooks that cost nothing: no query,
 * no option read, no asset. Admin screens and REST routes are registered where they are used.
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
		add_action( 'init', array( Meta::class, 'register' ) );
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
