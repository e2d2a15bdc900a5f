// Settings → Prompts: the prompt each AI function starts from, read only. Prompts belong to the whole
// IGNY8 account and are changed in the IGNY8 dashboard.
import { Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { systemApi } from '../../../api/system';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import InDashboardNotice from '../InDashboardNotice';
import PromptCard from './PromptCard';

export default function PromptsTab( { cloudUrl }: { cloudUrl: string } ) {
	const prompts = useCloudData( () => systemApi.listPrompts(), [] );

	return (
		<div className="igny8-prompts" data-testid="igny8-prompts">
			<InDashboardNotice
				cloudUrl={ cloudUrl }
				testId="igny8-prompts-in-dashboard"
			>
				{ __(
					'Prompts are set for your whole IGNY8 account in the IGNY8 dashboard.',
					'igny8'
				) }
			</InDashboardNotice>
			<p>
				{ __(
					'Each AI function starts from one of these prompts; the placeholders in braces are ' +
						'filled with this site’s data when a job runs.',
					'igny8'
				) }
			</p>
			<ErrorNotice
				error={ prompts.error }
				actions={ [
					{ label: __( 'Retry', 'igny8' ), onClick: prompts.reload },
				] }
			/>
			{ prompts.loading && ! prompts.data && <Spinner /> }
			{ prompts.data?.length === 0 && (
				<p>{ __( 'No prompts.', 'igny8' ) }</p>
			) }
			{ prompts.data?.map( ( prompt ) => (
				<PromptCard key={ prompt.function } prompt={ prompt } />
			) ) }
		</div>
	);
}
