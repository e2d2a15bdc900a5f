// The plugin's signed publishing routes, called from the SYNC_JOBS consumer: every answer is parsed with the
// contract's schema (shared/src/schemas/sync.ts), and every failure becomes a WordPressFailure that says
// whether trying again can help.
import type { z } from 'zod';
import { schemas } from '@igny8/shared';
import type { Env } from '../env';
import { AppError } from '../lib/errors';
import { callWordPress, type ConnectedSite } from '../integration/signing';

export type WpPost = z.infer< typeof schemas.wpPost >;
type WriteBody = z.infer< typeof schemas.wpPostWriteBody >;
type MediaBody = z.infer< typeof schemas.mediaBody >;

/**
 * Why a call did not succeed. `retry`: WordPress did not answer, timed out, answered 5xx or 429 (try again
 * later); `conflict`: the post changed in WordPress since the cloud last saw it (`post` is WordPress's
 * version); `not_found`: a 404; `fatal`: anything else retrying cannot fix (a bad signature, a bad body,
 * an answer the cloud does not understand).
 */
export class WordPressFailure extends Error {
	constructor(
		message: string,
		readonly kind: 'retry' | 'conflict' | 'not_found' | 'fatal',
		readonly status: number | null = null,
		readonly post: WpPost | null = null
	) {
		super( message );
	}
}

/** Timeouts per call: an upload of a large image takes longer than a lookup. */
const TIMEOUT_MS = { read: 15_000, write: 30_000, media: 60_000 };
const MESSAGE_MAX = 300;

/** A readable line from what WordPress answered (a WP_Error's message, else the start of the text). */
function answerMessage( text: string ): { code: string; message: string } {
	try {
		const json = JSON.parse( text ) as {
			code?: unknown;
			message?: unknown;
		};
		return {
			code: typeof json.code === 'string' ? json.code : '',
			message:
				typeof json.message === 'string'
					? json.message.slice( 0, MESSAGE_MAX )
					: '',
		};
	} catch {
		return {
			code: '',
			message: text
				.replace( /<[^>]*>/g, ' ' )
				.replace( /\s+/g, ' ' )
				.trim()
				.slice( 0, MESSAGE_MAX ),
		};
	}
}

function networkProblem( err: unknown ): string {
	const e = err as { name?: string; message?: string };
	if ( e?.name === 'TimeoutError' || e?.name === 'AbortError' )
		return 'no answer in time';
	return e?.message || String( err );
}

async function call< S extends z.ZodType >(
	env: Env,
	site: ConnectedSite,
	method: 'GET' | 'POST' | 'PUT',
	route: string,
	payload: unknown,
	schema: S,
	timeoutMs: number
): Promise< z.infer< S > > {
	const what = `${ method } /${ route }`;
	let res: Response;
	try {
		res = await callWordPress(
			env,
			site,
			method,
			`igny8/v1/${ route }`,
			payload,
			timeoutMs
		);
	} catch ( err ) {
		if ( err instanceof AppError )
			throw new WordPressFailure( err.message, 'fatal' );
		throw new WordPressFailure(
			`WordPress did not answer: ${ networkProblem( err ) } (${ what })`,
			'retry'
		);
	}
	let text: string;
	try {
		text = await res.text();
	} catch ( err ) {
		throw new WordPressFailure(
			`WordPress did not answer: the answer was cut off, ${ networkProblem( err ) } (${ what })`,
			'retry',
			res.status
		);
	}
	if ( res.ok ) {
		let json: unknown;
		try {
			json = JSON.parse( text );
		} catch {
			json = undefined;
		}
		const parsed = schema.safeParse( json );
		if ( parsed.success ) return parsed.data;
		throw new WordPressFailure(
			`WordPress answered ${ what } with something the cloud does not understand ` +
				`(is the IGNY8 plugin up to date?): ${ answerMessage( text ).message || 'an empty answer' }`,
			'fatal',
			res.status
		);
	}
	const { code, message } = answerMessage( text );
	const said = message ? `: ${ message }` : '';
	if ( res.status === 409 && code === 'igny8_conflict' ) {
		const conflict = schemas.wpConflict.safeParse( JSON.parse( text ) );
		if ( conflict.success )
			throw new WordPressFailure(
				'The post was changed in WordPress since the cloud last saw it; nothing was written',
				'conflict',
				409,
				conflict.data.data.post
			);
	}
	if ( res.status === 429 || res.status >= 500 )
		throw new WordPressFailure(
			`WordPress did not answer: HTTP ${ res.status } to ${ what }${ said }`,
			'retry',
			res.status
		);
	if ( res.status === 404 )
		throw new WordPressFailure(
			`WordPress answered HTTP 404 to ${ what }${ said || ' (is the IGNY8 plugin active?)' }`,
			'not_found',
			404
		);
	if ( res.status >= 300 && res.status < 400 )
		throw new WordPressFailure(
			`WordPress answered ${ what } with a redirect (HTTP ${ res.status }): reconnect the site from its final address`,
			'fatal',
			res.status
		);
	throw new WordPressFailure(
		`WordPress refused ${ what } (HTTP ${ res.status })${ said }`,
		'fatal',
		res.status
	);
}

/** The post IGNY8 made for this content (not in the trash), if any. */
export async function postByContentId(
	env: Env,
	site: ConnectedSite,
	contentId: number
): Promise< WpPost | null > {
	const answer = await call(
		env,
		site,
		'GET',
		`post-by-content-id/${ contentId }`,
		undefined,
		schemas.wpPostLookup,
		TIMEOUT_MS.read
	);
	return answer.post;
}

/** Term ids for these names, in order, made in WordPress where missing. */
export async function termIds(
	env: Env,
	site: ConnectedSite,
	taxonomy: 'category' | 'post_tag',
	names: string[]
): Promise< number[] > {
	if ( ! names.length ) return [];
	const answer = await call(
		env,
		site,
		'POST',
		'terms',
		{ taxonomy, names } satisfies z.infer< typeof schemas.termsBody >,
		schemas.termsResult,
		TIMEOUT_MS.write
	);
	return answer.terms.map( ( t ) => t.id );
}

export async function uploadMedia(
	env: Env,
	site: ConnectedSite,
	body: MediaBody
) {
	return call(
		env,
		site,
		'POST',
		'media',
		body,
		schemas.mediaResult,
		TIMEOUT_MS.media
	);
}

/** `POST /posts` (made, or the content's existing post updated) or `PUT /posts/:id`. */
export async function writePost(
	env: Env,
	site: ConnectedSite,
	postId: number | null,
	body: WriteBody
) {
	return call(
		env,
		site,
		postId === null ? 'POST' : 'PUT',
		postId === null ? 'posts' : `posts/${ postId }`,
		body,
		schemas.wpPostWriteResult,
		TIMEOUT_MS.write
	);
}
