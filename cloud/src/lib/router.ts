import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppBindings } from '../env';
import { AppError } from './errors';
import { fieldErrors } from './zod-errors';

/** Every router of the API: validation failures become the 400 envelope with field errors. */
export function createRouter() {
	return new OpenAPIHono< AppBindings >( {
		strict: false,
		defaultHook: ( result ) => {
			if ( ! result.success ) {
				const where = result.target === 'json' ? 'body' : result.target;
				throw new AppError(
					'validation',
					`The request ${ where } is not valid`,
					fieldErrors( result.error )
				);
			}
		},
	} );
}
