// What an AI function gives the engine: pricing at request time, then PREP, PARSE and SAVE.
import type { SQL } from 'drizzle-orm';
import type { AiFunction, PricedOperation } from '@igny8/shared';
import type { Env } from '../env';
import type { Db } from '../db';
import type { Principal } from '../lib/principal';
import type { aiJobs } from '../db/schema';

export type JobRow = typeof aiJobs.$inferSelect;

export interface Batch {
	/** The user message sent to the model. */
	prompt: string;
	/** What the batch is about, for PARSE. */
	refs: Record< string, unknown >;
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
}

export interface AiFunctionDef< P = unknown, S = unknown, B = unknown > {
	name: AiFunction;
	operation: PricedOperation;
	/** INIT, at request time: check the payload against the caller and count the units to price. */
	price(
		db: Db,
		principal: Principal,
		payload: P
	): Promise< { units: number; siteId: number } >;
	/** PREP: load the data and build one prompt per batch. */
	prepare(
		env: Env,
		db: Db,
		job: JobRow,
		payload: P
	): Promise< Prepared< S > >;
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
}
