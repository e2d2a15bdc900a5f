// Debian's Chromium driven by playwright-core (no browser download), with the flags this machine needs.
import { chromium } from 'playwright-core';

export async function launch() {
	return chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	} );
}

export async function wpLogin( page, wpUrl, user, password ) {
	await page.goto( `${ wpUrl }/wp-login.php` );
	await page.fill( '#user_login', user );
	await page.fill( '#user_pass', password );
	await Promise.all( [
		page.waitForURL( /wp-admin/ ),
		page.click( '#wp-submit' ),
	] );
}

/** Signs in to the agency dashboard the Worker serves at the cloud's root. */
export async function dashboardLogin( page, cloudUrl, email, password ) {
	await page.goto( `${ cloudUrl }/` );
	await page.fill( '#login-form [name="email"]', email );
	await page.fill( '#login-form [name="password"]', password );
	await Promise.all( [
		page.locator( '#app' ).waitFor(),
		page.click( '#login-form button' ),
	] );
}
