import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	clusterKeywords,
	keywordModifiers,
	keywordTokens,
	normalizeKeyword,
	type ClusterKeyword,
	type ClusteringResult,
	type ExistingCluster,
} from './index';

/** Keywords with ids 1…n; a string is a keyword without volume. */
function keywords(
	list: ( string | [ string, number ] )[],
	firstId = 1
): ClusterKeyword[] {
	return list.map( ( k, i ) =>
		typeof k === 'string'
			? { id: firstId + i, keyword: k }
			: { id: firstId + i, keyword: k[ 0 ], volume: k[ 1 ] }
	);
}

/** The clusters as sorted lists of keyword texts, for readable expectations. */
function groups(
	result: ClusteringResult,
	input: ClusterKeyword[]
): string[][] {
	const text = new Map( input.map( ( k ) => [ k.id, k.keyword ] ) );
	return result.clusters
		.map( ( c ) => c.keywordIds.map( ( id ) => text.get( id )! ).sort() )
		.sort( ( a, b ) => ( a[ 0 ]! < b[ 0 ]! ? -1 : 1 ) );
}

describe( 'normalizeKeyword', () => {
	it( 'lowercases, trims, collapses spaces and applies NFKC', () => {
		expect( normalizeKeyword( '  Ｒｕｎｎｉｎｇ \t  SHOES ' ) ).toBe(
			'running shoes'
		);
		expect( normalizeKeyword( 'ﬁle cabinet' ) ).toBe( 'file cabinet' );
	} );

	it( 'keeps accents: it is the dedupe form, not the analysis', () => {
		expect( normalizeKeyword( 'Crème Brûlée' ) ).toBe( 'crème brûlée' );
	} );

	it( 'is idempotent for any text', () => {
		for ( const unit of [ 'grapheme', 'binary' ] as const ) {
			fc.assert(
				fc.property( fc.string( { unit, maxLength: 40 } ), ( text ) => {
					const once = normalizeKeyword( text );
					expect( normalizeKeyword( once ) ).toBe( once );
				} ),
				{ numRuns: 300 }
			);
		}
	} );
} );

describe( 'keywordTokens', () => {
	it( 'folds plurals and -ing forms to one stem', () => {
		expect( keywordTokens( 'Running Shoes' ) ).toEqual( [ 'run', 'shoe' ] );
		expect( keywordTokens( 'running shoe' ) ).toEqual( [ 'run', 'shoe' ] );
		expect( keywordTokens( 'electric toothbrushes' ) ).toEqual(
			keywordTokens( 'electric toothbrush' )
		);
		expect( keywordTokens( 'kitchen knives' ) ).toEqual(
			keywordTokens( 'kitchen knife' )
		);
	} );

	it( 'strips accents and punctuation', () => {
		expect( keywordTokens( 'Café-Crème!' ) ).toEqual( [ 'cafe', 'creme' ] );
	} );

	it( 'drops English stop words', () => {
		expect( keywordTokens( 'shoes for the beach' ) ).toEqual( [
			'shoe',
			'beach',
		] );
	} );

	it( "reads men's, mens and men as one word", () => {
		expect( keywordTokens( "men's running shoes" ) ).toEqual( [
			'men',
			'run',
			'shoe',
		] );
		expect( keywordTokens( 'mens running shoes' ) ).toEqual( [
			'men',
			'run',
			'shoe',
		] );
		expect( keywordTokens( 'running shoes for men' ) ).toEqual( [
			'run',
			'shoe',
			'men',
		] );
	} );

	it( 'keeps numbers', () => {
		expect( keywordTokens( 'iPhone 15 Pro' ) ).toEqual( [
			'iphone',
			'15',
			'pro',
		] );
	} );

	it( 'takes intent modifiers out of the tokens', () => {
		expect( keywordTokens( 'how to clean running shoes' ) ).toEqual( [
			'clean',
			'run',
			'shoe',
		] );
		expect( keywordModifiers( 'how to clean running shoes' ) ).toEqual( [
			'how',
		] );
	} );
} );

describe( 'keywordModifiers', () => {
	it( 'names the intent each modifier word carries', () => {
		expect( keywordModifiers( 'best running shoes' ) ).toEqual( [
			'best',
		] );
		expect( keywordModifiers( 'top 10 running shoes' ) ).toEqual( [
			'best',
		] );
		expect( keywordModifiers( 'nike vs adidas' ) ).toEqual( [ 'compare' ] );
		expect( keywordModifiers( 'what is a yoga mat' ) ).toEqual( [
			'what',
		] );
		expect( keywordModifiers( 'cheap running shoes' ) ).toEqual( [
			'price',
		] );
		expect( keywordModifiers( 'running shoes under $100' ) ).toEqual( [
			'price',
		] );
		expect( keywordModifiers( 'yoga mat reviews' ) ).toEqual( [
			'review',
		] );
		expect( keywordModifiers( 'shoe repair near me' ) ).toEqual( [
			'local',
		] );
		expect( keywordModifiers( 'buy running shoes online' ) ).toEqual( [
			'buy',
		] );
		expect( keywordModifiers( 'free keyword tool' ) ).toEqual( [ 'free' ] );
		expect( keywordModifiers( 'guitar for beginners' ) ).toEqual( [
			'beginner',
		] );
		expect( keywordModifiers( 'best running shoes 2025' ) ).toEqual( [
			'best',
			'year',
		] );
	} );

	it( 'reads "top" as a ranking only up front or before a number', () => {
		expect( keywordModifiers( 'tank tops for women' ) ).toEqual( [] );
		expect( keywordTokens( 'tank tops for women' ) ).toEqual( [
			'tank',
			'top',
			'women',
		] );
	} );

	it( 'sees through a typo in a long modifier word', () => {
		expect( keywordModifiers( 'yoga mat reivews' ) ).toEqual( [
			'review',
		] );
	} );
} );

describe( 'clusterKeywords', () => {
	it( 'groups spellings of the same search', () => {
		const input = keywords( [
			'running shoes for men',
			"men's running shoes",
			'mens running shoe',
			'Running Shoes For Men',
		] );
		expect( groups( clusterKeywords( input ), input ) ).toEqual( [
			[
				'Running Shoes For Men',
				"men's running shoes",
				'mens running shoe',
				'running shoes for men',
			],
		] );
	} );

	it( 'never groups keywords whose intent modifiers differ', () => {
		const input = keywords( [
			'best running shoes',
			'best running shoe',
			'running shoes price',
			'running shoe price',
			'how to clean running shoes',
			'how to clean a running shoe',
			'running shoes',
			'running shoe',
		] );
		expect( groups( clusterKeywords( input ), input ) ).toEqual( [
			[ 'best running shoe', 'best running shoes' ],
			[ 'how to clean a running shoe', 'how to clean running shoes' ],
			[ 'running shoe', 'running shoes' ],
			[ 'running shoe price', 'running shoes price' ],
		] );
	} );

	it( 'groups different words for one intent (price, cost, cheap)', () => {
		const input = keywords( [
			'running shoes price',
			'cheap running shoes',
			'running shoes cost',
			'cheapest running shoe',
		] );
		expect( clusterKeywords( input ).clusters ).toHaveLength( 1 );
	} );

	it( 'keeps audiences apart', () => {
		const input = keywords( [
			"men's running shoes",
			'running shoes for men',
			"women's running shoes",
			'womens running shoe',
		] );
		expect( groups( clusterKeywords( input ), input ) ).toEqual( [
			[ "men's running shoes", 'running shoes for men' ],
			[ "women's running shoes", 'womens running shoe' ],
		] );
	} );

	it( 'ignores accents and case', () => {
		const input = keywords( [
			'Café crème near me',
			'cafe creme near me',
		] );
		expect( clusterKeywords( input ).clusters ).toHaveLength( 1 );
	} );

	it( 'reads a rare misspelling as the common word', () => {
		const input = keywords( [
			'running shoes',
			'running shoe',
			'trail running shoes',
			'running shoes for men',
			'running socks',
			'running belt',
			'running jacket',
			'running watch',
			'running shorts',
			'running tights',
			'runing shoes',
		] );
		const result = clusterKeywords( input );
		expect( groups( result, input ) ).toContainEqual( [
			'runing shoes',
			'running shoe',
			'running shoes',
		] );
	} );

	it( 'joins a split compound when the run spells it as one word', () => {
		const input = keywords( [
			't shirt',
			't-shirts',
			'tshirt',
			'T-Shirt',
		] );
		expect( clusterKeywords( input ).clusters ).toHaveLength( 1 );
	} );

	it( 'leaves true singletons unclustered', () => {
		const input = keywords( [
			'yoga mat',
			'yoga mats',
			'espresso machine descaling',
		] );
		const result = clusterKeywords( input );
		expect( result.clusters.map( ( c ) => c.keywordIds ) ).toEqual( [
			[ 1, 2 ],
		] );
		expect( result.unclustered ).toEqual( [ 3 ] );
	} );

	it( 'leaves groups below minClusterSize unclustered', () => {
		const input = keywords( [
			'yoga mat',
			'yoga mats',
			'cork yoga block',
			'cork yoga blocks',
			'Cork Yoga Block',
		] );
		const result = clusterKeywords( input, { minClusterSize: 3 } );
		expect( result.clusters.map( ( c ) => c.keywordIds ) ).toEqual( [
			[ 3, 4, 5 ],
		] );
		expect( result.unclustered ).toEqual( [ 1, 2 ] );
	} );

	it( 'merges more with a lower threshold', () => {
		const input = keywords( [
			'gaming laptop',
			'gaming laptops',
			'gaming laptop for men',
			'men gaming laptop',
		] );
		expect( clusterKeywords( input ).clusters ).toHaveLength( 2 );
		expect(
			clusterKeywords( input, { threshold: 0.3 } ).clusters
		).toHaveLength( 1 );
	} );

	it( 'names a cluster by its highest-volume keyword, in its original text', () => {
		const input = keywords( [
			[ "men's running shoes", 900 ],
			[ 'Running Shoes for Men', 2400 ],
			[ 'mens running shoe', 300 ],
		] );
		const [ cluster ] = clusterKeywords( input ).clusters;
		expect( cluster ).toMatchObject( {
			name: 'Running Shoes for Men',
			representativeId: 2,
		} );
	} );

	it( 'without volumes, names a cluster by its most central keyword before the shortest', () => {
		const input = keywords( [
			'nike pegasus 40 trail',
			'nike pegasus 40 trail gtx',
			'nike pegasus 40 trail men',
			'nike pegasus 40 gtx',
		] );
		const [ cluster ] = clusterKeywords( input, {
			threshold: 0.5,
		} ).clusters;
		expect( cluster ).toMatchObject( {
			name: 'nike pegasus 40 trail gtx',
			keywordIds: [ 1, 2, 3, 4 ],
		} );
	} );

	it( 'breaks naming ties by the shortest, then alphabetical text', () => {
		const shortest = keywords( [
			'running shoes for men',
			"men's running shoes",
			'mens running shoe',
		] );
		expect( clusterKeywords( shortest ).clusters[ 0 ]!.name ).toBe(
			'mens running shoe'
		);
		const alphabetical = keywords( [
			'running shoe men',
			'men running shoe',
		] );
		expect( clusterKeywords( alphabetical ).clusters[ 0 ]!.name ).toBe(
			'men running shoe'
		);
	} );

	it( "does not chain: a keyword joins only when it is close to the cluster's representative", () => {
		// B is close to A and to C, but A and C share one word; a union-find pass would put all three together.
		const input = keywords( [
			[ 'cork yoga block', 100 ],
			[ 'yoga block strap', 50 ],
			[ 'block strap set', 10 ],
		] );
		const result = clusterKeywords( input, { threshold: 0.4 } );
		expect( groups( result, input ) ).toEqual( [
			[ 'cork yoga block', 'yoga block strap' ],
		] );
		expect( result.unclustered ).toEqual( [ 3 ] );
	} );

	describe( 'with existing clusters', () => {
		const existing: ExistingCluster[] = [
			{
				id: 70,
				name: 'Running shoes for men',
				keywords: keywords(
					[ 'running shoes for men', "men's running shoes" ],
					1
				),
			},
			{
				id: 71,
				name: 'Trail shoes',
				keywords: keywords( [ 'trail running shoes' ], 3 ),
			},
		];

		it( 'extends an existing cluster instead of creating a duplicate', () => {
			const input = keywords(
				[
					'mens running shoe',
					'running shoe for men',
					'trail running shoe',
				],
				10
			);
			expect( clusterKeywords( input, { existing } ) ).toEqual( {
				clusters: [],
				extended: [
					{ clusterId: 70, keywordIds: [ 10, 11 ] },
					{ clusterId: 71, keywordIds: [ 12 ] },
				],
				unclustered: [],
			} );
		} );

		it( 'ignores input keywords that already belong to an existing cluster', () => {
			const input = [
				...existing[ 0 ]!.keywords,
				...keywords(
					[ 'best trail running shoes', 'best trail running shoe' ],
					20
				),
			];
			const result = clusterKeywords( input, { existing } );
			expect( result.clusters.map( ( c ) => c.keywordIds ) ).toEqual( [
				[ 20, 21 ],
			] );
			expect( result.extended ).toEqual( [] );
			expect( result.unclustered ).toEqual( [] );
		} );

		it( 'clusters the rest as new clusters', () => {
			const input = keywords(
				[
					"women's running shoes",
					'womens running shoe',
					'mens running shoes',
				],
				30
			);
			const result = clusterKeywords( input, { existing } );
			expect( result.extended ).toEqual( [
				{ clusterId: 70, keywordIds: [ 32 ] },
			] );
			expect( result.clusters ).toEqual( [
				{
					name: 'womens running shoe',
					representativeId: 31,
					keywordIds: [ 30, 31 ],
				},
			] );
		} );

		it( 'on a re-run, extends the clusters of the first run', () => {
			const first = keywords( [
				[ 'best yoga mat', 500 ],
				[ 'best yoga mats', 200 ],
				[ 'yoga mat', 900 ],
				[ 'yoga mats', 400 ],
			] );
			const firstResult = clusterKeywords( first );
			const text = new Map( first.map( ( k ) => [ k.id, k ] ) );
			const saved: ExistingCluster[] = firstResult.clusters.map(
				( c, i ) => ( {
					id: 100 + i,
					name: c.name,
					keywords: c.keywordIds.map( ( id ) => text.get( id )! ),
				} )
			);
			const second = [
				...first,
				...keywords(
					[
						'Best Yoga Mat',
						'YOGA MAT',
						'cork yoga block',
						'cork yoga blocks',
					],
					10
				),
			];
			const result = clusterKeywords( second, { existing: saved } );
			expect( result.extended ).toEqual( [
				{ clusterId: 100, keywordIds: [ 11 ] },
				{ clusterId: 101, keywordIds: [ 10 ] },
			] );
			expect( result.clusters.map( ( c ) => c.name ) ).toEqual( [
				'cork yoga block',
			] );
		} );
	} );
} );

// ---------- properties over generated keyword sets ----------

const WORDS = [
	'running',
	'shoes',
	'shoe',
	'trail',
	'men',
	"men's",
	'women',
	'yoga',
	'mat',
	'mats',
	'cork',
	'nike',
	'40',
	'black',
	'the',
	'for',
];
const MODIFIERS = [
	'',
	'best',
	'cheap',
	'how to clean',
	'near me',
	'review',
	'2025',
];

const keywordSet = fc
	.array(
		fc.record( {
			words: fc.array( fc.constantFrom( ...WORDS ), {
				minLength: 1,
				maxLength: 4,
			} ),
			modifier: fc.constantFrom( ...MODIFIERS ),
			volume: fc.option( fc.integer( { min: 0, max: 5000 } ), {
				nil: null,
			} ),
		} ),
		{ maxLength: 60 }
	)
	.map( ( rows ) =>
		rows.map( ( r, i ): ClusterKeyword => ( {
			id: i + 1,
			keyword: `${ r.modifier } ${ r.words.join( ' ' ) }`.trim(),
			volume: r.volume,
		} ) )
	);

/** Up to three existing clusters drawn from the input, with ids far from keyword ids. */
const withExisting = keywordSet.chain( ( input ) =>
	fc
		.tuple(
			fc.constant( input ),
			fc.array( fc.integer( { min: 0, max: 3 } ), {
				minLength: input.length,
				maxLength: input.length,
			} )
		)
		.map( ( [ kws, slots ] ): [ ClusterKeyword[], ExistingCluster[] ] => {
			const existing: ExistingCluster[] = [ 1, 2, 3 ].map( ( n ) => ( {
				id: 1000 + n,
				name: `cluster ${ n }`,
				keywords: [],
			} ) );
			kws.forEach( ( k, i ) => {
				if ( slots[ i ]! > 0 )
					existing[ slots[ i ]! - 1 ]!.keywords.push( k );
			} );
			return [ kws, existing.filter( ( c ) => c.keywords.length > 0 ) ];
		} )
);

function shuffled< T >( items: readonly T[], seed: number ): T[] {
	const out = [ ...items ];
	let state = seed >>> 0 || 1;
	for ( let i = out.length - 1; i > 0; i-- ) {
		state = ( Math.imul( state, 1664525 ) + 1013904223 ) >>> 0;
		const j = state % ( i + 1 );
		[ out[ i ], out[ j ] ] = [ out[ j ]!, out[ i ]! ];
	}
	return out;
}

describe( 'clusterKeywords properties', () => {
	it( 'puts every input keyword in exactly one place, leaving existing members out', () => {
		fc.assert(
			fc.property( withExisting, ( [ input, existing ] ) => {
				const result = clusterKeywords( input, { existing } );
				const members = new Set(
					existing.flatMap( ( c ) => c.keywords.map( ( k ) => k.id ) )
				);
				const placed = [
					...result.clusters.flatMap( ( c ) => c.keywordIds ),
					...result.extended.flatMap( ( e ) => e.keywordIds ),
					...result.unclustered,
				].sort( ( a, b ) => a - b );
				expect( placed ).toEqual(
					input
						.map( ( k ) => k.id )
						.filter( ( id ) => ! members.has( id ) )
				);
			} )
		);
	} );

	it( 'only extends clusters that exist, and keeps new clusters at minClusterSize or more', () => {
		fc.assert(
			fc.property(
				withExisting,
				fc.integer( { min: 1, max: 4 } ),
				( [ input, existing ], minClusterSize ) => {
					const result = clusterKeywords( input, {
						existing,
						minClusterSize,
					} );
					const ids = new Set( existing.map( ( c ) => c.id ) );
					for ( const e of result.extended )
						expect( ids.has( e.clusterId ) ).toBe( true );
					for ( const c of result.clusters ) {
						expect( c.keywordIds.length ).toBeGreaterThanOrEqual(
							minClusterSize
						);
						expect( c.keywordIds ).toContain( c.representativeId );
						expect( c.name ).toBe(
							input.find( ( k ) => k.id === c.representativeId )!
								.keyword
						);
					}
				}
			)
		);
	} );

	it( 'is deterministic', () => {
		fc.assert(
			fc.property( withExisting, ( [ input, existing ] ) => {
				expect( clusterKeywords( input, { existing } ) ).toEqual(
					clusterKeywords( structuredClone( input ), {
						existing: structuredClone( existing ),
					} )
				);
			} )
		);
	} );

	it( 'does not depend on the order of keywords or existing clusters', () => {
		fc.assert(
			fc.property(
				withExisting,
				fc.integer(),
				fc.double( { min: 0.2, max: 1, noNaN: true } ),
				( [ input, existing ], seed, threshold ) => {
					const reordered = shuffled( existing, seed ).map(
						( c ) => ( {
							...c,
							keywords: shuffled( c.keywords, seed + 1 ),
						} )
					);
					expect(
						clusterKeywords( shuffled( input, seed ), {
							existing: reordered,
							threshold,
						} )
					).toEqual(
						clusterKeywords( input, { existing, threshold } )
					);
				}
			)
		);
	} );
} );

describe( 'clusterKeywords at scale', () => {
	it( 'clusters 10,000 keywords in well under 3 seconds', () => {
		const heads = [
			'running shoe',
			'yoga mat',
			'air fryer',
			'office chair',
			'gaming laptop',
			'dog bed',
			'rain jacket',
			'desk lamp',
		];
		const qualifiers = [
			'',
			'for men',
			'for women',
			'kids',
			'black',
			'waterproof',
			'small',
			'large',
			'cheap',
			'best',
			'how to clean',
		];
		const input: ClusterKeyword[] = [];
		for ( let i = 0; input.length < 10_000; i++ ) {
			const head = heads[ i % heads.length ]!;
			const q =
				qualifiers[
					Math.floor( i / heads.length ) % qualifiers.length
				]!;
			const plural = Math.floor( i / 88 ) % 2 ? 's' : '';
			input.push( {
				id: i + 1,
				keyword: `${ q } ${ head }${ plural } ${ Math.floor( i / 176 ) }`,
				volume: ( i * 7919 ) % 5000,
			} );
		}
		const start = performance.now();
		const result = clusterKeywords( input );
		expect( performance.now() - start ).toBeLessThan( 3000 );
		expect( result.clusters.length ).toBeGreaterThan( 0 );
	} );
} );
