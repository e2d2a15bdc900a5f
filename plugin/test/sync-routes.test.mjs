// The plugin's signed sync routes (shared/src/schemas/sync.ts), called as the cloud calls them, in a real
// WordPress: the mirror's pages, lookups, terms, media and publishing, each answer checked against the
// shared zod schemas, and what WordPress then holds read back from PHP.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';

import {
	fakeConnection,
	randomHex,
	signedHeaders,
	startSite,
} from './wp-fixture.mjs';

const {
	mediaResult,
	termsResult,
	wpConflict,
	wpPost,
	wpPostLookup,
	wpPostsPage,
	wpPostWriteResult,
} = await tsImport( '../../shared/src/schemas/sync.ts', import.meta.url );

const API = '/wp-json/igny8/v1';
const sha256 = ( text ) =>
	createHash( 'sha256' ).update( text ).digest( 'hex' );

/** What kses, link rel, entity fixes and slashing would each change, if they ran. */
const TRICKY_BODY = [
	'<!-- wp:heading -->',
	'<h2 class="wp-block-heading">Привет, мир: "quotes" & \'single\' — 5 < 6 > 4 👩‍💻🇯🇵</h2>',
	'<!-- /wp:heading -->',
	'',
	'<!-- wp:paragraph {"className":"lead"} -->',
	'<p class="lead">A <a href="https://example.com/x?a=1&amp;b=2" target="_blank">new tab</a>, a path C:\\temp\\new and \\"escaped\\" quotes, &#128; &nbsp; <span style="color:red" onclick="go()">styled</span></p>',
	'<!-- /wp:paragraph -->',
	'',
	'<!-- wp:html -->',
	'<script>window.x = "<b>" && 1 < 2;</script><iframe src="https://example.com/embed"></iframe>',
	'<!-- /wp:html -->',
].join( '\n' );

/** A 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

let site;
let connection;
/** Category and tag ids made by the mirror fixture. */
let fixture;

/** A request signed as the cloud signs it. */
async function signed( method, target, body ) {
	const text = body === undefined ? '' : JSON.stringify( body );
	const headers = signedHeaders( {
		siteId: connection.site_id,
		secret: connection.site_secret,
		method,
		target,
		body: text,
	} );
	return site.request( target, {
		method,
		headers,
		body: text === '' ? undefined : text,
	} );
}

const php = async ( code ) => JSON.parse( await site.php( code ) );

/** Rows in the outbox: cloud writes must add none. */
const outboxRows = () =>
	php(
		`global $wpdb; echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}igny8_outbox" );`
	);

function writeBody( overrides = {} ) {
	return {
		content_id: 101,
		task_id: 55,
		title: 'Brewing espresso at home',
		content: TRICKY_BODY,
		excerpt: 'How to pull a shot.',
		status: 'publish',
		meta_title: 'Espresso at home | Guide',
		meta_description: 'Beans, grind and the shot.',
		revision_hash: sha256( TRICKY_BODY ),
		...overrides,
	};
}

before( async () => {
	site = await startSite( {
		extraConfig: [ "define( 'SAVEQUERIES', true );" ],
	} );
	// The number of queries a REST request made, as a response header.
	await writeFile(
		path.join(
			site.dir,
			'wp-content/mu-plugins/igny8-test-query-count.php'
		),
		"<?php\nadd_filter( 'rest_post_dispatch', function ( $response ) {\n\t$response->header( 'X-Test-Queries', (string) get_num_queries() );\n\treturn $response;\n} );\n"
	);
	// 250 published posts (and 10 drafts) before the site is connected, so no event is queued for them.
	fixture = await php( `
		$home = home_url();
		$cats = array( wp_insert_term( 'Espresso', 'category' )['term_id'], wp_insert_term( 'Grinders', 'category' )['term_id'] );
		$tags = array( wp_insert_term( 'beans', 'post_tag' )['term_id'], wp_insert_term( 'milk', 'post_tag' )['term_id'], wp_insert_term( 'crema', 'post_tag' )['term_id'] );
		wp_defer_term_counting( true );
		$ids = array();
		for ( $i = 1; $i <= 250; $i++ ) {
			$content  = "<!-- wp:paragraph -->\\n<p>Post $i. ";
			if ( $i > 1 ) {
				$content .= '<a href="' . $home . '/mirror-post-' . ( $i - 1 ) . '/">previous</a>, again <a href="' . $home . '/mirror-post-' . ( $i - 1 ) . '/#top">previous</a>, ';
			}
			$content .= '<a href="/about/">about</a>, <a href="https://elsewhere.example/x">elsewhere</a>, <a href="mailto:a@b.c">mail</a>.</p>' . "\\n<!-- /wp:paragraph -->";
			$ids[] = wp_insert_post( array(
				'post_title'    => "Mirror post $i",
				'post_name'     => "mirror-post-$i",
				'post_content'  => $content,
				'post_status'   => 'publish',
				'post_category' => array( $cats[ $i % 2 ] ),
				'tags_input'    => array( (int) $tags[ $i % 3 ] ),
			), true );
		}
		for ( $i = 1; $i <= 10; $i++ ) {
			wp_insert_post( array( 'post_title' => "Draft $i", 'post_status' => 'draft', 'post_content' => 'draft' ) );
		}
		wp_defer_term_counting( false );
		echo wp_json_encode( array( 'ids' => $ids, 'cats' => $cats, 'tags' => $tags ) );
	` );
	connection = fakeConnection( { site_id: 7 } );
	await site.setConnection( connection );
} );

after( () => site?.stop() );

describe( 'GET /posts: the mirror', () => {
	test( 'pages through every published post and page, oldest id first, with totals', async () => {
		const expected = await php( `
			global $wpdb;
			echo wp_json_encode( array_map( 'intval', $wpdb->get_col( "SELECT ID FROM {$wpdb->posts} WHERE post_status = 'publish' AND post_type IN ( 'post', 'page' ) ORDER BY ID" ) ) );
		` );
		assert.ok(
			expected.length >= 252,
			'the fixture, Hello world and Sample Page'
		);
		const seen = [];
		for ( let page = 1; ; page++ ) {
			const res = await signed(
				'GET',
				`${ API }/posts?page=${ page }&per_page=100`
			);
			assert.equal( res.status, 200 );
			const body = wpPostsPage.parse( res.body );
			assert.equal( body.page, page );
			assert.equal( body.per_page, 100 );
			assert.equal( body.total, expected.length );
			assert.equal(
				body.total_pages,
				Math.ceil( expected.length / 100 )
			);
			seen.push( ...body.posts.map( ( p ) => p.id ) );
			if ( page >= body.total_pages ) {
				break;
			}
		}
		assert.deepEqual( seen, expected );

		const past = await signed(
			'GET',
			`${ API }/posts?page=9&per_page=100`
		);
		assert.equal( past.status, 200 );
		assert.deepEqual( past.body.posts, [] );
		assert.equal(
			past.body.total,
			expected.length,
			'counted past the end too'
		);
	} );

	test( 'each post carries its terms, internal links, hash and permalink', async () => {
		const res = await signed( 'GET', `${ API }/posts?per_page=200` );
		const byId = new Map(
			wpPostsPage.parse( res.body ).posts.map( ( p ) => [ p.id, p ] )
		);
		const third = byId.get( fixture.ids[ 2 ] );
		const stored = await php(
			`echo wp_json_encode( get_post( ${ third.id } )->post_content );`
		);
		assert.deepEqual(
			{ ...third, modified_gmt: 'x', excerpt: 'x' },
			{
				id: fixture.ids[ 2 ],
				type: 'post',
				status: 'publish',
				title: 'Mirror post 3',
				url: `${ site.url }/mirror-post-3/`,
				slug: 'mirror-post-3',
				excerpt: 'x',
				modified_gmt: 'x',
				categories: [
					{
						id: fixture.cats[ 1 ],
						taxonomy: 'category',
						name: 'Grinders',
						slug: 'grinders',
					},
				],
				tags: [
					{
						id: fixture.tags[ 0 ],
						taxonomy: 'post_tag',
						name: 'beans',
						slug: 'beans',
					},
				],
				// In order, once each, without the fragment; other hosts and mailto: left out.
				links: [
					`${ site.url }/mirror-post-2/`,
					`${ site.url }/about/`,
				],
				content_hash: sha256( stored ),
				featured_media: null,
				managed: false,
				content_id: null,
				task_id: null,
			}
		);
		assert.match( third.modified_gmt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ );
		assert.equal(
			third.excerpt,
			'Post 3. previous, again previous, about, elsewhere, mail.'
		);
		assert.ok( ! ( 'content' in third ), 'pages carry no body' );
		assert.deepEqual( byId.get( fixture.ids[ 0 ] ).links, [
			`${ site.url }/about/`,
		] );
	} );

	test( 'a page of 200 posts costs a handful of queries, not some per post', async () => {
		const small = await signed( 'GET', `${ API }/posts?per_page=2` );
		const large = await signed( 'GET', `${ API }/posts?per_page=200` );
		assert.equal( large.body.posts.length, 200 );
		const queries = ( res ) =>
			Number( res.headers.get( 'x-test-queries' ) );
		assert.ok(
			queries( large ) <= queries( small ) + 3,
			`${ queries( small ) } queries for 2 posts, ${ queries( large ) } for 200`
		);
	} );

	test( 'status and post_type filter the posts', async () => {
		const drafts = await signed(
			'GET',
			`${ API }/posts?status=draft&per_page=200`
		);
		assert.equal( drafts.status, 200 );
		// The fixture's ten, and the Privacy Policy page WordPress makes as a draft.
		assert.equal( drafts.body.total, 11 );
		assert.ok( drafts.body.posts.every( ( p ) => p.status === 'draft' ) );
		const draft = drafts.body.posts.find( ( p ) => p.title === 'Draft 1' );
		assert.equal(
			draft.url,
			`${ site.url }/?p=${ draft.id }`,
			'drafts have their preview-style link'
		);

		const any = await signed(
			'GET',
			`${ API }/posts?status=any&per_page=1`
		);
		const published = await signed( 'GET', `${ API }/posts?per_page=1` );
		assert.equal( any.body.total, published.body.total + 11 );

		const pages = await signed( 'GET', `${ API }/posts?post_type=page` );
		assert.deepEqual(
			pages.body.posts.map( ( p ) => [ p.type, p.title ] ),
			[ [ 'page', 'Sample Page' ] ]
		);
	} );

	test( 'bad paging or filters answer 400 with the parameter named', async () => {
		for ( const query of [
			'per_page=201',
			'per_page=0',
			'page=0',
			'page=x',
			'status=published',
			'status=publish,inherit',
			'post_type=attachment',
			'post_type=nope',
		] ) {
			const res = await signed( 'GET', `${ API }/posts?${ query }` );
			assert.equal( res.status, 400, query );
			assert.equal( res.body.code, 'rest_invalid_param', query );
			assert.deepEqual(
				Object.keys( res.body.data.params ),
				[ query.split( '=' )[ 0 ] ],
				query
			);
		}
	} );
} );

describe( 'publishing: POST /posts, PUT /posts/:id', () => {
	let postId;
	let imageId;

	test( 'POST /posts makes the post (201), stores the body byte for byte and answers it', async () => {
		const terms = await signed( 'POST', `${ API }/terms`, {
			taxonomy: 'category',
			names: [ 'Espresso', 'Home Barista' ],
		} );
		const tags = await signed( 'POST', `${ API }/terms`, {
			taxonomy: 'post_tag',
			names: [ 'crema' ],
		} );
		const media = await signed( 'POST', `${ API }/media`, {
			ref: '6f1c2a4e-9b7d-4c3e-8a21-5d0e7f3b9c10',
			filename: 'shot.png',
			mime_type: 'image/png',
			data_base64: PNG.toString( 'base64' ),
			alt: 'A shot',
			caption: null,
			title: 'Shot',
			post_id: null,
		} );
		imageId = media.body.id;
		const outboxBefore = await outboxRows();

		const res = await signed(
			'POST',
			`${ API }/posts`,
			writeBody( {
				categories: terms.body.terms.map( ( t ) => t.id ),
				tags: tags.body.terms.map( ( t ) => t.id ),
				featured_media: imageId,
			} )
		);
		assert.equal( res.status, 201, res.text );
		const { post, created } = wpPostWriteResult.parse( res.body );
		postId = post.id;
		assert.equal( created, true );
		assert.equal( post.content, TRICKY_BODY );
		assert.equal( post.content_hash, sha256( TRICKY_BODY ) );
		assert.equal( post.title, 'Brewing espresso at home' );
		assert.equal( post.status, 'publish' );
		assert.equal( post.excerpt, 'How to pull a shot.' );
		assert.equal( post.url, `${ site.url }/brewing-espresso-at-home/` );
		assert.deepEqual(
			post.categories.map( ( t ) => t.name ),
			[ 'Espresso', 'Home Barista' ]
		);
		assert.deepEqual(
			post.tags.map( ( t ) => t.name ),
			[ 'crema' ]
		);
		assert.equal( post.featured_media, imageId );
		assert.equal( post.managed, true );
		assert.equal( post.content_id, 101 );
		assert.equal( post.task_id, 55 );

		const stored = await php( `
			$post = get_post( ${ postId } );
			echo wp_json_encode( array(
				'content_hash' => hash( 'sha256', $post->post_content ),
				'author'       => get_userdata( $post->post_author )->user_login,
				'thumbnail'    => (int) get_post_thumbnail_id( $post ),
				'meta'         => array_map( function ( $v ) { return $v[0]; }, array_filter( get_post_meta( $post->ID ), function ( $k ) { return 0 === strpos( $k, '_igny8_' ); }, ARRAY_FILTER_USE_KEY ) ),
			) );
		` );
		assert.equal( stored.content_hash, sha256( TRICKY_BODY ) );
		assert.equal( stored.author, 'admin' );
		assert.equal( stored.thumbnail, imageId );
		assert.match(
			stored.meta._igny8_last_synced,
			/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/
		);
		assert.ok(
			Math.abs(
				Date.parse( stored.meta._igny8_last_synced ) - Date.now()
			) < 60_000
		);
		assert.deepEqual(
			{ ...stored.meta, _igny8_last_synced: 'x' },
			{
				_igny8_content_id: '101',
				_igny8_task_id: '55',
				_igny8_managed: '1',
				_igny8_revision: sha256( TRICKY_BODY ),
				_igny8_last_synced: 'x',
				_igny8_meta_title: 'Espresso at home | Guide',
				_igny8_meta_description: 'Beans, grind and the shot.',
			}
		);
		assert.equal(
			await outboxRows(),
			outboxBefore,
			'no event echoes a cloud write'
		);
	} );

	test( 'POST /posts again with the same content_id updates that post (200): one post, never two', async () => {
		const body = writeBody( {
			title: 'Espresso at home, revised',
			content:
				'<!-- wp:paragraph -->\n<p>Revised.</p>\n<!-- /wp:paragraph -->',
		} );
		const res = await signed( 'POST', `${ API }/posts`, body );
		assert.equal( res.status, 200, res.text );
		const { post, created } = wpPostWriteResult.parse( res.body );
		assert.equal( created, false );
		assert.equal( post.id, postId );
		assert.equal( post.title, 'Espresso at home, revised' );
		assert.equal( post.content_hash, sha256( body.content ) );
		assert.equal(
			post.featured_media,
			imageId,
			'featured_media omitted: kept'
		);
		assert.deepEqual(
			post.categories.map( ( t ) => t.name ),
			[ 'Espresso', 'Home Barista' ],
			'categories omitted: kept'
		);
		const count = await php( `
			$q = new WP_Query( array( 'post_type' => 'post', 'post_status' => 'any', 'meta_key' => '_igny8_content_id', 'meta_value' => '101', 'fields' => 'ids' ) );
			echo (int) $q->found_posts;
		` );
		assert.equal( count, 1 );
	} );

	test( 'a stale expected_hash answers 409 igny8_conflict with the current post, and writes nothing', async () => {
		const current = ( await signed( 'GET', `${ API }/posts/${ postId }` ) )
			.body;
		const before = await php(
			`$p = get_post( ${ postId } ); echo wp_json_encode( array( $p->post_title, $p->post_content, $p->post_modified_gmt, get_post_meta( $p->ID, '_igny8_revision', true ) ) );`
		);
		const res = await signed(
			'POST',
			`${ API }/posts`,
			writeBody( {
				title: 'Overwrite',
				content: 'overwrite',
				expected_hash: sha256( 'what the cloud saw last time' ),
			} )
		);
		assert.equal( res.status, 409 );
		const conflict = wpConflict.parse( res.body );
		assert.deepEqual( conflict.data.post, current );
		const after = await php(
			`$p = get_post( ${ postId } ); echo wp_json_encode( array( $p->post_title, $p->post_content, $p->post_modified_gmt, get_post_meta( $p->ID, '_igny8_revision', true ) ) );`
		);
		assert.deepEqual( after, before );

		const put = await signed(
			'PUT',
			`${ API }/posts/${ postId }`,
			writeBody( { expected_hash: sha256( 'stale' ) } )
		);
		assert.equal( put.status, 409 );
		assert.equal( put.body.code, 'igny8_conflict' );
	} );

	test( 'PUT /posts/:id with the current hash updates; featured_media null removes the image', async () => {
		const current = ( await signed( 'GET', `${ API }/posts/${ postId }` ) )
			.body;
		const res = await signed(
			'PUT',
			`${ API }/posts/${ postId }`,
			writeBody( {
				title: 'Espresso, final',
				status: 'draft',
				tags: [],
				featured_media: null,
				meta_title: null,
				expected_hash: current.content_hash,
			} )
		);
		assert.equal( res.status, 200, res.text );
		const { post, created } = wpPostWriteResult.parse( res.body );
		assert.equal( created, false );
		assert.equal( post.id, postId );
		assert.equal( post.status, 'draft' );
		assert.equal( post.title, 'Espresso, final' );
		assert.equal( post.content, TRICKY_BODY );
		assert.equal( post.featured_media, null );
		assert.deepEqual( post.tags, [] );
		assert.equal(
			await php(
				`echo wp_json_encode( get_post_meta( ${ postId }, '_igny8_meta_title', true ) );`
			),
			''
		);
	} );

	test( 'PUT on a post that does not exist answers 404 igny8_post_not_found', async () => {
		const res = await signed( 'PUT', `${ API }/posts/999999`, writeBody() );
		assert.equal( res.status, 404 );
		assert.equal( res.body.code, 'igny8_post_not_found' );
	} );

	test( 'the SEO title and description also go to Yoast and Rank Math when they are active', async () => {
		const shim = path.join(
			site.dir,
			'wp-content/mu-plugins/igny8-test-seo-plugins.php'
		);
		await writeFile(
			shim,
			"<?php\ndefine( 'WPSEO_VERSION', '22.0' );\nclass RankMath {}\n"
		);
		const res = await signed(
			'POST',
			`${ API }/posts`,
			writeBody( { content_id: 202, task_id: null } )
		);
		assert.equal( res.status, 201 );
		const meta = await php( `
			$id = ${ res.body.post.id };
			echo wp_json_encode( array_map( function ( $k ) use ( $id ) { return get_post_meta( $id, $k, true ); }, array( '_yoast_wpseo_title', '_yoast_wpseo_metadesc', 'rank_math_title', 'rank_math_description', '_igny8_task_id' ) ) );
		` );
		assert.deepEqual( meta, [
			'Espresso at home | Guide',
			'Beans, grind and the shot.',
			'Espresso at home | Guide',
			'Beans, grind and the shot.',
			'',
		] );
		assert.equal( res.body.post.task_id, null );
	} );

	test( 'bad bodies answer 400 with a clear message, and make nothing', async () => {
		const before = await php(
			`echo (int) wp_count_posts( 'post' )->publish + (int) wp_count_posts( 'post' )->draft;`
		);
		const cases = [
			[ { content_id: undefined }, /content_id/ ],
			[ { content_id: 0 }, /content_id/ ],
			[ { title: '' }, /title/ ],
			[ { status: 'future' }, /status/ ],
			[ { revision_hash: 'abc' }, /revision_hash/ ],
			[ { expected_hash: 'XYZ' }, /expected_hash/ ],
			[ { categories: [ 'a' ] }, /categories/ ],
			[
				{ categories: [ 999999 ] },
				/categories: there is no term 999999/,
			],
			[
				{ featured_media: 999999 },
				/featured_media: there is no image attachment 999999/,
			],
			[ { content: 42 }, /content/ ],
			[ { surprise: true }, /Unknown parameter\(s\): surprise/ ],
			[ { meta_title: undefined }, /Missing parameter\(s\): meta_title/ ],
			[ { excerpt: 'x'.repeat( 1001 ) }, /excerpt/ ],
		];
		for ( const [ overrides, message ] of cases ) {
			const body = JSON.parse( JSON.stringify( writeBody( overrides ) ) );
			const res = await signed( 'POST', `${ API }/posts`, body );
			assert.equal( res.status, 400, JSON.stringify( overrides ) );
			assert.match( res.text, message, JSON.stringify( overrides ) );
		}
		const notJson = await site.request( `${ API }/posts`, {
			method: 'POST',
			headers: {
				...signedHeaders( {
					siteId: 7,
					secret: connection.site_secret,
					method: 'POST',
					target: `${ API }/posts`,
					body: '{"content_id":',
				} ),
			},
			body: '{"content_id":',
		} );
		assert.equal( notJson.status, 400 );
		assert.equal( notJson.body.code, 'rest_invalid_json' );
		const after = await php(
			`echo (int) wp_count_posts( 'post' )->publish + (int) wp_count_posts( 'post' )->draft;`
		);
		assert.equal( after, before );
	} );

	test( 'GET /posts/:id answers the post with its body, 404 for none', async () => {
		const res = await signed( 'GET', `${ API }/posts/${ postId }` );
		assert.equal( res.status, 200 );
		const post = wpPost.parse( res.body );
		assert.equal( post.id, postId );
		assert.equal( post.content_hash, sha256( post.content ) );
		const none = await signed( 'GET', `${ API }/posts/999999` );
		assert.equal( none.status, 404 );
		assert.equal( none.body.code, 'igny8_post_not_found' );
		const attachment = await signed( 'GET', `${ API }/posts/${ imageId }` );
		assert.equal(
			attachment.status,
			404,
			'attachments are not posts of the mirror'
		);
	} );

	test( 'lookups by content id and task id answer { post }, or { post: null } with 200, never a trashed post', async () => {
		const byContent = await signed(
			'GET',
			`${ API }/post-by-content-id/101`
		);
		assert.equal( byContent.status, 200 );
		assert.equal( wpPostLookup.parse( byContent.body ).post.id, postId );
		const byTask = await signed( 'GET', `${ API }/post-by-task-id/55` );
		assert.equal( wpPostLookup.parse( byTask.body ).post.id, postId );
		const none = await signed( 'GET', `${ API }/post-by-task-id/424242` );
		assert.equal( none.status, 200 );
		assert.deepEqual( wpPostLookup.parse( none.body ), { post: null } );

		await site.php( `wp_trash_post( ${ postId } );` );
		const trashed = await signed(
			'GET',
			`${ API }/post-by-content-id/101`
		);
		assert.deepEqual( trashed.body, { post: null } );
		// …and a publish of that content now makes a new post.
		const again = await signed( 'POST', `${ API }/posts`, writeBody() );
		assert.equal( again.status, 201 );
		assert.notEqual( again.body.post.id, postId );
	} );
} );

describe( 'POST /terms', () => {
	test( 'answers terms in the order of names, matching without case and making the missing once', async () => {
		const count = () =>
			php(
				`echo (int) wp_count_terms( array( 'taxonomy' => 'post_tag', 'hide_empty' => false ) );`
			);
		const before = await count();
		const names = [
			'MILK',
			'Latte Art',
			'beans',
			'Чай & Кофе',
			'latte art',
		];
		const res = await signed( 'POST', `${ API }/terms`, {
			taxonomy: 'post_tag',
			names,
		} );
		assert.equal( res.status, 200, res.text );
		const { terms } = termsResult.parse( res.body );
		assert.deepEqual(
			terms.map( ( t ) => t.name ),
			[ 'milk', 'Latte Art', 'beans', 'Чай & Кофе', 'Latte Art' ]
		);
		assert.equal( terms[ 0 ].id, fixture.tags[ 1 ] );
		assert.equal( terms[ 2 ].id, fixture.tags[ 0 ] );
		assert.equal( terms[ 1 ].id, terms[ 4 ].id );
		assert.ok( terms.every( ( t ) => t.taxonomy === 'post_tag' ) );
		assert.equal( await count(), before + 2 );

		const again = await signed( 'POST', `${ API }/terms`, {
			taxonomy: 'post_tag',
			names: [ 'чай & кофе', 'LATTE ART' ],
		} );
		assert.deepEqual(
			again.body.terms.map( ( t ) => t.id ),
			[ terms[ 3 ].id, terms[ 1 ].id ]
		);
		assert.equal( await count(), before + 2, 'made once' );
	} );

	test( 'bad bodies answer 400', async () => {
		for ( const body of [
			{ taxonomy: 'nav_menu', names: [ 'x' ] },
			{ taxonomy: 'category', names: [] },
			{ taxonomy: 'category', names: [ '   ' ] },
			{ taxonomy: 'category', names: [ 'x'.repeat( 201 ) ] },
			{ taxonomy: 'category', names: Array( 51 ).fill( 'x' ) },
			{ taxonomy: 'category' },
			{ taxonomy: 'category', names: [ 'x' ], parent: 3 },
		] ) {
			const res = await signed( 'POST', `${ API }/terms`, body );
			assert.equal(
				res.status,
				400,
				JSON.stringify( body ).slice( 0, 80 )
			);
		}
	} );
} );

describe( 'POST /media', () => {
	const ref = 'b7e3f6a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
	let png;

	before( async () => {
		// A 300×200 PNG, so WordPress makes its sizes.
		png = await site.php(
			`$im = imagecreatetruecolor( 300, 200 ); imagefill( $im, 0, 0, imagecolorallocate( $im, 200, 120, 40 ) ); ob_start(); imagepng( $im ); echo base64_encode( ob_get_clean() );`
		);
	} );

	const mediaBody = ( overrides = {} ) => ( {
		ref,
		filename: 'crema.png',
		mime_type: 'image/png',
		data_base64: png,
		alt: 'Crema on a shot',
		caption: 'Tiger striping',
		title: 'Crema',
		post_id: null,
		...overrides,
	} );

	const attachments = () =>
		php(
			`echo wp_json_encode( get_posts( array( 'post_type' => 'attachment', 'post_status' => 'any', 'meta_key' => '_igny8_image_ref', 'meta_value' => '${ ref }', 'fields' => 'ids', 'numberposts' => -1 ) ) );`
		);

	test( 'stores the image once per ref; sent again it updates alt, caption and title only', async () => {
		const first = await signed( 'POST', `${ API }/media`, mediaBody() );
		assert.equal( first.status, 200, first.text );
		const made = mediaResult.parse( first.body );
		assert.equal( made.existing, false );
		assert.equal( made.alt, 'Crema on a shot' );
		assert.match(
			made.url,
			/\/wp-content\/uploads\/\d{4}\/\d\d\/crema(-\d+)?\.png$/
		);
		const file = await site.fetch( new URL( made.url ).pathname );
		assert.equal( file.status, 200 );
		assert.deepEqual(
			Buffer.from( await file.arrayBuffer() ),
			Buffer.from( png, 'base64' )
		);

		const second = await signed(
			'POST',
			`${ API }/media`,
			mediaBody( {
				alt: 'Crema, up close',
				caption: null,
				title: 'Crema 2',
				data_base64: PNG.toString( 'base64' ),
			} )
		);
		assert.equal( second.status, 200 );
		assert.deepEqual( mediaResult.parse( second.body ), {
			id: made.id,
			url: made.url,
			alt: 'Crema, up close',
			existing: true,
		} );
		assert.deepEqual( await attachments(), [ made.id ] );
		const stored = await php( `
			$a = get_post( ${ made.id } );
			$meta = wp_get_attachment_metadata( $a->ID );
			echo wp_json_encode( array( $a->post_title, $a->post_excerpt, get_post_meta( $a->ID, '_wp_attachment_image_alt', true ), $meta['width'], $meta['height'], isset( $meta['sizes']['thumbnail'] ), md5_file( get_attached_file( $a->ID ) ) ) );
		` );
		assert.deepEqual( stored, [
			'Crema 2',
			'',
			'Crema, up close',
			300,
			200,
			true,
			createHash( 'md5' )
				.update( Buffer.from( png, 'base64' ) )
				.digest( 'hex' ),
		] );
	} );

	test( 'refuses bad base64, images over 5 MB and bytes of another type (400, named)', async () => {
		const cases = [
			[ { data_base64: 'not base64 at all!' }, /not valid base64/ ],
			[
				{ mime_type: 'image/jpeg' },
				/is not a image\/jpeg image \(its bytes say image\/png\)/,
			],
			[
				{
					data_base64:
						Buffer.from( '<?php echo 1; ?>' ).toString( 'base64' ),
				},
				/is not a image\/png image/,
			],
			[
				{
					data_base64: Buffer.alloc(
						5 * 1024 * 1024 + 1,
						1
					).toString( 'base64' ),
				},
				/larger than 5 MB/,
			],
			[ { filename: '../../evil.php' }, /filename/ ],
			[ { ref: 'x' }, /ref/ ],
			[ { mime_type: 'image/gif' }, /mime_type/ ],
			[ { post_id: undefined }, /Missing parameter\(s\): post_id/ ],
		];
		for ( const [ overrides, message ] of cases ) {
			const body = JSON.parse(
				JSON.stringify(
					mediaBody( {
						ref: 'c0ffee00-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
						...overrides,
					} )
				)
			);
			const res = await signed( 'POST', `${ API }/media`, body );
			assert.equal(
				res.status,
				400,
				JSON.stringify( overrides ).slice( 0, 80 )
			);
			assert.match( res.body.message, message );
		}
		assert.deepEqual(
			await php(
				`echo wp_json_encode( get_posts( array( 'post_type' => 'attachment', 'post_status' => 'any', 'meta_key' => '_igny8_image_ref', 'meta_value' => 'c0ffee00-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'fields' => 'ids' ) ) );`
			),
			[]
		);
	} );
} );

test( 'every signed route refuses an unsigned request, and one signed with another secret, with 401', async () => {
	const routes = [
		[ 'GET', `${ API }/posts` ],
		[ 'GET', `${ API }/posts/1` ],
		[ 'GET', `${ API }/post-by-content-id/101` ],
		[ 'GET', `${ API }/post-by-task-id/55` ],
		[ 'POST', `${ API }/terms`, { taxonomy: 'category', names: [ 'x' ] } ],
		[
			'POST',
			`${ API }/media`,
			{
				ref: 'd0d0d0d0-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
				filename: 'a.png',
				mime_type: 'image/png',
				data_base64: PNG.toString( 'base64' ),
				alt: '',
				caption: null,
				title: 'a',
				post_id: null,
			},
		],
		[ 'POST', `${ API }/posts`, writeBody( { content_id: 303 } ) ],
		[ 'PUT', `${ API }/posts/1`, writeBody() ],
	];
	for ( const [ method, target, body ] of routes ) {
		const text = body === undefined ? undefined : JSON.stringify( body );
		const unsigned = await site.request( target, { method, body: text } );
		assert.equal( unsigned.status, 401, `${ method } ${ target }` );
		assert.equal( unsigned.body.code, 'igny8_bad_signature' );
		const forged = await site.request( target, {
			method,
			body: text,
			headers: signedHeaders( {
				siteId: 7,
				secret: randomHex( 32 ),
				method,
				target,
				body: text ?? '',
			} ),
		} );
		assert.equal( forged.status, 401, `${ method } ${ target }` );
	}
	assert.equal(
		await php(
			`echo (int) count( get_posts( array( 'meta_key' => '_igny8_content_id', 'meta_value' => '303', 'post_status' => 'any' ) ) );`
		),
		0
	);
} );

test( 'no PHP errors were logged', async () => {
	assert.deepEqual( await site.phpErrors(), [] );
} );
