// Settings → Author profiles: the voices the AI writes in, read only. Profiles belong to the whole IGNY8
// account and are changed in the IGNY8 dashboard; this site's strategies pick one of them.
import { __ } from '@wordpress/i18n';
import { systemApi, type AuthorProfile } from '../../../api/system';
import DataTable, { type Column } from '../../components/DataTable';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import InDashboardNotice from '../InDashboardNotice';

export default function AuthorProfilesTab( {
	cloudUrl,
}: {
	cloudUrl: string;
} ) {
	const profiles = useCloudData( () => systemApi.listAuthorProfiles(), [] );

	const columns: Column< AuthorProfile >[] = [
		{
			key: 'name',
			label: __( 'Name', 'igny8' ),
			primary: true,
			render: ( profile ) => (
				<>
					<strong>{ profile.name }</strong>
					{ profile.is_default && (
						<span className="igny8-settings-badge is-ok">
							{ __( 'Default', 'igny8' ) }
						</span>
					) }
					{ profile.description && (
						<div className="igny8-clip description">
							{ profile.description }
						</div>
					) }
				</>
			),
		},
		{
			key: 'tone',
			label: __( 'Tone', 'igny8' ),
			width: '14em',
			render: ( profile ) => profile.tone || '—',
		},
		{
			key: 'language',
			label: __( 'Language', 'igny8' ),
			width: '9em',
			render: ( profile ) => profile.language || '—',
		},
		{
			key: 'style',
			label: __( 'Style', 'igny8' ),
			render: ( profile ) => (
				<div className="igny8-clip">{ profile.style || '—' }</div>
			),
		},
	];

	return (
		<div className="igny8-author-profiles">
			<InDashboardNotice
				cloudUrl={ cloudUrl }
				testId="igny8-author-profiles-in-dashboard"
			>
				{ __(
					'Author profiles are set for your whole IGNY8 account in the IGNY8 dashboard.',
					'igny8'
				) }
			</InDashboardNotice>
			<p>
				{ __(
					'An author profile tells the AI who is writing: tone, language and style. This site’s strategies pick one.',
					'igny8'
				) }
			</p>
			<ErrorNotice
				error={ profiles.error }
				actions={ [
					{ label: __( 'Retry', 'igny8' ), onClick: profiles.reload },
				] }
			/>
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
		</div>
	);
}
