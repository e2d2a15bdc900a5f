// Cloud tests run inside workerd with real local D1, Queues and R2 (Miniflare), through the whole app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	cloudflareTest,
	readD1Migrations,
} from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const here = path.dirname( fileURLToPath( import.meta.url ) );

export default defineConfig( async () => {
	const migrations = await readD1Migrations(
		path.join( here, 'migrations' )
	);
	return {
		root: here,
		plugins: [
			cloudflareTest( ( { inject } ) => ( {
				main: path.join( here, 'src/index.ts' ),
				wrangler: { configPath: path.join( here, '../wrangler.toml' ) },
				miniflare: {
					bindings: {
						TEST_MIGRATIONS: migrations,
						JWT_SECRET:
							'test-jwt-secret-0123456789abcdef0123456789abcdef',
						// base64 of 32 bytes
						ENCRYPTION_KEY:
							'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
						ALLOWED_ORIGINS: 'http://dashboard.test',
						// The WordPress fixtures and the AI stand-in listen on 127.0.0.1 over http.
						DEV_ALLOW_LOOPBACK: 'true',
						// Publishing retries after 1, 2, 4… s instead of 30, 60, 120… s.
						SYNC_RETRY_BASE_SECONDS: '1',
						// Runware's task API, acted out by the local stand-in (test/fake-openai.mjs).
						RUNWARE_API_URL: inject( 'fakeOpenAiUrl' ).replace(
							/\/v1$/,
							'/runware'
						),
					},
				},
			} ) ),
		],
		test: {
			include: [ 'src/**/*.test.ts', 'test/**/*.test.ts' ],
			setupFiles: [ './test/apply-migrations.ts' ],
			globalSetup: [ './test/global-setup.ts' ],
			testTimeout: 30_000,
		},
	};
} );
