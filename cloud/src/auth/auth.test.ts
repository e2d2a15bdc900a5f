import { env } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { randomHex, signRequest } from '@igny8/shared';
import {
	addUser,
	api,
	freshIp,
	loginAs,
	PASSWORD,
	signup,
	uniqueEmail,
} from '../../test/helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	wordpressToken,
	type SiteFixture,
} from '../../test/world';

const refreshWith = ( refresh: string ) =>
	api( 'POST', '/auth/refresh', { body: { refresh }, ip: freshIp() } );

/** Moves the rotation of every replaced refresh token of a user `seconds` into the past. */
async function ageRotations( userId: number, seconds: number ) {
	const at = new Date( Date.now() - seconds * 1000 ).toISOString();
	await env.DB.prepare(
		'UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND replaced_by IS NOT NULL'
	)
		.bind( at, userId )
		.run();
}

async function setAccountStatus( accountId: number, status: string ) {
	await env.DB.prepare( 'UPDATE accounts SET status = ? WHERE id = ?' )
		.bind( status, accountId )
		.run();
}

describe( 'sign-up', () => {
	it( 'creates the account, its owner, the default plan and the starting credits', async () => {
		const email = uniqueEmail();
		const res = await api( 'POST', '/auth/signup', {
			body: { email, password: PASSWORD, account_name: 'Northwind' },
			ip: freshIp(),
		} );
		expect( res.status ).toBe( 201 );
		expect( res.json.success ).toBe( true );
		expect( res.json.data.user ).toMatchObject( {
			email,
			role: 'owner',
			status: 'active',
		} );
		expect( res.json.data.account ).toMatchObject( {
			name: 'Northwind',
			credits: 100,
		} );
		const me = await api( 'GET', '/auth/me', {
			token: res.json.data.access,
		} );
		expect( me.json.data.plan ).toMatchObject( {
			slug: 'free',
			monthly_credits: 100,
		} );
		const ledger = await env.DB.prepare(
			'SELECT type, amount, balance_after FROM credit_transactions WHERE account_id = ?'
		)
			.bind( res.json.data.account.id )
			.all();
		expect( ledger.results ).toEqual( [
			{ type: 'grant', amount: 100, balance_after: 100 },
		] );
	} );

	it( 'stores only a PBKDF2 hash of the password and never returns it', async () => {
		const { email, user } = await signup();
		const row = await env.DB.prepare(
			'SELECT password_hash FROM users WHERE email = ?'
		)
			.bind( email )
			.first< { password_hash: string } >();
		expect( row!.password_hash ).toMatch( /^pbkdf2_sha256\$100000\$/ );
		expect( row!.password_hash ).not.toContain( PASSWORD );
		expect( JSON.stringify( user ) ).not.toMatch( /password|hash/ );
	} );

	it( 'refuses a second account with the same email (409) without confirming the email is registered, and writes nothing', async () => {
		const { email } = await signup();
		const before = await env.DB.prepare(
			'SELECT count(*) AS n FROM accounts'
		).first< { n: number } >();
		const res = await api( 'POST', '/auth/signup', {
			body: { email, password: PASSWORD, account_name: 'Again' },
			ip: freshIp(),
		} );
		expect( res.status ).toBe( 409 );
		expect( res.json ).toMatchObject( {
			success: false,
			code: 'conflict',
			errors: { email: [ 'cannot be used to sign up' ] },
		} );
		expect( JSON.stringify( res.json ) ).not.toMatch(
			/already|exists|registered|taken/i
		);
		expect( res.json.data ).toBeUndefined();
		const after = await env.DB.prepare(
			'SELECT count(*) AS n FROM accounts'
		).first< { n: number } >();
		expect( after!.n ).toBe( before!.n );
	} );

	it( 'limits sign-ups to 5 a minute per address (429 with Retry-After), so emails cannot be probed in bulk', async () => {
		const { email } = await signup();
		const ip = freshIp();
		const statuses: number[] = [];
		for ( let i = 0; i < 25 && ! statuses.includes( 429 ); i++ ) {
			statuses.push(
				(
					await api( 'POST', '/auth/signup', {
						body: {
							email,
							password: PASSWORD,
							account_name: 'Probe',
						},
						ip,
					} )
				).status
			);
		}
		expect( statuses ).toContain( 429 );
		expect(
			statuses.filter( ( s ) => s === 409 ).length
		).toBeLessThanOrEqual( 5 );
		const again = await api( 'POST', '/auth/signup', {
			body: { email, password: PASSWORD, account_name: 'Probe' },
			ip,
		} );
		expect( again.status ).toBe( 429 );
		expect( again.headers.get( 'retry-after' ) ).toBe( '60' );
	} );

	it( 'rejects weak passwords, bad emails and unknown fields with field errors', async () => {
		const res = await api( 'POST', '/auth/signup', {
			body: {
				email: 'not-an-email',
				password: 'short',
				account_name: '',
				plan: 'agency',
			},
			ip: freshIp(),
		} );
		expect( res.status ).toBe( 400 );
		expect( res.json.code ).toBe( 'validation' );
		expect( Object.keys( res.json.errors ).sort() ).toEqual( [
			'account_name',
			'email',
			'password',
			'plan',
		] );
		expect( res.json.errors.plan ).toEqual( [ 'unknown field' ] );
	} );
} );

describe( 'login and tokens', () => {
	it( 'signs in with the right password and rejects the wrong one without saying which part was wrong', async () => {
		const { email } = await signup();
		const good = await api( 'POST', '/auth/login', {
			body: { email, password: PASSWORD },
			ip: freshIp(),
		} );
		expect( good.status ).toBe( 200 );
		expect( good.json.data.access.split( '.' ) ).toHaveLength( 3 );
		const bad = await api( 'POST', '/auth/login', {
			body: { email, password: 'wrong-password-1' },
			ip: freshIp(),
		} );
		const unknown = await api( 'POST', '/auth/login', {
			body: { email: uniqueEmail(), password: 'wrong-password-1' },
			ip: freshIp(),
		} );
		expect( bad.status ).toBe( 401 );
		expect( unknown.status ).toBe( 401 );
		expect( bad.json.error ).toBe( unknown.json.error );
	} );

	it( 'issues a 15-minute access token and a 7-day refresh token', async () => {
		const { token, refresh } = await signup();
		const payload = JSON.parse(
			atob(
				token
					.split( '.' )[ 1 ]!
					.replace( /-/g, '+' )
					.replace( /_/g, '/' )
			)
		);
		expect( payload.exp - payload.iat ).toBe( 15 * 60 );
		const row = await env.DB.prepare(
			'SELECT expires_at, created_at FROM refresh_tokens ORDER BY id DESC LIMIT 1'
		).first< { expires_at: string } >();
		const days =
			( Date.parse( row!.expires_at ) - Date.now() ) / 86_400_000;
		expect( days ).toBeGreaterThan( 6.9 );
		expect( days ).toBeLessThan( 7.01 );
		expect( refresh.length ).toBeGreaterThan( 30 );
	} );

	it( 'rotates refresh tokens: past the grace window the old one stops working and reusing it revokes the family', async () => {
		const { refresh, user } = await signup();
		const first = await refreshWith( refresh );
		expect( first.status ).toBe( 200 );
		const next = first.json.data.refresh;
		expect( next ).not.toBe( refresh );
		await ageRotations( user.id, 31 );
		const replay = await refreshWith( refresh );
		expect( replay.status ).toBe( 401 );
		// The theft signal also kills the token issued after it.
		const afterTheft = await refreshWith( next );
		expect( afterTheft.status ).toBe( 401 );
	} );

	it( 'logout revokes the refresh token', async () => {
		const { token, refresh } = await signup();
		const out = await api( 'POST', '/auth/logout', {
			token,
			body: { refresh },
		} );
		expect( out.status ).toBe( 200 );
		const res = await api( 'POST', '/auth/refresh', {
			body: { refresh },
			ip: freshIp(),
		} );
		expect( res.status ).toBe( 401 );
	} );

	it( 'rejects tampered, foreign and expired tokens with 401 in the envelope', async () => {
		const { token } = await signup();
		const [ h, p, s ] = token.split( '.' );
		const tampered = `${ h }.${ p }.${ s!.slice( 0, -4 ) }AAAA`;
		for ( const bad of [
			tampered,
			'garbage',
			`${ h }.${ btoa( '{"sub":"1"}' ) }.x`,
		] ) {
			const res = await api( 'GET', '/auth/me', { token: bad } );
			expect( res.status ).toBe( 401 );
			expect( res.json ).toMatchObject( {
				success: false,
				code: 'unauthenticated',
			} );
		}
		const none = await api( 'GET', '/auth/me' );
		expect( none.status ).toBe( 401 );
		const { SignJWT } = await import( 'jose' );
		const expired = await new SignJWT( {
			acc: 1,
			role: 'owner',
			typ: 'access',
		} )
			.setProtectedHeader( { alg: 'HS256' } )
			.setSubject( '1' )
			.setIssuer( 'igny8-cloud' )
			.setAudience( 'igny8-api' )
			.setIssuedAt( Math.floor( Date.now() / 1000 ) - 3600 )
			.setExpirationTime( Math.floor( Date.now() / 1000 ) - 1800 )
			.sign( new TextEncoder().encode( env.JWT_SECRET ) );
		const res = await api( 'GET', '/auth/me', { token: expired } );
		expect( res.status ).toBe( 401 );
		expect( res.json.code ).toBe( 'token_expired' );
	} );

	it( 'limits sign-in attempts per address (429 with Retry-After)', async () => {
		const ip = freshIp();
		const statuses: number[] = [];
		for ( let i = 0; i < 25; i++ ) {
			const res = await api( 'POST', '/auth/login', {
				body: { email: 'nobody@example.test', password: 'x' },
				ip,
			} );
			statuses.push( res.status );
			if ( res.status === 429 ) {
				expect( res.headers.get( 'retry-after' ) ).toBe( '60' );
				expect( res.json.code ).toBe( 'rate_limited' );
				break;
			}
		}
		expect( statuses ).toContain( 429 );
		expect(
			statuses.filter( ( s ) => s === 401 ).length
		).toBeGreaterThanOrEqual( 10 );
	} );
} );

describe( 'refresh grace window', () => {
	it( 'lets two concurrent refreshes of one token both succeed, and the family stays usable', async () => {
		const { refresh } = await signup();
		const [ a, b ] = await Promise.all( [
			refreshWith( refresh ),
			refreshWith( refresh ),
		] );
		expect( [ a.status, b.status ] ).toEqual( [ 200, 200 ] );
		expect( a.json.data.refresh ).not.toBe( b.json.data.refresh );
		for ( const res of [ a, b ] ) {
			expect(
				(
					await api( 'GET', '/auth/me', {
						token: res.json.data.access,
					} )
				).status
			).toBe( 200 );
			expect(
				( await refreshWith( res.json.data.refresh ) ).status
			).toBe( 200 );
		}
	} );

	it( 'opens the session again for the token just replaced, within the window', async () => {
		const { refresh } = await signup();
		const first = await refreshWith( refresh );
		const again = await refreshWith( refresh );
		expect( again.status ).toBe( 200 );
		expect( again.json.data.refresh ).not.toBe( first.json.data.refresh );
		expect( ( await refreshWith( first.json.data.refresh ) ).status ).toBe(
			200
		);
		expect( ( await refreshWith( again.json.data.refresh ) ).status ).toBe(
			200
		);
	} );

	it( 'treats a token replaced two rotations back as reuse even within the window, and revokes the family', async () => {
		const { refresh } = await signup();
		const first = await refreshWith( refresh );
		const second = await refreshWith( first.json.data.refresh );
		expect( second.status ).toBe( 200 );
		expect( ( await refreshWith( refresh ) ).status ).toBe( 401 );
		expect( ( await refreshWith( second.json.data.refresh ) ).status ).toBe(
			401
		);
	} );

	it( 'does not reopen a session that was signed out', async () => {
		const { refresh } = await signup();
		const first = await refreshWith( refresh );
		await api( 'POST', '/auth/logout', {
			token: first.json.data.access,
			body: { refresh: first.json.data.refresh },
		} );
		expect( ( await refreshWith( refresh ) ).status ).toBe( 401 );
	} );
} );

describe( 'token claims', () => {
	const now = () => Math.floor( Date.now() / 1000 );

	it( 'refuses dashboard access tokens without exp or without sub (401)', async () => {
		const { token, user, account } = await signup();
		expect( ( await api( 'GET', '/auth/me', { token } ) ).status ).toBe(
			200
		);
		const key = new TextEncoder().encode( env.JWT_SECRET );
		const base = () =>
			new SignJWT( { acc: account.id, role: 'owner', typ: 'access' } )
				.setProtectedHeader( { alg: 'HS256' } )
				.setIssuer( 'igny8-cloud' )
				.setAudience( 'igny8-api' )
				.setIssuedAt();
		const noExp = await base().setSubject( String( user.id ) ).sign( key );
		const noSub = await base()
			.setExpirationTime( now() + 600 )
			.sign( key );
		for ( const bad of [ noExp, noSub ] ) {
			const res = await api( 'GET', '/auth/me', { token: bad } );
			expect( res.status ).toBe( 401 );
			expect( res.json.code ).toBe( 'unauthenticated' );
		}
	} );

	it( 'refuses WordPress-minted tokens without exp or without sub (401)', async () => {
		const site = await insertSite(
			await insertAccount( 'WP claims' ),
			'Claims'
		);
		const key = new TextEncoder().encode( site.secret );
		const base = () =>
			new SignJWT( {
				site_id: site.id,
				wp_user_id: 1,
				role: 'admin',
				jti: randomHex( 8 ),
			} )
				.setProtectedHeader( { alg: 'HS256', typ: 'JWT' } )
				.setIssuer( 'igny8-wp' )
				.setAudience( 'igny8-cloud' )
				.setIssuedAt( now() );
		const good = await base()
			.setSubject( 'wp:1' )
			.setExpirationTime( now() + 600 )
			.sign( key );
		expect(
			( await api( 'GET', '/auth/me', { token: good } ) ).status
		).toBe( 200 );
		const noExp = await base().setSubject( 'wp:1' ).sign( key );
		const noSub = await base()
			.setExpirationTime( now() + 600 )
			.sign( key );
		for ( const bad of [ noExp, noSub ] )
			expect(
				( await api( 'GET', '/auth/me', { token: bad } ) ).status
			).toBe( 401 );
	} );
} );

describe( 'suspended and cancelled accounts', () => {
	it( 'refuses their dashboard users with 403 account_inactive, saying why; trial and active accounts work', async () => {
		const { token, account } = await signup();
		expect( account.status ).toBe( 'trial' );
		expect( ( await api( 'GET', '/auth/me', { token } ) ).status ).toBe(
			200
		);
		for ( const [ status, words ] of [
			[ 'suspended', /suspended; contact support/ ],
			[ 'cancelled', /cancelled/ ],
		] as const ) {
			await setAccountStatus( account.id, status );
			const res = await api( 'GET', '/auth/me', { token } );
			expect( res.status ).toBe( 403 );
			expect( res.json ).toMatchObject( {
				success: false,
				code: 'account_inactive',
				account_status: status,
			} );
			expect( res.json.error ).toMatch( words );
		}
		await setAccountStatus( account.id, 'active' );
		expect( ( await api( 'GET', '/auth/me', { token } ) ).status ).toBe(
			200
		);
	} );

	it( 'refuses sign-in and refresh with 403, and a wrong password still gets the usual 401', async () => {
		const { email, refresh, account } = await signup();
		await setAccountStatus( account.id, 'suspended' );
		const login = await api( 'POST', '/auth/login', {
			body: { email, password: PASSWORD },
			ip: freshIp(),
		} );
		expect( login.status ).toBe( 403 );
		expect( login.json.code ).toBe( 'account_inactive' );
		expect( login.json.data ).toBeUndefined();
		const wrong = await api( 'POST', '/auth/login', {
			body: { email, password: 'wrong-password-1' },
			ip: freshIp(),
		} );
		expect( wrong.status ).toBe( 401 );
		const res = await refreshWith( refresh );
		expect( res.status ).toBe( 403 );
		expect( res.json.code ).toBe( 'account_inactive' );
		// Suspension is not theft: the session works again once the account is reactivated.
		await setAccountStatus( account.id, 'active' );
		expect( ( await refreshWith( refresh ) ).status ).toBe( 200 );
	} );

	it( "refuses the account's WordPress-minted tokens and signed site requests with 403", async () => {
		const accountId = await insertAccount( 'Suspended agency' );
		const site: SiteFixture = await insertSite( accountId, 'Paused' );
		const wpToken = async () =>
			new SignJWT( {
				site_id: site.id,
				wp_user_id: 3,
				role: 'admin',
				jti: randomHex( 8 ),
			} )
				.setProtectedHeader( { alg: 'HS256', typ: 'JWT' } )
				.setIssuer( 'igny8-wp' )
				.setAudience( 'igny8-cloud' )
				.setSubject( 'wp:3' )
				.setIssuedAt()
				.setExpirationTime( '10m' )
				.sign( new TextEncoder().encode( site.secret ) );
		const signed = async () => {
			const path = `/api/v1/integration/sites/${ site.id }/test`;
			return api( 'POST', path, {
				headers: await signRequest( {
					siteId: site.id,
					secret: site.secret,
					method: 'POST',
					target: path,
					body: '{}',
				} ),
				raw: '{}',
			} );
		};
		expect(
			( await api( 'GET', '/auth/me', { token: await wpToken() } ) )
				.status
		).toBe( 200 );
		expect( ( await signed() ).status ).toBe( 200 );
		await setAccountStatus( accountId, 'suspended' );
		const me = await api( 'GET', '/auth/me', { token: await wpToken() } );
		expect( me.status ).toBe( 403 );
		expect( me.json.code ).toBe( 'account_inactive' );
		const call = await signed();
		expect( call.status ).toBe( 403 );
		expect( call.json.code ).toBe( 'account_inactive' );
		// And the account's dashboard users alike.
		await setAccountStatus( accountId, 'active' );
		const owner = await signedInUser( accountId, 'owner' );
		await setAccountStatus( accountId, 'cancelled' );
		expect(
			( await api( 'GET', '/auth/me', { token: owner.token } ) ).json.code
		).toBe( 'account_inactive' );
	} );
} );

describe( 'changing your own password', () => {
	it( 'lets an editor change it with the current one, ending the other sessions and keeping this one', async () => {
		const owner = await signup( 'Own Password Co' );
		const editor = await addUser( owner.token, 'editor' );
		const other = await api( 'POST', '/auth/login', {
			body: { email: editor.email, password: PASSWORD },
		} );
		const mine = await api( 'POST', '/auth/login', {
			body: { email: editor.email, password: PASSWORD },
		} );
		const token = mine.json.data.access as string;

		const wrong = await api( 'POST', '/auth/password', {
			token,
			body: {
				current_password: 'not-it-at-all',
				password: 'new-horse-43-battery',
			},
		} );
		expect( wrong.status ).toBe( 403 );
		expect( wrong.json.errors.current_password ).toBeTruthy();

		const changed = await api( 'POST', '/auth/password', {
			token,
			body: {
				current_password: PASSWORD,
				password: 'new-horse-43-battery',
			},
		} );
		expect( changed.status ).toBe( 200 );
		expect( changed.json.data ).toMatchObject( {
			id: editor.id,
			role: 'editor',
		} );

		const otherRefresh = await api( 'POST', '/auth/refresh', {
			body: { refresh: other.json.data.refresh },
		} );
		expect( otherRefresh.status ).toBe( 401 );
		const myRefresh = await api( 'POST', '/auth/refresh', {
			body: { refresh: mine.json.data.refresh },
		} );
		expect( myRefresh.status ).toBe( 200 );
		const oldLogin = await api( 'POST', '/auth/login', {
			body: { email: editor.email, password: PASSWORD },
		} );
		expect( oldLogin.status ).toBe( 401 );
		expect(
			( await loginAs( editor.email, 'new-horse-43-battery' ) ).length
		).toBeGreaterThan( 20 );
	} );

	it( 'is not open to WordPress tokens', async () => {
		const owner = await signup( 'WP Password Co' );
		const site = await insertSite( owner.account.id, 'WP pw site' );
		const res = await api( 'POST', '/auth/password', {
			token: await wordpressToken( site, 'admin' ),
			body: {
				current_password: PASSWORD,
				password: 'new-horse-43-battery',
			},
		} );
		expect( res.status ).toBe( 403 );
	} );
} );
