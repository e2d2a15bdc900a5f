<?php
/**
 * Plugin Name: IGNY8 dev: offline
 * Description: Local/test environment only (installed by scripts/wp/env.mjs). Keeps WordPress from
 * phoning home: outgoing HTTP is refused unless it targets this machine, update checks never run.
 */

add_filter(
	'pre_http_request',
	static function ( $response, $args, $url ) {
		$host = strtolower( (string) wp_parse_url( $url, PHP_URL_HOST ) );
		$host = trim( $host, '[]' );
		$own  = strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
		if ( in_array( $host, array( '127.0.0.1', 'localhost', '::1', $own ), true ) || '.localhost' === substr( $host, -10 ) ) {
			return $response;
		}
		return new WP_Error( 'http_request_blocked', sprintf( 'Offline environment: request to %s refused.', $host ) );
	},
	1,
	3
);

// Update checks: pretend they just ran, and never schedule them.
$igny8_dev_no_updates = static function () {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => get_bloginfo( 'version' ),
		'updates'         => array(),
		'response'        => array(),
		'no_update'       => array(),
		'translations'    => array(),
		'checked'         => array(),
	);
};
add_filter( 'pre_site_transient_update_core', $igny8_dev_no_updates );
add_filter( 'pre_site_transient_update_plugins', $igny8_dev_no_updates );
add_filter( 'pre_site_transient_update_themes', $igny8_dev_no_updates );
add_filter( 'automatic_updater_disabled', '__return_true' );

remove_action( 'init', 'wp_schedule_update_checks' );
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'wp_version_check', 'wp_version_check' );
remove_action( 'wp_update_plugins', 'wp_update_plugins' );
remove_action( 'wp_update_themes', 'wp_update_themes' );
remove_action( 'wp_maybe_auto_update', 'wp_maybe_auto_update' );
remove_action( 'init', 'wp_schedule_https_detection' );
remove_action( 'wp_https_detection', 'wp_update_https_detection_errors' );

// Dashboard widgets that would fetch wordpress.org feeds or version data.
add_action(
	'wp_dashboard_setup',
	static function () {
		remove_meta_box( 'dashboard_primary', 'dashboard', 'side' );
		remove_meta_box( 'dashboard_php_nag', 'dashboard', 'normal' );
	}
);

// No mail server here: report failure instead of trying sendmail.
add_filter( 'pre_wp_mail', '__return_false' );
