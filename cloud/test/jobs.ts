// Helpers for tests of AI jobs: a provider pointed at the stand-in, waiting for jobs, reading the ledger, and
// reading back what the stand-in received.
import { env } from 'cloudflare:workers';
import { expect, inject } from 'vitest';
import { api } from './helpers';

export const FAKE = inject( 'fakeOpenAiUrl' );

/** The account's OpenAI-compatible provider: the stand-in, with a model that picks its behaviour. */
export async function configureProvider(
	token: string,
	model = 'gpt-4o-mini'
) {
	const res = await api( 'PUT', '/system/integrations/openai', {
		token,
		body: {
			api_key: 'sk-test-abcdef123456',
			base_url: FAKE,
			text_model: model,
		},
	} );
	expect( res.status, res.text ).toBe( 200 );
}

export async function waitForJob(
	token: string,
	id: number,
	timeoutMs = 20_000
) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const res = await api( 'GET', `/ai/jobs/${ id }`, { token } );
		if (
			[ 'succeeded', 'failed', 'cancelled' ].includes(
				res.json.data.state
			)
		)
			return res.json.data;
		if ( Date.now() > until )
			throw new Error(
				`job ${ id } still ${ res.json.data.state } at ${ res.json.data.percentage }%`
			);
		await new Promise( ( r ) => setTimeout( r, 100 ) );
	}
}

export async function ledgerOf( accountId: number ) {
	const rows = await env.DB.prepare(
		'SELECT type, amount, reference FROM credit_transactions WHERE account_id = ? ORDER BY id'
	)
		.bind( accountId )
		.all< { type: string; amount: number; reference: string | null } >();
	const account = await env.DB.prepare(
		'SELECT credits FROM accounts WHERE id = ?'
	)
		.bind( accountId )
		.first< { credits: number } >();
	return {
		rows: rows.results,
		sum: rows.results.reduce( ( s, r ) => s + r.amount, 0 ),
		balance: account!.credits,
	};
}

/** Ledger entries of one job (hold, release), in order. */
export async function jobLedger( accountId: number, jobId: number ) {
	return ( await ledgerOf( accountId ) ).rows
		.filter( ( r ) => r.reference === `job:${ jobId }` )
		.map( ( r ) => [ r.type, r.amount ] );
}

/** Sets the balance with an adjustment entry, as an operator would. */
export async function setBalance( accountId: number, credits: number ) {
	const { balance } = await ledgerOf( accountId );
	await env.DB.prepare( 'UPDATE accounts SET credits = ? WHERE id = ?' )
		.bind( credits, accountId )
		.run();
	await env.DB.prepare(
		`INSERT INTO credit_transactions (account_id, type, amount, balance_after, reference)
     VALUES (?, 'adjustment', ?, ?, 'test')`
	)
		.bind( accountId, credits - balance, credits )
		.run();
}

export interface SeenRequest {
	route: string;
	model: string | null;
	prompt: string;
	// The request body as the stand-in received it.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** The latest request the stand-in received on a route whose prompt contains `contains`. */
export async function lastRequest(
	route: 'chat' | 'images' | 'runware',
	contains: string
): Promise< SeenRequest > {
	const res = await fetch(
		`${ FAKE.replace( /\/v1$/, '' ) }/__last?route=${ route }&contains=${ encodeURIComponent( contains ) }`
	);
	expect(
		res.status,
		`no ${ route } request containing "${ contains }"`
	).toBe( 200 );
	return res.json();
}

export const sleep = ( ms: number ) =>
	new Promise( ( r ) => setTimeout( r, ms ) );
