// "Generate content" for the ticked tasks and "Regenerate" for one: a job per task, priced before it
// starts, followed as one batch; each written article links to its review screen.
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';
import { writerApi, type WriterTask } from '../../../api/writer';
import { store as jobsStore } from '../../../store/jobs';
import { creditCost } from '../../../store/jobs/constants';
import type { BatchItem } from '../../../store/jobs/types';
import BatchProgress from '../../components/BatchProgress';
import { priceLabel } from '../../components/job/format';
import {
	GENERATE_CONTENT_JOB,
	GENERATION_BATCH_MAX,
} from '../common/constants';
import { usePlacement } from '../common/hooks';
import { contentUrl, resultContentId, taskContentUrl } from '../common/links';

/** Starts generation for tasks (the caller chose which); nothing while a batch runs. */
export function useGenerateContent() {
	const { placement } = usePlacement();
	const active = useSelect(
		( select ) => select( jobsStore ).isBatchActive( GENERATE_CONTENT_JOB ),
		[]
	);
	const { startBatch } = useDispatch( jobsStore );
	const start = ( tasks: readonly WriterTask[] ) => {
		if ( ! placement || tasks.length === 0 ) {
			return;
		}
		const ids = tasks.map( ( task ) => task.id );
		void startBatch(
			GENERATE_CONTENT_JOB,
			tasks.map( ( task ) => ( { id: task.id, label: task.title } ) ),
			() => writerApi.generateContent( placement.site_id, ids )
		);
	};
	return { start, active };
}

/**
 * Credits a number of articles costs: each is its own job at the price of one piece.
 *
 * @param tasks Tasks to write.
 */
export function contentPrice( tasks: number ): number {
	return tasks * creditCost( 'generate_content', 1 );
}

interface ButtonProps {
	/** The ticked tasks that may be generated. */
	tasks: readonly WriterTask[];
	/** Ticked tasks left out (being generated, or already written). */
	skipped: number;
	/** Why the user may not start it, if they may not. */
	refusal: string | null;
}

export function GenerateContentButton( {
	tasks,
	skipped,
	refusal,
}: ButtonProps ) {
	const { start, active } = useGenerateContent();
	const tooMany = tasks.length > GENERATION_BATCH_MAX;
	let note: string;
	if ( refusal ) {
		note = refusal;
	} else if ( tasks.length === 0 ) {
		note = skipped
			? __(
					'None of the ticked tasks is waiting or failed; use Regenerate on a task in review.',
					'igny8'
				)
			: __( 'Tick the tasks to write.', 'igny8' );
	} else if ( tooMany ) {
		note = sprintf(
			/* translators: %d: the most tasks at a time */
			__( 'At most %d tasks at a time.', 'igny8' ),
			GENERATION_BATCH_MAX
		);
	} else {
		note = `${ sprintf(
			/* translators: %s: number of tasks */
			_n( '%s task', '%s tasks', tasks.length, 'igny8' ),
			tasks.length.toLocaleString()
		) } · ${ priceLabel( contentPrice( tasks.length ) ) }`;
		if ( skipped ) {
			note += ` · ${ sprintf(
				/* translators: %d: number of tasks */
				_n(
					'%d ticked task left out',
					'%d ticked tasks left out',
					skipped,
					'igny8'
				),
				skipped
			) }`;
		}
	}
	return (
		<span className="igny8-priced-action">
			<Button
				variant="primary"
				isBusy={ active }
				disabled={
					Boolean( refusal ) ||
					active ||
					tasks.length === 0 ||
					tooMany
				}
				onClick={ () => start( tasks ) }
				aria-describedby="igny8-generate-content-price"
			>
				{ __( 'Generate content', 'igny8' ) }
			</Button>
			<span className="igny8-price" id="igny8-generate-content-price">
				{ note }
			</span>
		</span>
	);
}

function OpenContent( { item }: { item: BatchItem } ) {
	const contentId = resultContentId( item.job?.result );
	return (
		<a
			href={
				contentId ? contentUrl( contentId ) : taskContentUrl( item.id )
			}
		>
			{ __( 'Review the content', 'igny8' ) }
		</a>
	);
}

export function GenerateContentProgress() {
	return (
		<BatchProgress
			batchKey={ GENERATE_CONTENT_JOB }
			title={ __( 'Generating content', 'igny8' ) }
			itemAction={ ( item ) => <OpenContent item={ item } /> }
		/>
	);
}
