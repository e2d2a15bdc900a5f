// Adds or edits an author profile: who the AI writes as (tone, language, style).
import { Button, CheckboxControl, Flex, Modal, TextareaControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { systemApi, type AuthorProfile } from '../../../api/system';
import ErrorNotice from '../../components/ErrorNotice';
import { useOperation } from '../../components/useOperation';
import { formFromProfile, profileBody, type AuthorProfileForm } from './form';

interface Props {
	/** The profile to edit, or null for a new one. */
	profile: AuthorProfile | null;
	onClose: ( saved: AuthorProfile | null ) => void;
}

export default function AuthorProfileDialog( { profile, onClose }: Props ) {
	const [ form, setForm ] = useState< AuthorProfileForm >( () => formFromProfile( profile ) );
	const save = useOperation();
	const set =
		< K extends keyof AuthorProfileForm >( field: K ) =>
		( value: AuthorProfileForm[ K ] ) =>
			setForm( ( current ) => ( { ...current, [ field ]: value } ) );
	const errors = save.error?.fieldErrors ?? {};
	const help = ( field: string, fallback?: string ) => errors[ field ]?.join( ' ' ) ?? fallback;

	const onSubmit = async ( event: { preventDefault(): void } ) => {
		event.preventDefault();
		if ( save.busy || ! form.name.trim() ) {
			return;
		}
		const body = profileBody( form );
		const saved = await save.run( () =>
			profile ? systemApi.updateAuthorProfile( profile.id, body ) : systemApi.createAuthorProfile( body )
		);
		if ( saved ) {
			onClose( saved );
		}
	};

	return (
		<Modal
			title={ profile ? __( 'Edit author profile', 'igny8' ) : __( 'New author profile', 'igny8' ) }
			onRequestClose={ () => onClose( null ) }
		>
			<form className="igny8-settings-form" onSubmit={ onSubmit } data-testid="igny8-author-profile-form">
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Name', 'igny8' ) }
					value={ form.name }
					onChange={ set( 'name' ) }
					help={ help( 'name' ) }
					required
					disabled={ save.busy }
					data-testid="igny8-author-profile-name"
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Description', 'igny8' ) }
					value={ form.description }
					onChange={ set( 'description' ) }
					help={ help( 'description', __( 'Who writes: background, expertise, point of view.', 'igny8' ) ) }
					rows={ 3 }
					disabled={ save.busy }
					data-testid="igny8-author-profile-description"
				/>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Tone', 'igny8' ) }
					value={ form.tone }
					onChange={ set( 'tone' ) }
					placeholder={ __( 'friendly, expert, direct', 'igny8' ) }
					help={ help( 'tone' ) }
					disabled={ save.busy }
					data-testid="igny8-author-profile-tone"
				/>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Language', 'igny8' ) }
					value={ form.language }
					onChange={ set( 'language' ) }
					placeholder={ __( 'English', 'igny8' ) }
					help={ help( 'language' ) }
					disabled={ save.busy }
					data-testid="igny8-author-profile-language"
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Style', 'igny8' ) }
					value={ form.style }
					onChange={ set( 'style' ) }
					help={ help( 'style', __( 'Sentence length, person, formatting habits, words to avoid…', 'igny8' ) ) }
					rows={ 3 }
					disabled={ save.busy }
					data-testid="igny8-author-profile-style"
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'Use this profile by default', 'igny8' ) }
					checked={ form.is_default }
					onChange={ set( 'is_default' ) }
					disabled={ save.busy }
					data-testid="igny8-author-profile-default"
				/>
				<ErrorNotice error={ save.error } onRemove={ save.clearError } />
				<Flex justify="flex-end" gap={ 2 }>
					<Button variant="tertiary" onClick={ () => onClose( null ) }>
						{ __( 'Cancel', 'igny8' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ save.busy }
						disabled={ save.busy || ! form.name.trim() }
						data-testid="igny8-author-profile-save"
					>
						{ __( 'Save', 'igny8' ) }
					</Button>
				</Flex>
			</form>
		</Modal>
	);
}
