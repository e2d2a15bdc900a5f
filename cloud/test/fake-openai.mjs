// The only stand-in allowed: an OpenAI-compatible HTTP server on 127.0.0.1 that the real `openai` SDK calls.
// Answers are made deterministically from the request; the model name picks a failure to act out:
//   "down" 503 always · "flaky" 500 on the first try of each prompt · "malformed" text that is not JSON ·
//   "slow" answers after 2.5 s · "unknown-model" 404 · an api key starting "bad-key" 401 · "leaky" a 400 whose
//   body carries an internal-looking secret (and any path under /leak answers 500 with it): the cloud must not echo it.
// Images: POST …/images/generations (OpenAI) and POST /runware (Runware's task array) answer a 1×1 PNG.
import http from 'node:http';

/** What an internal service might answer; tests assert that no cloud response repeats it. */
export const LEAK = 'INTERNAL-SECRET db_password=hunter2';

/** A 1×1 PNG, for image answers. */
const PNG_1PX =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** @param {string} prompt */
function answerFor( prompt ) {
	if ( prompt.includes( 'Reply with {"ok": true}' ) ) return { ok: true };
	const lines = prompt.split( '\n' );
	const perCluster = Number(
		/propose (\d+) distinct/.exec( prompt )?.[ 1 ] ?? 0
	);
	if ( perCluster ) {
		const ideas = [];
		for ( const line of lines ) {
			const m = /^(c\d+): (.+?) — keywords: (.*)$/.exec( line );
			if ( ! m ) continue;
			for ( let i = 1; i <= perCluster; i++ ) {
				ideas.push( {
					cluster: m[ 1 ],
					title: `${ m[ 2 ] }: idea ${ i }`,
					description: `- Intro\n- ${ m[ 2 ] } explained\n- FAQ`,
					target_keywords: m[ 3 ].split( ', ' ).slice( 0, 2 ),
					content_type: i === 1 ? 'guide' : 'listicle',
				} );
			}
		}
		return { ideas };
	}
	const clusters = [];
	const loose = [];
	for ( const line of lines ) {
		const c = /^(c\d+): (.+)$/.exec( line );
		if ( c )
			clusters.push( {
				name: `AI: ${ c[ 2 ].split( ' | ' )[ 0 ] }`,
				description: 'Named by the fake model',
				members: [ c[ 1 ] ],
			} );
		const k = /^(k\d+): (.+)$/.exec( line );
		if ( k ) loose.push( k[ 1 ] );
	}
	if ( loose.length >= 2 )
		clusters.push( {
			name: 'AI: loose keywords',
			description: 'Grouped by the fake model',
			members: loose,
		} );
	return { clusters };
}

/** @returns {Promise<{ url: string, close: () => Promise<void>, stats: () => Record<string, number> }>} */
export function startFakeOpenAi() {
	const seen = new Map();
	const counts = {};
	const server = http.createServer( ( req, res ) => {
		let raw = '';
		req.on( 'data', ( chunk ) => ( raw += chunk ) );
		req.on( 'end', () => {
			const send = ( status, body ) => {
				res.writeHead( status, { 'content-type': 'application/json' } );
				res.end( JSON.stringify( body ) );
			};
			if ( req.method === 'GET' && req.url === '/__stats' )
				return send( 200, counts );
			if ( req.url?.startsWith( '/leak' ) )
				return send( 500, { message: LEAK, code: LEAK } );
			if (
				req.method === 'POST' &&
				req.url?.endsWith( '/images/generations' )
			) {
				if ( req.headers.authorization?.startsWith( 'Bearer bad-key' ) )
					return send( 401, {
						error: {
							message: 'Incorrect API key provided',
							type: 'invalid_request_error',
						},
					} );
				const body = JSON.parse( raw );
				counts[ `image:${ body.model }` ] =
					( counts[ `image:${ body.model }` ] ?? 0 ) + 1;
				return send( 200, {
					created: Math.floor( Date.now() / 1000 ),
					data: [
						{ b64_json: PNG_1PX, revised_prompt: body.prompt },
					],
					usage: {
						input_tokens: 10,
						output_tokens: 0,
						total_tokens: 10,
					},
				} );
			}
			if ( req.method === 'POST' && req.url?.endsWith( '/runware' ) ) {
				const tasks = JSON.parse( raw );
				const task =
					tasks.find( ( t ) => t.taskType === 'imageInference' ) ??
					tasks[ 0 ];
				if (
					! tasks.find(
						( t ) =>
							t.taskType === 'authentication' &&
							t.apiKey &&
							! t.apiKey.startsWith( 'bad-key' )
					) &&
					! task?.apiKey
				) {
					return send( 401, {
						errors: [
							{
								code: 'invalidApiKey',
								message: 'Invalid API key',
							},
						],
					} );
				}
				if ( task.taskType === 'authentication' )
					return send( 200, {
						data: [
							{
								taskType: 'authentication',
								connectionSessionUUID: 'x',
							},
						],
					} );
				counts[ `runware:${ task.model }` ] =
					( counts[ `runware:${ task.model }` ] ?? 0 ) + 1;
				return send( 200, {
					data: [
						{
							taskType: 'imageInference',
							taskUUID: task.taskUUID,
							imageBase64Data: PNG_1PX,
							cost: 0.0013,
						},
					],
				} );
			}
			if (
				req.method !== 'POST' ||
				! req.url?.endsWith( '/chat/completions' )
			)
				return send( 404, {
					error: {
						message: 'Not found',
						type: 'invalid_request_error',
					},
				} );
			if ( req.headers.authorization?.startsWith( 'Bearer bad-key' ) )
				return send( 401, {
					error: {
						message: 'Incorrect API key provided',
						type: 'invalid_request_error',
						code: 'invalid_api_key',
					},
				} );
			const body = JSON.parse( raw );
			counts[ body.model ] = ( counts[ body.model ] ?? 0 ) + 1;
			const prompt = body.messages.map( ( m ) => m.content ).join( '\n' );
			if ( body.model === 'unknown-model' )
				return send( 404, {
					error: {
						message: `The model \`${ body.model }\` does not exist`,
						type: 'invalid_request_error',
						code: 'model_not_found',
					},
				} );
			if ( body.model === 'leaky' )
				return send( 400, {
					error: { message: LEAK, type: 'invalid_request_error' },
				} );
			if ( body.model === 'down' )
				return send( 503, {
					error: {
						message: 'Service unavailable',
						type: 'server_error',
					},
				} );
			if ( body.model === 'flaky' ) {
				const tries = ( seen.get( prompt ) ?? 0 ) + 1;
				seen.set( prompt, tries );
				if ( tries === 1 )
					return send( 500, {
						error: {
							message: 'Internal error',
							type: 'server_error',
						},
					} );
			}
			const content =
				body.model === 'malformed'
					? 'Sure! Here are your clusters: {not json'
					: JSON.stringify( answerFor( prompt ) );
			const reply = () =>
				send( 200, {
					id: `chatcmpl-${ counts[ body.model ] }`,
					object: 'chat.completion',
					created: Math.floor( Date.now() / 1000 ),
					model: body.model,
					choices: [
						{
							index: 0,
							finish_reason: 'stop',
							message: { role: 'assistant', content },
						},
					],
					usage: {
						prompt_tokens: Math.ceil( prompt.length / 4 ),
						completion_tokens: Math.ceil( content.length / 4 ),
						total_tokens: Math.ceil(
							( prompt.length + content.length ) / 4
						),
					},
				} );
			if ( body.model === 'slow' ) setTimeout( reply, 2500 );
			else reply();
		} );
	} );
	return new Promise( ( resolve ) => {
		server.listen( 0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve( {
				url: `http://127.0.0.1:${ port }/v1`,
				close: () => new Promise( ( r ) => server.close( () => r() ) ),
				stats: () => ( { ...counts } ),
			} );
		} );
	} );
}
