// Fixtures written straight into D1 (fast, no rate limits): what an operator command or earlier API calls
// would have left behind. Callers still go through the API with real tokens.
import { env } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { randomHex, type Role } from '@igny8/shared';
import { encryptSecret, hashPassword } from '../src/lib/crypto';
import { api, loginAs, PASSWORD, uniqueEmail } from './helpers';

const db = env.DB;
let passwordHash: string | null = null;

async function one< T >( sql: string, ...params: unknown[] ): Promise< T > {
	const row = await db
		.prepare( sql )
		.bind( ...params )
		.first< T >();
	if ( ! row ) throw new Error( `no row: ${ sql }` );
	return row;
}

/** An account on a plan without practical limits, so fixtures never hit plan limits. */
export async function insertAccount( name: string ): Promise< number > {
	await db
		.prepare(
			`INSERT OR IGNORE INTO plans
         (slug, name, monthly_credits, max_sites, max_users, max_keywords, max_clusters, max_content_per_month)
       VALUES ('test-unlimited', 'Test unlimited', 1000, 100000, 100000, 100000000, 1000000, 100000)`
		)
		.run();
	const { id } = await one< { id: number } >(
		`INSERT INTO accounts (name, slug, status, credits) VALUES (?, ?, 'active', 1000) RETURNING id`,
		name,
		name.toLowerCase()
	);
	// The opening balance is a ledger entry too: the balance always equals the sum of the ledger.
	await db
		.prepare(
			`INSERT INTO credit_transactions (account_id, type, amount, balance_after, reference)
       VALUES (?, 'adjustment', 1000, 1000, 'test:opening')`
		)
		.bind( id )
		.run();
	await db
		.prepare(
			`INSERT INTO subscriptions (account_id, plan_id, current_period_start, current_period_end)
       SELECT ?, id, '2026-01-01', '2099-01-01' FROM plans WHERE slug = 'test-unlimited'`
		)
		.bind( id )
		.run();
	return id;
}

export async function insertUser(
	accountId: number,
	role: Role,
	withPassword = false
): Promise< { id: number; email: string } > {
	const email = uniqueEmail( role );
	passwordHash ??= await hashPassword( PASSWORD );
	const { id } = await one< { id: number } >(
		`INSERT INTO users (account_id, email, role, status, password_hash) VALUES (?, ?, ?, 'active', ?) RETURNING id`,
		accountId,
		email,
		role,
		withPassword ? passwordHash : null
	);
	return { id, email };
}

export async function signedInUser( accountId: number, role: Role ) {
	const user = await insertUser( accountId, role, true );
	return { ...user, role, token: await loginAs( user.email ) };
}

export interface SiteFixture {
	id: number;
	secret: string;
	sectorId: number;
}

/** A site with one active sector, connected to a WordPress at an address that refuses connections. */
export async function insertSite(
	accountId: number,
	name: string,
	grantTo: number[] = []
): Promise< SiteFixture > {
	const secret = randomHex( 32 );
	const { id } = await one< { id: number } >(
		`INSERT INTO sites (account_id, name, slug, site_secret_enc, wp_url, wp_origin, wp_rest_url, connected_at)
     VALUES (?, ?, ?, ?, 'http://127.0.0.1:9', 'http://127.0.0.1:9', 'http://127.0.0.1:9/wp-json/',
       '2026-01-01T00:00:00Z')
     RETURNING id`,
		accountId,
		name,
		`${ name.toLowerCase().replace( /[^a-z0-9]+/g, '-' ) }-${ randomHex( 3 ) }`,
		await encryptSecret( env.ENCRYPTION_KEY, secret )
	);
	const sector = await one< { id: number } >(
		`INSERT INTO sectors (account_id, site_id, name, slug) VALUES (?, ?, ?, 'general') RETURNING id`,
		accountId,
		id,
		`${ name } sector`
	);
	for ( const userId of grantTo ) {
		await db
			.prepare(
				`INSERT INTO site_user_access (account_id, site_id, user_id) VALUES (?, ?, ?)`
			)
			.bind( accountId, id, userId )
			.run();
	}
	return { id, secret, sectorId: sector.id };
}

/** What the plugin's GET /wp-json/igny8/v1/token mints. */
export async function wordpressToken(
	site: SiteFixture,
	role: 'admin' | 'editor' | 'viewer',
	wpUserId = 1
) {
	const now = Math.floor( Date.now() / 1000 );
	return new SignJWT( {
		site_id: site.id,
		wp_user_id: wpUserId,
		role,
		name: 'WP User',
		jti: randomHex( 8 ),
	} )
		.setProtectedHeader( { alg: 'HS256', typ: 'JWT' } )
		.setIssuer( 'igny8-wp' )
		.setAudience( 'igny8-cloud' )
		.setSubject( `wp:${ wpUserId }` )
		.setIssuedAt( now )
		.setExpirationTime( now + 600 )
		.sign( new TextEncoder().encode( site.secret ) );
}

export { api };

async function insertRow(
	table: string,
	values: Record< string, unknown >
): Promise< number > {
	const cols = Object.keys( values );
	const { id } = await one< { id: number } >(
		`INSERT INTO ${ table } (${ cols.join( ', ' ) }) VALUES (${ cols.map( () => '?' ).join( ', ' ) }) RETURNING id`,
		...Object.values( values )
	);
	return id;
}

/** Content objects of a site's sector, as the Planner would have made them. */
export type ContentKind =
	| 'keyword'
	| 'cluster'
	| 'idea'
	| 'task'
	| 'job'
	| 'author_profile'
	| 'strategy'
	| 'content'
	| 'image'
	| 'publishing_record'
	| 'content_conflict';
export const CONTENT_KINDS: readonly string[] = [
	'keyword',
	'cluster',
	'idea',
	'task',
	'job',
	'author_profile',
	'strategy',
	'content',
	'image',
	'publishing_record',
	'content_conflict',
];

/** SHA-256 of the empty body. */
const EMPTY_REVISION =
	'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export async function insertContent(
	accountId: number,
	site: SiteFixture,
	kind: ContentKind,
	label = 'item'
): Promise< number > {
	const base = {
		account_id: accountId,
		site_id: site.id,
		sector_id: site.sectorId,
	};
	const text = `${ label } ${ randomHex( 4 ) }`;
	if ( kind === 'keyword' )
		return insertRow( 'keywords', {
			...base,
			keyword: text,
			keyword_norm: text.toLowerCase(),
			volume: 10,
		} );
	if ( kind === 'cluster' )
		return insertRow( 'clusters', { ...base, name: text } );
	if ( kind === 'idea' )
		return insertRow( 'ideas', { ...base, title: text } );
	// A finished job: its event stream ends at once.
	if ( kind === 'job' )
		return insertRow( 'ai_jobs', {
			account_id: accountId,
			site_id: site.id,
			function: 'auto_cluster',
			payload: '{}',
			message: text,
			state: 'succeeded',
			phase: 'DONE',
			percentage: 100,
		} );
	if ( kind === 'author_profile' )
		return insertRow( 'author_profiles', {
			account_id: accountId,
			name: text,
		} );
	if ( kind === 'strategy' )
		return insertRow( 'strategies', {
			...base,
			name: text,
			guidance: text,
		} );
	if ( kind === 'content' )
		return insertRow( 'content', {
			...base,
			title: text,
			revision_hash: EMPTY_REVISION,
		} );
	// An in-article image waiting for generation, of its own piece of content.
	if ( kind === 'image' )
		return insertRow( 'images', {
			...base,
			content_id: await insertContent(
				accountId,
				site,
				'content',
				label
			),
			prompt: text,
			alt: text,
			position: 1,
		} );
	// Published content edited both here and in WordPress: WordPress's version waits beside the cloud's.
	if ( kind === 'content_conflict' ) {
		const contentId = await insertRow( 'content', {
			...base,
			title: text,
			body: '',
			revision_hash: EMPTY_REVISION,
			status: 'published',
			sync_state: 'conflict',
			external_id: 4242,
			wp_status: 'publish',
			synced_hash: EMPTY_REVISION.replace( /^e/, 'f' ),
			wp_hash: EMPTY_REVISION.replace( /^e/, 'd' ),
		} );
		await db
			.prepare(
				`INSERT INTO content_conflicts
           (content_id, account_id, site_id, wp_post_id, wp_title, wp_body, wp_hash, wp_modified_gmt)
         VALUES (?, ?, ?, 4242, ?, '', ?, '2026-01-01T00:00:00Z')`
			)
			.bind(
				contentId,
				accountId,
				site.id,
				`${ text } (WordPress)`,
				EMPTY_REVISION.replace( /^e/, 'c' )
			)
			.run();
		return contentId;
	}
	// A publish of approved content that gave up (a retry may queue it again), with its content.
	if ( kind === 'publishing_record' ) {
		const contentId = await insertRow( 'content', {
			...base,
			title: text,
			revision_hash: EMPTY_REVISION,
			status: 'approved',
			sync_state: 'failed',
		} );
		return insertRow( 'publishing_records', {
			...base,
			content_id: contentId,
			title: text,
			status: 'failed',
			publish_as: 'draft',
			idempotency_key: `content-${ contentId }`,
			attempts: 6,
			max_attempts: 6,
			error: 'WordPress did not answer: connection refused',
		} );
	}
	return insertRow( 'tasks', { ...base, title: text } );
}
