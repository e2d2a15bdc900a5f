// The local WordPress (scripts/wp/env.mjs, as `npm start` and every test prepare it) serves pretty
// permalinks from its first start: posts, and the category and tag archives that list them.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startSite } from './wp-fixture.mjs';

let site;
let made;

before( async () => {
	site = await startSite();
	made = JSON.parse(
		await site.php( `
			$cat = wp_insert_term( 'Brew Guides', 'category' );
			$id  = wp_insert_post( array( 'post_title' => 'Archived espresso guide', 'post_name' => 'archived-espresso-guide', 'post_status' => 'publish', 'post_category' => array( $cat['term_id'] ), 'tags_input' => array( 'French Press' ) ) );
			echo wp_json_encode( array(
				'post'     => wp_make_link_relative( get_permalink( $id ) ),
				'category' => wp_make_link_relative( get_category_link( $cat['term_id'] ) ),
				'tag'      => wp_make_link_relative( get_tag_link( get_term_by( 'slug', 'french-press', 'post_tag' ) ) ),
			) );
		` )
	);
} );

after( () => site?.stop() );

test( 'the permalink structure is /%postname%/ and archives have pretty links', () => {
	assert.deepEqual( made, {
		post: '/archived-espresso-guide/',
		category: '/category/brew-guides/',
		tag: '/tag/french-press/',
	} );
} );

for ( const which of [ 'post', 'category', 'tag' ] ) {
	test( `the ${ which } page answers 200 and shows the post`, async () => {
		const res = await site.fetch( made[ which ] );
		assert.equal( res.status, 200, made[ which ] );
		assert.match( await res.text(), /Archived espresso guide/ );
	} );
}

test( 'an unknown category answers 404', async () => {
	const res = await site.fetch( '/category/no-such-category/' );
	await res.arrayBuffer();
	assert.equal( res.status, 404 );
} );
