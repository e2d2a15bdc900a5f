import { describe, expect, it } from 'vitest';
import { missingPlaceholders, placeholderToken, promptLengthOk, unknownPlaceholders } from '../placeholders';

describe( 'prompt placeholders', () => {
	it( 'are written in braces, whether the cloud names them with or without', () => {
		expect( placeholderToken( 'keywords' ) ).toBe( '{keywords}' );
		expect( placeholderToken( '{keywords}' ) ).toBe( '{keywords}' );
	} );

	it( 'are missing when the text does not use them', () => {
		expect( missingPlaceholders( 'Cluster {keywords} for {sector}.', [ 'keywords', '{sector}', 'strategy' ] ) ).toEqual( [ '{strategy}' ] );
	} );

	it( 'are unknown when the text has braces the function does not fill', () => {
		expect( unknownPlaceholders( 'Use {keywords} and {topic}, {topic} and {Tone}. JSON: {"a": 1}', [ 'keywords' ] ) ).toEqual( [
			'{topic}',
			'{Tone}',
		] );
	} );

	it( 'go in prompts of 20 to 20,000 characters', () => {
		expect( promptLengthOk( 'too short' ) ).toBe( false );
		expect( promptLengthOk( 'Group these keywords: {keywords}' ) ).toBe( true );
		expect( promptLengthOk( 'x'.repeat( 20_001 ) ) ).toBe( false );
	} );
} );
