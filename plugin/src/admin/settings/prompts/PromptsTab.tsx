// Settings → Prompts: the account's prompt for each AI function, editable, with its default kept.
import { Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { systemApi, type Prompt } from '../../../api/system';
import ErrorNotice from '../../components/ErrorNotice';
import { useCloudData } from '../../components/useCloudData';
import PromptEditor from './PromptEditor';

export default function PromptsTab() {
	const prompts = useCloudData( () => systemApi.listPrompts(), [] );
	const replace = ( next: Prompt ) =>
		prompts.setData( ( list ) => ( list ?? [] ).map( ( prompt ) => ( prompt.function === next.function ? next : prompt ) ) );

	return (
		<div className="igny8-prompts" data-testid="igny8-prompts">
			<p>
				{ __(
					'Each AI function starts from a prompt. Change it to steer the results; the placeholders in braces are filled with your data when the job runs.',
					'igny8'
				) }
			</p>
			<ErrorNotice error={ prompts.error } actions={ [ { label: __( 'Retry', 'igny8' ), onClick: prompts.reload } ] } />
			{ prompts.loading && ! prompts.data && <Spinner /> }
			{ prompts.data?.length === 0 && <p>{ __( 'No prompts to edit.', 'igny8' ) }</p> }
			{ prompts.data?.map( ( prompt ) => (
				<PromptEditor key={ prompt.function } prompt={ prompt } onSaved={ replace } onReset={ prompts.reload } />
			) ) }
		</div>
	);
}
