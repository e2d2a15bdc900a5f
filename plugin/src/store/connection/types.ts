import type { schemas } from '@igny8/shared';
import type { FieldErrors } from '../../api/errors';
import type {
	ConnectionStatus,
	ConnectionTestResult,
	DisconnectResult,
} from '../../api/wp';

export type { ConnectionStatus, ConnectionTestResult, DisconnectResult };

/** Each request the store makes, with its own busy flag. */
export type Operation = 'status' | 'cloud' | 'connect' | 'test' | 'disconnect';

/** What the cloud says about this site through `GET /auth/me`. */
export type CloudDetails = schemas.Me;

/** A failure kept in state: a plain value, never an Error instance. */
export interface ErrorInfo {
	status: number;
	code: string;
	message: string;
	fieldErrors: FieldErrors;
}

export interface OperationError extends ErrorInfo {
	operation: Operation;
}

export interface ConnectionState {
	/** The plugin's view of the connection (`/igny8/v1/status`); seeded from the inlined state. */
	status: ConnectionStatus | null;
	cloud: CloudDetails | null;
	/** Why the cloud details could not be loaded; the local status stays usable. */
	cloudError: ErrorInfo | null;
	busy: Readonly< Record< Operation, boolean > >;
	lastTest: ConnectionTestResult | null;
	lastDisconnect: DisconnectResult | null;
	/** The latest failed operation other than loading cloud details. */
	lastError: OperationError | null;
}
