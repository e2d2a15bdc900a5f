<?php
/**
 * The igny8/v1 REST routes, registered on rest_api_init only.
 *
 * @package IGNY8
 */

namespace IGNY8\REST;

defined( 'ABSPATH' ) || exit;

final class Routes {

	/** @return Endpoint[] */
	public static function endpoints(): array {
		return array(
			new Status_Endpoint(),
			new Connect_Endpoint(),
			new Test_Endpoint(),
			new Disconnect_Endpoint(),
			new Site_Metadata_Endpoint(),
			new Token_Endpoint(),
			new Mirror_Endpoint(),
			new Publish_Endpoint(),
			new Post_Endpoint(),
			new Update_Post_Endpoint(),
			new Post_Lookup_Endpoint( 'content' ),
			new Post_Lookup_Endpoint( 'task' ),
			new Terms_Endpoint(),
			new Media_Endpoint(),
			new Outbox_Flush_Endpoint(),
		);
	}

	public static function register(): void {
		foreach ( self::endpoints() as $endpoint ) {
			$endpoint->register();
		}
	}
}
