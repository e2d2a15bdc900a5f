// A provider's form and the PUT body it makes (pure; see test/form.test.ts). The key is write-only:
// an empty key field keeps the stored key, and only "Remove key" sends `api_key: null`.
import type { OpenAiSettingsUpdate, Provider, ProviderSettings, RunwareSettingsUpdate } from '../../../api/system';

export type ProviderField = 'base_url' | 'text_model' | 'image_model' | 'model';

/** The fields each provider has besides its key. */
export const PROVIDER_FIELDS: Record< Provider, readonly ProviderField[] > = {
	openai: [ 'base_url', 'text_model', 'image_model' ],
	runware: [ 'model' ],
};

/** Fields that may be emptied (the others keep their value when left empty). */
const CLEARABLE: ReadonlySet< ProviderField > = new Set( [ 'base_url' ] );

export type ProviderForm = { api_key: string } & Record< ProviderField, string >;

export function formFromSettings( settings: ProviderSettings | null ): ProviderForm {
	return {
		api_key: '',
		base_url: settings?.base_url ?? '',
		text_model: settings?.text_model ?? '',
		image_model: settings?.image_model ?? '',
		model: settings?.model ?? '',
	};
}

/** What Save sends: a typed key, and each field that differs from what is stored. */
export function providerUpdate(
	provider: Provider,
	form: ProviderForm,
	saved: ProviderSettings | null
): OpenAiSettingsUpdate | RunwareSettingsUpdate {
	const body: Record< string, string | null > = {};
	const key = form.api_key.trim();
	if ( key ) {
		body.api_key = key;
	}
	for ( const field of PROVIDER_FIELDS[ provider ] ) {
		const value = form[ field ].trim();
		const stored = saved?.[ field ] ?? null;
		if ( value && value !== stored ) {
			body[ field ] = value;
		} else if ( ! value && stored !== null && CLEARABLE.has( field ) ) {
			body[ field ] = null;
		}
	}
	return body;
}

/** Whether the form differs from what is stored (a typed key always does). */
export function isDirty( provider: Provider, form: ProviderForm, saved: ProviderSettings | null ): boolean {
	return Object.keys( providerUpdate( provider, form, saved ) ).length > 0;
}
