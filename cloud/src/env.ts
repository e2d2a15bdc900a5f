// The Worker's bindings and per-request variables, declared once (wrangler.toml is the source).
import type { Db } from './db';
import type { Principal } from './lib/principal';

export interface Env {
	DB: D1Database;
	MEDIA: R2Bucket;
	AI_JOBS: Queue;
	SYNC_JOBS: Queue;
	ASSETS?: Fetcher;
	AUTH_LIMITER?: RateLimit;
	API_LIMITER?: RateLimit;
	SIGNUP_LIMITER?: RateLimit;
	ENVIRONMENT: string;
	ALLOWED_ORIGINS?: string;
	/** HS256 key for access tokens (secret). */
	JWT_SECRET: string;
	/** base64 of 32 bytes: AES-GCM key for secrets at rest (secret). */
	ENCRYPTION_KEY: string;
	/** Optional deployment-wide OpenAI-compatible provider (local development); accounts' own settings win. */
	OPENAI_API_KEY?: string;
	OPENAI_BASE_URL?: string;
	OPENAI_TEXT_MODEL?: string;
	/**
	 * "true" only in local development and tests (wrangler dev --var, vitest bindings): lets URLs that users
	 * choose be http and loopback. Never set in wrangler.toml, which is what deploys.
	 */
	DEV_ALLOW_LOOPBACK?: string;
	/** Seconds before the second attempt of a failed publish (doubling after each, at most an hour); default 30. */
	SYNC_RETRY_BASE_SECONDS?: string;
	/** Runware's API address (tests point it at the local stand-in). */
	RUNWARE_API_URL?: string;
}

export interface AppBindings {
	Bindings: Env;
	Variables: {
		requestId: string;
		db: Db;
		principal: Principal;
		/** Objects named by path parameters, loaded and checked against the caller before validation. */
		resources: Record< string, unknown >;
	};
}
