// The ledger's types are copied from the contract (importing them would bundle zod): they must not drift.
import { TRANSACTION_TYPES } from '@igny8/shared';
import { describe, expect, it } from 'vitest';
import * as constants from '../constants';

describe( 'credits constants', () => {
	it( 'list the same ledger entry types as the shared contract', () => {
		expect( constants.TRANSACTION_TYPES ).toEqual( TRANSACTION_TYPES );
	} );

	it( 'offer page sizes the cloud accepts', () => {
		expect( Math.max( ...constants.LEDGER_PAGE_SIZES ) ).toBeLessThanOrEqual( 200 );
	} );
} );
