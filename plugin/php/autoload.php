<?php
/**
 * Class loader: IGNY8\Cloud_Client → php/class-cloud-client.php, IGNY8\REST\Status_Endpoint →
 * php/rest/class-status-endpoint.php. Only the classes a request touches get loaded.
 *
 * @package IGNY8
 */

namespace IGNY8;

if ( ! function_exists( __NAMESPACE__ . '\\autoload' ) ) {
	/**
	 * @param string $class Fully qualified class name.
	 */
	function autoload( $class ) {
		if ( 0 !== strpos( $class, __NAMESPACE__ . '\\' ) ) {
			return;
		}
		$parts = explode( '\\', substr( $class, strlen( __NAMESPACE__ ) + 1 ) );
		$name  = array_pop( $parts );
		$dir   = $parts ? strtolower( implode( '/', $parts ) ) . '/' : '';
		$file  = __DIR__ . '/' . $dir . 'class-' . strtolower( str_replace( '_', '-', $name ) ) . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
	spl_autoload_register( __NAMESPACE__ . '\\autoload' );
}
