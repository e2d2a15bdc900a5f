<?php
/**
 * Plugin Name:       IGNY8
 * Plugin URI:        https://igny8.com
 * Description:       From a keyword list to planned, written and interlinked posts. Connects this site to the IGNY8 cloud.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Author:            IGNY8
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       igny8
 *
 * @package IGNY8
 */

defined( 'ABSPATH' ) || exit;

define( 'IGNY8_VERSION', '0.1.0' );
define( 'IGNY8_FILE', __FILE__ );
define( 'IGNY8_DIR', plugin_dir_path( __FILE__ ) );

require_once IGNY8_DIR . 'php/autoload.php';

register_activation_hook( __FILE__, array( \IGNY8\Plugin::class, 'activate' ) );

\IGNY8\Plugin::instance()->start();
