// The holes an audit found (issue "Security"), each reproduced against the whole Worker in workerd with
// real local D1: keys that follow a chosen URL, WordPress tokens reaching account-wide settings, free
// credits, URLs pointing the Worker at private networks, echoed remote bodies, prototype keys, foreign
// origins, event streams that outlive the statement budget, pages without a CSP.
import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createDb } from '../src/db';
import { saveSettings, textProvider } from '../src/ai/providers';
import { SSE_LIMITS } from '../src/ai/routes';
import { connect } from '../src/integration/service';
import { isPrivateHost, outboundUrlProblem } from '../src/lib/outbound-url';
import { api } from './helpers';
import {
	insertAccount,
	insertSite,
	signedInUser,
	wordpressToken,
	type SiteFixture,
} from './world';

const FAKE = inject( 'fakeOpenAiUrl' );
const FAKE_ROOT = FAKE.replace( /\/v1$/, '' );
const SECRET = 'INTERNAL-SECRET';
/** The Worker as deployed: no DEV_ALLOW_LOOPBACK. */
const production = { ...env, DEV_ALLOW_LOOPBACK: undefined };

let accountId: number;
let owner: { token: string; id: number };
let site: SiteFixture;

beforeEach( async () => {
	accountId = await insertAccount( 'Secure Co' );
	owner = await signedInUser( accountId, 'owner' );
	site = await insertSite( accountId, 'Secure site' );
} );

async function ledgerMatchesBalance( id: number ) {
	const sum = await env.DB.prepare(
		'SELECT coalesce(sum(amount), 0) AS s FROM credit_transactions WHERE account_id = ?'
	)
		.bind( id )
		.first< { s: number } >();
	const acc = await env.DB.prepare(
		'SELECT credits FROM accounts WHERE id = ?'
	)
		.bind( id )
		.first< { credits: number } >();
	return { sum: sum!.s, balance: acc!.credits };
}

describe( 'AI provider keys stay with the URL they were saved for', () => {
	it( 'refuses to move the base URL without the account’s own key', async () => {
		const res = await api( 'PUT', '/system/integrations/openai', {
			token: owner.token,
			body: { base_url: 'https://attacker.example/v1' },
		} );
		expect( res.status ).toBe( 400 );
		expect( res.json.errors.api_key ).toEqual( [
			'required when base_url changes',
		] );
		const row = await env.DB.prepare(
			'SELECT base_url FROM provider_settings WHERE account_id = ?'
		)
			.bind( accountId )
			.first();
		expect( row ).toBeNull();
	} );

	it( 'sends the deployment’s key only to the deployment’s URL, whatever an account saved', async () => {
		// A row saved before the rule existed: an account URL and no key of its own.
		await env.DB.prepare(
			`INSERT INTO provider_settings (account_id, provider, base_url) VALUES (?, 'openai', 'https://attacker.example/v1')`
		)
			.bind( accountId )
			.run();
		const deployment = {
			...env,
			OPENAI_API_KEY: 'sk-deployment-key',
			OPENAI_BASE_URL: undefined,
		};
		const provider = await textProvider(
			deployment,
			createDb( env.DB ),
			accountId
		);
		expect( provider!.client.baseURL ).toBe( 'https://api.openai.com/v1' );
		expect( provider!.client.apiKey ).toBe( 'sk-deployment-key' );
		const withUrl = await textProvider(
			{ ...deployment, OPENAI_BASE_URL: FAKE },
			createDb( env.DB ),
			accountId
		);
		expect( withUrl!.client.baseURL ).toBe( FAKE );
	} );

	it( 'keeps the account’s own key on the URL saved with it: a new URL needs the key again', async () => {
		const saved = await api( 'PUT', '/system/integrations/openai', {
			token: owner.token,
			body: { api_key: 'sk-own-key-123456', base_url: FAKE },
		} );
		expect( saved.status ).toBe( 200 );
		const moved = await api( 'PUT', '/system/integrations/openai', {
			token: owner.token,
			body: { base_url: 'https://elsewhere.example/v1' },
		} );
		expect( moved.status ).toBe( 400 );
		const reset = await api( 'PUT', '/system/integrations/openai', {
			token: owner.token,
			body: { base_url: null },
		} );
		expect( reset.status ).toBe( 400 );
		const models = await api( 'PUT', '/system/integrations/openai', {
			token: owner.token,
			body: { base_url: FAKE, text_model: 'gpt-4o' },
		} );
		expect( models.status ).toBe( 200 );
		const provider = await textProvider(
			env,
			createDb( env.DB ),
			accountId
		);
		expect( provider!.client.baseURL ).toBe( FAKE );
		expect( provider!.client.apiKey ).toBe( 'sk-own-key-123456' );
	} );

	it( 'accepts only public https base URLs in production', async () => {
		const db = createDb( env.DB );
		for ( const url of [
			'http://api.example.com/v1',
			'https://127.0.0.1/v1',
			'https://10.1.2.3/v1',
			'https://169.254.169.254/latest',
			'https://[::1]/v1',
			'https://[::ffff:7f00:1]/v1',
			'https://localhost/v1',
			'https://intranet/v1',
			'https://user:pw@api.example.com/v1',
		] ) {
			await expect(
				saveSettings( production, db, accountId, 'openai', {
					api_key: 'sk-test-000000',
					base_url: url,
				} ),
				url
			).rejects.toMatchObject( { code: 'validation', status: 400 } );
		}
		const ok = await saveSettings( production, db, accountId, 'openai', {
			api_key: 'sk-test-000000',
			base_url: 'https://openrouter.ai/api/v1',
		} );
		expect( ok?.baseUrl ).toBe( 'https://openrouter.ai/api/v1' );
		// Loopback over http only with the explicit development flag.
		expect(
			outboundUrlProblem(
				{ DEV_ALLOW_LOOPBACK: 'true' },
				'http://127.0.0.1:11434/v1'
			)
		).toBeNull();
		expect(
			outboundUrlProblem(
				{ DEV_ALLOW_LOOPBACK: 'true' },
				'http://10.0.0.2/v1'
			)
		).toBe( 'must use https' );
		expect( outboundUrlProblem( {}, 'http://127.0.0.1:11434/v1' ) ).toBe(
			'must use https'
		);
	} );

	it( 'refuses a saved base URL that the rules no longer allow, before any call', async () => {
		await api( 'PUT', '/system/integrations/openai', {
			token: owner.token,
			body: { api_key: 'sk-own-key-123456', base_url: FAKE },
		} );
		await expect(
			textProvider( production, createDb( env.DB ), accountId )
		).rejects.toMatchObject( { status: 422 } );
	} );

	it( 'never echoes what the provider’s address answered', async () => {
		await api( 'PUT', '/system/integrations/openai', {
			token: owner.token,
			body: {
				api_key: 'sk-own-key-123456',
				base_url: FAKE,
				text_model: 'leaky',
			},
		} );
		const res = await api( 'POST', '/system/integrations/openai/test', {
			token: owner.token,
			raw: '',
		} );
		expect( res.json.data ).toMatchObject( {
			ok: false,
			message: 'The AI provider answered 400',
		} );
		expect( res.text ).not.toContain( SECRET );
	} );
} );

describe( 'a WordPress token acts for its own site only', () => {
	it( 'cannot read or change account-wide settings or the whole ledger', async () => {
		const wp = await wordpressToken( site, 'admin' );
		const calls: [ string, string, unknown? ][] = [
			[ 'GET', '/system/integrations/openai' ],
			[
				'PUT',
				'/system/integrations/openai',
				{ api_key: 'sk-capture-000000', base_url: FAKE },
			],
			[ 'POST', '/system/integrations/openai/test', {} ],
			[
				'PUT',
				'/system/prompts/generate_ideas',
				{
					prompt: 'Custom {clusters} and {ideas_per_cluster} in {language}',
				},
			],
			[ 'DELETE', '/system/prompts/generate_ideas', {} ],
			[ 'POST', '/system/author-profiles', { name: 'Hijack' } ],
			[ 'GET', '/billing/transactions' ],
			[ 'POST', '/billing/topup', { amount: 100 } ],
		];
		for ( const [ method, path, body ] of calls ) {
			const res = await api( method, path, {
				token: wp,
				...( body === undefined ? {} : { body } ),
			} );
			expect( res.status, `${ method } ${ path }` ).toBe( 403 );
		}
		expect(
			await env.DB.prepare(
				'SELECT count(*) AS n FROM provider_settings WHERE account_id = ?'
			)
				.bind( accountId )
				.first< { n: number } >()
		).toEqual( { n: 0 } );
	} );

	it( 'still reads prompts and author profiles, and lets a site admin keep its own sector strategies', async () => {
		const wp = await wordpressToken( site, 'admin' );
		expect(
			( await api( 'GET', '/system/prompts', { token: wp } ) ).status
		).toBe( 200 );
		expect(
			( await api( 'GET', '/system/author-profiles', { token: wp } ) )
				.status
		).toBe( 200 );
		const created = await api( 'POST', '/system/strategies', {
			token: wp,
			body: {
				site_id: site.id,
				sector_id: site.sectorId,
				name: 'Guides',
				guidance: 'Favour how-tos.',
			},
		} );
		expect( created.status ).toBe( 201 );
		const editor = await wordpressToken( site, 'editor' );
		expect(
			(
				await api( 'POST', '/system/strategies', {
					token: editor,
					body: {
						site_id: site.id,
						sector_id: site.sectorId,
						name: 'X',
						guidance: 'Y',
					},
				} )
			).status
		).toBe( 403 );
	} );

	it( 'sees its own site’s usage, whatever site it asks for', async () => {
		const other = await insertSite( accountId, 'Other site' );
		const day = new Date().toISOString();
		for ( const [ siteId, credits ] of [
			[ site.id, 3 ],
			[ other.id, 40 ],
		] as const ) {
			await env.DB.prepare(
				`INSERT INTO usage_logs
           (account_id, site_id, operation, credits, cost_usd, tokens_in, tokens_out, model, created_at)
         VALUES (?, ?, 'auto_cluster', ?, 0, 0, 0, 'm', ?)`
			)
				.bind( accountId, siteId, credits, day )
				.run();
		}
		const wp = await wordpressToken( site, 'admin' );
		const mine = await api( 'GET', `/billing/usage?site_id=${ other.id }`, {
			token: wp,
		} );
		expect( mine.status ).toBe( 200 );
		expect( mine.json.data.totals.credits ).toBe( 3 );
		const all = await api( 'GET', '/billing/usage', {
			token: owner.token,
		} );
		expect( all.json.data.totals.credits ).toBe( 43 );
	} );
} );

describe( 'credits are granted only by operators', () => {
	it( 'refuses an owner’s top-up and lets a developer grant any account, in the ledger', async () => {
		const before = await ledgerMatchesBalance( accountId );
		const own = await api( 'POST', '/billing/topup', {
			token: owner.token,
			body: { amount: 500 },
		} );
		expect( own.status ).toBe( 403 );
		expect( await ledgerMatchesBalance( accountId ) ).toEqual( before );
		const developer = await signedInUser(
			await insertAccount( 'Operators' ),
			'developer'
		);
		const granted = await api( 'POST', '/billing/topup', {
			token: developer.token,
			body: { amount: 500, account_id: accountId, note: 'Goodwill' },
		} );
		expect( granted.status ).toBe( 201 );
		expect( granted.json.data ).toMatchObject( {
			balance: before.balance + 500,
			transaction: {
				type: 'topup',
				amount: 500,
				description: 'Goodwill',
			},
		} );
		const after = await ledgerMatchesBalance( accountId );
		expect( after.balance ).toBe( after.sum );
		expect(
			(
				await api( 'POST', '/billing/topup', {
					token: developer.token,
					body: { amount: 5, account_id: 99_999_999 },
				} )
			).status
		).toBe( 404 );
	} );
} );

describe( 'URLs that a connecting site names', () => {
	async function code() {
		const res = await api(
			'POST',
			`/integration/sites/${ site.id }/connection-code`,
			{ token: owner.token, raw: '' }
		);
		expect( res.status ).toBe( 201 );
		return res.json.data.code as string;
	}

	it( 'refuses a REST URL on another origin, and keeps the code for a correct try', async () => {
		const c = await code();
		const bad = await api( 'POST', '/integration/connect', {
			body: {
				code: c,
				site_url: 'http://127.0.0.1:9',
				rest_url: 'http://127.0.0.1:10/wp-json/',
			},
		} );
		expect( bad.status ).toBe( 400 );
		expect( bad.json.errors.rest_url ).toBeTruthy();
		const good = await api( 'POST', '/integration/connect', {
			body: {
				code: c,
				site_url: 'http://127.0.0.1:9',
				rest_url: 'http://127.0.0.1:9/wp-json/',
			},
		} );
		expect( good.status ).toBe( 200 );
	} );

	it( 'refuses private, loopback and plain-http sites in production', async () => {
		const db = createDb( env.DB );
		for ( const url of [
			'http://blog.example.com',
			'https://192.168.1.20',
			'https://127.0.0.1:8888',
			'https://[fd00::1]',
			'https://metadata.internal',
		] ) {
			await expect(
				connect( production, db, {
					code: await code(),
					site_url: url,
				} ),
				url
			).rejects.toMatchObject( { status: 400 } );
		}
	} );

	it( 'never echoes what the WordPress address answered', async () => {
		await env.DB.prepare( 'UPDATE sites SET wp_rest_url = ? WHERE id = ?' )
			.bind( `${ FAKE_ROOT }/leak/wp-json/`, site.id )
			.run();
		const res = await api( 'POST', `/integration/sites/${ site.id }/test`, {
			token: owner.token,
			raw: '',
		} );
		expect( res.status ).toBe( 200 );
		expect( res.json.data ).toMatchObject( {
			cloud_to_wp: false,
			error: 'WordPress answered 500',
		} );
		expect( res.text ).not.toContain( SECRET );
	} );

	it( 'classifies hosts', () => {
		for ( const host of [
			'10.0.0.1',
			'172.20.1.1',
			'192.168.0.1',
			'127.0.0.1',
			'169.254.169.254',
			'100.64.0.1',
			'0.0.0.0',
			'[::1]',
			'[fe80::1]',
			'localhost',
			'printer.local',
			'db',
		] )
			expect( isPrivateHost( host ), host ).toBe( true );
		for ( const host of [
			'example.com',
			'8.8.8.8',
			'172.32.0.1',
			'[2606:4700::1111]',
		] )
			expect( isPrivateHost( host ), host ).toBe( false );
	} );
} );

describe( 'request bodies with prototype keys', () => {
	it( 'answer 400 naming the keys, not 500', async () => {
		for ( const key of [ '__proto__', 'constructor', 'toString' ] ) {
			const res = await api( 'POST', '/planner/keywords', {
				token: owner.token,
				raw: `{"site_id": ${ site.id }, "sector_id": ${ site.sectorId }, "keyword": "shoes", "${ key }": {"x": 1}}`,
			} );
			expect( res.status, key ).toBe( 400 );
			expect( res.json.errors[ key ], key ).toEqual( [
				'unknown field',
			] );
		}
	} );
} );

describe( 'browser origins', () => {
	it( 'let a connected site’s origin act only for its own account, and a WordPress token only from its own site', async () => {
		const otherAccount = await insertAccount( 'Other Co' );
		const foreign = await insertSite( otherAccount, 'Foreign site' );
		const sibling = await insertSite( accountId, 'Sibling site' );
		await env.DB.prepare( 'UPDATE sites SET wp_origin = ? WHERE id = ?' )
			.bind( 'https://mine.example', site.id )
			.run();
		await env.DB.prepare( 'UPDATE sites SET wp_origin = ? WHERE id = ?' )
			.bind( 'https://sibling.example', sibling.id )
			.run();
		await env.DB.prepare( 'UPDATE sites SET wp_origin = ? WHERE id = ?' )
			.bind( 'https://foreign.example', foreign.id )
			.run();
		const me = ( origin: string, token = owner.token ) =>
			api( 'GET', '/auth/me', { token, headers: { origin } } );
		expect( ( await me( 'https://mine.example' ) ).status ).toBe( 200 );
		expect( ( await me( 'https://foreign.example' ) ).status ).toBe( 403 );
		expect( ( await me( 'http://dashboard.test' ) ).status ).toBe( 200 );
		const wp = await wordpressToken( site, 'admin' );
		expect( ( await me( 'https://mine.example', wp ) ).status ).toBe( 200 );
		expect( ( await me( 'https://sibling.example', wp ) ).status ).toBe(
			403
		);
		// The preflight names the origin only for a connected site.
		const preflight = await api( 'OPTIONS', '/auth/me', {
			headers: {
				origin: 'https://foreign.example',
				'access-control-request-method': 'GET',
			},
		} );
		expect( preflight.headers.get( 'access-control-allow-origin' ) ).toBe(
			'https://foreign.example'
		);
		const stranger = await api( 'OPTIONS', '/auth/me', {
			headers: {
				origin: 'https://stranger.example',
				'access-control-request-method': 'GET',
			},
		} );
		expect(
			stranger.headers.get( 'access-control-allow-origin' )
		).toBeNull();
	} );
} );

describe( 'the job event stream', () => {
	it( 'ends with "reconnect" before the statement budget, and resumes from Last-Event-ID', async () => {
		const { id } = ( await env.DB.prepare(
			`INSERT INTO ai_jobs (account_id, site_id, function, payload, state, phase, percentage, message)
       VALUES (?, ?, 'auto_cluster', '{}', 'running', 'AI_CALL', 40, 'Working') RETURNING id`
		)
			.bind( accountId, site.id )
			.first< { id: number } >() )!;
		const saved = { ...SSE_LIMITS };
		SSE_LIMITS.pollMs = 1;
		try {
			const first = await api( 'GET', `/ai/jobs/${ id }/events`, {
				token: owner.token,
			} );
			expect( first.status ).toBe( 200 );
			const events = [ ...first.text.matchAll( /^event: (\w+)$/gm ) ].map(
				( m ) => m[ 1 ]
			);
			expect( events ).toEqual( [ 'progress', 'reconnect' ] );
			const lastId = /^id: (.+)$/m.exec( first.text )![ 1 ]!;
			const again = await api( 'GET', `/ai/jobs/${ id }/events`, {
				token: owner.token,
				headers: { 'last-event-id': lastId },
			} );
			expect(
				[ ...again.text.matchAll( /^event: (\w+)$/gm ) ].map(
					( m ) => m[ 1 ]
				)
			).toEqual( [ 'reconnect' ] );
		} finally {
			Object.assign( SSE_LIMITS, saved );
		}
	} );
} );

describe( 'pages', () => {
	it( 'serve the API docs with a nonce CSP and no framing', async () => {
		const res = await api( 'GET', '/api/docs' );
		const csp = res.headers.get( 'content-security-policy' )!;
		const nonce = /'nonce-([0-9a-f]+)'/.exec( csp )![ 1 ];
		expect( csp ).toContain( "frame-ancestors 'none'" );
		expect( res.text ).toContain( `<script nonce="${ nonce }">` );
		expect( res.text ).not.toMatch( /<script>/ );
		const json = await api( 'GET', '/auth/plans' );
		expect( json.headers.get( 'x-content-type-options' ) ).toBe(
			'nosniff'
		);
	} );

	it( 'answer a path that is no page with 404, not 500', async () => {
		const worker = ( exports as unknown as { default: Fetcher } ).default;
		for ( const path of [ '/favicon.ico', '/no-such-page', '/_headers' ] )
			expect(
				( await worker.fetch( `http://cloud.test${ path }` ) ).status,
				path
			).toBe( 404 );
		expect( ( await worker.fetch( 'http://cloud.test/' ) ).status ).toBe(
			200
		);
	} );
} );
