// ESLint for everything outside the plugin's browser code: the Worker (cloud/), the shared contract and
// algorithms (shared/) and the Node scripts (.mjs). plugin/src has its own: `wp-scripts lint-js`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'**/node_modules/',
			'**/build/',
			'**/dist/',
			'.state/',
			'.wrangler/',
			'.ci/',
			'bench/.deps/',
			'cloud/migrations/',
			'plugin/src/',
			'plugin/php/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {
				project: [
					'shared/tsconfig.json',
					'cloud/tsconfig.json',
					'cloud/tsconfig.node.json',
					'plugin/tsconfig.json',
				],
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// Plain JavaScript is in no tsconfig: the rules that need types stay with the TypeScript.
		files: [ '**/*.{js,mjs,cjs}' ],
		extends: [ tseslint.configs.disableTypeChecked ],
		languageOptions: { globals: globals.node },
	},
	{
		// webpack reads its config with require(): CommonJS is the point of this file.
		files: [ 'plugin/webpack.config.js', 'plugin/eslint.config.cjs' ],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		// The agency dashboard: a classic browser script served by the Worker.
		files: [ 'cloud/dashboard/public/**/*.js' ],
		languageOptions: { sourceType: 'script', globals: globals.browser },
	},
	{
		// Tests read the API's answers as parsed JSON: `api()` hands them over untyped on purpose, and
		// asserting on their fields is what the tests are for.
		files: [ '**/*.test.ts', 'cloud/test/**/*.ts' ],
		rules: {
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
		},
	},
	prettier
);
