// What an AI function gives the engine: pricing (and what it claims) at request time, then PREP, the AI call
// (the engine's chat loop, or the function's own `run`), PARSE and SAVE, and what to undo when a job ends
// without success.
import type { SQL } from 'drizzle-orm';
import type { AiFunction, PricedOperation } from '@igny8/shared';
import type { Env } from '../env';
import type { Db } from '../db';
import type { AppError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import type { aiJobs } from '../db/schema';

export type JobRow = typeof aiJobs.$inferSelect;

/** A structured-output `response_format` (OpenAI's json_schema), e.g. articleResponseFormat(). */
export interface JsonSchemaFormat {
	type: 'json_schema';
	json_schema: {
		name: string;
		strict?: boolean;
		schema: Record< string, unknown >;
	};
}

export interface Batch {
	/** The user message sent to the model (for `run` functions: what the step log shows). */
	prompt: string;
	/** What the batch is about, for PARSE. */
	refs: Record< string, unknown >;
	/**
	 * Ask for structured output with this schema (falling back to json_object when the provider refuses it);
	 * PARSE then gets the answer's raw text instead of parsed JSON, and must make sense of whatever it is.
	 */
	responseFormat?: JsonSchemaFormat;
}

export interface Prepared< S = unknown > {
	system: string;
	batches: Batch[];
	state: S;
}

export interface Saved {
	statements: SQL[];
	/** Units produced, charged at the function's price (never more than was held). */
	produced: number;
	result: unknown;
	/** The result computed in SQL inside the transaction instead (e.g. with the id of a row it inserts). */
	resultSql?: SQL;
	/** After the statements were written (not run when a stale or cancelled job wrote nothing). */
	committed?: () => Promise< void >;
}

export interface Priced {
	units: number;
	siteId: number;
	/** Fields the stored payload gets besides the caller's (what PREP or `ended` need to know). */
	payload?: Record< string, unknown >;
	/**
	 * A statement that claims what the job works on (a task → generating), written first in the hold's
	 * transaction: it must include `covered` (the balance covers the hold) in its WHERE, and the credits are
	 * held only if it changed a row, so the claim and the hold land together or not at all.
	 */
	claim?: ( covered: SQL ) => SQL;
	/** The error when the claim changed nothing although the balance covered the hold. */
	claimConflict?: () => AppError;
}

export interface StepNote {
	kind: 'request' | 'response' | 'info' | 'error';
	detail: string;
}

export interface RunContext {
	env: Env;
	db: Db;
	job: JobRow;
	/** Progress inside AI_CALL: `done` of `total` items, with a message (and a step for the job's log). */
	report(
		done: number,
		total: number,
		message: string,
		step?: StepNote
	): Promise< void >;
}

export interface RunOutput {
	/** One answer per batch, in order, for PARSE. */
	answers: unknown[];
	model: string | null;
	tokensIn: number;
	tokensOut: number;
	costUsd: number;
	/** Undoes what the run left outside D1 (e.g. objects in R2) when its results are not saved. */
	discard?: () => Promise< void >;
}

export interface AiFunctionDef< P = unknown, S = unknown, B = unknown > {
	name: AiFunction;
	operation: PricedOperation;
	/** Which provider the function needs before it may be priced: a text model (default) or an image one. */
	provider?: 'text' | 'image';
	/** INIT, at request time: check the payload against the caller and count the units to price. */
	price( db: Db, principal: Principal, payload: P ): Promise< Priced >;
	/** PREP: load the data and build one prompt per batch. */
	prepare(
		env: Env,
		db: Db,
		job: JobRow,
		payload: P
	): Promise< Prepared< S > >;
	/** AI_CALL done by the function itself (no chat call, e.g. images), reporting progress per item. */
	run?( ctx: RunContext, prepared: Prepared< S > ): Promise< RunOutput >;
	/** PARSE: the model's JSON for one batch, checked; throws MalformedOutput when unusable. */
	parse( json: unknown, batch: Batch, state: S ): B;
	/** SAVE: the statements that write the outputs (the engine guards them with the job's claim). */
	save(
		db: Db,
		job: JobRow,
		parsed: B[],
		state: S,
		guard: SQL
	): Promise< Saved >;
	/**
	 * When the job fails or is cancelled: statements (written with the job's end, under `guard`) that give
	 * back what `claim` took, so nothing stays `generating` after its job ended.
	 */
	ended?(
		job: Pick< JobRow, 'id' | 'payload' >,
		state: 'failed' | 'cancelled',
		why: string,
		guard: SQL
	): SQL[];
}
