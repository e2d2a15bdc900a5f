// Error codes of the unified envelope: the same words in the cloud, the plugin and the dashboard.
export const ERROR_CODES = {
	validation: 400,
	bad_json: 400,
	unauthenticated: 401,
	token_expired: 401,
	bad_signature: 401,
	stale_request: 401,
	replayed_nonce: 401,
	insufficient_credits: 402,
	forbidden: 403,
	/** The account is suspended or cancelled: every sign-in, token and signed request is refused. */
	account_inactive: 403,
	not_found: 404,
	conflict: 409,
	not_connected: 409,
	payload_too_large: 413,
	unsupported_media_type: 415,
	plan_limit: 422,
	unprocessable: 422,
	rate_limited: 429,
	internal: 500,
	upstream: 502,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
	success: false;
	error: string;
	code: ErrorCode;
	errors?: Record< string, string[] >;
	request_id: string;
}

export interface SuccessBody< T > {
	success: true;
	data: T;
	message?: string;
	request_id: string;
}

export interface ListBody< T > {
	success: true;
	count: number;
	next: string | null;
	previous: string | null;
	results: T[];
	request_id: string;
}
