// /api/v1/system: AI providers (keys encrypted, masked), prompts, author profiles and strategies.
import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { AI_FUNCTIONS, schemas, type AiFunction } from '@igny8/shared';
import type { Context } from 'hono';
import type { AppBindings } from '../env';
import { aiPrompts, authorProfiles, strategies } from '../db/schema';
import { list, ok } from '../lib/envelope';
import { AppError, notFound } from '../lib/errors';
import type { AuthorProfile, Sector, Site, Strategy } from '../lib/resources';
import { body, defineRoute, handle } from '../lib/route';
import { createRouter } from '../lib/router';
import {
	DEFAULT_PROMPTS,
	PLACEHOLDERS,
	REQUIRED_PLACEHOLDERS,
} from '../ai/prompts';
import { decryptSecret } from '../lib/crypto';
import {
	DEFAULT_RUNWARE_MODEL,
	readSettings,
	saveSettings,
	settingsOut,
	testRunware,
	testTextProvider,
	textProvider,
} from '../ai/providers';

export const systemRoutes = createRouter();
const TAGS = [ 'system' ];
const res = ( c: Context< AppBindings > ) => c.get( 'resources' );
const providerParams = z.object( {
	provider: z.enum( [ 'openai', 'runware' ] ),
} );
const fnParams = z.object( { function: z.enum( AI_FUNCTIONS ) } );
const idParams = z.object( { id: z.string() } );

// ---- providers ----

handle(
	systemRoutes,
	defineRoute( {
		method: 'get',
		path: '/system/integrations/{provider}',
		operationId: 'getProviderSettings',
		tags: TAGS,
		summary: 'A provider’s settings (the key only masked)',
		access: { rule: 'account_settings' },
		request: { params: providerParams },
		response: schemas.providerSettings,
	} ),
	async ( c ) => {
		const { provider } = c.req.valid( 'param' );
		return ok(
			c,
			settingsOut(
				provider,
				await readSettings(
					c.get( 'db' ),
					c.get( 'principal' ).accountId,
					provider
				)
			)
		);
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'put',
		path: '/system/integrations/{provider}',
		operationId: 'saveProviderSettings',
		tags: TAGS,
		summary:
			'Save a provider: api_key (omit to keep, null to remove), base_url and models for openai; ' +
			'api_key and model for runware',
		access: { rule: 'account_settings' },
		request: {
			params: providerParams,
			body: body(
				z.union( [
					schemas.openaiSettingsBody,
					schemas.runwareSettingsBody,
				] )
			),
		},
		response: schemas.providerSettings,
	} ),
	async ( c ) => {
		const { provider } = c.req.valid( 'param' );
		const raw = c.req.valid( 'json' );
		const parsed = (
			provider === 'openai'
				? schemas.openaiSettingsBody
				: schemas.runwareSettingsBody
		).safeParse( raw );
		if ( ! parsed.success )
			throw new AppError(
				'validation',
				`Not valid settings for ${ provider }`,
				Object.fromEntries(
					parsed.error.issues.map( ( i ) => [
						i.path.join( '.' ) || '_',
						[ i.message ],
					] )
				)
			);
		const row = await saveSettings(
			c.env,
			c.get( 'db' ),
			c.get( 'principal' ).accountId,
			provider,
			parsed.data
		);
		return ok( c, settingsOut( provider, row ) );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'post',
		path: '/system/integrations/{provider}/test',
		operationId: 'testProvider',
		tags: TAGS,
		summary: 'Try the saved provider with a tiny real call',
		access: { rule: 'account_settings' },
		request: { params: providerParams },
		response: schemas.providerTestResult,
	} ),
	async ( c ) => {
		const { provider } = c.req.valid( 'param' );
		const accountId = c.get( 'principal' ).accountId;
		if ( provider === 'openai' ) {
			const p = await textProvider( c.env, c.get( 'db' ), accountId );
			if ( ! p )
				return ok( c, {
					ok: false,
					model: null,
					latency_ms: 0,
					message: 'No API key is saved for this provider',
				} );
			return ok( c, await testTextProvider( p ) );
		}
		const row = await readSettings( c.get( 'db' ), accountId, 'runware' );
		if ( ! row?.apiKeyEnc )
			return ok( c, {
				ok: false,
				model: null,
				latency_ms: 0,
				message: 'No API key is saved for this provider',
			} );
		return ok(
			c,
			await testRunware(
				await decryptSecret( c.env.ENCRYPTION_KEY, row.apiKeyEnc ),
				row.model ?? DEFAULT_RUNWARE_MODEL,
				c.env.RUNWARE_API_URL
			)
		);
	}
);

// ---- prompts ----

async function promptOut( c: Context< AppBindings >, fn: AiFunction ) {
	const row = await c.get( 'db' ).query.aiPrompts.findFirst( {
		where: and(
			eq( aiPrompts.accountId, c.get( 'principal' ).accountId ),
			eq( aiPrompts.function, fn )
		),
	} );
	return {
		function: fn,
		prompt: row?.prompt ?? DEFAULT_PROMPTS[ fn ],
		default_prompt: DEFAULT_PROMPTS[ fn ],
		is_default: ! row,
		placeholders: PLACEHOLDERS[ fn ],
		updated_at: row?.updatedAt ?? null,
	};
}

handle(
	systemRoutes,
	defineRoute( {
		method: 'get',
		path: '/system/prompts',
		operationId: 'listPrompts',
		tags: TAGS,
		summary:
			'The prompt of each AI function (the account’s own or the default)',
		access: { rule: 'content_read' },
		response: schemas.prompt,
		list: true,
	} ),
	async ( c ) => {
		const rows = await Promise.all(
			AI_FUNCTIONS.map( ( fn ) => promptOut( c, fn ) )
		);
		return list( c, rows, { count: rows.length } );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'put',
		path: '/system/prompts/{function}',
		operationId: 'savePrompt',
		tags: TAGS,
		summary: 'Override a function’s prompt for the account',
		access: { rule: 'account_settings' },
		request: { params: fnParams, body: body( schemas.promptBody ) },
		response: schemas.prompt,
	} ),
	async ( c ) => {
		const fn = c.req.valid( 'param' ).function;
		const { prompt } = c.req.valid( 'json' );
		const missing = REQUIRED_PLACEHOLDERS[ fn ].filter(
			( p ) => ! prompt.includes( `{${ p }}` )
		);
		if ( missing.length )
			throw new AppError(
				'validation',
				`The prompt must keep the placeholder ${ missing.map( ( m ) => `{${ m }}` ).join( ', ' ) }: the data goes there`,
				{ prompt: [ `missing {${ missing[ 0 ] }}` ] }
			);
		const now = new Date().toISOString();
		await c
			.get( 'db' )
			.insert( aiPrompts )
			.values( {
				accountId: c.get( 'principal' ).accountId,
				function: fn,
				prompt,
				updatedAt: now,
			} )
			.onConflictDoUpdate( {
				target: [ aiPrompts.accountId, aiPrompts.function ],
				set: { prompt, updatedAt: now },
			} );
		return ok( c, await promptOut( c, fn ) );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'delete',
		path: '/system/prompts/{function}',
		operationId: 'resetPrompt',
		tags: TAGS,
		summary: 'Back to the default prompt',
		access: { rule: 'account_settings' },
		request: { params: fnParams },
		response: schemas.prompt,
	} ),
	async ( c ) => {
		const fn = c.req.valid( 'param' ).function;
		await c
			.get( 'db' )
			.delete( aiPrompts )
			.where(
				and(
					eq( aiPrompts.accountId, c.get( 'principal' ).accountId ),
					eq( aiPrompts.function, fn )
				)
			);
		return ok( c, await promptOut( c, fn ) );
	}
);

// ---- author profiles ----

const profileOut = ( p: AuthorProfile ) => ( {
	id: p.id,
	name: p.name,
	description: p.description,
	tone: p.tone,
	language: p.language,
	style: p.style,
	is_default: p.isDefault,
	created_at: p.createdAt,
} );

handle(
	systemRoutes,
	defineRoute( {
		method: 'get',
		path: '/system/author-profiles',
		operationId: 'listAuthorProfiles',
		tags: TAGS,
		summary: 'Author profiles (tone, language, style)',
		access: { rule: 'content_read' },
		response: schemas.authorProfile,
		list: true,
	} ),
	async ( c ) => {
		const rows = await c
			.get( 'db' )
			.select()
			.from( authorProfiles )
			.where(
				eq( authorProfiles.accountId, c.get( 'principal' ).accountId )
			)
			.orderBy( authorProfiles.id );
		return list( c, rows.map( profileOut ), { count: rows.length } );
	}
);

async function clearDefault(
	c: Context< AppBindings >,
	except: number | null
) {
	await c.get( 'db' ).run(
		sql`UPDATE author_profiles SET is_default = 0
				WHERE account_id = ${ c.get( 'principal' ).accountId } AND id != ${ except ?? -1 }`
	);
}

handle(
	systemRoutes,
	defineRoute( {
		method: 'post',
		path: '/system/author-profiles',
		operationId: 'createAuthorProfile',
		tags: TAGS,
		summary: 'Add an author profile',
		access: { rule: 'account_settings' },
		request: { body: body( schemas.authorProfileBody ) },
		response: schemas.authorProfile,
		status: 201,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		const [ row ] = await c
			.get( 'db' )
			.insert( authorProfiles )
			.values( {
				accountId: c.get( 'principal' ).accountId,
				name: b.name,
				description: b.description ?? null,
				tone: b.tone ?? null,
				language: b.language ?? 'English',
				style: b.style ?? null,
				isDefault: b.is_default ?? false,
			} )
			.returning();
		if ( row!.isDefault ) await clearDefault( c, row!.id );
		return ok( c, profileOut( row! ), 201 );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'patch',
		path: '/system/author-profiles/{id}',
		operationId: 'updateAuthorProfile',
		tags: TAGS,
		summary: 'Change an author profile',
		access: { rule: 'account_settings', params: { id: 'author_profile' } },
		request: {
			params: idParams,
			body: body( schemas.authorProfileBody.partial() ),
		},
		response: schemas.authorProfile,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		const current = res( c ).id as AuthorProfile;
		if ( Object.keys( b ).length === 0 )
			return ok( c, profileOut( current ) );
		const [ row ] = await c
			.get( 'db' )
			.update( authorProfiles )
			.set( {
				...( b.name !== undefined && { name: b.name } ),
				...( b.description !== undefined && {
					description: b.description,
				} ),
				...( b.tone !== undefined && { tone: b.tone } ),
				...( b.language !== undefined && { language: b.language } ),
				...( b.style !== undefined && { style: b.style } ),
				...( b.is_default !== undefined && {
					isDefault: b.is_default,
				} ),
			} )
			.where( eq( authorProfiles.id, current.id ) )
			.returning();
		if ( b.is_default ) await clearDefault( c, current.id );
		return ok( c, profileOut( row! ) );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'delete',
		path: '/system/author-profiles/{id}',
		operationId: 'deleteAuthorProfile',
		tags: TAGS,
		summary: 'Delete an author profile',
		access: { rule: 'account_settings', params: { id: 'author_profile' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await c
			.get( 'db' )
			.delete( authorProfiles )
			.where(
				eq( authorProfiles.id, ( res( c ).id as AuthorProfile ).id )
			);
		return ok( c, {}, 200, 'Author profile deleted' );
	}
);

// ---- strategies ----

const strategyOut = ( s: Strategy ) => ( {
	id: s.id,
	site_id: s.siteId,
	sector_id: s.sectorId,
	name: s.name,
	guidance: s.guidance,
	author_profile_id: s.authorProfileId,
	created_at: s.createdAt,
} );

async function assertProfile(
	c: Context< AppBindings >,
	id: number | null | undefined
) {
	if ( id == null ) return;
	const row = await c.get( 'db' ).query.authorProfiles.findFirst( {
		where: and(
			eq( authorProfiles.id, id ),
			eq( authorProfiles.accountId, c.get( 'principal' ).accountId )
		),
	} );
	if ( ! row )
		throw new AppError( 'validation', 'No such author profile', {
			author_profile_id: [ 'not found' ],
		} );
}

handle(
	systemRoutes,
	defineRoute( {
		method: 'get',
		path: '/system/strategies',
		operationId: 'listStrategies',
		tags: TAGS,
		summary: 'Content strategies of a site (or a sector)',
		access: { rule: 'content_read', site: 'query' },
		request: {
			query: z.object( {
				site_id: schemas.id,
				sector_id: schemas.id.optional(),
			} ),
		},
		response: schemas.strategy,
		list: true,
	} ),
	async ( c ) => {
		const q = c.req.valid( 'query' );
		const site = res( c ).site as Site;
		const rows = await c
			.get( 'db' )
			.select()
			.from( strategies )
			.where(
				and(
					eq( strategies.accountId, site.accountId ),
					eq( strategies.siteId, site.id ),
					q.sector_id
						? eq( strategies.sectorId, q.sector_id )
						: undefined
				)
			)
			.orderBy( strategies.id );
		return list( c, rows.map( strategyOut ), { count: rows.length } );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'post',
		path: '/system/strategies',
		operationId: 'createStrategy',
		tags: TAGS,
		summary: 'Add a strategy for a sector',
		access: { rule: 'site_settings', site: 'body' },
		request: { body: body( schemas.strategyBody ) },
		response: schemas.strategy,
		status: 201,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		await assertProfile( c, b.author_profile_id );
		const site = res( c ).site as Site;
		const sector = res( c ).sector as Sector | undefined;
		if ( ! sector ) throw notFound( 'No such sector on this site' );
		const [ row ] = await c
			.get( 'db' )
			.insert( strategies )
			.values( {
				accountId: site.accountId,
				siteId: site.id,
				sectorId: sector.id,
				name: b.name,
				guidance: b.guidance,
				authorProfileId: b.author_profile_id ?? null,
			} )
			.returning();
		return ok( c, strategyOut( row! ), 201 );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'patch',
		path: '/system/strategies/{id}',
		operationId: 'updateStrategy',
		tags: TAGS,
		summary: 'Change a strategy',
		access: { rule: 'site_settings', params: { id: 'strategy' } },
		request: { params: idParams, body: body( schemas.strategyUpdateBody ) },
		response: schemas.strategy,
	} ),
	async ( c ) => {
		const b = c.req.valid( 'json' );
		if ( Object.keys( b ).length === 0 )
			return ok( c, strategyOut( res( c ).id as Strategy ) );
		await assertProfile( c, b.author_profile_id );
		const [ row ] = await c
			.get( 'db' )
			.update( strategies )
			.set( {
				...( b.name !== undefined && { name: b.name } ),
				...( b.guidance !== undefined && { guidance: b.guidance } ),
				...( b.author_profile_id !== undefined && {
					authorProfileId: b.author_profile_id,
				} ),
			} )
			.where( eq( strategies.id, ( res( c ).id as Strategy ).id ) )
			.returning();
		return ok( c, strategyOut( row! ) );
	}
);

handle(
	systemRoutes,
	defineRoute( {
		method: 'delete',
		path: '/system/strategies/{id}',
		operationId: 'deleteStrategy',
		tags: TAGS,
		summary: 'Delete a strategy',
		access: { rule: 'site_settings', params: { id: 'strategy' } },
		request: { params: idParams },
	} ),
	async ( c ) => {
		await c
			.get( 'db' )
			.delete( strategies )
			.where( eq( strategies.id, ( res( c ).id as Strategy ).id ) );
		return ok( c, {}, 200, 'Strategy deleted' );
	}
);
