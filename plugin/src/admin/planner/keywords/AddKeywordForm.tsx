// Adds one keyword to the sector; a duplicate comes back as a field error under the keyword.
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { KEYWORD_INTENTS } from '../../../store/planner/constants';
import type { KeywordIntent } from '../../../store/planner/types';
import ErrorNotice from '../../components/ErrorNotice';
import { intentLabel, optionsOf } from '../common/labels';
import { parseWholeNumber } from '../common/format';

const FIELDS = [ 'keyword', 'volume', 'difficulty', 'intent' ];

export default function AddKeywordForm() {
	const [ keyword, setKeyword ] = useState( '' );
	const [ volume, setVolume ] = useState( '' );
	const [ difficulty, setDifficulty ] = useState( '' );
	const [ intent, setIntent ] = useState< KeywordIntent | '' >( '' );
	const { busy, error, fieldErrors } = useSelect( ( select ) => {
		const planner = select( plannerStore );
		return {
			busy: planner.isBusy( 'createKeyword' ),
			error: planner.getError( 'createKeyword' ),
			fieldErrors: planner.getFieldErrors( 'createKeyword' ),
		};
	}, [] );
	const { createKeyword, clearError } = useDispatch( plannerStore );

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( busy || ! keyword.trim() ) {
			return;
		}
		const added = await createKeyword( {
			keyword: keyword.trim(),
			volume: parseWholeNumber( volume ) ?? null,
			difficulty: parseWholeNumber( difficulty, 100 ) ?? null,
			intent: intent || null,
		} );
		if ( added ) {
			setKeyword( '' );
			setVolume( '' );
			setDifficulty( '' );
			setIntent( '' );
		}
	};

	// Field errors show under their inputs; the notice carries the rest.
	const otherFields = Object.keys( fieldErrors ).some(
		( field ) => ! FIELDS.includes( field )
	);
	return (
		<Card size="small">
			<CardHeader>
				<h2 className="igny8-card-title">
					{ __( 'Add a keyword', 'igny8' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<form onSubmit={ onSubmit } className="igny8-form-grid">
					<TextControl
						__nextHasNoMarginBottom
						className="igny8-span-2"
						label={ __( 'Keyword', 'igny8' ) }
						value={ keyword }
						onChange={ ( value: string ) => {
							setKeyword( value );
							if ( error ) {
								clearError( 'createKeyword' );
							}
						} }
						help={ fieldErrors.keyword?.join( ' ' ) }
						required
						disabled={ busy }
					/>
					<TextControl
						__nextHasNoMarginBottom
						type="number"
						min={ 0 }
						label={ __( 'Volume', 'igny8' ) }
						value={ volume }
						onChange={ ( value: string ) => setVolume( value ) }
						help={ fieldErrors.volume?.join( ' ' ) }
						disabled={ busy }
					/>
					<TextControl
						__nextHasNoMarginBottom
						type="number"
						min={ 0 }
						max={ 100 }
						label={ __( 'Difficulty', 'igny8' ) }
						value={ difficulty }
						onChange={ ( value: string ) => setDifficulty( value ) }
						help={ fieldErrors.difficulty?.join( ' ' ) }
						disabled={ busy }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						label={ __( 'Intent', 'igny8' ) }
						value={ intent }
						options={ optionsOf(
							KEYWORD_INTENTS,
							intentLabel,
							__( 'Unknown', 'igny8' )
						) }
						onChange={ ( value: string ) =>
							setIntent( value as KeywordIntent | '' )
						}
						help={ fieldErrors.intent?.join( ' ' ) }
						disabled={ busy }
					/>
					<div className="igny8-form-actions">
						<Button
							variant="primary"
							type="submit"
							isBusy={ busy }
							disabled={ busy || ! keyword.trim() }
						>
							{ __( 'Add keyword', 'igny8' ) }
						</Button>
					</div>
				</form>
				{ error &&
					( otherFields ||
						Object.keys( fieldErrors ).length === 0 ) && (
						<ErrorNotice
							error={ error }
							onRemove={ () => clearError( 'createKeyword' ) }
						/>
					) }
			</CardBody>
		</Card>
	);
}
