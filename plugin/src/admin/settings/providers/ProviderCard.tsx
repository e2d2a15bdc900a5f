// One AI provider: its key (write-only, shown masked), endpoint and models; Save, Test, Remove key.
import { Button, Card, CardBody, CardHeader, Notice, Spinner, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { systemApi, type Provider, type ProviderSettings, type ProviderTestResult } from '../../../api/system';
import ConfirmButton from '../../components/ConfirmButton';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import { useOperation } from '../../components/useOperation';
import { formFromSettings, isDirty, PROVIDER_FIELDS, providerUpdate, type ProviderField, type ProviderForm } from './form';

interface FieldInfo {
	label: string;
	help?: string;
	placeholder?: string;
	type?: 'text' | 'url';
	testId: string;
}

interface Props {
	provider: Provider;
	title: string;
	description: ReactNode;
	fields: Partial< Record< ProviderField, FieldInfo > >;
}

export default function ProviderCard( { provider, title, description, fields }: Props ) {
	const settings = useCloudData( () => systemApi.getProvider( provider ), [ provider ] );
	const saved = settings.data;
	const [ form, setForm ] = useState< ProviderForm >( () => formFromSettings( null ) );
	const save = useOperation();
	const test = useOperation();
	const [ tested, setTested ] = useState< ProviderTestResult | null >( null );
	const [ savedNotice, setSavedNotice ] = useState( false );

	// What is stored fills the form once it is known, and again after each save.
	useEffect( () => setForm( formFromSettings( saved ) ), [ saved ] );

	const store = async ( body: ReturnType< typeof providerUpdate > ) => {
		setSavedNotice( false );
		setTested( null );
		const next = await save.run( () =>
			provider === 'openai' ? systemApi.saveOpenAi( body ) : systemApi.saveRunware( body )
		);
		if ( next ) {
			settings.setData( () => next );
			setSavedNotice( true );
		}
	};
	const onSubmit = ( event: { preventDefault(): void } ) => {
		event.preventDefault();
		if ( ! save.busy ) {
			void store( providerUpdate( provider, form, saved ) );
		}
	};
	const runTest = async () => {
		setTested( null );
		const result = await test.run( () => systemApi.testProvider( provider ) );
		if ( result ) {
			setTested( result );
		}
	};
	const set = ( field: keyof ProviderForm ) => ( value: string ) => setForm( ( current ) => ( { ...current, [ field ]: value } ) );
	const busy = save.busy || settings.loading;
	const dirty = isDirty( provider, form, saved );

	return (
		<Card data-testid={ `igny8-provider-${ provider }` }>
			<CardHeader>
				<h2>
					{ title }
					{ saved && <ConfiguredBadge settings={ saved } provider={ provider } /> }
				</h2>
			</CardHeader>
			<CardBody>
				<p>{ description }</p>
				{ settings.error && (
					<ErrorNotice
						error={ settings.error }
						actions={ [ { label: __( 'Retry', 'igny8' ), onClick: settings.reload } ] }
					/>
				) }
				{ settings.loading && ! saved && <Spinner /> }
				<form className="igny8-settings-form" onSubmit={ onSubmit }>
					<TextControl
						__nextHasNoMarginBottom
						label={ __( 'API key', 'igny8' ) }
						type="password"
						autoComplete="new-password"
						value={ form.api_key }
						onChange={ set( 'api_key' ) }
						placeholder={ saved?.configured ? __( 'Leave empty to keep the stored key', 'igny8' ) : '' }
						help={ keyHelp( saved ) }
						disabled={ busy }
						data-testid={ `igny8-${ provider }-key` }
					/>
					{ PROVIDER_FIELDS[ provider ].map( ( field ) => {
						const info = fields[ field ];
						return info ? (
							<TextControl
								__nextHasNoMarginBottom
								key={ field }
								label={ info.label }
								type={ info.type ?? 'text' }
								value={ form[ field ] }
								onChange={ set( field ) }
								placeholder={ info.placeholder }
								help={ save.error?.fieldErrors[ field ]?.join( ' ' ) ?? info.help }
								disabled={ busy }
								data-testid={ info.testId }
							/>
						) : null;
					} ) }
					<div className="igny8-settings-actions">
						<Button
							variant="primary"
							type="submit"
							isBusy={ save.busy }
							disabled={ busy || ! dirty }
							data-testid={ `igny8-${ provider }-save` }
						>
							{ __( 'Save', 'igny8' ) }
						</Button>
						<Button
							variant="secondary"
							isBusy={ test.busy }
							disabled={ test.busy || busy }
							onClick={ () => void runTest() }
							data-testid={ `igny8-${ provider }-test` }
						>
							{ __( 'Test', 'igny8' ) }
						</Button>
						{ saved?.configured && (
							<ConfirmButton
								variant="tertiary"
								isDestructive
								isBusy={ save.busy }
								disabled={ busy }
								testId={ `igny8-${ provider }-remove-key` }
								question={ __( 'Remove the stored API key? AI functions using this provider stop until a key is saved again.', 'igny8' ) }
								confirmLabel={ __( 'Remove key', 'igny8' ) }
								onConfirm={ () => void store( { api_key: null } ) }
							>
								{ __( 'Remove key', 'igny8' ) }
							</ConfirmButton>
						) }
						{ dirty && ! busy && (
							<span className="description">{ __( 'Test checks the saved settings: save first.', 'igny8' ) }</span>
						) }
					</div>
				</form>
				{ save.error && <ErrorNotice error={ save.error } onRemove={ save.clearError } /> }
				{ savedNotice && ! save.error && (
					<Notice status="success" onRemove={ () => setSavedNotice( false ) }>
						<span data-testid={ `igny8-${ provider }-saved` }>{ __( 'Saved.', 'igny8' ) }</span>
					</Notice>
				) }
				{ test.error && (
					<div data-testid={ `igny8-${ provider }-test-result` } data-ok="false">
						<ErrorNotice error={ test.error } onRemove={ test.clearError } />
					</div>
				) }
				{ tested && <TestResult provider={ provider } result={ tested } /> }
			</CardBody>
		</Card>
	);
}

function keyHelp( saved: ProviderSettings | null ): string {
	if ( ! saved?.configured || ! saved.api_key ) {
		return __( 'Stored encrypted in the IGNY8 cloud and never shown again.', 'igny8' );
	}
	return sprintf(
		/* translators: %s: the stored key, masked (sk-…abcd) */
		__( 'Stored key: %s. Type a new key to replace it.', 'igny8' ),
		saved.api_key
	);
}

function ConfiguredBadge( { settings, provider }: { settings: ProviderSettings; provider: Provider } ) {
	return (
		<span
			className={ `igny8-settings-badge${ settings.configured ? ' is-ok' : '' }` }
			data-testid={ `igny8-${ provider }-status` }
			data-configured={ settings.configured ? 'true' : 'false' }
		>
			{ settings.configured ? __( 'Configured', 'igny8' ) : __( 'Not configured', 'igny8' ) }
		</span>
	);
}

function TestResult( { provider, result }: { provider: Provider; result: ProviderTestResult } ) {
	const summary = result.ok
		? sprintf(
				/* translators: 1: model name, 2: milliseconds */
				__( 'Works: %1$s answered in %2$s ms.', 'igny8' ),
				result.model ?? __( 'the model', 'igny8' ),
				Math.round( result.latency_ms ).toLocaleString()
		  )
		: __( 'The test failed.', 'igny8' );
	return (
		<div data-testid={ `igny8-${ provider }-test-result` } data-ok={ result.ok ? 'true' : 'false' }>
			<Notice status={ result.ok ? 'success' : 'error' } isDismissible={ false }>
				<p style={ { margin: 0 } }>{ summary }</p>
				{ result.message && <p style={ { margin: '4px 0 0' } }>{ result.message }</p> }
			</Notice>
		</div>
	);
}
