// Categories or tags as tokens: WordPress's own terms suggested (the most used first, then what the typed
// text finds), any other name allowed (publishing makes the term).
import { FormTokenField } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { listWpTerms, type WpTaxonomyRoute } from '../../../../api/wp';
import { cleanTerms, mergeNames, termNames, type Token } from './terms';

interface Props {
	taxonomy: WpTaxonomyRoute;
	label: string;
	value: string[];
	onChange: ( names: string[] ) => void;
	max: number;
	disabled?: boolean;
}

/** Typing waits this long before WordPress is searched. */
const SEARCH_DELAY_MS = 250;

export default function TermsField( {
	taxonomy,
	label,
	value,
	onChange,
	max,
	disabled = false,
}: Props ) {
	const [ suggestions, setSuggestions ] = useState< string[] >( [] );
	const [ unavailable, setUnavailable ] = useState( false );
	const [ typed, setTyped ] = useState( '' );

	useEffect( () => {
		let live = true;
		listWpTerms( taxonomy, { orderby: 'count', order: 'desc' } ).then(
			( terms ) => {
				if ( live ) {
					setSuggestions( ( known ) =>
						mergeNames( termNames( terms ), known )
					);
				}
			},
			() => live && setUnavailable( true )
		);
		return () => {
			live = false;
		};
	}, [ taxonomy ] );

	useEffect( () => {
		const search = typed.trim();
		if ( ! search ) {
			return undefined;
		}
		let live = true;
		const timer = window.setTimeout( () => {
			listWpTerms( taxonomy, { search, per_page: 20 } ).then(
				( terms ) =>
					live &&
					setSuggestions( ( known ) =>
						mergeNames( known, termNames( terms ) )
					),
				() => undefined
			);
		}, SEARCH_DELAY_MS );
		return () => {
			live = false;
			window.clearTimeout( timer );
		};
	}, [ taxonomy, typed ] );

	return (
		<div className="igny8-terms-field">
			<FormTokenField
				__nextHasNoMarginBottom
				__experimentalExpandOnFocus
				tokenizeOnBlur
				label={ label }
				value={ value }
				suggestions={ suggestions }
				maxSuggestions={ 20 }
				maxLength={ max }
				disabled={ disabled }
				onInputChange={ setTyped }
				onChange={ ( tokens: Token[] ) =>
					onChange( cleanTerms( tokens, max ) )
				}
			/>
			{ unavailable && (
				<p className="igny8-muted">
					{ __(
						'WordPress’s own terms could not be listed; type the names, new ones are made.',
						'igny8'
					) }
				</p>
			) }
		</div>
	);
}
