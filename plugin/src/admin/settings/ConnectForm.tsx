import {
	Button,
	Flex,
	FlexItem,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as connectionStore } from '../../store/connection';

interface Props {
	defaultCloudUrl: string;
}

export default function ConnectForm( { defaultCloudUrl }: Props ) {
	const [ cloudUrl, setCloudUrl ] = useState( defaultCloudUrl );
	const [ code, setCode ] = useState( '' );
	const { busy, error, fieldErrors } = useSelect( ( select ) => {
		const connection = select( connectionStore );
		return {
			busy: connection.isBusy( 'connect' ),
			error: connection.getLastError( 'connect' ),
			fieldErrors: connection.getFieldErrors( 'connect' ),
		};
	}, [] );
	const { connect, clearError } = useDispatch( connectionStore );

	const onSubmit = ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		if ( ! busy ) {
			void connect( cloudUrl, code );
		}
	};

	return (
		<form onSubmit={ onSubmit }>
			<p>
				{ __(
					'Link this site to your IGNY8 account: create a connection code in the IGNY8 dashboard ' +
						'(Sites → WordPress), then paste it here with the address of your IGNY8 cloud.',
					'igny8'
				) }
			</p>
			{ error && (
				<Notice status="error" onRemove={ () => clearError() }>
					{ error.message }
				</Notice>
			) }
			<TextControl
				__nextHasNoMarginBottom
				label={ __( 'Cloud URL', 'igny8' ) }
				type="url"
				value={ cloudUrl }
				onChange={ ( value ) => setCloudUrl( value ) }
				help={ fieldErrors.cloud_url?.[ 0 ] }
				disabled={ busy }
			/>
			<div style={ { height: 16 } } />
			<TextControl
				__nextHasNoMarginBottom
				label={ __( 'Connection code', 'igny8' ) }
				value={ code }
				onChange={ ( value ) => setCode( value ) }
				help={ fieldErrors.code?.[ 0 ] }
				autoComplete="off"
				disabled={ busy }
			/>
			<Flex justify="flex-start" style={ { marginTop: 16 } }>
				<FlexItem>
					<Button
						variant="primary"
						type="submit"
						isBusy={ busy }
						disabled={ busy }
					>
						{ __( 'Connect', 'igny8' ) }
					</Button>
				</FlexItem>
			</Flex>
		</form>
	);
}
