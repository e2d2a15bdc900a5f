// Benchmark of the AI-free keyword clustering (shared/src/seo/clustering) on synthetic keyword sets.
// Usage: node bench/clustering.mjs [sizes…]   (default 1000 10000 50000)
// The library is bundled with esbuild to a temp .mjs; each size runs in its own child process so heaps are not shared.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
const SEED = 20240611;

// ---------- synthetic keywords: head terms × qualifiers × intent templates, with spelling variants ----------

function mulberry32( seed ) {
	let a = seed >>> 0;
	return () => {
		a = ( a + 0x6d2b79f5 ) >>> 0;
		let t = a;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
}

/** [singular, plural] */
const HEADS = [
	[ 'running shoe', 'running shoes' ],
	[ 'yoga mat', 'yoga mats' ],
	[ 'coffee maker', 'coffee makers' ],
	[ 'air fryer', 'air fryers' ],
	[ 'standing desk', 'standing desks' ],
	[ 'gaming laptop', 'gaming laptops' ],
	[ 'electric bike', 'electric bikes' ],
	[ 'dog bed', 'dog beds' ],
	[ 'protein powder', 'protein powders' ],
	[ 'hiking boot', 'hiking boots' ],
	[ 'office chair', 'office chairs' ],
	[ 'robot vacuum', 'robot vacuums' ],
	[ 'water bottle', 'water bottles' ],
	[ 'backpack', 'backpacks' ],
	[ 'rain jacket', 'rain jackets' ],
	[ 'mechanical keyboard', 'mechanical keyboards' ],
	[ 'wireless earbud', 'wireless earbuds' ],
	[ 'smart watch', 'smart watches' ],
	[ 'espresso machine', 'espresso machines' ],
	[ 'blender', 'blenders' ],
	[ 'mattress', 'mattresses' ],
	[ 'pillow', 'pillows' ],
	[ 'camping tent', 'camping tents' ],
	[ 'sleeping bag', 'sleeping bags' ],
	[ 'kayak', 'kayaks' ],
	[ 'road bike', 'road bikes' ],
	[ 'tennis racket', 'tennis rackets' ],
	[ 'golf club', 'golf clubs' ],
	[ 'baby stroller', 'baby strollers' ],
	[ 'car seat', 'car seats' ],
	[ 'dash cam', 'dash cams' ],
	[ 'electric toothbrush', 'electric toothbrushes' ],
	[ 'hair dryer', 'hair dryers' ],
	[ 'face moisturizer', 'face moisturizers' ],
	[ 'sunscreen', 'sunscreens' ],
	[ 'vitamin d supplement', 'vitamin d supplements' ],
	[ 'cat litter', 'cat litters' ],
	[ 'dog food', 'dog foods' ],
	[ 'fish tank', 'fish tanks' ],
	[ 'garden hose', 'garden hoses' ],
	[ 'lawn mower', 'lawn mowers' ],
	[ 'pressure washer', 'pressure washers' ],
	[ 'cordless drill', 'cordless drills' ],
	[ 'tool box', 'tool boxes' ],
	[ 'kitchen knife', 'kitchen knives' ],
	[ 'cast iron skillet', 'cast iron skillets' ],
	[ 'rice cooker', 'rice cookers' ],
	[ 'stand mixer', 'stand mixers' ],
	[ 'wine glass', 'wine glasses' ],
	[ 'desk lamp', 'desk lamps' ],
	[ 'bookshelf', 'bookshelves' ],
	[ 'sofa bed', 'sofa beds' ],
	[ 'area rug', 'area rugs' ],
	[ 'ceiling fan', 'ceiling fans' ],
	[ 'space heater', 'space heaters' ],
	[ 'air purifier', 'air purifiers' ],
	[ 'humidifier', 'humidifiers' ],
	[ 'security camera', 'security cameras' ],
	[ 'video doorbell', 'video doorbells' ],
	[ 'wifi router', 'wifi routers' ],
	[ 'external hard drive', 'external hard drives' ],
	[ 'graphics card', 'graphics cards' ],
	[ 'gaming monitor', 'gaming monitors' ],
	[ 'webcam', 'webcams' ],
	[ 'microphone', 'microphones' ],
	[ 'acoustic guitar', 'acoustic guitars' ],
	[ 'digital piano', 'digital pianos' ],
	[ 'drone', 'drones' ],
	[ 'telescope', 'telescopes' ],
	[ 'fitness tracker', 'fitness trackers' ],
	[ 'treadmill', 'treadmills' ],
	[ 'dumbbell', 'dumbbells' ],
	[ 'resistance band', 'resistance bands' ],
	[ 'swim goggle', 'swim goggles' ],
	[ 'ski jacket', 'ski jackets' ],
	[ 'snowboard', 'snowboards' ],
	[ 'wedding dress', 'wedding dresses' ],
	[ 'engagement ring', 'engagement rings' ],
	[ 'leather wallet', 'leather wallets' ],
	[ 'sunglass', 'sunglasses' ],
];

/** Audience and attribute qualifiers; each has spelling variants that mean the same search. */
const QUALIFIERS = [
	{ forms: [ 'for men', "men's", 'mens' ], before: [ false, true, true ] },
	{
		forms: [ 'for women', "women's", 'womens' ],
		before: [ false, true, true ],
	},
	{ forms: [ 'for kids', "kids'", 'kids' ], before: [ false, true, true ] },
	{ forms: [ 'for seniors' ], before: [ false ] },
	{ forms: [ 'for travel' ], before: [ false ] },
	{ forms: [ 'for small spaces' ], before: [ false ] },
	{ forms: [ 'for beginners' ], before: [ false ] },
	{ forms: [ 'waterproof' ], before: [ true ] },
	{ forms: [ 'lightweight', 'light weight' ], before: [ true, true ] },
	{ forms: [ 'portable' ], before: [ true ] },
	{ forms: [ 'wireless' ], before: [ true ] },
	{ forms: [ 'black' ], before: [ true ] },
	{ forms: [ 'white' ], before: [ true ] },
	{ forms: [ 'small' ], before: [ true ] },
	{ forms: [ 'large', 'big' ], before: [ true, true ] },
	{ forms: [ 'foldable', 'folding' ], before: [ true, true ] },
	{ forms: [ 'stainless steel' ], before: [ true ] },
	{ forms: [ 'eco friendly', 'eco-friendly' ], before: [ true, true ] },
	{ forms: [ 'heavy duty' ], before: [ true ] },
	{ forms: [ 'professional' ], before: [ true ] },
	{ forms: [ 'vintage' ], before: [ true ] },
	{ forms: [ 'luxury' ], before: [ true ] },
	{ forms: [ 'compact' ], before: [ true ] },
	{ forms: [ 'quiet' ], before: [ true ] },
	{ forms: [ 'rechargeable' ], before: [ true ] },
	{ forms: [ 'with storage' ], before: [ false ] },
	{ forms: [ 'for home' ], before: [ false ] },
	{ forms: [ 'for office' ], before: [ false ] },
	{ forms: [ 'for outdoor use', 'outdoor' ], before: [ false, true ] },
	{ forms: [ 'for flat feet' ], before: [ false ] },
	{ forms: [ 'for back pain' ], before: [ false ] },
	{ forms: [ 'for dogs' ], before: [ false ] },
	{ forms: [ 'for cats' ], before: [ false ] },
	{ forms: [ 'under 100', 'under $100' ], before: [ false, false ] },
	{ forms: [ '2025' ], before: [ false ] },
	{ forms: [ 'nike' ], before: [ true ] },
	{ forms: [ 'samsung' ], before: [ true ] },
	{ forms: [ 'ikea' ], before: [ true ] },
	{ forms: [ 'amazon' ], before: [ false ] },
	{ forms: [ 'uk' ], before: [ false ] },
	{ forms: [ 'australia' ], before: [ false ] },
];

/** Intent templates: {k} is the (qualified) head; alternatives are phrasings of the same intent. */
const TEMPLATES = [
	[ '{k}' ],
	[ 'best {k}', 'top {k}', 'best {k} to buy' ],
	[ '{k} price', 'cheap {k}', '{k} cost', 'cheapest {k}' ],
	[ '{k} review', '{k} reviews' ],
	[ 'how to clean {k}', 'how to clean a {k}', 'how do you clean {k}' ],
	[ 'how to choose {k}', 'how to pick a {k}' ],
	[ 'what is a {k}', 'what are {k}' ],
	[ '{k} near me', '{k} nearby' ],
	[ 'buy {k}', 'buy {k} online', '{k} for sale' ],
	[ '{k} deals', '{k} discount', '{k} coupon' ],
	[ '{k} vs', '{k} comparison' ],
	[ 'best {k} 2025', 'top {k} 2025' ],
	[ '{k} for beginners', 'beginner {k}' ],
	[ '{k} alternatives', 'alternatives to {k}' ],
	[ 'diy {k}', 'homemade {k}' ],
	[ '{k} repair', 'fix {k}', 'repairing {k}' ],
	[ '{k} accessories' ],
	[ '{k} brands', '{k} brand' ],
	[ 'used {k}', 'second hand {k}' ],
	[ '{k} sizes', '{k} size chart' ],
];

function typo( rand, text ) {
	const words = text.split( ' ' );
	const long = words
		.map( ( w, i ) => [ w, i ] )
		.filter( ( [ w ] ) => w.length >= 6 && /^[a-z]+$/.test( w ) );
	if ( long.length === 0 ) return text;
	const [ w, i ] = long[ Math.floor( rand() * long.length ) ];
	const at = 1 + Math.floor( rand() * ( w.length - 2 ) );
	words[ i ] =
		rand() < 0.5
			? w.slice( 0, at ) + w.slice( at + 1 )
			: w.slice( 0, at ) + w[ at + 1 ] + w[ at ] + w.slice( at + 2 );
	return words.join( ' ' );
}

export function generateKeywords( size, seed = SEED ) {
	const rand = mulberry32( seed ^ size );
	const zipfTables = new Map();
	const zipf = ( n, s ) => {
		const key = `${ n }:${ s }`;
		if ( ! zipfTables.has( key ) ) {
			const cdf = [];
			let total = 0;
			for ( let i = 1; i <= n; i++ ) cdf.push( ( total += 1 / i ** s ) );
			zipfTables.set(
				key,
				cdf.map( ( c ) => c / total )
			);
		}
		const cdf = zipfTables.get( key );
		const x = rand();
		let lo = 0;
		let hi = cdf.length - 1;
		while ( lo < hi ) {
			const mid = ( lo + hi ) >> 1;
			if ( cdf[ mid ] < x ) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	const seen = new Set();
	const keywords = [];
	const truth = [];
	let attempts = 0;
	while ( keywords.length < size && attempts < size * 50 ) {
		attempts++;
		const h = zipf( HEADS.length, 0.8 );
		const q = rand() < 0.35 ? -1 : zipf( QUALIFIERS.length, 0.7 );
		const t = rand() < 0.3 ? 0 : zipf( TEMPLATES.length, 0.9 );
		const head = HEADS[ h ][ rand() < 0.5 ? 0 : 1 ];
		let k = head;
		if ( q >= 0 ) {
			const qual = QUALIFIERS[ q ];
			const f = Math.floor( rand() * qual.forms.length );
			k = qual.before[ f ]
				? `${ qual.forms[ f ] } ${ head }`
				: `${ head } ${ qual.forms[ f ] }`;
		}
		const phrasings = TEMPLATES[ t ];
		let text = phrasings[ Math.floor( rand() * phrasings.length ) ].replace(
			'{k}',
			k
		);
		const misspelt = rand() < 0.03;
		if ( misspelt ) text = typo( rand, text );
		if ( rand() < 0.05 )
			text = text.replace( /^./, ( c ) => c.toUpperCase() );
		const norm = text.toLowerCase().replace( /\s+/g, ' ' ).trim();
		if ( seen.has( norm ) ) continue;
		seen.add( norm );
		// long-tail volume: popularity of the parts times log-normal noise; some rows have none
		const base = 200000 / ( ( h + 1 ) * ( q + 2 ) * ( t + 1 ) ** 1.2 );
		const noise = Math.exp( ( rand() + rand() + rand() - 1.5 ) * 2 );
		const volume =
			rand() < 0.1
				? null
				: Math.max(
						0,
						Math.round(
							( base * noise * ( misspelt ? 0.05 : 1 ) ) / 10
						) * 10
					);
		keywords.push( { id: keywords.length + 1, keyword: text, volume } );
		truth.push( `${ h }:${ q }:${ t }` );
	}
	return { keywords, truth };
}

// ---------- child: one size, its own heap ----------

function median( values ) {
	const s = [ ...values ].sort( ( a, b ) => a - b );
	return s[ Math.floor( s.length / 2 ) ];
}

async function runChild( libPath, size ) {
	const { clusterKeywords } = await import( pathToFileURL( libPath ).href );
	const { keywords, truth } = generateKeywords( size );
	const runs = size <= 1000 ? 7 : size <= 10000 ? 3 : 1;
	globalThis.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const times = [];
	const cpuTimes = [];
	let result;
	for ( let r = 0; r < runs; r++ ) {
		const cpu = process.cpuUsage();
		const start = performance.now();
		result = clusterKeywords( keywords );
		times.push( ( performance.now() - start ) / 1000 );
		const used = process.cpuUsage( cpu );
		cpuTimes.push( ( used.user + used.system ) / 1e6 );
	}
	const heapAfter = process.memoryUsage().heapUsed;
	const heapCommitted = process.memoryUsage().heapTotal;
	const peakRss = process.resourceUsage().maxRSS * 1024;

	// Quality against the generator's labels (head × qualifier × intent template).
	const labelOf = new Map( keywords.map( ( k, i ) => [ k.id, truth[ i ] ] ) );
	let pure = 0;
	let clustered = 0;
	const bestClusterShare = new Map();
	for ( const c of result.clusters ) {
		const counts = new Map();
		for ( const id of c.keywordIds )
			counts.set(
				labelOf.get( id ),
				( counts.get( labelOf.get( id ) ) ?? 0 ) + 1
			);
		pure += Math.max( ...counts.values() );
		clustered += c.keywordIds.length;
		for ( const [ label, n ] of counts )
			bestClusterShare.set(
				label,
				Math.max( bestClusterShare.get( label ) ?? 0, n )
			);
	}
	const labelSizes = new Map();
	for ( const l of truth )
		labelSizes.set( l, ( labelSizes.get( l ) ?? 0 ) + 1 );
	let together = 0;
	let groupable = 0;
	for ( const [ label, n ] of labelSizes ) {
		if ( n < 2 ) continue;
		groupable += n;
		together += bestClusterShare.get( label ) ?? 0;
	}
	process.stdout.write(
		JSON.stringify( {
			size: keywords.length,
			seconds: median( times ),
			cpuSeconds: median( cpuTimes ),
			runs,
			peakRssMb: peakRss / 2 ** 20,
			heapCommittedMb: heapCommitted / 2 ** 20,
			heapGrowthMb: ( heapAfter - heapBefore ) / 2 ** 20,
			clusters: result.clusters.length,
			clusteredShare: clustered / keywords.length,
			avgClusterSize: clustered / Math.max( 1, result.clusters.length ),
			purity: pure / Math.max( 1, clustered ),
			completeness: together / Math.max( 1, groupable ),
		} )
	);
}

// ---------- parent: bundle once, one child per size, a markdown table ----------

async function main() {
	const sizes = process.argv
		.slice( 2 )
		.map( Number )
		.filter( ( n ) => n > 0 );
	const dir = mkdtempSync( path.join( tmpdir(), 'igny8-clustering-' ) );
	try {
		const { build } = createRequire( path.join( root, 'package.json' ) )(
			'esbuild'
		);
		const libPath = path.join( dir, 'clustering.mjs' );
		await build( {
			entryPoints: [
				path.join( root, 'shared/src/seo/clustering/index.ts' ),
			],
			bundle: true,
			format: 'esm',
			platform: 'neutral',
			outfile: libPath,
			logLevel: 'error',
		} );
		const rows = [];
		for ( const size of sizes.length ? sizes : [ 1000, 10000, 50000 ] ) {
			const out = execFileSync(
				process.execPath,
				[
					'--expose-gc',
					fileURLToPath( import.meta.url ),
					'--child',
					libPath,
					String( size ),
				],
				{
					encoding: 'utf8',
					maxBuffer: 1 << 20,
				}
			);
			rows.push( JSON.parse( out ) );
		}
		const pct = ( x ) => `${ ( x * 100 ).toFixed( 1 ) } %`;
		const load = loadavg()[ 0 ].toFixed( 1 );
		console.log(
			`node ${ process.version }, ${ cpus().length } CPUs (load ${ load } at the end), seed ${ SEED }\n`
		);
		console.log(
			'| keywords | seconds (median) | CPU seconds | peak RSS | heap committed | clusters | clustered share | avg cluster size | purity | completeness |'
		);
		console.log( '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|' );
		for ( const r of rows ) {
			console.log(
				`| ${ r.size.toLocaleString( 'en' ) } | ${ r.seconds.toFixed( 3 ) } (${ r.runs } run${ r.runs > 1 ? 's' : '' }) | ${ r.cpuSeconds.toFixed( 3 ) } | ${ r.peakRssMb.toFixed( 0 ) } MB | ` +
					`${ r.heapCommittedMb.toFixed( 0 ) } MB | ${ r.clusters.toLocaleString( 'en' ) } | ${ pct( r.clusteredShare ) } | ${ r.avgClusterSize.toFixed( 2 ) } | ` +
					`${ pct( r.purity ) } | ${ pct( r.completeness ) } |`
			);
		}
		console.log(
			"\npeak RSS: the child process's maxRSS (generation + clustering); heap committed: V8 heapTotal after the runs."
		);
		console.log(
			"purity: share of clustered keywords whose generator label (head × qualifier × intent) is their cluster's majority label;"
		);
		console.log(
			"completeness: share of keywords (labels with ≥ 2 keywords) that sit in their label's largest cluster."
		);
	} finally {
		rmSync( dir, { recursive: true, force: true } );
	}
}

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	if ( process.argv[ 2 ] === '--child' )
		await runChild( process.argv[ 3 ], Number( process.argv[ 4 ] ) );
	else await main();
}
