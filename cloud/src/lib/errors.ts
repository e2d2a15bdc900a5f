// Typed domain errors: thrown anywhere, turned into the envelope by the one onError.
import { ERROR_CODES, type ErrorCode } from '@igny8/shared';

export class AppError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly fieldErrors?: Record< string, string[] >,
		readonly extra?: Record< string, unknown >
	) {
		super( message );
		this.status = ERROR_CODES[ code ];
	}
}

export const notFound = ( what = 'Not found' ) =>
	new AppError( 'not_found', what );
export const forbidden = ( why = 'Your role does not allow this action' ) =>
	new AppError( 'forbidden', why );
export const unauthenticated = ( why = 'Authentication required' ) =>
	new AppError( 'unauthenticated', why );
export const conflict = ( why: string, fields?: Record< string, string[] > ) =>
	new AppError( 'conflict', why, fields );
export const validation = (
	why: string,
	fields?: Record< string, string[] >
) => new AppError( 'validation', why, fields );
export const planLimit = ( limit: string, max: number ) =>
	new AppError(
		'plan_limit',
		`Your plan allows ${ max } ${ limit.replace( /^max_/, '' ).replace( /_/g, ' ' ) }; ` +
			'upgrade the plan or remove some first',
		undefined,
		{
			limit,
			max,
		}
	);
