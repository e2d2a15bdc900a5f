// One AI function's prompt: the text, its placeholders, Save and Reset to default.
import { Button, Card, CardBody, CardHeader, Notice, TextareaControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { systemApi, type Prompt } from '../../../api/system';
import ConfirmButton from '../../components/ConfirmButton';
import ErrorNotice from '../../components/ErrorNotice';
import { useOperation } from '../../components/useOperation';
import { formatTimestamp } from '../format';
import { missingPlaceholders, placeholderToken, PROMPT_LENGTH, promptLengthOk, unknownPlaceholders } from './placeholders';

interface Props {
	prompt: Prompt;
	onSaved: ( prompt: Prompt ) => void;
	onReset: () => void;
}

export function functionLabel( fn: string ): string {
	switch ( fn ) {
		case 'auto_cluster':
			return __( 'Clustering keywords', 'igny8' );
		case 'generate_ideas':
			return __( 'Generating ideas', 'igny8' );
		case 'generate_content':
			return __( 'Writing content', 'igny8' );
		case 'generate_image_prompts':
			return __( 'Image prompts', 'igny8' );
	}
	return fn;
}

export default function PromptEditor( { prompt, onSaved, onReset }: Props ) {
	const [ text, setText ] = useState( prompt.prompt );
	const save = useOperation();
	const reset = useOperation();
	const [ done, setDone ] = useState< string | null >( null );
	useEffect( () => setText( prompt.prompt ), [ prompt.prompt ] );

	const dirty = text !== prompt.prompt;
	const missing = missingPlaceholders( text, prompt.placeholders );
	const unknown = unknownPlaceholders( text, prompt.placeholders );
	const id = `igny8-prompt-${ prompt.function }`;

	const onSave = async () => {
		setDone( null );
		const next = await save.run( () => systemApi.savePrompt( prompt.function, text.trim() ) );
		if ( next ) {
			onSaved( next );
			setDone( __( 'Saved.', 'igny8' ) );
		}
	};
	const onResetConfirmed = async () => {
		setDone( null );
		const answer = await reset.run( async () => {
			await systemApi.resetPrompt( prompt.function );
			return true;
		} );
		if ( answer ) {
			setText( prompt.default_prompt );
			setDone( __( 'Back to the default prompt.', 'igny8' ) );
			onReset();
		}
	};

	return (
		<Card className="igny8-prompt" data-testid={ id }>
			<CardHeader>
				<h2>
					{ functionLabel( prompt.function ) }
					<span className={ `igny8-settings-badge${ prompt.is_default ? '' : ' is-ok' }` }>
						{ prompt.is_default ? __( 'Default', 'igny8' ) : __( 'Customized', 'igny8' ) }
					</span>
				</h2>
			</CardHeader>
			<CardBody>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Prompt', 'igny8' ) }
					value={ text }
					onChange={ ( value: string ) => setText( value ) }
					rows={ 12 }
					disabled={ save.busy || reset.busy }
					help={
						save.error?.fieldErrors.prompt?.join( ' ' ) ??
						( prompt.updated_at && ! prompt.is_default
							? sprintf(
									/* translators: %s: date and time */
									__( 'Changed %s.', 'igny8' ),
									formatTimestamp( prompt.updated_at ) ?? prompt.updated_at
							  )
							: undefined )
					}
					data-testid={ `${ id }-text` }
				/>
				{ prompt.placeholders.length > 0 && (
					<div style={ { marginTop: 8 } }>
						<span className="description">{ __( 'Placeholders:', 'igny8' ) } </span>
						<ul className="igny8-placeholders" data-testid={ `${ id }-placeholders` } style={ { display: 'inline-flex' } }>
							{ prompt.placeholders.map( ( name ) => {
								const token = placeholderToken( name );
								const unused = missing.includes( token );
								return (
									<li key={ token }>
										<code
											className={ unused ? 'is-missing' : undefined }
											title={ unused ? __( 'Not used in this prompt', 'igny8' ) : undefined }
										>
											{ token }
										</code>
									</li>
								);
							} ) }
						</ul>
					</div>
				) }
				{ dirty && missing.length > 0 && (
					<Notice status="warning" isDismissible={ false }>
						{ sprintf(
							/* translators: %s: placeholders such as {keywords} */
							__( 'This prompt leaves out %s: the AI will not get that data.', 'igny8' ),
							missing.join( ', ' )
						) }
					</Notice>
				) }
				{ dirty && unknown.length > 0 && (
					<Notice status="warning" isDismissible={ false }>
						{ sprintf(
							/* translators: %s: words in braces such as {topic} */
							__( '%s will not be filled in: the AI gets them as written.', 'igny8' ),
							unknown.join( ', ' )
						) }
					</Notice>
				) }
				<div className="igny8-settings-actions" style={ { marginTop: 12 } }>
					<Button
						variant="primary"
						isBusy={ save.busy }
						disabled={ ! dirty || save.busy || reset.busy || ! promptLengthOk( text ) }
						onClick={ () => void onSave() }
						data-testid={ `${ id }-save` }
					>
						{ __( 'Save', 'igny8' ) }
					</Button>
					{ dirty && (
						<Button variant="tertiary" onClick={ () => setText( prompt.prompt ) } disabled={ save.busy }>
							{ __( 'Undo changes', 'igny8' ) }
						</Button>
					) }
					{ ! prompt.is_default && (
						<ConfirmButton
							variant="secondary"
							isBusy={ reset.busy }
							disabled={ save.busy }
							testId={ `${ id }-reset` }
							question={ __( 'Replace this prompt with the default one? Your version is deleted.', 'igny8' ) }
							confirmLabel={ __( 'Reset to default', 'igny8' ) }
							onConfirm={ () => void onResetConfirmed() }
						>
							{ __( 'Reset to default', 'igny8' ) }
						</ConfirmButton>
					) }
					{ ! promptLengthOk( text ) && (
						<span className="description">
							{ sprintf(
								/* translators: 1: fewest characters, 2: most characters */
								__( 'A prompt has %1$s to %2$s characters.', 'igny8' ),
								PROMPT_LENGTH.min.toLocaleString(),
								PROMPT_LENGTH.max.toLocaleString()
							) }
						</span>
					) }
				</div>
				<ErrorNotice error={ save.error ?? reset.error } onRemove={ save.error ? save.clearError : reset.clearError } />
				{ done && (
					<Notice status="success" onRemove={ () => setDone( null ) }>
						{ done }
					</Notice>
				) }
			</CardBody>
		</Card>
	);
}
