import { defineConfig } from 'drizzle-kit';

export default defineConfig( {
	dialect: 'sqlite',
	schema: './cloud/src/db/schema.ts',
	out: './cloud/migrations',
	casing: 'snake_case',
} );
