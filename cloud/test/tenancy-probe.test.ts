// The tenancy probe: reads the OpenAPI document and, for EVERY route (later issues' routes included),
// checks that each role gets exactly what the route's access rule allows, that another account's
// callers get 404 for this account's objects, and that lists never show another account's data.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ACCESS,
	ACCESS_RULES,
	ROLES,
	signRequest,
	WORDPRESS_ROLES,
	wordpressMayCall,
	type AccessRule,
	type Role,
} from '@igny8/shared';
import { api } from './helpers';
import {
	CONTENT_KINDS,
	insertAccount,
	insertContent,
	insertSite,
	insertUser,
	signedInUser,
	wordpressToken,
	type ContentKind,
	type SiteFixture,
} from './world';

interface AccessDoc {
	rule: string;
	roles: string[];
	wordpress: boolean;
	signed: boolean;
	params: Record< string, string >;
	site: 'query' | 'body' | null;
	signedUrl: boolean;
}
interface Operation {
	method: string;
	path: string;
	access: AccessDoc;
	/** Path parameters that are not objects (e.g. a provider name): a valid value from the document. */
	values: Record< string, string >;
}

const MARKER = 'ZZALPHAMARKER';
const HIDDEN = 'ZZHIDDENMARKER';
type Caller = { role: Role; token: string; id: number };

const operations: Operation[] = [];
let accountA: number;
let accountB: number;
const a: Record< string, Caller > = {};
const b: Record< string, Caller > = {};
let siteA: SiteFixture;
let hiddenSiteA: SiteFixture;
let siteB: SiteFixture;

interface Target {
	path: string;
	body: string;
}

const BODY_METHODS = new Set( [ 'post', 'put', 'patch', 'delete' ] );

/**
 * A request at objects of `site`'s account for a route: path parameters filled, and the site (and its
 * sector) named in the query or body where the route takes them. Non-GET calls on account A's main site get
 * a fresh site: they may delete or disconnect what they are given.
 */
async function targetOn(
	op: Operation,
	site: SiteFixture = siteA,
	accountId = accountA
): Promise< Target > {
	const fresh = op.method !== 'get' && site === siteA;
	const useSite = fresh
		? await insertSite( accountA, `${ MARKER } fresh`, [
				a.editor!.id,
				a.viewer!.id,
			] )
		: site;
	const ids: Record< string, number > = {};
	for ( const [ param, kind ] of Object.entries( op.access.params ) ) {
		if ( kind === 'site' ) ids[ param ] = useSite.id;
		else if ( kind === 'sector' ) ids[ param ] = useSite.sectorId;
		else if ( kind === 'user' )
			ids[ param ] = ( await insertUser( accountId, 'viewer' ) ).id;
		else if ( CONTENT_KINDS.includes( kind ) )
			ids[ param ] = await insertContent(
				accountId,
				useSite,
				kind as ContentKind,
				MARKER
			);
		else
			throw new Error(
				`The tenancy probe does not know the resource kind "${ kind }" ` +
					`of ${ op.method.toUpperCase() } ${ op.path }: teach targetOn() how to make one`
			);
	}
	let path = op.path.replace( /\{(\w+)\}/g, ( _, name: string ) => {
		const value = ids[ name ] ?? op.values[ name ];
		if ( value === undefined )
			throw new Error(
				`The tenancy probe cannot fill {${ name }} of ${ op.method.toUpperCase() } ${ op.path }: ` +
					'name it in x-igny8-access params or give it an enum'
			);
		return String( value );
	} );
	const placement = { site_id: useSite.id, sector_id: useSite.sectorId };
	if ( op.access.site === 'query' )
		path += `?site_id=${ placement.site_id }&sector_id=${ placement.sector_id }`;
	const body = BODY_METHODS.has( op.method )
		? JSON.stringify( op.access.site === 'body' ? placement : {} )
		: '';
	return { path, body };
}

const scoped = ( op: Operation ) =>
	Object.keys( op.access.params ).length > 0 || op.access.site !== null;

async function call(
	op: Operation,
	target: Target,
	token?: string,
	headers?: Record< string, string >
) {
	return api( op.method.toUpperCase(), target.path, {
		token,
		headers,
		...( BODY_METHODS.has( op.method ) ? { raw: target.body } : {} ),
	} );
}

beforeAll( async () => {
	const doc = await api( 'GET', '/openapi.json' );
	expect( doc.status ).toBe( 200 );
	for ( const [ path, methods ] of Object.entries(
		doc.json.paths as Record<
			string,
			Record< string, Record< string, unknown > >
		>
	) ) {
		for ( const [ method, op ] of Object.entries( methods ) ) {
			const values: Record< string, string > = {};
			for ( const param of ( op.parameters ?? [] ) as {
				in: string;
				name: string;
				schema?: { enum?: string[] };
			}[] ) {
				if ( param.in === 'path' && param.schema?.enum?.length )
					values[ param.name ] = param.schema.enum[ 0 ]!;
			}
			operations.push( {
				method,
				path: path.replace( /^\/api\/v1/, '' ),
				access: op[ 'x-igny8-access' ] as AccessDoc,
				values,
			} );
		}
	}

	accountA = await insertAccount( `${ MARKER } A` );
	accountB = await insertAccount( 'Beta B' );
	const operators = await insertAccount( 'Operators' );
	for ( const role of [ 'owner', 'admin', 'editor', 'viewer' ] as const ) {
		a[ role ] = await signedInUser( accountA, role );
		b[ role ] = await signedInUser( accountB, role );
	}
	a.developer = await signedInUser( operators, 'developer' );
	a.system_bot = await signedInUser( operators, 'system_bot' );
	siteA = await insertSite( accountA, `${ MARKER } site`, [
		a.editor!.id,
		a.viewer!.id,
	] );
	hiddenSiteA = await insertSite( accountA, `${ HIDDEN } site` );
	siteB = await insertSite( accountB, 'Beta site', [
		b.editor!.id,
		b.viewer!.id,
	] );
} );

// Every route, every role, every account: about 15 s on a 2-CPU machine (a few thousand requests), so each
// test gets more than the default timeout.
describe( 'tenancy probe', { timeout: 300_000 }, () => {
	it( 'finds the routes of the API, each with an access rule the probe understands', () => {
		expect( operations.length ).toBeGreaterThan( 20 );
		for ( const op of operations ) {
			expect(
				op.access,
				`${ op.method } ${ op.path } has no x-igny8-access`
			).toBeTruthy();
			expect(
				[ 'public', ...Object.keys( ACCESS ) ],
				`${ op.method } ${ op.path }`
			).toContain( op.access.rule );
		}
	} );

	it( 'asks every non-public route for authentication', async () => {
		for ( const op of operations.filter(
			( o ) => o.access.rule !== 'public'
		) ) {
			const res = await call( op, await targetOn( op ) );
			expect(
				res.status,
				`${ op.method } ${ op.path } without a token`
			).toBe( 401 );
			expect( res.json?.success ).toBe( false );
		}
	} );

	it( 'gives each role exactly what the matrix allows', async () => {
		for ( const op of operations.filter(
			( o ) => o.access.rule !== 'public'
		) ) {
			await Promise.all(
				ROLES.map( async ( role ) => {
					const res = await call(
						op,
						await targetOn( op ),
						a[ role ]!.token
					);
					const label =
						`${ role } → ${ op.method.toUpperCase() } ${ op.path } ` +
						`answered ${ res.status } ${ res.text.slice( 0, 160 ) }`;
					expect( res.status, label ).toBeLessThan( 500 );
					if ( op.access.roles.includes( role ) )
						expect( [ 401, 403, 404 ], label ).not.toContain(
							res.status
						);
					else expect( res.status, label ).toBe( 403 );
				} )
			);
		}
	} );

	it( 'documents for each route whether WordPress may call it exactly as its access rule says', () => {
		for ( const op of operations.filter(
			( o ) => o.access.rule !== 'public'
		) ) {
			expect( op.access.wordpress, `${ op.method } ${ op.path }` ).toBe(
				ACCESS_RULES[ op.access.rule as AccessRule ].wordpress
			);
		}
	} );

	it( 'lets WordPress-minted tokens reach only what their access rule allows them, and only their own site', async () => {
		for ( const op of operations.filter(
			( o ) => o.access.rule !== 'public'
		) ) {
			await Promise.all(
				WORDPRESS_ROLES.map( async ( role ) => {
					const site =
						op.method === 'get'
							? siteA
							: await insertSite( accountA, `${ MARKER } wp` );
					const token = await wordpressToken( site, role );
					const res = await call(
						op,
						await targetOn( op, site ),
						token
					);
					const label =
						`wp ${ role } → ${ op.method.toUpperCase() } ${ op.path } ` +
						`answered ${ res.status } ${ res.text.slice( 0, 160 ) }`;
					expect( res.status, label ).toBeLessThan( 500 );
					// Judged by the rule in shared/, not by what the document says of itself.
					if (
						wordpressMayCall( op.access.rule as AccessRule, role )
					)
						expect( [ 401, 403, 404 ], label ).not.toContain(
							res.status
						);
					else expect( res.status, label ).toBe( 403 );
				} )
			);
		}
	} );

	it( "answers 404 to another account's callers for this account's objects", async () => {
		for ( const op of operations.filter(
			( o ) => o.access.rule !== 'public' && scoped( o )
		) ) {
			const target = await targetOn( op );
			const label = `${ op.method.toUpperCase() } ${ target.path } ${ target.body }`;
			await Promise.all(
				( [ 'owner', 'admin', 'editor', 'viewer' ] as const )
					.filter( ( role ) => op.access.roles.includes( role ) )
					.map( async ( role ) => {
						const res = await call( op, target, b[ role ]!.token );
						expect(
							res.status,
							`B ${ role } → ${ label }: ${ res.text.slice( 0, 160 ) }`
						).toBe( 404 );
						expect( res.text ).not.toContain( MARKER );
					} )
			);
			if ( op.access.wordpress ) {
				const res = await call(
					op,
					target,
					await wordpressToken( siteB, 'admin' )
				);
				expect( res.status, `B's WordPress → ${ label }` ).toBe( 404 );
			}
			if ( op.access.signed ) {
				const headers = await signRequest( {
					siteId: siteB.id,
					secret: siteB.secret,
					method: op.method,
					target: `/api/v1${ target.path }`,
					body: target.body,
				} );
				const res = await call( op, target, undefined, headers );
				expect( res.status, `B's signed site → ${ label }` ).toBe(
					404
				);
			}
		}
	} );

	it( "answers 404 to editors and viewers for this account's sites they were not granted", async () => {
		// Account-level objects (users, author profiles) belong to no site.
		const accountLevel = ( o: Operation ) =>
			Object.values( o.access.params ).some(
				( k ) => k === 'user' || k === 'author_profile'
			);
		for ( const op of operations.filter(
			( o ) =>
				o.access.rule !== 'public' && scoped( o ) && ! accountLevel( o )
		) ) {
			const target = await targetOn( op, hiddenSiteA );
			for ( const role of [ 'editor', 'viewer' ] as const ) {
				if ( ! op.access.roles.includes( role ) ) continue;
				const res = await call( op, target, a[ role ]!.token );
				expect(
					res.status,
					`A ${ role } → ${ op.method.toUpperCase() } ${ target.path }`
				).toBe( 404 );
			}
		}
	} );

	it( 'serves a signed-URL route only with the Worker’s signature for that very object, whoever asks', async () => {
		const signed = operations.filter( ( o ) => o.access.signedUrl );
		expect( signed.length ).toBeGreaterThan( 0 );
		/** An image with stored bytes, and the signed URL its account's owner is shown. */
		const storedImage = async (
			accountId: number,
			site: SiteFixture,
			owner: Caller
		) => {
			// Only account A's objects carry the marker: B's own lists are checked for it.
			const label = accountId === accountA ? MARKER : 'Beta';
			const id = await insertContent( accountId, site, 'image', label );
			const key = `accounts/${ accountId }/images/probe-${ id }.png`;
			await env.MEDIA.put( key, `${ label } bytes`, {
				httpMetadata: { contentType: 'image/png' },
			} );
			await env.DB.prepare(
				`UPDATE images SET status = 'generated', r2_key = ? WHERE id = ?`
			)
				.bind( key, id )
				.run();
			const res = await api( 'GET', `/writer/images/${ id }`, {
				token: owner.token,
			} );
			expect( res.status ).toBe( 200 );
			return new URL( res.json.data.url as string );
		};
		for ( const op of signed ) {
			// The probe knows one kind of signed URL so far: an image's file.
			expect( op.path, 'teach the probe this signed URL' ).toBe(
				'/writer/images/file/{ref}'
			);
			expect( op.access.rule ).toBe( 'public' );
			const mine = await storedImage( accountA, siteA, a.owner! );
			const theirs = await storedImage( accountB, siteB, b.owner! );
			const at = ( url: URL, query: string ) =>
				`${ url.pathname }${ query ? `?${ query }` : '' }`;
			const ok = await api( 'GET', at( mine, mine.search.slice( 1 ) ) );
			expect( ok.status ).toBe( 200 );
			const exp = Number( mine.searchParams.get( 'exp' ) );
			const forged = [
				at( mine, '' ),
				at(
					mine,
					`exp=${ exp + 3600 }&sig=${ mine.searchParams.get( 'sig' ) }`
				),
				at( mine, theirs.search.slice( 1 ) ),
				at( theirs, mine.search.slice( 1 ) ),
			];
			for ( const target of forged ) {
				// A token is no signature: nobody, of either account, gets the bytes without one.
				for ( const token of [
					undefined,
					a.owner!.token,
					b.owner!.token,
					await wordpressToken( siteB, 'admin' ),
				] ) {
					const res = await api( 'GET', target, { token } );
					expect( res.status, `GET ${ target }` ).toBe( 403 );
					expect( res.json?.success ).toBe( false );
					expect( res.text ).not.toContain( MARKER );
				}
			}
		}
	} );

	it( "never lists another account's objects, nor sites an editor was not granted", async () => {
		// Fill account A with a little of everything, so a leak would show.
		for ( const kind of CONTENT_KINDS )
			await insertContent( accountA, siteA, kind as ContentKind, MARKER );
		const lists = operations.filter(
			( o ) =>
				o.method === 'get' &&
				o.access.rule !== 'public' &&
				Object.keys( o.access.params ).length === 0
		);
		expect( lists.length ).toBeGreaterThan( 0 );
		for ( const op of lists ) {
			const own = op.access.site
				? await targetOn( op, siteB, accountB )
				: {
						path: op.path.replace(
							/\{(\w+)\}/g,
							( _, n: string ) => op.values[ n ] ?? `{${ n }}`
						),
						body: '',
					};
			for ( const role of [
				'owner',
				'admin',
				'editor',
				'viewer',
			] as const ) {
				if ( ! op.access.roles.includes( role ) ) continue;
				const res = await call( op, own, b[ role ]!.token );
				expect(
					res.status,
					`B ${ role } → GET ${ own.path }: ${ res.text.slice( 0, 160 ) }`
				).toBe( 200 );
				expect(
					res.text,
					`B ${ role } → GET ${ own.path } shows account A`
				).not.toContain( MARKER );
				if (
					! op.access.site &&
					( role === 'editor' || role === 'viewer' )
				) {
					const mine = await call( op, own, a[ role ]!.token );
					expect(
						mine.text,
						`A ${ role } → GET ${ op.path } shows an ungranted site`
					).not.toContain( HIDDEN );
				}
			}
			if ( op.access.wordpress ) {
				const res = await call(
					op,
					own,
					await wordpressToken( siteB, 'admin' )
				);
				expect( res.text ).not.toContain( MARKER );
			}
		}
	} );
} );
