<?php
/**
 * wp-admin: the IGNY8 menu and its pages. Each page is a root <div> for a wp-scripts app whose
 * script is enqueued only on that page's own load-{hook}.
 *
 * @package IGNY8
 */

namespace IGNY8;

defined( 'ABSPATH' ) || exit;

final class Admin {

	const MENU_SLUG     = 'igny8-settings';
	const SETTINGS_SLUG = 'igny8-settings';
	const INITIAL_STATE = 'igny8Initial';

	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
		add_action( 'admin_init', array( Outbox::class, 'maybe_upgrade' ) );
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue_editor' ) );
	}

	public function add_menu(): void {
		add_menu_page(
			__( 'IGNY8', 'igny8' ),
			__( 'IGNY8', 'igny8' ),
			'edit_posts',
			self::MENU_SLUG,
			array( $this, 'render_settings' ),
			'dashicons-chart-area',
			58
		);
		$hook = add_submenu_page(
			self::MENU_SLUG,
			__( 'IGNY8 Settings', 'igny8' ),
			__( 'Settings', 'igny8' ),
			'manage_options',
			self::SETTINGS_SLUG,
			array( $this, 'render_settings' )
		);
		if ( $hook ) {
			add_action( 'load-' . $hook, array( $this, 'load_settings' ) );
		}
	}

	public function load_settings(): void {
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue_settings' ) );
	}

	public function enqueue_settings(): void {
		if ( ! Assets::enqueue( 'settings' ) ) {
			add_action( 'admin_notices', array( $this, 'missing_build_notice' ) );
			return;
		}
		Assets::inline_state( 'settings', self::INITIAL_STATE, self::initial_state() );
	}

	/** The block-editor sidebar, once it has been built. */
	public function enqueue_editor(): void {
		if ( ! current_user_can( 'edit_posts' ) || ! Assets::enqueue( 'editor' ) ) {
			return;
		}
		Assets::inline_state( 'editor', self::INITIAL_STATE, self::initial_state() );
	}

	public function render_settings(): void {
		echo '<div id="igny8-settings-root" class="wrap"></div>';
	}

	public function missing_build_notice(): void {
		printf(
			'<div class="notice notice-warning"><p>%s</p></div>',
			esc_html__( 'The IGNY8 admin scripts are not built. Run npm run build.', 'igny8' )
		);
	}

	/** What every IGNY8 screen starts with (window.igny8Initial). Never includes the site secret. */
	public static function initial_state(): array {
		$connection = Connection::get();
		$user       = wp_get_current_user();
		return array(
			'restRoot'      => esc_url_raw( rest_url() ),
			'restNonce'     => wp_create_nonce( 'wp_rest' ),
			'namespace'     => REST\Endpoint::REST_NAMESPACE,
			'connected'     => null !== $connection,
			'siteId'        => $connection ? $connection['site_id'] : null,
			'cloudUrl'      => Connection::cloud_url(),
			'siteName'      => $connection ? $connection['site_name'] : get_bloginfo( 'name' ),
			'accountName'   => $connection ? $connection['account_name'] : null,
			'pluginVersion' => IGNY8_VERSION,
			'wpVersion'     => get_bloginfo( 'version' ),
			'user'          => array(
				'id'        => (int) $user->ID,
				'canManage' => current_user_can( 'manage_options' ),
			),
		);
	}
}
