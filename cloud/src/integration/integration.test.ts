import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { signRequest } from '@igny8/shared';
import { api, createSite, signup } from '../../test/helpers';
import { wordpressToken } from '../../test/world';

async function connectedSite() {
	const owner = await signup( 'Agency' );
	const site = await createSite( owner.token, 'Coffee Blog' );
	const code = await api(
		'POST',
		`/integration/sites/${ site.id }/connection-code`,
		{ token: owner.token, raw: '' }
	);
	expect( code.status ).toBe( 201 );
	const res = await api( 'POST', '/integration/connect', {
		body: {
			code: code.json.data.code,
			site_url: 'http://127.0.0.1:9',
			rest_url: 'http://127.0.0.1:9/wp-json/',
			wp_version: '6.5.5',
			plugin_version: '0.1.0',
			site_name: 'Coffee',
		},
	} );
	expect( res.status ).toBe( 200 );
	return {
		owner,
		site,
		code: code.json.data.code as string,
		secret: res.json.data.site_secret as string,
		connect: res.json.data,
	};
}

async function signed(
	siteId: number,
	secret: string,
	method: string,
	path: string,
	opts: { body?: string; now?: number; nonce?: string } = {}
) {
	const headers = await signRequest( {
		siteId,
		secret,
		method,
		target: `/api/v1${ path }`,
		body: opts.body ?? '',
		now: opts.now,
		nonce: opts.nonce,
	} );
	return api( method, path, { headers, raw: opts.body ?? '' } );
}

describe( 'connecting a WordPress site', () => {
	it( 'exchanges a one-time code for the site id and a 256-bit secret, stored encrypted', async () => {
		const { site, secret, connect, owner } = await connectedSite();
		expect( connect.site_id ).toBe( site.id );
		expect( secret ).toMatch( /^[0-9a-f]{64}$/ );
		expect( connect.site ).toMatchObject( {
			connected: true,
			wp_version: '6.5.5',
			plugin_version: '0.1.0',
		} );
		expect( connect.account.name ).toBe( 'Agency' );
		const row = await env.DB.prepare( 'SELECT * FROM sites WHERE id = ?' )
			.bind( site.id )
			.first< Record< string, unknown > >();
		expect( JSON.stringify( row ) ).not.toContain( secret );
		expect( String( row!.site_secret_enc ) ).toMatch( /^v1\./ );
		// The secret is given once: reading the site never shows it.
		const read = await api( 'GET', `/auth/sites/${ site.id }`, {
			token: owner.token,
		} );
		expect( read.text ).not.toContain( secret );
		expect( read.text ).not.toContain( 'site_secret' );
	} );

	it( 'accepts a code once, and not after it expires', async () => {
		const { code } = await connectedSite();
		const again = await api( 'POST', '/integration/connect', {
			body: { code, site_url: 'http://127.0.0.1:9' },
		} );
		expect( again.status ).toBe( 401 );
		const owner = await signup();
		const site = await createSite( owner.token );
		const fresh = await api(
			'POST',
			`/integration/sites/${ site.id }/connection-code`,
			{ token: owner.token, raw: '' }
		);
		await env.DB.prepare(
			`UPDATE connection_codes SET expires_at = '2000-01-01T00:00:00Z' WHERE site_id = ?`
		)
			.bind( site.id )
			.run();
		const expired = await api( 'POST', '/integration/connect', {
			body: {
				code: fresh.json.data.code,
				site_url: 'http://127.0.0.1:9',
			},
		} );
		expect( expired.status ).toBe( 401 );
		expect( expired.json.error ).toMatch( /wrong, used or expired/ );
	} );

	it( 'accepts requests signed by the site and rejects wrong signatures, stale clocks and replays', async () => {
		const { site, secret } = await connectedSite();
		const ok = await signed(
			site.id,
			secret,
			'POST',
			`/integration/sites/${ site.id }/test`,
			{ body: '{}' }
		);
		expect( ok.status ).toBe( 200 );
		expect( ok.json.data ).toMatchObject( {
			wp_to_cloud: true,
			cloud_to_wp: false,
		} );
		expect( ok.json.data.error ).toMatch( /could not be reached/ );

		const wrong = await signed(
			site.id,
			'f'.repeat( 64 ),
			'POST',
			`/integration/sites/${ site.id }/test`,
			{ body: '{}' }
		);
		expect( wrong.status ).toBe( 401 );
		expect( wrong.json.code ).toBe( 'bad_signature' );

		const stale = await signed(
			site.id,
			secret,
			'POST',
			`/integration/sites/${ site.id }/test`,
			{ body: '{}', now: Date.now() - 400_000 }
		);
		expect( stale.status ).toBe( 401 );
		expect( stale.json.code ).toBe( 'stale_request' );

		const nonce = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
		expect(
			(
				await signed(
					site.id,
					secret,
					'POST',
					`/integration/sites/${ site.id }/test`,
					{ body: '{}', nonce }
				)
			).status
		).toBe( 200 );
		const replay = await signed(
			site.id,
			secret,
			'POST',
			`/integration/sites/${ site.id }/test`,
			{ body: '{}', nonce }
		);
		expect( replay.status ).toBe( 401 );
		expect( replay.json.code ).toBe( 'replayed_nonce' );

		// A signature over another body does not carry over.
		const headers = await signRequest( {
			siteId: site.id,
			secret,
			method: 'POST',
			target: `/api/v1/integration/sites/${ site.id }/test`,
			body: '{}',
		} );
		const tampered = await api(
			'POST',
			`/integration/sites/${ site.id }/test`,
			{ headers, raw: '{"x":1}' }
		);
		expect( tampered.status ).toBe( 401 );
	} );

	it( 'accepts WordPress-minted tokens for the site: /auth/me shows the site, account and plan', async () => {
		const { site, secret } = await connectedSite();
		const token = await wordpressToken(
			{ id: site.id, secret, sectorId: 0 },
			'admin',
			7
		);
		const me = await api( 'GET', '/auth/me', { token } );
		expect( me.status ).toBe( 200 );
		expect( me.json.data ).toMatchObject( {
			role: 'admin',
			wp_user_id: 7,
			user: null,
			site: { id: site.id, name: 'Coffee Blog', connected: true },
			account: { name: 'Agency' },
			plan: { slug: 'free' },
		} );
		const forged = await wordpressToken(
			{ id: site.id, secret: '0'.repeat( 64 ), sectorId: 0 },
			'admin'
		);
		expect(
			( await api( 'GET', '/auth/me', { token: forged } ) ).status
		).toBe( 401 );
	} );

	it( "allows CORS from the connected site's origin", async () => {
		await connectedSite();
		const res = await api( 'OPTIONS', '/auth/me', {
			headers: {
				origin: 'http://127.0.0.1:9',
				'access-control-request-method': 'GET',
			},
		} );
		expect( res.headers.get( 'access-control-allow-origin' ) ).toBe(
			'http://127.0.0.1:9'
		);
	} );

	it( 'disconnects from either side: the secret and its tokens stop working', async () => {
		const { site, secret, owner } = await connectedSite();
		const token = await wordpressToken(
			{ id: site.id, secret, sectorId: 0 },
			'editor'
		);
		const fromWp = await signed(
			site.id,
			secret,
			'POST',
			`/integration/sites/${ site.id }/disconnect`,
			{ body: '{}' }
		);
		expect( fromWp.status ).toBe( 200 );
		expect( fromWp.json.data ).toEqual( {
			connected: false,
			wordpress_notified: true,
		} );
		expect( ( await api( 'GET', '/auth/me', { token } ) ).status ).toBe(
			401
		);
		expect(
			(
				await signed(
					site.id,
					secret,
					'POST',
					`/integration/sites/${ site.id }/test`,
					{ body: '{}' }
				)
			).status
		).toBe( 401 );
		const read = await api( 'GET', `/auth/sites/${ site.id }`, {
			token: owner.token,
		} );
		expect( read.json.data.connected ).toBe( false );

		const second = await connectedSite();
		const fromDashboard = await api(
			'POST',
			`/integration/sites/${ second.site.id }/disconnect`,
			{ token: second.owner.token, raw: '' }
		);
		expect( fromDashboard.status ).toBe( 200 );
		// WordPress at 127.0.0.1:9 is unreachable, and the answer says so.
		expect( fromDashboard.json.data ).toEqual( {
			connected: false,
			wordpress_notified: false,
		} );
	} );

	it( 'answers a connection test of an unconnected site with 409', async () => {
		const owner = await signup();
		const site = await createSite( owner.token );
		const res = await api( 'POST', `/integration/sites/${ site.id }/test`, {
			token: owner.token,
			raw: '',
		} );
		expect( res.status ).toBe( 409 );
		expect( res.json.code ).toBe( 'not_connected' );
	} );
} );
