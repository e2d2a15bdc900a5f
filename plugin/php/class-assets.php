<?php
/**
 * Enqueues a wp-scripts build entry (build/{entry}.js + .asset.php, and its CSS when present) under
 * the handle "igny8-{entry}". Dependencies and version come from the generated .asset.php.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Assets {

	const TEXT_DOMAIN = 'igny8';

	public static function handle( string $entry ): string {
		return 'igny8-' . $entry;
	}

	public static function is_built( string $entry ): bool {
		return is_readable( self::asset_file( $entry ) );
	}

	/**
	 * @param string $entry Build entry name (settings, planner, editor…).
	 * @return bool False when the entry has not been built.
	 */
	public static function enqueue( string $entry ): bool {
		if ( ! self::is_built( $entry ) ) {
			return false;
		}
		$asset   = require self::asset_file( $entry );
		$deps    = isset( $asset['dependencies'] ) ? (array) $asset['dependencies'] : array();
		$version = isset( $asset['version'] ) ? (string) $asset['version'] : IGNY8_VERSION;
		$handle  = self::handle( $entry );

		wp_enqueue_script( $handle, self::url( $entry . '.js' ), $deps, $version, true );
		wp_set_script_translations( $handle, self::TEXT_DOMAIN );

		// wp-scripts writes imported CSS to {entry}.css and style.(s)css imports to style-{entry}.css.
		$styles = array(
			$handle            => $entry . '.css',
			$handle . '-style' => 'style-' . $entry . '.css',
		);
		foreach ( $styles as $style_handle => $file ) {
			if ( ! is_readable( IGNY8_DIR . 'build/' . $file ) ) {
				continue;
			}
			wp_enqueue_style( $style_handle, self::url( $file ), array( 'wp-components' ), $version );
			if ( is_readable( IGNY8_DIR . 'build/' . substr( $file, 0, -4 ) . '-rtl.css' ) ) {
				wp_style_add_data( $style_handle, 'rtl', 'replace' );
			}
		}
		return true;
	}

	/**
	 * Inlines `window.{$name} = {...}` before the entry's script.
	 *
	 * @param string $entry Build entry name.
	 * @param string $name  Global variable name.
	 * @param array  $state JSON-encodable data.
	 */
	public static function inline_state( string $entry, string $name, array $state ): void {
		wp_add_inline_script(
			self::handle( $entry ),
			'window.' . $name . ' = ' . wp_json_encode( $state, JSON_HEX_TAG | JSON_UNESCAPED_SLASHES ) . ';',
			'before'
		);
	}

	private static function asset_file( string $entry ): string {
		return IGNY8_DIR . 'build/' . $entry . '.asset.php';
	}

	private static function url( string $file ): string {
		return plugins_url( 'build/' . $file, IGNY8_FILE );
	}
}
