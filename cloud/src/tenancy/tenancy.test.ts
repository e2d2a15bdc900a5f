import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
	addUser,
	api,
	createSite,
	freshIp,
	PASSWORD,
	signup,
} from '../../test/helpers';
import { insertAccount, signedInUser } from '../../test/world';

const NEW_PASSWORD = 'a-brand-new-pass-7';
const refreshWith = ( refresh: string ) =>
	api( 'POST', '/auth/refresh', { body: { refresh }, ip: freshIp() } );
const login = ( email: string, password = PASSWORD ) =>
	api( 'POST', '/auth/login', { body: { email, password }, ip: freshIp() } );

describe( 'users and roles', () => {
	it( 'lets an owner add users of each account role, without a password as an invitation', async () => {
		const owner = await signup();
		const invited = await api( 'POST', '/auth/users', {
			token: owner.token,
			body: {
				email: 'invitee@example.test'.replace(
					'@',
					`.${ Date.now() }@`
				),
				role: 'editor',
			},
		} );
		expect( invited.status ).toBe( 201 );
		expect( invited.json.data ).toMatchObject( {
			role: 'editor',
			status: 'invited',
		} );
		expect( invited.json.data.invite_url ).toMatch( /\/invite\?token=/ );
		const token = new URL( invited.json.data.invite_url ).searchParams.get(
			'token'
		)!;
		const accepted = await api( 'POST', '/auth/invite/accept', {
			body: { token, password: 'a-new-password-9' },
		} );
		expect( accepted.status ).toBe( 200 );
		expect( accepted.json.data.status ).toBe( 'active' );
		const again = await api( 'POST', '/auth/invite/accept', {
			body: { token, password: 'a-new-password-9' },
		} );
		expect( again.status ).toBe( 401 );
	} );

	it( 'never lets anyone inside an account grant developer or system_bot, nor raise a user above themselves', async () => {
		const owner = await signup();
		for ( const role of [ 'developer', 'system_bot' ] ) {
			const res = await api( 'POST', '/auth/users', {
				token: owner.token,
				body: {
					email: `x.${ role }.${ Date.now() }@example.test`,
					role,
				},
			} );
			expect( res.status ).toBe( 403 );
		}
		// The free plan allows 2 users: owner + admin.
		const admin = await addUser( owner.token, 'admin' );
		const asOwner = await api( 'POST', '/auth/users', {
			token: admin.token,
			body: { email: `o.${ Date.now() }@example.test`, role: 'owner' },
		} );
		expect( asOwner.status ).toBe( 403 );
		const me = await api( 'GET', '/auth/me', { token: owner.token } );
		const demoteOwner = await api(
			'PATCH',
			`/auth/users/${ me.json.data.user.id }`,
			{ token: admin.token, body: { role: 'viewer' } }
		);
		expect( demoteOwner.status ).toBe( 403 );
		const selfPromote = await api( 'PATCH', `/auth/users/${ admin.id }`, {
			token: admin.token,
			body: { role: 'owner' },
		} );
		expect( selfPromote.status ).toBe( 403 );
	} );

	it( 'lets a developer (made by an operator) grant developer', async () => {
		const ops = await insertAccount( 'Ops' );
		const dev = await signedInUser( ops, 'developer' );
		const res = await api( 'POST', '/auth/users', {
			token: dev.token,
			body: {
				email: `dev2.${ Date.now() }@example.test`,
				role: 'developer',
				password: 'another-pass-1',
			},
		} );
		expect( res.status ).toBe( 201 );
		expect( res.json.data.role ).toBe( 'developer' );
	} );

	it( 'enforces the plan user limit with an error naming the limit', async () => {
		const owner = await signup();
		await addUser( owner.token, 'editor' );
		const res = await api( 'POST', '/auth/users', {
			token: owner.token,
			body: {
				email: `third.${ Date.now() }@example.test`,
				role: 'viewer',
				password: 'third-user-pass-1',
			},
		} );
		expect( res.status ).toBe( 422 );
		expect( res.json ).toMatchObject( {
			code: 'plan_limit',
			limit: 'max_users',
			max: 2,
		} );
		expect( res.json.error ).toContain( '2 users' );
	} );

	it( 'keeps at least one owner and forbids deleting yourself', async () => {
		const owner = await signup();
		const me = await api( 'GET', '/auth/me', { token: owner.token } );
		const self = await api(
			'DELETE',
			`/auth/users/${ me.json.data.user.id }`,
			{ token: owner.token, raw: '' }
		);
		expect( self.status ).toBe( 403 );
		const disabled = await api(
			'PATCH',
			`/auth/users/${ me.json.data.user.id }`,
			{ token: owner.token, body: { status: 'disabled' } }
		);
		expect( disabled.status ).toBe( 403 );
	} );

	it( 'takes a disabled user out at once, even with a valid token', async () => {
		const owner = await signup();
		const editor = await addUser( owner.token, 'editor' );
		expect(
			( await api( 'GET', '/auth/me', { token: editor.token } ) ).status
		).toBe( 200 );
		await api( 'PATCH', `/auth/users/${ editor.id }`, {
			token: owner.token,
			body: { status: 'disabled' },
		} );
		expect(
			( await api( 'GET', '/auth/me', { token: editor.token } ) ).status
		).toBe( 401 );
	} );
} );

describe( 'passwords', () => {
	it( 'asks for the current password to change your own: 400 without it, 403 when it is wrong', async () => {
		const owner = await signup();
		const url = `/auth/users/${ owner.user.id }`;
		const missing = await api( 'PATCH', url, {
			token: owner.token,
			body: { password: NEW_PASSWORD },
		} );
		expect( missing.status ).toBe( 400 );
		expect( missing.json ).toMatchObject( {
			code: 'validation',
			errors: { current_password: [ expect.any( String ) ] },
		} );
		const wrong = await api( 'PATCH', url, {
			token: owner.token,
			body: {
				password: NEW_PASSWORD,
				current_password: 'not-my-password-1',
			},
		} );
		expect( wrong.status ).toBe( 403 );
		expect( wrong.json ).toMatchObject( {
			code: 'forbidden',
			errors: { current_password: [ expect.any( String ) ] },
		} );
		expect( ( await login( owner.email ) ).status ).toBe( 200 );
		const right = await api( 'PATCH', url, {
			token: owner.token,
			body: { password: NEW_PASSWORD, current_password: PASSWORD },
		} );
		expect( right.status ).toBe( 200 );
		expect( ( await login( owner.email ) ).status ).toBe( 401 );
		expect( ( await login( owner.email, NEW_PASSWORD ) ).status ).toBe(
			200
		);
	} );

	it( 'ends your other sessions when you change your own password, and keeps the one you changed it from', async () => {
		const owner = await signup();
		const here = ( await login( owner.email ) ).json.data;
		const res = await api( 'PATCH', `/auth/users/${ owner.user.id }`, {
			token: here.access,
			body: { password: NEW_PASSWORD, current_password: PASSWORD },
		} );
		expect( res.status ).toBe( 200 );
		expect( ( await refreshWith( owner.refresh ) ).status ).toBe( 401 );
		const kept = await refreshWith( here.refresh );
		expect( kept.status ).toBe( 200 );
		expect(
			( await api( 'GET', '/auth/me', { token: kept.json.data.access } ) )
				.status
		).toBe( 200 );
	} );

	it( 'ends every session of a user whose password was reset by someone else', async () => {
		const owner = await signup();
		const admin = await addUser( owner.token, 'admin' );
		const sessions = [
			( await login( admin.email ) ).json.data.refresh,
			( await login( admin.email ) ).json.data.refresh,
		];
		const reset = await api( 'PATCH', `/auth/users/${ admin.id }`, {
			token: owner.token,
			body: { password: NEW_PASSWORD },
		} );
		expect( reset.status ).toBe( 200 );
		for ( const refresh of sessions )
			expect( ( await refreshWith( refresh ) ).status ).toBe( 401 );
		expect( ( await login( admin.email, NEW_PASSWORD ) ).status ).toBe(
			200
		);
	} );

	it( "lets only a higher role reset another user's password: an admin not another admin's nor the owner's", async () => {
		const accountId = await insertAccount( 'Password ranks' );
		const owner = await signedInUser( accountId, 'owner' );
		const admin = await signedInUser( accountId, 'admin' );
		const otherAdmin = await signedInUser( accountId, 'admin' );
		const editor = await signedInUser( accountId, 'editor' );
		for ( const target of [ otherAdmin, owner ] ) {
			const res = await api( 'PATCH', `/auth/users/${ target.id }`, {
				token: admin.token,
				body: { password: NEW_PASSWORD },
			} );
			expect( res.status ).toBe( 403 );
			expect( res.json.code ).toBe( 'forbidden' );
			expect( ( await login( target.email ) ).status ).toBe( 200 );
		}
		expect(
			(
				await api( 'PATCH', `/auth/users/${ editor.id }`, {
					token: admin.token,
					body: { password: NEW_PASSWORD },
				} )
			).status
		).toBe( 200 );
		expect(
			(
				await api( 'PATCH', `/auth/users/${ otherAdmin.id }`, {
					token: owner.token,
					body: { password: NEW_PASSWORD },
				} )
			).status
		).toBe( 200 );
		expect( ( await login( otherAdmin.email, NEW_PASSWORD ) ).status ).toBe(
			200
		);
	} );
} );

describe( 'sites and sectors', () => {
	it( 'creates a site with a General sector and enforces the plan site limit', async () => {
		const owner = await signup();
		const site = await createSite( owner.token, 'Garden Blog' );
		expect( site ).toMatchObject( {
			name: 'Garden Blog',
			slug: 'garden-blog',
			connected: false,
			status: 'active',
		} );
		const sectors = await api( 'GET', `/auth/sites/${ site.id }/sectors`, {
			token: owner.token,
		} );
		expect(
			sectors.json.results.map( ( s: { name: string } ) => s.name )
		).toEqual( [ 'General' ] );
		const second = await api( 'POST', '/auth/sites', {
			token: owner.token,
			body: { name: 'Second' },
		} );
		expect( second.status ).toBe( 422 );
		expect( second.json ).toMatchObject( {
			code: 'plan_limit',
			limit: 'max_sites',
			max: 1,
		} );
	} );

	it( 'holds 1–5 active sectors per site', async () => {
		const owner = await signup();
		const site = await createSite( owner.token );
		const made = [];
		for ( let i = 1; i <= 4; i++ ) {
			const res = await api( 'POST', `/auth/sites/${ site.id }/sectors`, {
				token: owner.token,
				body: { name: `Sector ${ i }` },
			} );
			expect( res.status ).toBe( 201 );
			made.push( res.json.data );
		}
		const sixth = await api( 'POST', `/auth/sites/${ site.id }/sectors`, {
			token: owner.token,
			body: { name: 'Sixth' },
		} );
		expect( sixth.status ).toBe( 422 );
		expect( sixth.json.error ).toContain( 'at most 5 active sectors' );
		const inactive = await api(
			'POST',
			`/auth/sites/${ site.id }/sectors`,
			{ token: owner.token, body: { name: 'Sixth', status: 'inactive' } }
		);
		expect( inactive.status ).toBe( 201 );
		const activate = await api(
			'PATCH',
			`/auth/sectors/${ inactive.json.data.id }`,
			{ token: owner.token, body: { status: 'active' } }
		);
		expect( activate.status ).toBe( 422 );
		// Down to one active sector, the last one stays.
		const all = (
			await api( 'GET', `/auth/sites/${ site.id }/sectors`, {
				token: owner.token,
			} )
		).json.results.filter(
			( s: { status: string } ) => s.status === 'active'
		);
		for ( const s of all.slice( 1 ) )
			expect(
				(
					await api( 'DELETE', `/auth/sectors/${ s.id }`, {
						token: owner.token,
						raw: '',
					} )
				).status
			).toBe( 200 );
		const last = await api( 'PATCH', `/auth/sectors/${ all[ 0 ].id }`, {
			token: owner.token,
			body: { status: 'inactive' },
		} );
		expect( last.status ).toBe( 422 );
		expect(
			(
				await api( 'DELETE', `/auth/sectors/${ all[ 0 ].id }`, {
					token: owner.token,
					raw: '',
				} )
			).status
		).toBe( 422 );
	} );

	it( 'creates a sector from an industry template', async () => {
		const owner = await signup();
		const site = await createSite( owner.token );
		const industries = await api( 'GET', '/auth/industries' );
		expect( industries.json.count ).toBeGreaterThanOrEqual( 10 );
		const template = industries.json.results[ 0 ].sectors[ 0 ];
		const res = await api( 'POST', `/auth/sites/${ site.id }/sectors`, {
			token: owner.token,
			body: { industry_sector_id: template.id },
		} );
		expect( res.status ).toBe( 201 );
		expect( res.json.data ).toMatchObject( {
			name: template.name,
			industry_sector_id: template.id,
		} );
		const unknown = await api( 'POST', `/auth/sites/${ site.id }/sectors`, {
			token: owner.token,
			body: { industry_sector_id: 999999 },
		} );
		expect( unknown.status ).toBe( 400 );
		expect( unknown.json.errors.industry_sector_id ).toBeTruthy();
	} );

	it( 'shows editors only the sites granted to them, and grants can be revoked', async () => {
		const owner = await signup();
		const site = await createSite( owner.token );
		const editor = await addUser( owner.token, 'editor' );
		expect(
			( await api( 'GET', '/auth/sites', { token: editor.token } ) ).json
				.count
		).toBe( 0 );
		expect(
			(
				await api( 'GET', `/auth/sites/${ site.id }`, {
					token: editor.token,
				} )
			).status
		).toBe( 404 );
		const grant = await api( 'POST', `/auth/sites/${ site.id }/access`, {
			token: owner.token,
			body: { user_id: editor.id },
		} );
		expect( grant.status ).toBe( 201 );
		expect(
			(
				await api( 'GET', `/auth/sites/${ site.id }`, {
					token: editor.token,
				} )
			).status
		).toBe( 200 );
		const revoke = await api( 'DELETE', `/auth/sites/${ site.id }/access`, {
			token: owner.token,
			body: { user_id: editor.id },
		} );
		expect( revoke.status ).toBe( 200 );
		expect(
			(
				await api( 'GET', `/auth/sites/${ site.id }`, {
					token: editor.token,
				} )
			).status
		).toBe( 404 );
	} );

	it( 'refuses to grant a site to a user of another account', async () => {
		const owner = await signup();
		const site = await createSite( owner.token );
		const other = await signup();
		const res = await api( 'POST', `/auth/sites/${ site.id }/access`, {
			token: owner.token,
			body: { user_id: other.user.id },
		} );
		expect( res.status ).toBe( 404 );
		const rows = await env.DB.prepare(
			'SELECT count(*) AS n FROM site_user_access WHERE user_id = ?'
		)
			.bind( other.user.id )
			.first< { n: number } >();
		expect( rows!.n ).toBe( 0 );
	} );
} );
