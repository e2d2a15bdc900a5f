import { describe, expect, it } from 'vitest';
import { dashboardUrl } from '../dashboard';

describe( 'the IGNY8 dashboard link', () => {
	it( 'is the root of the cloud this site is connected to', () => {
		expect( dashboardUrl( 'https://cloud.igny8.test' ) ).toBe(
			'https://cloud.igny8.test/'
		);
		expect( dashboardUrl( ' http://127.0.0.1:8787// ' ) ).toBe(
			'http://127.0.0.1:8787/'
		);
		expect( dashboardUrl( 'https://example.test/igny8' ) ).toBe(
			'https://example.test/igny8/'
		);
	} );

	it( 'is not offered for a cloud URL that is not a web address', () => {
		expect( dashboardUrl( '' ) ).toBeNull();
		expect( dashboardUrl( 'javascript:alert(1)' ) ).toBeNull();
	} );
} );
