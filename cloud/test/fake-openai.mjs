// The only stand-in allowed: an OpenAI-compatible HTTP server on 127.0.0.1 that the real `openai` SDK calls.
// Answers are made deterministically from the request; the model name picks a failure to act out:
//   "down" 503 always · "flaky" 500 on the first try of each prompt · "malformed" text that is not JSON ·
//   "slow" answers after 2.5 s · "unknown-model" 404 · an api key starting "bad-key" 401 · "leaky" a 400 whose
//   body carries an internal-looking secret (and any path under /leak answers 500 with it): the cloud must not echo it.
// Articles (a json_schema response_format named "article", or a prompt carrying the schema after a fallback) are
// written from the prompt: title, language, tone, outline and image count. Writers that misbehave:
//   "markdown-writer" Markdown prose instead of JSON · "html-writer" HTML with scripts and handlers ·
//   "blockless" nothing but unsafe markup (no readable text) · "no-schema" 400 to json_schema, JSON otherwise.
// Images: POST …/images/generations (OpenAI) and POST /runware (Runware's task array) answer a 1×1 PNG; a prompt
// containing "[refuse]" is refused (400) as a safety system would.
// GET /__stats counts calls; GET /__last?route=chat|images|runware&contains=TEXT answers the latest request of
// that route (whose prompt contains TEXT), as received: what the cloud really sent.
import http from 'node:http';

/** What an internal service might answer; tests assert that no cloud response repeats it. */
export const LEAK = 'INTERNAL-SECRET db_password=hunter2';

/** A 1×1 PNG, for image answers. */
const PNG_1PX =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** @param {string} text */
const slug = ( text ) =>
	text
		.toLowerCase()
		.replace( /[^a-z0-9]+/g, '-' )
		.replace( /^-+|-+$/g, '' )
		.slice( 0, 60 )
		.replace( /-+$/, '' ) || 'post';

/** What a generate_content prompt asks for, read back from the default template's lines. */
function articleAsk( prompt ) {
	const outline = [];
	const lines = prompt.split( '\n' );
	const from = lines.findIndex( ( l ) =>
		l.startsWith( 'Outline to follow' )
	);
	for ( const line of from >= 0 ? lines.slice( from + 1 ) : [] ) {
		const m = /^(\s*)- ([^:]+)/.exec( line );
		if ( ! m ) break;
		outline.push( {
			level: Math.min( 4, 2 + m[ 1 ].length / 2 ),
			text: m[ 2 ].trim(),
		} );
	}
	return {
		title: /titled "([^"\n]+)"/.exec( prompt )?.[ 1 ] ?? 'An article',
		language: /Write in ([^,\n]+?) as /.exec( prompt )?.[ 1 ] ?? 'English',
		tone: /tone: ([^.\n]+)\./.exec( prompt )?.[ 1 ] ?? 'neutral',
		keywords: /Target keywords: (.*)/.exec( prompt )?.[ 1 ] ?? '',
		images: Number(
			/Place up to (\d+) in-article images/.exec( prompt )?.[ 1 ] ?? 0
		),
		outline: outline.length
			? outline
			: [
					{ level: 2, text: 'Getting started' },
					{ level: 2, text: 'Going further' },
				],
	};
}

/** An article that honours the article JSON schema: every key, every section shape. */
function articleFor( prompt ) {
	const ask = articleAsk( prompt );
	const sections = [
		{
			type: 'paragraph',
			text: `${ ask.title }: written in ${ ask.language } with a ${ ask.tone } tone, about **${ ask.keywords || ask.title }**.`,
		},
	];
	let placed = 0;
	ask.outline.forEach( ( h, i ) => {
		sections.push( { type: 'heading', level: h.level, text: h.text } );
		sections.push( {
			type: 'paragraph',
			text: `What to know about ${ h.text.toLowerCase() }, explained step by step for readers.`,
		} );
		if ( h.level === 2 && placed < ask.images ) {
			placed += 1;
			sections.push( {
				type: 'image',
				ref: `img-${ placed }`,
				prompt: `A photo illustrating ${ h.text }`,
				alt: `${ h.text } illustrated`,
				caption: i === 0 ? `${ h.text } at a glance` : null,
			} );
		}
	} );
	sections.push( {
		type: 'list',
		ordered: false,
		items: [ 'First point', 'Second point with *emphasis*' ],
	} );
	sections.push( {
		type: 'faq',
		items: [ { question: 'Is it hard?', answer: 'Not with practice.' } ],
	} );
	return {
		title: ask.title,
		meta_title: ask.title.slice( 0, 60 ),
		meta_description: `Everything about ${ ask.title }`.slice( 0, 160 ),
		slug: slug( ask.title ),
		sections,
	};
}

function markdownFor( prompt ) {
	const ask = articleAsk( prompt );
	return [
		`# ${ ask.title }`,
		'',
		`Sure! Here is your article in ${ ask.language }. It explains **${ ask.keywords || ask.title }** plainly.`,
		'',
		...ask.outline.flatMap( ( h ) => [
			`${ '#'.repeat( h.level ) } ${ h.text }`,
			'',
			`Some words about ${ h.text.toLowerCase() }, with a [link](https://example.com/guide).`,
			'',
		] ),
		'- one tip',
		'- another tip',
		'',
	].join( '\n' );
}

function htmlFor( prompt ) {
	const ask = articleAsk( prompt );
	return (
		`<h1>${ ask.title }</h1><p onclick="steal()">An introduction<script>alert(document.cookie)</script> ` +
		`with <a href="javascript:alert(1)">a bad link</a> and <a href="https://example.com/">a good one</a>.</p>` +
		`<h2>${ ask.outline[ 0 ].text }</h2><p>Plain words here.</p><img src=x onerror="alert(1)">` +
		`<iframe src="https://evil.test/"></iframe><ul><li>one</li><li>two</li></ul>`
	);
}

/** What a generate_image_prompts prompt asks for: a featured image and N in-article ones. */
function imagePromptsFor( prompt ) {
	const n = Number(
		/one featured image and (\d+) in-article images/.exec(
			prompt
		)?.[ 1 ] ?? 0
	);
	const language = /Write in ([^;\n]+);/.exec( prompt )?.[ 1 ] ?? 'English';
	const title = /the article "([^"\n]+)"/.exec( prompt )?.[ 1 ] ?? 'article';
	return {
		featured: {
			prompt: `A wide photo for ${ title }`,
			alt: `Featured image of ${ title } (${ language })`,
			caption: `About ${ title }`,
		},
		in_article: Array.from( { length: n }, ( _, i ) => ( {
			position: i + 1,
			prompt: `Scene ${ i + 1 } of ${ title }`,
			alt: `Scene ${ i + 1 } (${ language })`,
			caption: null,
		} ) ),
	};
}

/** @param {string} prompt */
function answerFor( prompt ) {
	if ( prompt.includes( '"in_article": [' ) )
		return imagePromptsFor( prompt );
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
	/** The latest requests, newest last: { route, model, prompt, body }. */
	const requests = [];
	const record = ( route, body, prompt ) => {
		requests.push( { route, model: body?.model ?? null, prompt, body } );
		if ( requests.length > 500 ) requests.shift();
	};
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
			if ( req.method === 'GET' && req.url?.startsWith( '/__last' ) ) {
				const q = new URL( req.url, 'http://fake' ).searchParams;
				const found = requests.findLast(
					( r ) =>
						( ! q.get( 'route' ) ||
							r.route === q.get( 'route' ) ) &&
						r.prompt.includes( q.get( 'contains' ) ?? '' )
				);
				return found
					? send( 200, found )
					: send( 404, { error: { message: 'no such request' } } );
			}
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
				record( 'images', body, body.prompt ?? '' );
				counts[ `image:${ body.model }` ] =
					( counts[ `image:${ body.model }` ] ?? 0 ) + 1;
				if ( String( body.prompt ).includes( '[refuse]' ) )
					return send( 400, {
						error: {
							message:
								'Your request was rejected as a result of our safety system.',
							type: 'invalid_request_error',
							code: 'content_policy_violation',
						},
					} );
				const answer = () =>
					send( 200, {
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
				if ( String( body.prompt ).includes( '[slow]' ) )
					return setTimeout( answer, 2500 );
				return answer();
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
				record( 'runware', task, task.positivePrompt ?? '' );
				counts[ `runware:${ task.model }` ] =
					( counts[ `runware:${ task.model }` ] ?? 0 ) + 1;
				if ( String( task.positivePrompt ).includes( '[refuse]' ) )
					return send( 400, {
						errors: [
							{ code: 'unsafeContent', message: 'Refused' },
						],
					} );
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
			record( 'chat', body, prompt );
			const format = body.response_format?.type;
			if ( body.model === 'no-schema' && format === 'json_schema' )
				return send( 400, {
					error: {
						message:
							"Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
						type: 'invalid_request_error',
						param: 'response_format',
						code: null,
					},
				} );
			const article =
				( format === 'json_schema' &&
					body.response_format.json_schema?.name === 'article' ) ||
				prompt.includes( 'follows this JSON schema' );
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
			let content;
			if ( body.model === 'malformed' )
				content = 'Sure! Here are your clusters: {not json';
			else if ( article && body.model === 'markdown-writer' )
				content = markdownFor( prompt );
			else if ( article && body.model === 'html-writer' )
				content = htmlFor( prompt );
			else if ( article && body.model === 'blockless' )
				content =
					'<script>alert(document.cookie)</script><iframe src="https://evil.test/"></iframe>' +
					'<style>body{display:none}</style><img src=x onerror="alert(1)">';
			else if ( article )
				content = JSON.stringify( articleFor( prompt ) );
			else content = JSON.stringify( answerFor( prompt ) );
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
