import type { Job } from '../jobs';

/**
 * A job of the contract, running unless told otherwise.
 *
 * @param fields Fields that differ from the defaults.
 */
export function job( fields: Partial< Job > = {} ): Job {
	return {
		id: 41,
		site_id: 7,
		function: 'auto_cluster',
		state: 'running',
		phase: 'AI_CALL',
		percentage: 40,
		message: 'Asking the model',
		model: 'gpt-4o-mini',
		tokens_in: 0,
		tokens_out: 0,
		cost_usd: 0,
		credits_held: 2,
		credits_charged: 0,
		result: null,
		error: null,
		steps: [],
		attempts: 1,
		created_at: '2026-01-01T00:00:00Z',
		started_at: '2026-01-01T00:00:01Z',
		finished_at: null,
		...fields,
	};
}

export const done = ( fields: Partial< Job > = {} ) =>
	job( {
		state: 'succeeded',
		phase: 'DONE',
		percentage: 100,
		credits_charged: 2,
		finished_at: '2026-01-01T00:01:00Z',
		...fields,
	} );

/**
 * An event-stream response carrying `text` in the given pieces.
 *
 * @param {...any} pieces
 */
export function eventStream( ...pieces: string[] ): Response {
	const encoder = new TextEncoder();
	return new Response(
		new ReadableStream( {
			start( controller ) {
				for ( const piece of pieces ) {
					controller.enqueue( encoder.encode( piece ) );
				}
				controller.close();
			},
		} ),
		{ status: 200, headers: { 'Content-Type': 'text/event-stream' } }
	);
}

export const progress = ( data: Job ) =>
	`event: progress\ndata: ${ JSON.stringify( data ) }\n\n`;
