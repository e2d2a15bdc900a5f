// The frame of every Writer page: the Planner's (title, sector picker, the page once a sector is chosen),
// with the Writer's words for a user who may only look.
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import type { InitialState } from '../../../api/wp';
import PlannerPage from '../../planner/common/PlannerPage';

interface Props {
	title: string;
	initial: InitialState;
	children: ReactNode;
	onSectorChange?: () => void;
}

export default function WriterPage( props: Props ) {
	return (
		<PlannerPage
			{ ...props }
			readOnlyMessage={ __(
				'You can view the Writer’s work. Changing it, or starting AI jobs, takes an editor’s role.',
				'igny8'
			) }
		/>
	);
}
