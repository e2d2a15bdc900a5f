// Issue 10 item 3: WordPress 6.5's block editor, in Chromium, opens every body IGNY8 makes — generated sections
// (shared/src/blocks) and pasted Markdown or HTML as the cloud stores it — with no invalid block, nothing but the
// core blocks we emit, and a save that would change no byte.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { freePort } from '../scripts/wp/env.mjs';
import { startStack } from '../scripts/dev/stack.mjs';
import { launch, wpLogin } from './browser.mjs';

/* global wp -- evaluate() and waitForFunction() callbacks run in the page, not in Node */

// shared/ is TypeScript with extensionless imports: tsx loads it as vitest would.
const { EMITTED_BLOCKS, sectionsToBlocks } = await tsImport(
	'../shared/src/blocks/index.ts',
	import.meta.url
);

/** A 1×1 PNG: what every image address outside the local stack is answered with. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);
const CLOUD_IMAGE =
	'https://cloud.example/api/v1/writer/images/file/6f1c2a4e-9b7d-4c3e-8a21-5d0e7f3b9c10';

const TRICKY =
	"AT&T says 5 < 6 > 4 & \"quotes\" aren't 'single' — “curly” & 100% © &amp; <b>b tag</b> <span>span</span>";
const SCRIPTS =
	'Кириллица: съешь же ещё этих мягких булок. 日本語：吾輩は猫である。 العربية: مرحبا بالعالم (من اليمين إلى اليسار). Emoji 👩‍💻🇯🇵☕.';
const LONG_WORD =
	'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft' +
	'x'.repeat( 120 );

/** Every section type, every inline mark, text meant to break escaping. */
const RICH_SECTIONS = [
	{
		type: 'paragraph',
		text: `Intro with **bold**, *italic*, \`code <b> & "x"\`, a [link](https://example.com/a?b=1&c=2#frag), **[a bold link](https://example.org/)** and *mixed **nesting** here*. ${ TRICKY }`,
	},
	{
		type: 'paragraph',
		text: `${ SCRIPTS }\n\nA second paragraph after a blank line: ${ LONG_WORD }. A [bad link](javascript:alert(1)) keeps its words, \\*escaped stars\\* stay.`,
	},
	{ type: 'heading', level: 2, text: 'Ünïcödé & <tags> — “quotes” 🎉' },
	{
		type: 'paragraph',
		text: 'Looks nested: <!-- wp:paragraph --> <div><p>inner</p></div> --> and </p></figure> ]]> in plain text.',
	},
	{ type: 'heading', level: 3, text: 'Level three: Привет, мир' },
	{ type: 'heading', level: 4, text: 'Level four: 見出し & مرحبا' },
	{
		type: 'list',
		ordered: false,
		items: [
			'Plain item',
			'**Bold** item with [a link](https://example.com/list)',
			'  - looks like a sub-item',
			'Item with `<li>` and & and 😀',
		],
	},
	{
		type: 'list',
		ordered: true,
		items: [ 'First step', 'Second *step*', '3. Third (numbered in text)' ],
	},
	{
		type: 'quote',
		text: 'Quoted words with *emphasis* & a [source](https://example.com/q).\n\nA second quoted paragraph: «guillemets».',
		citation: 'Ada Lovelace, [Notes](https://example.com/notes) 1843',
	},
	{ type: 'quote', text: 'A quote with no citation.', citation: null },
	{
		type: 'table',
		header: [ 'Method', 'Time & temp', '**Ratio**', 'Notes 📝' ],
		rows: [
			[
				'V60',
				'3 min @ 94 °C',
				'1:16',
				'Use [filters](https://example.com/f)',
			],
			[ 'French press', '4 min', '1:15', '' ],
			[ 'Espresso', '25–30 s', '1:2', '`9 bar` < 10 bar & ok' ],
		],
	},
	{
		type: 'image',
		ref: 'img-1',
		prompt: 'A pour-over',
		alt: 'A pour-over dripper on a scale, “steaming” & fresh <3',
		caption:
			'Brewed by *hand* — see [the guide](https://example.com/guide)',
	},
	{
		type: 'image',
		ref: 'img-2',
		prompt: 'Beans',
		alt: 'Roasted beans',
		caption: 'Beans, freshly roasted',
	},
	{
		type: 'faq',
		items: [
			{
				question: 'Is it safe to drink & why?',
				answer: 'Yes, **usually**.\n\nSee [the study](https://example.com/study) for more.',
			},
			{ question: 'どのくらい？', answer: 'Deux tasses — ça suffit.' },
		],
	},
];

/** The same article once its images are generated but not yet published: they live in the cloud. */
const CLOUD_IMAGE_SECTIONS = [
	{ type: 'heading', level: 2, text: 'Images still in the cloud' },
	{ type: 'paragraph', text: 'Generated, not yet published.' },
	...RICH_SECTIONS.filter( ( s ) => s.type === 'image' ),
];

/** What a model or a paste may slip into text: whitespace, invisible characters, entities, odd links, raw tags. */
const EDGE_TEXTS = [
	'Two  spaces,   three, a\ttab,\na newline and a trailing space ',
	'Non-breaking\u00a0space, &nbsp; entity, thin\u2009space, narrow\u202fnbsp',
	'Zero\u200bwidth, ZWJ 👨‍👩‍👧, RLM \u200f, LRM \u200e, BOM \ufeff, object \ufffc, line\u2028separator\u2029end',
	'Controls: bell \u0007, vertical tab \u000b, form feed \f, DEL \u007f, C1 \u0085',
	'Entities as text: &lt;b&gt; &copy; &#169; &#x1F600; &bogus; &amp;amp; & alone &#0; &#xD800;',
	'***bold italic***, **bold *inner* bold**, _underscore_, __double__, ~~strike~~, * lone star',
	'Code keeps marks: `**not bold**`, `[not](https://a.example)`, `a < b && c > d`, `` ` ``',
	'Links: [quote](https://example.com/?q="x") [apostrophe](https://example.com/it\'s) [unicode](https://例え.jp/パス?q=日本) [encoded](https://example.com/%E2%9C%93) [angle](https://example.com/<x>) [entity](https://example.com/?a=1&copy=2) [relative](/about#team) [query](?page=2) [`code` link](https://example.com/c) [**bold** link](https://example.com/b)',
	'Raw HTML: <br> <br/> <em>em</em> <i>i</i> <b>b</b> <strong>s</strong> <code>c</code> <a href="https://x.example/?a=1&amp;b=2" onclick="x()">a</a> <img src=x onerror=alert(1)> <u>u</u> <sub>2</sub> <a href="javascript:alert(1)">js</a>',
	'Backslashes \\\\ and \\` and \\[brackets\\] and a trailing \\',
	'Emoji modifiers 👍🏽, keycap 1️⃣, flag 🏳️‍🌈, CJK 𠀋 (astral), combining é vs é, Hangul 한국어, Devanagari हिन्दी, Thai ภาษาไทย',
	'word '.repeat( 1100 ).trim(),
];

const EDGE_SECTIONS = [
	{
		type: 'heading',
		level: 2,
		text: '**Bold** heading with `code` & [a link](https://example.com/h)',
	},
	...EDGE_TEXTS.map( ( text ) => ( { type: 'paragraph', text } ) ),
	{ type: 'heading', level: 3, text: '  Padded\theading\n  ' },
	{
		type: 'list',
		ordered: false,
		items: [
			'Item with\na newline',
			'**only bold**',
			'   ',
			'[only a link](https://example.com/l)',
			EDGE_TEXTS[ 2 ],
		],
	},
	{
		type: 'quote',
		text: 'Single\nnewline in a quote &amp; <em>tags</em>',
		citation: '  ',
	},
	{
		type: 'table',
		header: [],
		rows: [
			[ 'a', 'b', 'c' ],
			[ 'd' ],
			[ '', '', '' ],
			[ 'e', '**f**', '' ],
		],
	},
	{ type: 'table', header: [ '', '' ], rows: [ [ 'Only', 'body' ] ] },
	{
		type: 'table',
		header: [ 'Ragged', 'header', 'wider' ],
		rows: [ [ 'x' ] ],
	},
	{
		type: 'image',
		ref: 'img-1',
		prompt: 'x',
		alt: 'Alt with\nnewline, "double" & \'single\', <tags>, &amp; &copy; &bogus; ',
		caption:
			'<b>Bold</b> caption with [link](https://example.com/c?a=1&b=2)',
	},
	{
		type: 'image',
		ref: 'img-2',
		prompt: 'x',
		alt: 'Whitespace caption',
		caption: '   ',
	},
	{ type: 'image', ref: 'img-3', prompt: 'x', alt: 'Odd URL', caption: null },
];

const PASTED_MARKDOWN = `# Pour-over at home — a guide

Brewing by hand is **slow** on purpose: *patience* pays, and \`200 g\` of water makes one cup. See [the SCA chart](https://example.com/research?lang=en&v=2). 5 < 6 & 7 > 3, <b>raw tags</b> stay text.

## What you need

- A kettle & a scale
- Fresh beans (roasted < 3 weeks ago)
- Paper *filters*

### Steps

1. Rinse the filter
2. Bloom for **30 s**
3. Pour in circles

> Good coffee is a ritual, not a recipe.
> — James Hoffmann

| Grind | Time | Ratio |
| --- | --- | --- |
| Fine | 2:30 | 1:15 |
| Medium \\| coarse | 3:00 | \`1:16\` |

#### Other scripts

Кофе — это просто. コーヒーは簡単です。القهوة بسيطة.

![A V60 on a scale](https://images.example/v60.jpg "Dripper & scale")
`;

const PASTED_HTML = `<div class="post"><h1>Espresso basics</h1>
<p>Espresso is <b>concentrated</b>, <i>bold</i> &amp; quick. <span style="color:red">Red text</span> loses its style. <a href="https://example.com/espresso?x=1&amp;y=2" target="_blank" rel="noopener">Read more</a>.</p>
<script>alert("x")</script><style>p { color: red }</style>
<h2>Dose &amp; yield</h2>
<ul><li>18 g in</li><li>36 g out<ul><li>nested: 25–30 s</li></ul></li></ul>
<ol><li>Grind</li><li><strong>Tamp</strong> level</li></ol>
<blockquote><p>Taste, then adjust.</p><cite>Every barista</cite></blockquote>
<table><thead><tr><th>Dose</th><th>Yield</th></tr></thead><tbody><tr><td>18 g</td><td>36 g</td></tr></tbody></table>
<figure><img src="https://images.example/shot.jpg" alt="A shot"><figcaption>Pulled at 9 bar</figcaption></figure>
<h3>Ελληνικά &amp; עברית</h3><p dir="rtl">שלום עולם — Γειά σου Κόσμε<br>second line</p>
<iframe src="https://evil.example/"></iframe><div onclick="steal()">Loose div text</div>
<!-- a comment --><p class=MsoNormal><span lang=EN-US style='font-size:12.0pt'>Pasted from Word&nbsp;&nbsp;with <o:p>office tags</o:p></span></p>
<h4><strong><em>Marked</em> heading</strong> <a name="anchor">no href</a></h4>
<table><tr><th>Row head</th><td>cell &lt;1&gt;</td></tr><tr><th>Second</th><td><a href="javascript:void(0)">bad link</a></td></tr></table>
<pre><code>const a = 1 &lt; 2;</code></pre><hr><img src="https://images.example/loose.png" alt="Loose image">
<p><strong><em>nested</em> marks</strong>, <em>a <strong>b</strong> c</em>, <code>&lt;tag&gt;</code></p></div>`;

let stack;
let browser;
let context;
let nonce;
const stateDir = mkdtempSync(
	path.join( os.tmpdir(), 'igny8-e2e-block-editor-' )
);

/**
 * The bodies under test: `make` returns the stored markup; `expect` is what a reader must see in the canvas
 * (first h2's text, table cells, image alt texts in order).
 */
const BODIES = [
	{
		name: 'generated article (every section type)',
		make: async ( attachment ) =>
			cloudStores(
				'Generated',
				sectionsToBlocks( RICH_SECTIONS, {
					'img-1': { url: attachment.url, id: attachment.id },
					'img-2': {
						url: 'https://images.example/beans%20roast.jpg?w=1200&h=800',
						caption: '',
					},
				} )
			),
		expect: {
			heading: 'Ünïcödé & <tags> — “quotes” 🎉',
			tableCells: 16,
			imageAlts: [
				'A pour-over dripper on a scale, “steaming” & fresh <3',
				'Roasted beans',
			],
		},
	},
	{
		name: 'generated article with not-yet-published cloud images',
		make: async () =>
			cloudStores(
				'Cloud images',
				sectionsToBlocks( CLOUD_IMAGE_SECTIONS, {
					'img-1': { url: CLOUD_IMAGE },
					'img-2': { url: `${ CLOUD_IMAGE }?size=large`, id: null },
				} )
			),
		expect: {
			heading: 'Images still in the cloud',
			tableCells: 0,
			imageAlts: [
				'A pour-over dripper on a scale, “steaming” & fresh <3',
				'Roasted beans',
			],
		},
	},
	{
		name: 'generated article with edge-case text',
		make: async ( attachment ) =>
			cloudStores(
				'Edge cases',
				sectionsToBlocks( EDGE_SECTIONS, {
					'img-1': { url: attachment.url, id: attachment.id },
					'img-2': { url: `${ CLOUD_IMAGE }#frag`, id: 0 },
					'img-3': {
						url: 'https://images.example/ü/a%20b.png?x=1&copy=2&y="3"',
						alt: 'Override & alt',
						caption: '*Overridden* caption',
					},
				} )
			),
		expect: {
			heading: 'Bold heading with code & a link',
			tableCells: 9 + 2 + 6, // the all-empty row is dropped, ragged rows padded
			imageAlts: [
				'Alt with newline, "double" & \'single\', <tags>, & © & bogus;',
				'Whitespace caption',
				'Override & alt',
			],
		},
	},
	{
		name: 'pasted Markdown as the cloud stores it',
		make: async () => cloudBody( 'Pasted Markdown', PASTED_MARKDOWN ),
		expect: { heading: 'What you need', tableCells: 9, imageAlts: [] },
	},
	{
		name: 'pasted HTML as the cloud stores it',
		make: async () => cloudBody( 'Pasted HTML', PASTED_HTML ),
		expect: { heading: 'Dose & yield', tableCells: 4 + 4, imageAlts: [] },
	},
];

async function cloudApi( method, route, body ) {
	const res = await fetch( `${ stack.cloudUrl }/api/v1${ route }`, {
		method,
		headers: {
			authorization: `Bearer ${ stack.demo.owner.access }`,
			'content-type': 'application/json',
		},
		body: body && JSON.stringify( body ),
	} );
	const json = await res.json();
	assert.ok( res.ok, `${ method } ${ route }: ${ JSON.stringify( json ) }` );
	return json;
}

/** Adds content by hand as the product does, then reads back the body the cloud stored. */
async function cloudBody( title, body ) {
	const { site } = stack.demo;
	const sectors = await cloudApi( 'GET', `/auth/sites/${ site.id }/sectors` );
	const made = await cloudApi( 'POST', '/writer/content', {
		site_id: site.id,
		sector_id: sectors.results[ 0 ].id,
		title,
		body,
	} );
	return ( await cloudApi( 'GET', `/writer/content/${ made.data.id }` ) ).data
		.body;
}

/** Generated markup goes through the cloud's check too, which must keep it byte for byte. */
async function cloudStores( title, markup ) {
	const stored = await cloudBody( title, markup );
	assert.equal(
		stored,
		markup,
		`the cloud changed generated markup "${ title }"`
	);
	return stored;
}

async function wpRest( method, route, options = {} ) {
	const res = await context.request.fetch(
		`${ stack.wpUrl }/?rest_route=${ encodeURIComponent( route ) }`,
		{ method, headers: { 'x-wp-nonce': nonce }, ...options }
	);
	const json = await res.json();
	assert.ok(
		res.ok(),
		`${ method } ${ route }: ${ JSON.stringify( json ) }`
	);
	return json;
}

/** Where the first difference between two strings is, with some context on each side. */
function difference( expected, actual ) {
	let i = 0;
	while ( i < expected.length && expected[ i ] === actual[ i ] ) i++;
	const around = ( s ) =>
		JSON.stringify( s.slice( Math.max( 0, i - 80 ), i + 80 ) );
	return `first difference at character ${ i } (stored ${ expected.length } chars, editor ${ actual.length })\n  stored: ${ around(
		expected
	) }\n  editor: ${ around( actual ) }`;
}

/** Which top-level block the editor would save differently from the stored markup, and where. */
function changedBlock( markup, saved ) {
	let at = 0;
	for ( const [ i, block ] of saved.entries() ) {
		if ( ! markup.startsWith( block.html, at ) )
			return `block ${ i + 1 } ${ block.name }: ${ difference(
				markup.slice( at ),
				block.html
			) }`;
		at += block.html.length + 2;
	}
	return difference( markup, saved.map( ( b ) => b.html ).join( '\n\n' ) );
}

/**
 * What the editor would save. Until the first edit, 6.5 saves the raw content it loaded (the blocks are parsed
 * for display only), so the blocks are serialized too: that is what any edit would save.
 */
function editorSave() {
	const blocks = wp.data.select( 'core/block-editor' ).getBlocks();
	const editor = wp.data.select( 'core/editor' );
	return {
		content: editor.getEditedPostContent(),
		serialized: wp.blocks.serialize( blocks ),
		blocks: blocks.map( ( block ) => ( {
			name: block.name,
			html: wp.blocks.serialize( [ block ] ),
		} ) ),
		dirty: editor.isEditedPostDirty(),
	};
}

/** Every block in the editor, depth first, with what the editor made of it. */
function editorBlocks() {
	const out = [];
	const walk = ( blocks, trail ) =>
		blocks.forEach( ( block, i ) => {
			const where = `${ trail }${ i + 1 }`;
			const type = wp.blocks.getBlockType( block.name );
			let expected = null;
			if ( ! block.isValid && type )
				try {
					expected = wp.blocks.getSaveContent(
						type,
						block.attributes,
						block.innerBlocks
					);
				} catch ( err ) {
					expected = `(save threw: ${ err.message })`;
				}
			out.push( {
				where,
				name: block.name,
				isValid: block.isValid,
				original: block.originalContent ?? null,
				expected,
				// The validator's console calls ({ log, args: [ format, …values ] }), minus the summary
				// that repeats the two markups above.
				issues: ( block.validationIssues ?? [] )
					.map( ( { args: [ format = '', ...values ] = [] } ) =>
						String( format ).replace( /%[so]/g, () => {
							const v = values.shift();
							return typeof v === 'string'
								? v
								: ( v?.name ?? JSON.stringify( v ) );
						} )
					)
					.filter(
						( line ) => ! /^Block validation failed/.test( line )
					),
			} );
			walk( block.innerBlocks, `${ where }.` );
		} );
	walk( wp.data.select( 'core/block-editor' ).getBlocks(), '' );
	return out;
}

before( async () => {
	stack = await startStack( {
		stateDir,
		cloudPort: await freePort(),
		wpPort: await freePort(),
		connect: true,
		wpPassword: 'e2e-admin-pass',
	} );
	browser = await launch();
	context = await browser.newContext();
	// Nothing leaves the machine: image addresses elsewhere get a 1×1 PNG, anything else is refused.
	const local = new Set( [
		new URL( stack.wpUrl ).host,
		new URL( stack.cloudUrl ).host,
	] );
	await context.route(
		( url ) => ! local.has( url.host ),
		( route ) =>
			route.request().resourceType() === 'image'
				? route.fulfill( { contentType: 'image/png', body: PNG } )
				: route.abort()
	);
	const page = await context.newPage();
	await wpLogin( page, stack.wpUrl, 'admin', 'e2e-admin-pass' );
	await page.close();
	const res = await context.request.get(
		`${ stack.wpUrl }/wp-admin/admin-ajax.php?action=rest-nonce`
	);
	nonce = ( await res.text() ).trim();
	assert.match( nonce, /^[0-9a-f]{10}$/, 'no REST nonce for the admin' );
	// No welcome guide over the editor (a user preference, saved once).
	await wpRest( 'POST', '/wp/v2/users/me', {
		data: {
			meta: {
				persisted_preferences: {
					'core/edit-post': { welcomeGuide: false },
					_modified: new Date().toISOString(),
				},
			},
		},
	} );
} );

after( async () => {
	await browser?.close();
	await stack?.stop();
	rmSync( stateDir, { recursive: true, force: true } );
} );

let attachment;
async function mediaAttachment() {
	attachment ??= await wpRest( 'POST', '/wp/v2/media', {
		multipart: {
			file: { name: 'pour-over.png', mimeType: 'image/png', buffer: PNG },
		},
	} ).then( ( media ) => ( { id: media.id, url: media.source_url } ) );
	return attachment;
}

/** Creates a draft with exactly `markup` as its content, through WordPress's REST API as the admin. */
async function storeInWordPress( title, markup ) {
	const post = await wpRest( 'POST', '/wp/v2/posts', {
		data: { title, status: 'draft', content: markup },
	} );
	const stored = await wpRest( 'GET', `/wp/v2/posts/${ post.id }`, {
		params: { context: 'edit' },
	} );
	assert.equal(
		stored.content.raw,
		markup,
		`WordPress altered "${ title }" on save: ${ difference(
			markup,
			stored.content.raw
		) }`
	);
	return post.id;
}

/** Opens a post in the block editor and waits for its blocks in the canvas; the page closes after `t`. */
async function openInEditor( t, postId ) {
	const page = await context.newPage();
	const log = [];
	page.on( 'console', ( message ) => {
		if ( /block validation|invalid|unexpected/i.test( message.text() ) )
			log.push( message.text() );
	} );
	page.on( 'pageerror', ( err ) =>
		log.push( `page error: ${ err.message }` )
	);
	t.after( () => page.close() );
	await page.goto(
		`${ stack.wpUrl }/wp-admin/post.php?post=${ postId }&action=edit`
	);
	await page.waitForFunction(
		( id ) =>
			globalThis.wp?.data?.select( 'core/editor' )?.getCurrentPostId() ===
				id &&
			wp.data.select( 'core/block-editor' ).getBlocks().length > 0,
		postId
	);
	// 6.5 puts the canvas in an iframe when every block is API v3 (core's are); the page itself otherwise.
	const canvas = ( await page
		.locator( 'iframe[name="editor-canvas"]' )
		.count() )
		? page.frameLocator( 'iframe[name="editor-canvas"]' )
		: page;
	await canvas.locator( '.is-root-container > .wp-block' ).first().waitFor();
	return { page, canvas, log };
}

/** The blocks the editor would not take as IGNY8 wrote them, each with its markup and the editor's own. */
function blockProblems( blocks ) {
	return blocks
		.filter( ( b ) => ! b.isValid || ! EMITTED_BLOCKS.includes( b.name ) )
		.map(
			( b ) =>
				`block ${ b.where } ${ b.name }: ${
					b.isValid ? 'not a block IGNY8 emits' : 'INVALID'
				}\n  stored markup:     ${ JSON.stringify(
					b.original
				) }\n  editor would save: ${ JSON.stringify( b.expected ) }${ b.issues
					.map( ( i ) => `\n  ${ i }` )
					.join( '' ) }`
		);
}

const WARNING = 'This block contains unexpected or invalid content';

for ( const body of BODIES ) {
	test( `the block editor opens the ${ body.name } with valid core blocks and saves it unchanged`, async ( t ) => {
		const markup = await body.make( await mediaAttachment() );
		assert.ok(
			markup.includes( '<!-- wp:' ),
			`no blocks in ${ body.name }`
		);
		const postId = await storeInWordPress( body.name, markup );
		const { page, canvas, log } = await openInEditor( t, postId );
		const label = `${ body.name } (post ${ postId })`;

		await t.test(
			'every block is valid and one of the core blocks IGNY8 emits',
			async () => {
				const problems = blockProblems(
					await page.evaluate( editorBlocks )
				);
				assert.deepEqual(
					problems,
					[],
					`${ label }:\n${ problems.join( '\n' ) }\n${ log.join( '\n' ) }`
				);
			}
		);

		await t.test( 'the canvas shows no block warning', async () => {
			const warnings = canvas.locator( '.block-editor-warning' );
			assert.equal(
				await warnings.count(),
				0,
				`${ label } shows: ${ ( await warnings.allTextContents() ).join(
					' | '
				) }`
			);
			assert.equal( await canvas.getByText( WARNING ).count(), 0, label );
		} );

		await t.test(
			'opening changes nothing, and saving would change no byte',
			async () => {
				const saved = await page.evaluate( editorSave );
				assert.equal(
					saved.dirty,
					false,
					`${ label }: the editor marked the post as edited on opening`
				);
				assert.ok(
					saved.content === markup,
					`${ label }: the editor would save other content, ${ difference(
						markup,
						saved.content
					) }`
				);
				assert.ok(
					saved.serialized === markup,
					`${ label }: after any edit the editor would save ${ changedBlock(
						markup,
						saved.blocks
					) }`
				);
			}
		);

		await t.test(
			'a reader sees the heading, the table and the image alt texts',
			async () => {
				const { heading, tableCells, imageAlts } = body.expect;
				assert.equal(
					(
						await canvas
							.locator( 'h2.wp-block-heading' )
							.first()
							.innerText()
					).trim(),
					heading,
					`${ label }: first h2`
				);
				assert.equal(
					await canvas
						.locator( 'figure.wp-block-table' )
						.locator( 'th, td' )
						.count(),
					tableCells,
					`${ label }: table cells`
				);
				const alts = await canvas
					.locator( 'figure.wp-block-image img' )
					.evaluateAll( ( imgs ) => imgs.map( ( img ) => img.alt ) );
				assert.deepEqual(
					alts,
					imageAlts,
					`${ label }: image alt texts`
				);
			}
		);
	} );
}

// The control: markup the cloud refuses (a level-3 heading saved as <h2>) and markup the editor rewrites on
// save (a numeric character reference) must fail the checks above, or their passing proves nothing.
test( 'the same checks catch a block the editor finds invalid, naming it and its expected markup', async ( t ) => {
	const broken =
		'<!-- wp:heading {"level":3} -->\n<h2 class="wp-block-heading">Wrong tag</h2>\n<!-- /wp:heading -->\n\n' +
		'<!-- wp:paragraph -->\n<p>Tom &#38; Jerry</p>\n<!-- /wp:paragraph -->';
	const postId = await storeInWordPress( 'Broken on purpose', broken );
	const { page, canvas } = await openInEditor( t, postId );
	const problems = blockProblems( await page.evaluate( editorBlocks ) );
	assert.equal( problems.length, 1, problems.join( '\n' ) );
	assert.match( problems[ 0 ], /^block 1 core\/heading: INVALID/ );
	assert.match( problems[ 0 ], /Expected tag name `h3`, instead saw `h2`/ );
	assert.ok(
		problems[ 0 ].includes(
			'editor would save: "<h3 class=\\"wp-block-heading\\">Wrong tag</h3>"'
		),
		problems[ 0 ]
	);
	await canvas.getByText( WARNING ).first().waitFor();
	const saved = await page.evaluate( editorSave );
	assert.notEqual( saved.serialized, broken );
	assert.match(
		changedBlock( broken, saved.blocks ),
		/^block 2 core\/paragraph: first difference at character \d+[^]*stored: ".*Tom &#38; Jerry.*"\n {2}editor: ".*Tom &amp; Jerry/
	);
} );
