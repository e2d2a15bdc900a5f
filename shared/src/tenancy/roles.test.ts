import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ACCESS,
	ACCESS_RULES,
	canAssignRole,
	roleRank,
	ROLES,
	wordpressMayCall,
	type AccessRule,
	type Role,
} from './roles';

const role = fc.constantFrom< Role >( ...ROLES );

describe( 'role assignment', () => {
	it( 'never lets anyone give a role above their own', () => {
		fc.assert(
			fc.property(
				role,
				role,
				( actor, target ) =>
					! canAssignRole( actor, target ) ||
					roleRank( target ) <= roleRank( actor ) ||
					actor === 'developer'
			)
		);
	} );

	it( 'gives developer and system_bot only through a developer', () => {
		fc.assert(
			fc.property(
				role,
				( actor ) =>
					canAssignRole( actor, 'developer' ) ===
						( actor === 'developer' ) &&
					canAssignRole( actor, 'system_bot' ) ===
						( actor === 'developer' )
			)
		);
	} );

	it( 'lets only developers, owners and admins manage users', () => {
		expect( ROLES.filter( ( r ) => canAssignRole( r, 'viewer' ) ) ).toEqual(
			[ 'developer', 'owner', 'admin' ]
		);
	} );
} );

describe( 'access matrix', () => {
	it( 'matches the seeds: users by developer/owner/admin, billing by developer/owner, viewers read only', () => {
		expect( ACCESS.users_manage ).toEqual( [
			'developer',
			'owner',
			'admin',
		] );
		expect( ACCESS.billing_manage ).toEqual( [ 'developer', 'owner' ] );
		expect( ACCESS.content_write ).not.toContain( 'viewer' );
		expect( ACCESS.content_read ).toEqual( ROLES );
		expect( ACCESS.sites_manage ).not.toContain( 'editor' );
	} );
} );

describe( 'WordPress tokens', () => {
	it( 'never reach account-wide rules: providers, prompts, author profiles, the ledger, users, sites, grants', () => {
		for ( const rule of [
			'account_settings',
			'ledger_read',
			'users_manage',
			'sites_manage',
			'sites_delete',
			'billing_manage',
			'credits_grant',
			'session',
		] as const ) {
			for ( const role of [ 'admin', 'editor', 'viewer' ] as const )
				expect(
					wordpressMayCall( rule, role ),
					`${ role } → ${ rule }`
				).toBe( false );
		}
	} );

	it( 'let a WordPress viewer (edit_posts only) read, and only editors and admins spend credits', () => {
		expect( wordpressMayCall( 'content_read', 'viewer' ) ).toBe( true );
		expect( wordpressMayCall( 'content_write', 'viewer' ) ).toBe( false );
		expect( wordpressMayCall( 'credits_spend', 'viewer' ) ).toBe( false );
		expect( wordpressMayCall( 'credits_spend', 'editor' ) ).toBe( true );
		expect( wordpressMayCall( 'site_settings', 'editor' ) ).toBe( false );
		expect( wordpressMayCall( 'site_settings', 'admin' ) ).toBe( true );
	} );

	it( 'grant credits by hand only to operators', () => {
		expect( ACCESS.credits_grant ).toEqual( [ 'developer' ] );
		expect( Object.keys( ACCESS ).sort() ).toEqual(
			( Object.keys( ACCESS_RULES ) as AccessRule[] ).sort()
		);
	} );
} );
