import { describe, expect, it } from 'vitest';
import { placeholderToken } from '../placeholders';

describe( 'prompt placeholders', () => {
	it( 'are written in braces, whether the cloud names them with or without', () => {
		expect( placeholderToken( 'keywords' ) ).toBe( '{keywords}' );
		expect( placeholderToken( '{keywords}' ) ).toBe( '{keywords}' );
		expect( placeholderToken( ' {{sector}} ' ) ).toBe( '{sector}' );
	} );
} );
