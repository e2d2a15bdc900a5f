// /api/v1/auth: sign-up, sign-in, token refresh, sign-out, one's own password, who am I.
import { eq } from 'drizzle-orm';
import { schemas } from '@igny8/shared';
import { accounts, sites, users } from '../db/schema';
import { unauthenticated } from '../lib/errors';
import { updateUser } from '../tenancy/service';
import { callerSessionId } from './middleware';
import { ok } from '../lib/envelope';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import { accountOut, planOut, siteOut, userOut } from '../tenancy/serialize';
import { accountPlan } from '../tenancy/plans';
import { login, logout, refresh, signup } from './service';

export const authRoutes = createRouter();

handle(
	authRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/signup',
		operationId: 'signUp',
		tags: [ 'auth' ],
		summary:
			'Create an account, its owner and the default plan with its starting credits',
		access: { rule: 'public' },
		request: { body: body( schemas.signupBody ) },
		response: schemas.session,
		status: 201,
	} ),
	async ( c ) =>
		ok(
			c,
			await signup(
				c.get( 'db' ),
				c.env.JWT_SECRET,
				c.req.valid( 'json' )
			),
			201
		)
);

handle(
	authRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/login',
		operationId: 'logIn',
		tags: [ 'auth' ],
		summary: 'Sign in with email and password',
		access: { rule: 'public' },
		request: { body: body( schemas.loginBody ) },
		response: schemas.session,
	} ),
	async ( c ) =>
		ok(
			c,
			await login(
				c.get( 'db' ),
				c.env.JWT_SECRET,
				c.req.valid( 'json' )
			)
		)
);

handle(
	authRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/refresh',
		operationId: 'refreshSession',
		tags: [ 'auth' ],
		summary:
			'Trade a refresh token for a new access and refresh token (the old one stops working)',
		access: { rule: 'public' },
		request: { body: body( schemas.refreshBody ) },
		response: schemas.tokenPair,
	} ),
	async ( c ) =>
		ok(
			c,
			await refresh(
				c.get( 'db' ),
				c.env.JWT_SECRET,
				c.req.valid( 'json' ).refresh
			)
		)
);

handle(
	authRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/logout',
		operationId: 'logOut',
		tags: [ 'auth' ],
		summary:
			'Revoke a refresh token (or, without one, every session of the user)',
		access: { rule: 'session' },
		request: { body: body( schemas.logoutBody ) },
	} ),
	async ( c ) => {
		await logout(
			c.get( 'db' ),
			c.get( 'principal' ).userId!,
			c.req.valid( 'json' ).refresh
		);
		return ok( c, {}, 200, 'Signed out' );
	}
);

handle(
	authRoutes,
	defineRoute( {
		method: 'post',
		path: '/auth/password',
		operationId: 'changeOwnPassword',
		tags: [ 'auth' ],
		summary:
			'Change your own password (any role): needs the current one; your other sessions end, this one stays',
		access: { rule: 'session' },
		request: { body: body( schemas.passwordChangeBody ) },
		response: schemas.user,
	} ),
	async ( c ) => {
		const db = c.get( 'db' );
		const p = c.get( 'principal' );
		const me = await db.query.users.findFirst( {
			where: eq( users.id, p.userId ?? -1 ),
		} );
		if ( ! me ) throw unauthenticated( 'This user no longer has access' );
		const row = await updateUser(
			db,
			p,
			me,
			c.req.valid( 'json' ),
			await callerSessionId( c )
		);
		return ok( c, userOut( row ), 200, 'Password changed' );
	}
);

handle(
	authRoutes,
	defineRoute( {
		method: 'get',
		path: '/auth/me',
		operationId: 'getMe',
		tags: [ 'auth' ],
		summary:
			'The caller: user (or WordPress user), role, account, plan and, for site tokens, the site',
		access: { rule: 'any' },
		response: schemas.me,
	} ),
	async ( c ) => {
		const db = c.get( 'db' );
		const p = c.get( 'principal' );
		const account = await db.query.accounts.findFirst( {
			where: eq( accounts.id, p.accountId ),
		} );
		const user = p.userId
			? await db.query.users.findFirst( {
					where: ( u, { eq } ) => eq( u.id, p.userId! ),
				} )
			: null;
		const site = p.siteId
			? await db.query.sites.findFirst( {
					where: eq( sites.id, p.siteId ),
				} )
			: null;
		const plan = await accountPlan( db, p.accountId );
		return ok( c, {
			user: user ? userOut( user ) : null,
			role: p.role,
			account: accountOut( account! ),
			plan: plan ? planOut( plan ) : null,
			site: site ? siteOut( site ) : null,
			wp_user_id: p.wpUserId,
		} );
	}
);
