import type { FieldErrors } from '../../api/errors';
import type {
	CloudDetails,
	ConnectionState,
	ConnectionStatus,
	ConnectionTestResult,
	DisconnectResult,
	ErrorInfo,
	Operation,
	OperationError,
} from './types';

const EMPTY_FIELD_ERRORS: FieldErrors = Object.freeze( {} );

export function getStatus( state: ConnectionState ): ConnectionStatus | null {
	return state.status;
}

export function isConnected( state: ConnectionState ): boolean {
	return state.status?.connected === true;
}

export function getCloudDetails( state: ConnectionState ): CloudDetails | null {
	return state.cloud;
}

export function getCloudError( state: ConnectionState ): ErrorInfo | null {
	return state.cloudError;
}

/**
 * Whether `operation` (or, without one, any operation) is in flight.
 *
 * @param state     Store state.
 * @param operation An operation, or none for any.
 */
export function isBusy(
	state: ConnectionState,
	operation?: Operation
): boolean {
	if ( operation ) {
		return state.busy[ operation ];
	}
	return Object.values( state.busy ).some( Boolean );
}

export function getLastTestResult(
	state: ConnectionState
): ConnectionTestResult | null {
	return state.lastTest;
}

export function getLastDisconnect(
	state: ConnectionState
): DisconnectResult | null {
	return state.lastDisconnect;
}

/**
 * The latest failure, or only the latest failure of `operation`.
 *
 * @param state     Store state.
 * @param operation An operation, or none for any.
 */
export function getLastError(
	state: ConnectionState,
	operation?: Operation
): OperationError | null {
	const error = state.lastError;
	if ( ! error || ( operation && error.operation !== operation ) ) {
		return null;
	}
	return error;
}

/**
 * Per-field messages of the latest failure of `operation`, for showing under the inputs.
 *
 * @param state     Store state.
 * @param operation The operation.
 */
export function getFieldErrors(
	state: ConnectionState,
	operation: Operation
): FieldErrors {
	return getLastError( state, operation )?.fieldErrors ?? EMPTY_FIELD_ERRORS;
}
