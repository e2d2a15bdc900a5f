// A conflict's two bodies as the lines a reader sees, and the lines each lacks from the other.
import { describe, expect, it } from 'vitest';
import { bodyLines, compareLines } from '../compare';

const image = ( alt: string ) => `[Image: ${ alt }]`;

describe( 'comparing two versions', () => {
	it( 'reads block markup as a line per paragraph, heading, item and image', () => {
		const markup = [
			'<!-- wp:heading -->',
			'<h2 class="wp-block-heading">Grip &amp; fit</h2>',
			'<!-- /wp:heading -->',
			'<!-- wp:paragraph -->',
			'<p>Lugs <strong>bite</strong> into mud.<br>Even wet rock.</p>',
			'<!-- /wp:paragraph -->',
			'<!-- wp:list --><ul><li>Light</li><li>Wide</li></ul><!-- /wp:list -->',
			'<!-- wp:image --><figure class="wp-block-image"><img src="/x.png" alt="A shoe &lt;3"/><figcaption>On rock</figcaption></figure><!-- /wp:image -->',
		].join( '\n' );
		expect( bodyLines( markup, image ) ).toEqual( [
			'Grip & fit',
			'Lugs bite into mud.',
			'Even wet rock.',
			'Light',
			'Wide',
			'[Image: A shoe ‹3]',
			'On rock',
		] );
	} );

	it( 'marks on each side the lines the other side lacks', () => {
		const { left, right } = compareLines(
			[ 'Intro', 'Old middle', 'End' ],
			[ 'Intro', 'New middle', 'Extra', 'End' ]
		);
		expect( left ).toEqual( [
			{ text: 'Intro', changed: false },
			{ text: 'Old middle', changed: true },
			{ text: 'End', changed: false },
		] );
		expect( right.map( ( line ) => line.changed ) ).toEqual( [
			false,
			true,
			true,
			false,
		] );
	} );

	it( 'finds nothing changed between equal versions, and everything between disjoint ones', () => {
		const same = compareLines( [ 'a', 'b' ], [ 'a', 'b' ] );
		expect( same.left.some( ( line ) => line.changed ) ).toBe( false );
		const apart = compareLines( [ 'a' ], [ 'b', 'c' ] );
		expect( apart.left.every( ( line ) => line.changed ) ).toBe( true );
		expect( apart.right.every( ( line ) => line.changed ) ).toBe( true );
	} );
} );
