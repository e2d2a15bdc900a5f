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

	/**
	 * Who may open the Planner pages: anyone who may ask for a cloud token (Token::role_for()); viewers
	 * (edit_posts without edit_others_posts) see read-only tables.
	 */
	const PLANNER_CAPABILITY = Token::ACCESS_CAPABILITY;

	/** Who may open the Writer pages: as the Planner's (viewers read, editors and admins change and generate). */
	const WRITER_CAPABILITY = Token::ACCESS_CAPABILITY;

	/** Who may open the Publishing log: as the Writer's (viewers read it, editors and admins retry). */
	const PUBLISHING_CAPABILITY = Token::ACCESS_CAPABILITY;

	/** Who may open the Credits page: anyone who may ask for a cloud token; the cloud decides what they see. */
	const CREDITS_CAPABILITY = Token::ACCESS_CAPABILITY;

	/** @var array<string, string> Page hook suffix => build entry, filled as the pages are added. */
	private $entries = array();

	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
		add_action( 'admin_init', array( Outbox::class, 'maybe_upgrade' ) );
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue_editor' ) );
	}

	public function add_menu(): void {
		add_menu_page(
			__( 'IGNY8', 'igny8' ),
			__( 'IGNY8', 'igny8' ),
			Token::ACCESS_CAPABILITY,
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
		foreach ( self::app_pages() as $entry => $page ) {
			$hook = add_submenu_page(
				self::MENU_SLUG,
				$page['title'],
				$page['menu_title'],
				$page['capability'],
				$page['slug'],
				array( $this, 'render_planner_page' )
			);
			if ( $hook ) {
				$this->entries[ $hook ] = $entry;
				add_action( 'load-' . $hook, array( $this, 'load_planner_page' ) );
			}
		}
		// Without manage_options there is no Settings item, and WordPress put a link to the parent (the
		// settings page, refused) first instead: drop it, so that the IGNY8 menu opens the Planner.
		if ( ! current_user_can( 'manage_options' ) ) {
			remove_submenu_page( self::MENU_SLUG, self::MENU_SLUG );
		}
	}

	/**
	 * The Planner's screens: build entry => menu slug and titles. Each has its own script and root div.
	 *
	 * @return array<string, array{slug: string, title: string, menu_title: string}>
	 */
	public static function planner_pages(): array {
		return array(
			'planner'  => array(
				'slug'       => 'igny8-planner',
				'title'      => __( 'IGNY8 Planner', 'igny8' ),
				'menu_title' => __( 'Planner', 'igny8' ),
			),
			'keywords' => array(
				'slug'       => 'igny8-keywords',
				'title'      => __( 'IGNY8 Keywords', 'igny8' ),
				'menu_title' => __( 'Keywords', 'igny8' ),
			),
			'clusters' => array(
				'slug'       => 'igny8-clusters',
				'title'      => __( 'IGNY8 Clusters', 'igny8' ),
				'menu_title' => __( 'Clusters', 'igny8' ),
			),
			'ideas'    => array(
				'slug'       => 'igny8-ideas',
				'title'      => __( 'IGNY8 Ideas', 'igny8' ),
				'menu_title' => __( 'Ideas', 'igny8' ),
			),
		);
	}

	/**
	 * The Writer's screens: build entry => menu slug and titles. Each has its own script and root div.
	 *
	 * @return array<string, array{slug: string, title: string, menu_title: string}>
	 */
	public static function writer_pages(): array {
		return array(
			'tasks'   => array(
				'slug'       => 'igny8-tasks',
				'title'      => __( 'IGNY8 Writer: Tasks', 'igny8' ),
				'menu_title' => __( 'Tasks', 'igny8' ),
			),
			'content' => array(
				'slug'       => 'igny8-content',
				'title'      => __( 'IGNY8 Writer: Content', 'igny8' ),
				'menu_title' => __( 'Content', 'igny8' ),
			),
			'images'  => array(
				'slug'       => 'igny8-images',
				'title'      => __( 'IGNY8 Writer: Images', 'igny8' ),
				'menu_title' => __( 'Images', 'igny8' ),
			),
		);
	}

	/**
	 * Every screen with its own script after Settings: the Planner's, the Writer's, the Publishing log, then
	 * Credits.
	 *
	 * @return array<string, array{slug: string, title: string, menu_title: string, capability: string}>
	 */
	public static function app_pages(): array {
		$pages = array();
		foreach ( self::planner_pages() as $entry => $page ) {
			$pages[ $entry ] = $page + array( 'capability' => self::PLANNER_CAPABILITY );
		}
		foreach ( self::writer_pages() as $entry => $page ) {
			$pages[ $entry ] = $page + array( 'capability' => self::WRITER_CAPABILITY );
		}
		$pages['publishing'] = array(
			'slug'       => 'igny8-publishing',
			'title'      => __( 'IGNY8 Publishing log', 'igny8' ),
			'menu_title' => __( 'Publishing', 'igny8' ),
			'capability' => self::PUBLISHING_CAPABILITY,
		);
		$pages['credits'] = array(
			'slug'       => 'igny8-credits',
			'title'      => __( 'IGNY8 Credits', 'igny8' ),
			'menu_title' => __( 'Credits', 'igny8' ),
			'capability' => self::CREDITS_CAPABILITY,
		);
		return $pages;
	}

	/** load-{hook} of a Planner, Writer, Publishing or Credits page: only that page's entry is enqueued. */
	public function load_planner_page(): void {
		$entry = $this->current_entry();
		if ( null === $entry ) {
			return;
		}
		add_action(
			'admin_enqueue_scripts',
			function () use ( $entry ) {
				$this->enqueue_planner_page( $entry );
			}
		);
	}

	public function enqueue_planner_page( string $entry ): void {
		if ( ! Assets::enqueue( $entry ) ) {
			add_action( 'admin_notices', array( $this, 'missing_build_notice' ) );
			return;
		}
		Assets::inline_state( $entry, self::INITIAL_STATE, self::planner_state() );
	}

	public function render_planner_page(): void {
		$entry = $this->current_entry();
		if ( null !== $entry ) {
			printf( '<div id="%s" class="wrap"></div>', esc_attr( 'igny8-' . $entry . '-root' ) );
		}
	}

	/** The entry of the Planner, Writer, Publishing or Credits screen being loaded or rendered, from the page hook that runs. */
	private function current_entry(): ?string {
		$hook = current_filter();
		if ( 0 === strpos( $hook, 'load-' ) ) {
			$hook = substr( $hook, strlen( 'load-' ) );
		}
		return $this->entries[ $hook ] ?? null;
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
		if ( ! current_user_can( Token::ACCESS_CAPABILITY ) || ! Assets::enqueue( 'editor' ) ) {
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

	/**
	 * What every IGNY8 screen starts with (window.igny8Initial). Never includes the site secret. The
	 * user's flags come from the role their cloud token carries (Token::role_for()), so the screens
	 * offer what the cloud will allow.
	 */
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
				'canManage' => 'admin' === Token::role_for( $user ),
			),
		);
	}

	/** The initial state of a Planner or Writer page: whether the user may change things and start AI jobs (cloud admin or editor), too. */
	public static function planner_state(): array {
		$state                    = self::initial_state();
		$state['user']['canEdit'] = in_array( Token::role_for( wp_get_current_user() ), array( 'admin', 'editor' ), true );
		return $state;
	}
}
