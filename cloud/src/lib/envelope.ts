// The unified response envelope of ARCHITECTURE §2.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '@igny8/shared';
import type { AppBindings } from '../env';
import type { AppError } from './errors';

export function ok< T >(
	c: Context< AppBindings >,
	data: T,
	status: ContentfulStatusCode = 200,
	message?: string
): Response {
	return c.json(
		{
			success: true,
			data,
			...( message ? { message } : {} ),
			request_id: c.get( 'requestId' ),
		},
		status
	);
}

export function list< T >(
	c: Context< AppBindings >,
	results: T[],
	page: { count: number; next?: string | null; previous?: string | null }
): Response {
	return c.json( {
		success: true,
		count: page.count,
		next: page.next ?? null,
		previous: page.previous ?? null,
		results,
		request_id: c.get( 'requestId' ),
	} );
}

export function errorBody(
	requestId: string,
	err: Pick< AppError, 'code' | 'message' | 'fieldErrors' | 'extra' >
): ErrorBody {
	return {
		success: false,
		error: err.message,
		code: err.code,
		...( err.fieldErrors ? { errors: err.fieldErrors } : {} ),
		...( err.extra ?? {} ),
		request_id: requestId,
	};
}
