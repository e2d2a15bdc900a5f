import type {
	CloudDetails,
	ConnectionStatus,
	ConnectionTestResult,
	DisconnectResult,
	ErrorInfo,
	Operation,
} from './types';

export type Action =
	| { type: 'RECEIVE_STATUS'; status: ConnectionStatus }
	| { type: 'RECEIVE_CLOUD_DETAILS'; details: CloudDetails }
	| { type: 'RECEIVE_TEST_RESULT'; result: ConnectionTestResult }
	| { type: 'DISCONNECTED'; result: DisconnectResult }
	| { type: 'OPERATION_STARTED'; operation: Operation }
	| { type: 'OPERATION_FINISHED'; operation: Operation }
	| { type: 'OPERATION_FAILED'; operation: Operation; error: ErrorInfo }
	| { type: 'CLEAR_ERROR' };

type ActionOf< T extends Action[ 'type' ] > = Extract< Action, { type: T } >;

export function receiveStatus(
	status: ConnectionStatus
): ActionOf< 'RECEIVE_STATUS' > {
	return { type: 'RECEIVE_STATUS', status };
}

export function receiveCloudDetails(
	details: CloudDetails
): ActionOf< 'RECEIVE_CLOUD_DETAILS' > {
	return { type: 'RECEIVE_CLOUD_DETAILS', details };
}

export function receiveTestResult(
	result: ConnectionTestResult
): ActionOf< 'RECEIVE_TEST_RESULT' > {
	return { type: 'RECEIVE_TEST_RESULT', result };
}

export function disconnected(
	result: DisconnectResult
): ActionOf< 'DISCONNECTED' > {
	return { type: 'DISCONNECTED', result };
}

export function startOperation(
	operation: Operation
): ActionOf< 'OPERATION_STARTED' > {
	return { type: 'OPERATION_STARTED', operation };
}

export function finishOperation(
	operation: Operation
): ActionOf< 'OPERATION_FINISHED' > {
	return { type: 'OPERATION_FINISHED', operation };
}

export function failOperation(
	operation: Operation,
	error: ErrorInfo
): ActionOf< 'OPERATION_FAILED' > {
	return { type: 'OPERATION_FAILED', operation, error };
}

export function clearError(): ActionOf< 'CLEAR_ERROR' > {
	return { type: 'CLEAR_ERROR' };
}
