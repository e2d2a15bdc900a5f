// `wp-scripts lint-js`: wp-scripts' own config, unchanged but for one thing an npm workspace needs.
const path = require( 'path' );
const wpScripts = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	...wpScripts,
	{
		// Tests import vitest, a devDependency of the workspace root rather than of the plugin.
		files: [ 'src/**/test/**', 'src/**/*.test.{ts,tsx}' ],
		rules: {
			'import/no-extraneous-dependencies': [
				'error',
				{
					peerDependencies: true,
					packageDir: [ __dirname, path.join( __dirname, '..' ) ],
				},
			],
		},
	},
];
