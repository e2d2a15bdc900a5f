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
		);
	}

	public static function register(): void {
		foreach ( self::endpoints() as $endpoint ) {
			$endpoint->register();
		}
	}
}
