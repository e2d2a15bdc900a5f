// Adds or edits a sector's strategy: guidance the AI follows for that sector, in an author's voice.
import {
	Button,
	Flex,
	Modal,
	SelectControl,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import {
	systemApi,
	type AuthorProfile,
	type Strategy,
} from '../../../api/system';
import ErrorNotice from '../../components/ErrorNotice';
import { useOperation } from '../../components/useOperation';

interface Props {
	siteId: number;
	sectorId: number;
	/** The strategy to edit, or null for a new one. */
	strategy: Strategy | null;
	profiles: readonly AuthorProfile[];
	onClose: ( saved: Strategy | null ) => void;
}

export default function StrategyDialog( {
	siteId,
	sectorId,
	strategy,
	profiles,
	onClose,
}: Props ) {
	const [ name, setName ] = useState( strategy?.name ?? '' );
	const [ guidance, setGuidance ] = useState( strategy?.guidance ?? '' );
	const [ authorId, setAuthorId ] = useState(
		strategy?.author_profile_id ? String( strategy.author_profile_id ) : ''
	);
	const save = useOperation();
	const errors = save.error?.fieldErrors ?? {};
	const ready = name.trim() !== '' && guidance.trim() !== '';

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( save.busy || ! ready ) {
			return;
		}
		const fields = {
			name: name.trim(),
			guidance: guidance.trim(),
			author_profile_id: authorId ? Number( authorId ) : null,
		};
		const saved = await save.run( () =>
			strategy
				? systemApi.updateStrategy( strategy.id, fields )
				: systemApi.createStrategy( {
						site_id: siteId,
						sector_id: sectorId,
						...fields,
					} )
		);
		if ( saved ) {
			onClose( saved );
		}
	};

	return (
		<Modal
			title={
				strategy
					? __( 'Edit strategy', 'igny8' )
					: __( 'New strategy', 'igny8' )
			}
			onRequestClose={ () => onClose( null ) }
		>
			<form
				className="igny8-settings-form"
				onSubmit={ onSubmit }
				data-testid="igny8-strategy-form"
			>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Name', 'igny8' ) }
					value={ name }
					onChange={ ( value: string ) => setName( value ) }
					help={ errors.name?.join( ' ' ) }
					required
					disabled={ save.busy }
					data-testid="igny8-strategy-name"
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Guidance', 'igny8' ) }
					value={ guidance }
					onChange={ ( value: string ) => setGuidance( value ) }
					help={
						errors.guidance?.join( ' ' ) ??
						__(
							'What the AI should aim for in this sector: audience, angle, what to stress or avoid.',
							'igny8'
						)
					}
					rows={ 8 }
					disabled={ save.busy }
					data-testid="igny8-strategy-guidance"
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Author profile', 'igny8' ) }
					value={ authorId }
					options={ [
						{
							value: '',
							label: __( 'The default profile', 'igny8' ),
						},
						...profiles.map( ( profile ) => ( {
							value: String( profile.id ),
							label: profile.name,
						} ) ),
					] }
					onChange={ ( value: string ) => setAuthorId( value ) }
					help={ errors.author_profile_id?.join( ' ' ) }
					disabled={ save.busy }
					data-testid="igny8-strategy-author"
				/>
				<ErrorNotice
					error={ save.error }
					onRemove={ save.clearError }
				/>
				<Flex justify="flex-end" gap={ 2 }>
					<Button
						variant="tertiary"
						onClick={ () => onClose( null ) }
					>
						{ __( 'Cancel', 'igny8' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ save.busy }
						disabled={ save.busy || ! ready }
						data-testid="igny8-strategy-save"
					>
						{ __( 'Save', 'igny8' ) }
					</Button>
				</Flex>
			</form>
		</Modal>
	);
}
