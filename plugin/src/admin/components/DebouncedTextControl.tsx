// A text (or number) field that reports what was typed once typing pauses, e.g. a search box.
import { TextControl } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';

interface Props {
	label: string;
	value: string;
	onChange: ( value: string ) => void;
	type?: 'text' | 'search' | 'number';
	delay?: number;
	placeholder?: string;
	min?: number;
	max?: number;
	className?: string;
	hideLabelFromVision?: boolean;
}

export default function DebouncedTextControl( {
	value,
	onChange,
	delay = 350,
	type = 'text',
	...props
}: Props ) {
	const [ draft, setDraft ] = useState( value );
	const latest = useRef( onChange );
	latest.current = onChange;

	// The value changed elsewhere (filters reset): show it.
	useEffect( () => setDraft( value ), [ value ] );

	useEffect( () => {
		if ( draft === value ) {
			return undefined;
		}
		const timer = window.setTimeout( () => latest.current( draft ), delay );
		return () => window.clearTimeout( timer );
	}, [ draft, value, delay ] );

	return (
		<TextControl
			__nextHasNoMarginBottom
			{ ...props }
			type={ type }
			value={ draft }
			onChange={ ( next: string ) => setDraft( next ) }
		/>
	);
}
