// The ledger's entry types, copied as plain values: importing them from @igny8/shared would bundle zod.
// test/constants.test.ts keeps them equal to the shared ones.
import type { TRANSACTION_TYPES as SHARED_TYPES } from '@igny8/shared';

export const TRANSACTION_TYPES = [ 'grant', 'topup', 'hold', 'release', 'refund', 'adjustment' ] as const satisfies readonly ( typeof SHARED_TYPES )[ number ][];

export const LEDGER_PAGE_SIZES = [ 25, 50, 100 ] as const;
export const USAGE_PRESETS = [ 7, 30, 90 ] as const;
/** The longest range drawn day by day; longer ranges still fill the table. */
export const MAX_CHART_DAYS = 366;
