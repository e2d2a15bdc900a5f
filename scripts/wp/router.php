<?php
/**
 * Router for `php -S` (copied into the WordPress root by scripts/wp/env.mjs).
 * Real files are served as-is (PHP files executed), everything else goes to index.php
 * so pretty permalinks and /wp-json/ work like they do behind Apache's rewrite rules.
 */

$igny8_root = __DIR__;
$igny8_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

// Never serve the SQLite database or other dot files (.ht.sqlite, .htaccess, .git…).
if ( preg_match( '#(^|/)\.|^/wp-content/database(/|$)#', $igny8_path ) ) {
	http_response_code( 403 );
	echo 'Forbidden';
	return true;
}

$igny8_file = $igny8_root . $igny8_path;

if ( '/' !== $igny8_path && is_dir( $igny8_file ) ) {
	if ( '/' !== substr( $igny8_path, -1 ) ) {
		$igny8_query = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
		header( 'Location: ' . $igny8_path . '/' . ( $igny8_query ? '?' . $igny8_query : '' ), true, 301 );
		return true;
	}
	if ( is_file( $igny8_file . 'index.php' ) ) {
		return false; // The built-in server runs the directory's index.php itself.
	}
}

if ( '/' !== $igny8_path && is_file( $igny8_file ) ) {
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $igny8_root . '/index.php';
chdir( $igny8_root );
require $igny8_root . '/index.php';
