// The one error shape of every IGNY8 API call in the browser, whichever server answered.

export type FieldErrors = Readonly< Record< string, readonly string[] > >;

export interface ApiErrorInit {
	status: number;
	code: string;
	message: string;
	fieldErrors?: FieldErrors;
	requestId?: string | null;
}

export class ApiError extends Error {
	/** HTTP status, or 0 when no answer came back (offline, CORS, DNS). */
	readonly status: number;
	readonly code: string;
	readonly fieldErrors: FieldErrors;
	readonly requestId: string | null;

	constructor( init: ApiErrorInit ) {
		super( init.message );
		this.name = 'ApiError';
		this.status = init.status;
		this.code = init.code;
		this.fieldErrors = init.fieldErrors ?? {};
		this.requestId = init.requestId ?? null;
	}
}
