// An author profile's form and the body it makes (pure; see test/form.test.ts).
import type { AuthorProfile, AuthorProfileFields } from '../../../api/system';

export interface AuthorProfileForm {
	name: string;
	description: string;
	tone: string;
	language: string;
	style: string;
	is_default: boolean;
}

export function formFromProfile( profile: AuthorProfile | null ): AuthorProfileForm {
	return {
		name: profile?.name ?? '',
		description: profile?.description ?? '',
		tone: profile?.tone ?? '',
		language: profile?.language ?? '',
		style: profile?.style ?? '',
		is_default: profile?.is_default ?? false,
	};
}

/** Trimmed; an empty text field is null (cleared), an empty language is left to the cloud's default. */
export function profileBody( form: AuthorProfileForm ): AuthorProfileFields {
	const text = ( value: string ) => value.trim() || null;
	const body: AuthorProfileFields = {
		name: form.name.trim(),
		description: text( form.description ),
		tone: text( form.tone ),
		style: text( form.style ),
		is_default: form.is_default,
	};
	const language = form.language.trim();
	if ( language ) {
		body.language = language;
	}
	return body;
}
