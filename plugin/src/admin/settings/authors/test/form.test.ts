import { describe, expect, it } from 'vitest';
import { formFromProfile, profileBody } from '../form';

describe( 'an author profile form', () => {
	it( 'starts empty for a new profile and from the profile when editing', () => {
		expect( formFromProfile( null ) ).toEqual( { name: '', description: '', tone: '', language: '', style: '', is_default: false } );
		expect(
			formFromProfile( {
				id: 1,
				name: 'Ana',
				description: null,
				tone: 'warm',
				language: 'en',
				style: null,
				is_default: true,
				created_at: '2026-01-01',
			} )
		).toEqual( { name: 'Ana', description: '', tone: 'warm', language: 'en', style: '', is_default: true } );
	} );

	it( 'trims, clears empty texts and leaves an empty language to the cloud', () => {
		expect(
			profileBody( { name: ' Ana ', description: '  ', tone: ' warm ', language: '', style: 'Short.', is_default: false } )
		).toEqual( { name: 'Ana', description: null, tone: 'warm', style: 'Short.', is_default: false } );
		expect( profileBody( { name: 'B', description: '', tone: '', language: ' de ', style: '', is_default: true } ).language ).toBe( 'de' );
	} );
} );
