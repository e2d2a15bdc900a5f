<?php
/**
 * Runs when the plugin is deleted from wp-admin: removes its options, seen nonces, locks, transients,
 * outbox table (and its delivery record), cron events and post meta, on every site of a network.
 *
 * @package IGNY8
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/php/autoload.php';

$igny8_uninstall_site = static function () {
	global $wpdb;

	foreach ( \IGNY8\Options::names() as $igny8_option ) {
		delete_option( $igny8_option );
	}
	\IGNY8\Nonces::forget_all();
	\IGNY8\Lock::forget_all();
	wp_clear_scheduled_hook( \IGNY8\Plugin::CRON_FLUSH );
	wp_clear_scheduled_hook( \IGNY8\Plugin::CRON_RETRY );

	// Select, then delete through the API so caches stay coherent. (The ORDER BY also keeps the SQLite
	// drop-in from logging a notice when a LIKE ends the query.)
	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- one-off cleanup of our own rows.
	$igny8_transients = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s ORDER BY option_name",
			$wpdb->esc_like( '_transient_' . \IGNY8\Options::TRANSIENT_PREFIX ) . '%'
		)
	);
	foreach ( $igny8_transients as $igny8_name ) {
		delete_transient( substr( $igny8_name, strlen( '_transient_' ) ) );
	}

	$igny8_meta_keys = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT DISTINCT meta_key FROM {$wpdb->postmeta} WHERE meta_key LIKE %s ORDER BY meta_key",
			$wpdb->esc_like( \IGNY8\Meta::PREFIX ) . '%'
		)
	);
	// phpcs:enable
	foreach ( $igny8_meta_keys as $igny8_key ) {
		delete_post_meta_by_key( $igny8_key );
	}

	\IGNY8\Outbox::drop();
	wp_cache_flush();
};

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $igny8_blog_id ) {
		switch_to_blog( $igny8_blog_id );
		$igny8_uninstall_site();
		restore_current_blog();
	}
} else {
	$igny8_uninstall_site();
}
