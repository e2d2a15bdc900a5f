import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '../../../../api/system';
import { formFromSettings, isDirty, providerUpdate } from '../form';

const stored = ( fields: Partial< ProviderSettings > = {} ): ProviderSettings => ( {
	provider: 'openai',
	configured: true,
	api_key: 'sk-…abcd',
	base_url: null,
	text_model: 'gpt-4o-mini',
	image_model: 'gpt-image-1',
	model: null,
	updated_at: '2026-01-01T00:00:00Z',
	...fields,
} );

describe( 'a provider form', () => {
	it( 'starts from what is stored, never with the key', () => {
		expect( formFromSettings( stored() ) ).toEqual( {
			api_key: '',
			base_url: '',
			text_model: 'gpt-4o-mini',
			image_model: 'gpt-image-1',
			model: '',
		} );
	} );

	it( 'keeps the stored key when the key field is left empty', () => {
		const form = { ...formFromSettings( stored() ), text_model: 'gpt-4.1' };
		expect( providerUpdate( 'openai', form, stored() ) ).toEqual( { text_model: 'gpt-4.1' } );
	} );

	it( 'sends a typed key, trimmed', () => {
		const form = { ...formFromSettings( stored() ), api_key: '  sk-new-key-123  ' };
		expect( providerUpdate( 'openai', form, stored() ) ).toEqual( { api_key: 'sk-new-key-123' } );
	} );

	it( 'clears the base URL when it is emptied, and leaves models alone when they are', () => {
		const saved = stored( { base_url: 'https://openrouter.ai/api/v1' } );
		const form = { ...formFromSettings( saved ), base_url: ' ', text_model: '' };
		expect( providerUpdate( 'openai', form, saved ) ).toEqual( { base_url: null } );
	} );

	it( 'sends every field of a first setup', () => {
		const form = { api_key: 'sk-first-key', base_url: 'http://localhost:11434/v1', text_model: 'llama3', image_model: '', model: '' };
		expect( providerUpdate( 'openai', form, null ) ).toEqual( {
			api_key: 'sk-first-key',
			base_url: 'http://localhost:11434/v1',
			text_model: 'llama3',
		} );
	} );

	it( 'sends only Runware’s own fields', () => {
		const saved = stored( { provider: 'runware', model: 'runware:100@1', text_model: null, image_model: null } );
		const form = { ...formFromSettings( saved ), model: 'runware:101@1', text_model: 'ignored' };
		expect( providerUpdate( 'runware', form, saved ) ).toEqual( { model: 'runware:101@1' } );
	} );

	it( 'is dirty only when Save would send something', () => {
		expect( isDirty( 'openai', formFromSettings( stored() ), stored() ) ).toBe( false );
		expect( isDirty( 'openai', { ...formFromSettings( stored() ), api_key: 'sk-x' }, stored() ) ).toBe( true );
	} );
} );
