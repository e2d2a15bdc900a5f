// Settings → Author profiles: the voices the AI writes in; one may be the default.
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { systemApi, type AuthorProfile } from '../../../api/system';
import ConfirmButton from '../../components/ConfirmButton';
import DataTable, { type Column } from '../../components/DataTable';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import { useOperation } from '../../components/useOperation';
import AuthorProfileDialog from './AuthorProfileDialog';

export default function AuthorProfilesTab() {
	const profiles = useCloudData( () => systemApi.listAuthorProfiles(), [] );
	const remove = useOperation();
	// undefined: closed; null: a new profile; a profile: editing it.
	const [ editing, setEditing ] = useState< AuthorProfile | null | undefined >( undefined );
	const [ done, setDone ] = useState< string | null >( null );

	const onDelete = async ( profile: AuthorProfile ) => {
		setDone( null );
		const deleted = await remove.run( async () => {
			await systemApi.deleteAuthorProfile( profile.id );
			return true;
		} );
		if ( deleted ) {
			profiles.setData( ( list ) => ( list ?? [] ).filter( ( item ) => item.id !== profile.id ) );
		}
	};

	const columns: Column< AuthorProfile >[] = [
		{
			key: 'name',
			label: __( 'Name', 'igny8' ),
			primary: true,
			render: ( profile ) => (
				<>
					<strong>{ profile.name }</strong>
					{ profile.is_default && <span className="igny8-settings-badge is-ok">{ __( 'Default', 'igny8' ) }</span> }
					{ profile.description && <div className="igny8-clip description">{ profile.description }</div> }
				</>
			),
		},
		{ key: 'tone', label: __( 'Tone', 'igny8' ), width: '14em', render: ( profile ) => profile.tone || '—' },
		{ key: 'language', label: __( 'Language', 'igny8' ), width: '9em', render: ( profile ) => profile.language || '—' },
		{
			key: 'actions',
			label: __( 'Actions', 'igny8' ),
			width: '12em',
			render: ( profile ) => (
				<span className="row-actions-inline">
					<Button variant="link" onClick={ () => setEditing( profile ) } data-testid="igny8-author-profile-edit">
						{ __( 'Edit', 'igny8' ) }
					</Button>
					<ConfirmButton
						variant="link"
						isDestructive
						disabled={ remove.busy }
						testId="igny8-author-profile-delete"
						question={ sprintf(
							/* translators: %s: profile name */
							__( 'Delete the author profile “%s”? Strategies using it fall back to the default profile.', 'igny8' ),
							profile.name
						) }
						confirmLabel={ __( 'Delete', 'igny8' ) }
						onConfirm={ () => void onDelete( profile ) }
					>
						{ __( 'Delete', 'igny8' ) }
					</ConfirmButton>
				</span>
			),
		},
	];

	return (
		<div className="igny8-author-profiles">
			<p>{ __( 'An author profile tells the AI who is writing: tone, language and style. Strategies and writer tasks pick one.', 'igny8' ) }</p>
			<Button variant="primary" onClick={ () => setEditing( null ) } data-testid="igny8-author-profile-add">
				{ __( 'Add author profile', 'igny8' ) }
			</Button>
			<ErrorNotice error={ profiles.error } actions={ [ { label: __( 'Retry', 'igny8' ), onClick: profiles.reload } ] } />
			<ErrorNotice error={ remove.error } onRemove={ remove.clearError } />
			{ done && (
				<Notice status="success" onRemove={ () => setDone( null ) }>
					{ done }
				</Notice>
			) }
			<div className="igny8-settings-table">
				<DataTable
					testId="igny8-author-profiles-table"
					rowTestId="igny8-author-profile-row"
					caption={ __( 'Author profiles', 'igny8' ) }
					columns={ columns }
					items={ profiles.data ?? [] }
					loading={ profiles.loading }
					emptyMessage={ __( 'No author profiles yet.', 'igny8' ) }
				/>
			</div>
			{ editing !== undefined && (
				<AuthorProfileDialog
					profile={ editing }
					onClose={ ( saved ) => {
						setEditing( undefined );
						if ( saved ) {
							setDone(
								sprintf(
									/* translators: %s: profile name */
									__( 'Author profile “%s” saved.', 'igny8' ),
									saved.name
								)
							);
							// Making one the default changes the others too.
							profiles.reload();
						}
					} }
				/>
			) }
		</div>
	);
}
