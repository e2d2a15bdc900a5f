<?php
/**
 * Enqueues a wp-scripts build entry (build/{entry}.js + .asset.php, and its CSS when present) under
 * the handle "igny8-{entry}". Dependencies and version come from the generated .asset.php; the chunks
 * the entry loads later with import() come from build/chunks.php, for their translations.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Assets {

	const TEXT_DOMAIN = 'igny8';

	/** @var array<string, string[]>|null Entry => its lazily loaded chunk files (build/chunks.php). */
	private static $chunks = null;

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

		$chunk_translations = self::chunk_translations( $entry, $version );
		if ( $chunk_translations && ! in_array( 'wp-i18n', $deps, true ) ) {
			$deps[] = 'wp-i18n';
		}
		wp_enqueue_script( $handle, self::url( $entry . '.js' ), $deps, $version, true );
		wp_set_script_translations( $handle, self::TEXT_DOMAIN, self::languages_dir() );
		foreach ( $chunk_translations as $json ) {
			wp_add_inline_script( $handle, self::locale_data_script( $json ), 'before' );
		}

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

	/**
	 * The translations (JED JSON) of each chunk the entry loads later with import(). WordPress registers
	 * translations only for the scripts it prints, and a chunk is never printed: so each chunk gets a
	 * handle of its own, registered but never enqueued, and load_script_textdomain() finds its JSON file
	 * the way it finds any script's (the plugin's languages/ or WP_LANG_DIR/plugins, named after the md5
	 * of the chunk's path in the plugin), filters included.
	 *
	 * @param string $entry   Build entry name.
	 * @param string $version The entry's version, for the chunks' handles.
	 * @return string[] One JSON document per chunk that has translations.
	 */
	private static function chunk_translations( string $entry, string $version ): array {
		$found = array();
		foreach ( self::chunk_files( $entry ) as $file ) {
			if ( ! preg_match( '/^[A-Za-z0-9._-]+\.js$/', $file ) || ! is_readable( IGNY8_DIR . 'build/' . $file ) ) {
				continue;
			}
			$handle = self::handle( 'chunk-' . substr( $file, 0, -3 ) );
			wp_register_script( $handle, self::url( $file ), array(), $version, true );
			$json = load_script_textdomain( $handle, self::TEXT_DOMAIN, self::languages_dir() );
			if ( is_string( $json ) && '' !== $json ) {
				$found[] = $json;
			}
		}
		return $found;
	}

	/**
	 * Adds a chunk's strings to the text domain, as WordPress prints an entry's own translations.
	 *
	 * @param string $json The JED JSON of load_script_textdomain().
	 */
	private static function locale_data_script( string $json ): string {
		return sprintf(
			'( function( domain, translations ) { var localeData = translations.locale_data[ domain ] || translations.locale_data.messages; localeData[""].domain = domain; wp.i18n.setLocaleData( localeData, domain ); } )( "%s", %s );',
			self::TEXT_DOMAIN,
			$json
		);
	}

	/**
	 * @param string $entry Build entry name.
	 * @return string[] Its lazily loaded chunk files, as build/chunks.php lists them (none without it).
	 */
	private static function chunk_files( string $entry ): array {
		if ( null === self::$chunks ) {
			$file         = IGNY8_DIR . 'build/chunks.php';
			$chunks       = is_readable( $file ) ? require $file : array();
			self::$chunks = is_array( $chunks ) ? $chunks : array();
		}
		return isset( self::$chunks[ $entry ] ) ? array_values( array_filter( (array) self::$chunks[ $entry ], 'is_string' ) ) : array();
	}

	/** Translations shipped with the plugin; WordPress looks in WP_LANG_DIR/plugins as well. */
	private static function languages_dir(): string {
		return IGNY8_DIR . 'languages';
	}

	private static function asset_file( string $entry ): string {
		return IGNY8_DIR . 'build/' . $entry . '.asset.php';
	}

	private static function url( string $file ): string {
		return plugins_url( 'build/' . $file, IGNY8_FILE );
	}
}
