// The one error shape of every IGNY8 API call in the browser, whichever server answered.

export type FieldErrors = Readonly< Record< string, readonly string[] > >;

export interface ApiErrorInit {
	status: number;
	code: string;
	message: string;
	fieldErrors?: FieldErrors;
	requestId?: string | null;
	/** Extra fields of the error envelope, e.g. `limit_rows` of a `payload_too_large`. */
	details?: Readonly< Record< string, unknown > >;
}

export class ApiError extends Error {
	/** HTTP status, or 0 when no answer came back (offline, CORS, DNS). */
	readonly status: number;
	readonly code: string;
	readonly fieldErrors: FieldErrors;
	readonly requestId: string | null;
	readonly details: Readonly< Record< string, unknown > >;

	constructor( init: ApiErrorInit ) {
		super( init.message );
		this.name = 'ApiError';
		this.status = init.status;
		this.code = init.code;
		this.fieldErrors = init.fieldErrors ?? {};
		this.requestId = init.requestId ?? null;
		this.details = init.details ?? {};
	}
}

/** A failure as stores keep it: a plain value, never an Error instance. */
export interface ErrorInfo {
	status: number;
	code: string;
	message: string;
	fieldErrors: FieldErrors;
	requestId?: string | null;
	details?: Readonly< Record< string, unknown > >;
}

export function toErrorInfo( error: unknown ): ErrorInfo {
	if ( error instanceof ApiError ) {
		return {
			status: error.status,
			code: error.code,
			message: error.message,
			fieldErrors: error.fieldErrors,
			requestId: error.requestId,
			details: error.details,
		};
	}
	const message = error instanceof Error ? error.message : String( error );
	return { status: 0, code: 'unknown_error', message, fieldErrors: {} };
}
