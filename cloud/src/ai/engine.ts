// The AI job pipeline (SPEC §6, ARCHITECTURE §6): a request prices the job, holds credits and enqueues it;
// the queue consumer claims it and runs INIT → PREP → AI_CALL → PARSE → SAVE → DONE, writing progress to
// the job row. Outputs, the credit capture and the job's success land in one D1 transaction, guarded by
// the claim, so a second delivery, a stale worker or a cancelled job writes nothing.
import { eq, sql, type SQL } from 'drizzle-orm';
import {
	CREDIT_COSTS,
	creditCost,
	PHASE_RANGES,
	type AiFunction,
	type JobPhase,
} from '@igny8/shared';
import type { Env } from '../env';
import { createDb, transaction, type Db } from '../db';
import { aiJobs, usageLogs } from '../db/schema';
import { AppError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import { holdCredits, movement } from '../billing/ledger';
import { hasImageProvider, imageProviderMissing } from './images';
import {
	chatJson,
	chatStructured,
	costUsd,
	describeProviderError,
	MalformedOutput,
	providerMissing,
	textProvider,
	type TextProvider,
} from './providers';
import { AI_REGISTRY } from './registry';
import type {
	AiFunctionDef,
	Prepared,
	RunContext,
	RunOutput,
	JobRow,
} from './types';

/** How long a claim lasts without progress before another delivery may take the job over. */
export const LEASE_SECONDS = 300;
const STEP_DETAIL_MAX = 2000;

export interface JobMessage {
	type: 'ai_job';
	jobId: number;
}

/** Answers 422 before anything is priced when the account has no provider the function needs. */
export async function assertProvider(
	env: Env,
	db: Db,
	accountId: number,
	fn: AiFunction
) {
	const def = AI_REGISTRY[ fn ];
	if ( def.provider === 'image' ) {
		if ( ! ( await hasImageProvider( env, db, accountId ) ) )
			throw imageProviderMissing();
	} else if ( ! ( await textProvider( env, db, accountId ) ) )
		throw providerMissing();
}

/**
 * Prices a job, holds its credits (with what the function claims, e.g. its task) and queues it. `server`
 * fields join the stored payload from the route itself, never from the caller (the Worker's origin).
 */
export async function createJob(
	env: Env,
	db: Db,
	p: Principal,
	fn: AiFunction,
	payload: Record< string, unknown >,
	server: Record< string, unknown > = {}
) {
	const def = AI_REGISTRY[ fn ];
	// No provider, no charge: answer before anything else happens.
	await assertProvider( env, db, p.accountId, fn );
	const priced = await def.price( db, p, payload );
	const { units, siteId } = priced;
	const credits = creditCost( def.operation, units );
	const unit = CREDIT_COSTS[ def.operation ].unit;
	const [ job ] = await db
		.insert( aiJobs )
		.values( {
			accountId: p.accountId,
			siteId,
			userId: p.userId,
			wpUserId: p.wpUserId,
			function: fn,
			payload: { ...payload, ...priced.payload, ...server },
			message: `Queued: ${ units } ${ unit }${ units === 1 ? '' : 's' }, ${ credits } credits held`,
		} )
		.returning();
	try {
		await holdCredits(
			db,
			p.accountId,
			credits,
			`job:${ job!.id }`,
			[
				sql`UPDATE ${ aiJobs } SET credits_held = ${ credits } WHERE id = ${ job!.id } AND changes() = 1`,
			],
			priced.claim
				? {
						statement: priced.claim,
						conflict:
							priced.claimConflict ??
							( () =>
								new AppError(
									'conflict',
									'This is being worked on already'
								) ),
					}
				: undefined
		);
	} catch ( err ) {
		await db.delete( aiJobs ).where( eq( aiJobs.id, job!.id ) );
		throw err;
	}
	try {
		await env.AI_JOBS.send( {
			type: 'ai_job',
			jobId: job!.id,
		} satisfies JobMessage );
	} catch ( err ) {
		await finish(
			db,
			{ ...job!, creditsHeld: credits },
			'failed',
			`The job could not be queued: ${ ( err as Error ).message }`
		);
		throw new AppError(
			'upstream',
			'The job could not be queued; nothing was charged. Try again.'
		);
	}
	return ( await db.query.aiJobs.findFirst( {
		where: eq( aiJobs.id, job!.id ),
	} ) )!;
}

function claimGuard( job: Pick< JobRow, 'id' | 'attempts' > ): SQL {
	return sql`EXISTS (SELECT 1 FROM ai_jobs g
		WHERE g.id = ${ job.id } AND g.state = 'running' AND g.attempts = ${ job.attempts })`;
}

/** Takes the job for this delivery: a queued job, or a running one whose claim lapsed (its worker died). */
async function claim( db: Db, jobId: number ): Promise< JobRow | null > {
	const rows = await db.all< {
		id: number;
	} >( sql`UPDATE ${ aiJobs } SET state = 'running', attempts = attempts + 1,
      lease_until = strftime('%Y-%m-%dT%H:%M:%fZ','now', ${ `+${ LEASE_SECONDS } seconds` }),
      started_at = coalesce(started_at, strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      phase = 'INIT', percentage = ${ PHASE_RANGES.INIT[ 0 ] },
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
    WHERE id = ${ jobId } AND (state = 'queued'
      OR (state = 'running' AND lease_until < strftime('%Y-%m-%dT%H:%M:%fZ','now')))
    RETURNING id` );
	if ( ! rows.length ) return null;
	return (
		( await db.query.aiJobs.findFirst( {
			where: eq( aiJobs.id, jobId ),
		} ) ) ?? null
	);
}

async function progress(
	db: Db,
	job: JobRow,
	phase: JobPhase,
	percentage: number,
	message: string,
	step?: { kind: 'request' | 'response' | 'info' | 'error'; detail: string }
) {
	const entry = step
		? JSON.stringify( {
				at: new Date().toISOString(),
				phase,
				kind: step.kind,
				detail: step.detail.slice( 0, STEP_DETAIL_MAX ),
			} )
		: null;
	await db.run( sql`UPDATE ${ aiJobs }
    SET phase = ${ phase }, percentage = ${ Math.round( percentage ) }, message = ${ message },
      steps = CASE WHEN ${ entry } IS NULL THEN steps ELSE json_insert(steps, '$[#]', json(${ entry })) END,
      lease_until = strftime('%Y-%m-%dT%H:%M:%fZ','now', ${ `+${ LEASE_SECONDS } seconds` }),
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
    WHERE id = ${ job.id } AND state = 'running' AND attempts = ${ job.attempts }` );
}

/**
 * Ends a job that produced nothing: the whole hold goes back and what the function claimed is given back
 * (its `ended` statements), in the same transaction as the state.
 */
export async function finish(
	db: Db,
	job: Pick<
		JobRow,
		'id' | 'accountId' | 'creditsHeld' | 'attempts' | 'function' | 'payload'
	>,
	state: 'failed' | 'cancelled',
	why: string,
	onlyIf?: SQL
) {
	const guard =
		onlyIf ??
		sql`EXISTS (SELECT 1 FROM ai_jobs g
			WHERE g.id = ${ job.id } AND g.state IN ('queued', 'running'))`;
	const statements: SQL[] = [];
	if ( job.creditsHeld > 0 )
		statements.push(
			...movement(
				job.accountId,
				job.creditsHeld,
				'release',
				`job:${ job.id }`,
				`Released: job ${ state }`,
				guard
			)
		);
	const def = AI_REGISTRY[ job.function as AiFunction ] as
		AiFunctionDef | undefined;
	statements.push( ...( def?.ended?.( job, state, why, guard ) ?? [] ) );
	statements.push( sql`UPDATE ${ aiJobs }
    SET state = ${ state }, error = ${ state === 'failed' ? why : null }, message = ${ why }, lease_until = NULL,
      finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
    WHERE id = ${ job.id } AND ${ guard }` );
	await transaction( db, statements );
}

/** AI_CALL for chat functions: one completion per batch, tokens and cost recorded as answers come. */
async function chatLoop(
	ctx: RunContext,
	provider: TextProvider,
	prepared: Prepared
): Promise< RunOutput > {
	const { db, job } = ctx;
	const answers: unknown[] = [];
	let tokensIn = 0;
	let tokensOut = 0;
	let model = provider.textModel;
	const total = prepared.batches.length;
	for ( const [ i, batch ] of prepared.batches.entries() ) {
		await ctx.report(
			i,
			total,
			`Asking the model (${ i + 1 } of ${ total })`,
			{
				kind: 'request',
				detail: batch.prompt,
			}
		);
		let res;
		try {
			if ( batch.responseFormat ) {
				const structured = await chatStructured(
					provider,
					prepared.system,
					batch.prompt,
					batch.responseFormat
				);
				if ( structured.fellBack )
					await ctx.report(
						i,
						total,
						'The provider refused structured output; asked again in JSON mode',
						{
							kind: 'info',
							detail: 'json_schema refused (400): retried with json_object and the schema in the prompt',
						}
					);
				res = { ...structured, json: structured.raw };
			} else
				res = await chatJson( provider, prepared.system, batch.prompt );
		} catch ( err ) {
			if ( err instanceof MalformedOutput )
				throw new KnownFailure( err.message );
			throw new KnownFailure(
				describeProviderError( err, provider.textModel )
			);
		}
		tokensIn += res.tokensIn;
		tokensOut += res.tokensOut;
		model = res.model;
		answers.push( res.json );
		await db.run( sql`UPDATE ${ aiJobs }
        SET tokens_in = ${ tokensIn }, tokens_out = ${ tokensOut }, model = ${ model },
          cost_usd = ${ costUsd( model, tokensIn, tokensOut ) }
        WHERE id = ${ job.id } AND attempts = ${ job.attempts }` );
		await ctx.report(
			i + 1,
			total,
			`Answer ${ i + 1 } of ${ total } received`,
			{
				kind: 'response',
				detail: res.raw,
			}
		);
	}
	return {
		answers,
		model,
		tokensIn,
		tokensOut,
		costUsd: costUsd( model, tokensIn, tokensOut ),
	};
}

/** What a delivery should do next: done (ack), or come back later (another worker holds the claim). */
export type RunOutcome =
	{ kind: 'done' } | { kind: 'retry'; delaySeconds: number };

export async function runJob( env: Env, jobId: number ): Promise< RunOutcome > {
	const db = createDb( env.DB );
	const job = await claim( db, jobId );
	if ( ! job ) {
		const current = await db.query.aiJobs.findFirst( {
			where: eq( aiJobs.id, jobId ),
		} );
		// Finished, cancelled or gone: nothing to do twice.
		if ( ! current || current.state !== 'running' ) return { kind: 'done' };
		const wait = Math.max(
			5,
			Math.ceil(
				( Date.parse( current.leaseUntil ?? '' ) - Date.now() ) / 1000
			)
		);
		return { kind: 'retry', delaySeconds: Math.min( wait, LEASE_SECONDS ) };
	}
	const def = AI_REGISTRY[ job.function as AiFunction ] as
		AiFunctionDef | undefined;
	const guard = claimGuard( job );
	// Set once the AI call left things outside D1 (objects in R2): undone unless the results are saved.
	let discard: ( () => Promise< void > ) | undefined;
	try {
		if ( ! def )
			throw new KnownFailure( `Unknown AI function ${ job.function }` );
		await progress(
			db,
			job,
			'INIT',
			PHASE_RANGES.INIT[ 1 ],
			'Checking the job',
			{ kind: 'info', detail: `attempt ${ job.attempts }` }
		);
		let provider: TextProvider | null = null;
		if ( def.provider === 'image' ) {
			if ( ! ( await hasImageProvider( env, db, job.accountId ) ) )
				throw new KnownFailure( imageProviderMissing().message );
		} else {
			provider = await textProvider( env, db, job.accountId );
			if ( ! provider )
				throw new KnownFailure( providerMissing().message );
		}

		await progress(
			db,
			job,
			'PREP',
			PHASE_RANGES.PREP[ 0 ],
			'Loading data and building prompts'
		);
		const prepared = await def.prepare( env, db, job, job.payload );
		await progress(
			db,
			job,
			'PREP',
			PHASE_RANGES.PREP[ 1 ],
			`Prepared ${ prepared.batches.length } request(s)${ provider ? ` to ${ provider.textModel }` : '' }`
		);

		const ctx: RunContext = {
			env,
			db,
			job,
			report: ( done, total, message, step ) => {
				const [ a0, a1 ] = PHASE_RANGES.AI_CALL;
				return progress(
					db,
					job,
					'AI_CALL',
					a0 + ( ( a1 - a0 ) * done ) / Math.max( 1, total ),
					message,
					step
				);
			},
		};
		const called = def.run
			? await def.run( ctx, prepared )
			: await chatLoop( ctx, provider!, prepared );
		discard = called.discard;
		const { answers, tokensIn, tokensOut } = called;
		const model = called.model;

		await progress(
			db,
			job,
			'PARSE',
			PHASE_RANGES.PARSE[ 0 ],
			'Reading the answers'
		);
		const parsed = answers.map( ( json, i ) => {
			try {
				return def.parse(
					json,
					prepared.batches[ i ] ?? { prompt: '', refs: {} },
					prepared.state
				);
			} catch ( err ) {
				if ( err instanceof MalformedOutput )
					throw new KnownFailure( err.message );
				throw err;
			}
		} );
		await progress( db, job, 'SAVE', PHASE_RANGES.SAVE[ 0 ], 'Saving' );

		const saved = await def.save( db, job, parsed, prepared.state, guard );
		const charged = Math.min(
			job.creditsHeld,
			creditCost( def.operation, saved.produced )
		);
		const release = job.creditsHeld - charged;
		const cost = called.costUsd;
		const statements: SQL[] = [ ...saved.statements ];
		if ( release > 0 )
			statements.push(
				...movement(
					job.accountId,
					release,
					'release',
					`job:${ job.id }`,
					`Unused part of the hold of job ${ job.id }`,
					guard
				)
			);
		statements.push( sql`INSERT INTO ${ usageLogs }
        (account_id, site_id, job_id, operation, credits, cost_usd, tokens_in, tokens_out, model)
      SELECT ${ job.accountId }, ${ job.siteId }, ${ job.id }, ${ def.operation }, ${ charged }, ${ cost },
        ${ tokensIn }, ${ tokensOut }, ${ model }
      WHERE ${ guard }` );
		// Last: the state change that every statement above was guarded on.
		statements.push( sql`UPDATE ${ aiJobs }
      SET state = 'succeeded', phase = 'DONE', percentage = 100, message = 'Done',
        result = ${ saved.resultSql ?? JSON.stringify( saved.result ) }, credits_charged = ${ charged },
        tokens_in = ${ tokensIn }, tokens_out = ${ tokensOut }, model = ${ model }, cost_usd = ${ cost },
        lease_until = NULL, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = ${ job.id } AND state = 'running' AND attempts = ${ job.attempts }` );
		let written = false;
		try {
			const results = await transaction( db, statements );
			written = ( results.at( -1 )?.meta.changes ?? 0 ) === 1;
		} finally {
			// Nothing landed (a cancelled or stale job, or the batch failed): what the run stored goes too.
			if ( ! written ) await discard?.().catch( () => {} );
			discard = undefined;
		}
		if ( written ) await saved.committed?.().catch( () => {} );
		return { kind: 'done' };
	} catch ( err ) {
		await discard?.().catch( () => {} );
		if ( err instanceof KnownFailure || err instanceof AppError ) {
			await progress( db, job, job.phase, job.percentage, err.message, {
				kind: 'error',
				detail: err.message,
			} ).catch( () => {} );
			await finish( db, job, 'failed', err.message, guard );
			return { kind: 'done' };
		}
		// Unexpected (a crash, a D1 hiccup): let the queue deliver again; the next delivery may take over
		// at once.
		const step = JSON.stringify( {
			at: new Date().toISOString(),
			phase: 'INIT',
			kind: 'error',
			detail: `attempt ${ job.attempts }: ${ String( err ).slice( 0, 500 ) }`,
		} );
		await db
			.run(
				sql`UPDATE ${ aiJobs } SET lease_until = strftime('%Y-%m-%dT%H:%M:%fZ','now', '-1 seconds'),
          steps = json_insert(steps, '$[#]', json(${ step }))
        WHERE id = ${ job.id } AND attempts = ${ job.attempts }`
			)
			.catch( () => {} );
		throw err;
	}
}

/** After the queue gave up on a job (dead-letter queue): release the hold and say why. */
export async function deadLetter( env: Env, jobId: number ) {
	const db = createDb( env.DB );
	const job = await db.query.aiJobs.findFirst( {
		where: eq( aiJobs.id, jobId ),
	} );
	if ( ! job || ( job.state !== 'queued' && job.state !== 'running' ) )
		return;
	const last = [ ...( job.steps ?? [] ) ]
		.reverse()
		.find( ( s ) => s.kind === 'error' );
	await finish(
		db,
		job,
		'failed',
		`The job failed ${ job.attempts } time(s) and was given up${ last ? `: ${ last.detail }` : '' }. Nothing was charged.`
	);
}

export async function cancelJob( db: Db, job: JobRow ) {
	if ( job.state !== 'queued' && job.state !== 'running' )
		throw new AppError( 'conflict', `The job is already ${ job.state }` );
	await finish(
		db,
		job,
		'cancelled',
		'Cancelled; the held credits were released'
	);
	return ( await db.query.aiJobs.findFirst( {
		where: eq( aiJobs.id, job.id ),
	} ) )!;
}

class KnownFailure extends Error {}
