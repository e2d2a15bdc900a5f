// One named entry per wp-admin screen; @wordpress/* and React stay WordPress's own globals.
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

// WordPress 6.5 registers no `react-jsx-runtime` script (6.6 does): a dependency on it would keep
// our scripts from loading at all, so the JSX runtime is bundled (src/jsx-runtime.ts, a few lines).
const JSX_RUNTIME = path.resolve( __dirname, 'src/jsx-runtime.ts' );
const JSX_RUNTIME_REQUESTS = new Set( [
	'react/jsx-runtime',
	'react/jsx-dev-runtime',
] );

const isExtraction = ( plugin ) =>
	plugin.constructor.name === 'DependencyExtractionWebpackPlugin';
const extraction = defaultConfig.plugins.find( isExtraction );
if ( ! extraction ) {
	throw new Error(
		'wp-scripts webpack config has no DependencyExtractionWebpackPlugin to replace'
	);
}
const DependencyExtractionWebpackPlugin = extraction.constructor;

/**
 * Writes build/chunks.php: each entry => the chunk files it may load later with import(). WordPress only
 * registers translations for the scripts it enqueues; PHP (class-assets.php) reads this list to load the
 * chunks' translations too, before the entry runs.
 */
class ChunkManifestPlugin {
	apply( compiler ) {
		const { Compilation, sources } = compiler.webpack;
		compiler.hooks.thisCompilation.tap(
			'ChunkManifestPlugin',
			( compilation ) => {
				compilation.hooks.processAssets.tap(
					{
						name: 'ChunkManifestPlugin',
						stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE,
					},
					() => {
						const rows = [];
						for ( const [ name, entrypoint ] of [
							...compilation.entrypoints,
						].sort( ( [ a ], [ b ] ) => a.localeCompare( b ) ) ) {
							const files = new Set();
							for ( const chunk of entrypoint
								.getEntrypointChunk()
								.getAllAsyncChunks() ) {
								for ( const file of chunk.files ) {
									// chunkFilename is `[name].js?ver=[chunkhash]`: the file is what precedes the query.
									const path = file.split( '?' )[ 0 ];
									if ( path.endsWith( '.js' ) ) {
										files.add( path );
									}
								}
							}
							const list = [ ...files ]
								.sort()
								.map( ( file ) => `'${ file }'` )
								.join( ', ' );
							rows.push( `\t'${ name }' => array( ${ list } ),` );
						}
						compilation.emitAsset(
							'chunks.php',
							new sources.RawSource(
								`<?php return array(\n${ rows.join( '\n' ) }\n);\n`
							)
						);
					}
				);
			}
		);
	}
}

module.exports = {
	...defaultConfig,
	entry: {
		// IGNY8 → Settings: Connection in the entry; AI providers, Prompts, Author profiles and Strategies
		// load as chunks when their tab opens.
		settings: './src/admin/settings/index.tsx',
		// IGNY8 → Planner, Keywords, Clusters, Ideas: one script per screen; rare parts (the import
		// report, the idea editor, the merge and split dialogs, the chart) load as chunks on first use.
		planner: './src/admin/planner/dashboard/index.tsx',
		keywords: './src/admin/planner/keywords/index.tsx',
		clusters: './src/admin/planner/clusters/index.tsx',
		ideas: './src/admin/planner/ideas/index.tsx',
		// IGNY8 → Tasks, Content, Images (the Writer): the task editor, the content review screen (editor
		// and preview) and the large image view load as chunks on first use.
		tasks: './src/admin/writer/tasks/index.tsx',
		content: './src/admin/writer/content/index.tsx',
		images: './src/admin/writer/images/index.tsx',
		// IGNY8 → Publishing: the publishing log; its chart loads as a chunk.
		publishing: './src/admin/publishing/index.tsx',
		// IGNY8 → Credits: balance, ledger and usage; the usage charts load as a chunk.
		credits: './src/admin/credits/index.tsx',
	},
	resolve: {
		...defaultConfig.resolve,
		alias: {
			...defaultConfig.resolve?.alias,
			'react/jsx-runtime$': JSX_RUNTIME,
			'react/jsx-dev-runtime$': JSX_RUNTIME,
		},
	},
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) => ! isExtraction( plugin )
		),
		new DependencyExtractionWebpackPlugin( {
			// false = bundle it; undefined = the plugin's defaults (wp-* handles, react, react-dom).
			requestToExternal: ( request ) =>
				JSX_RUNTIME_REQUESTS.has( request ) ? false : undefined,
		} ),
		new ChunkManifestPlugin(),
	],
};
