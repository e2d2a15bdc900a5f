// Follows a batch of AI jobs of the jobs store (one per task or piece of content) as one view: the overall
// bar, a row per item with its stage and message, Cancel all while any runs, what it cost once all ended.
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { jobPercentage } from '../../api/jobs';
import { store as jobsStore } from '../../store/jobs';
import { batchProgress } from '../../store/jobs/batch';
import type { BatchItem } from '../../store/jobs/types';
import ErrorNotice from './ErrorNotice';
import { batchSummary, notStartedReason, stageLabel } from './job/format';
import JobStartError from './JobStartError';
import { adminPageUrl } from './url';
import './job/job-progress.css';

interface Props {
	/** The jobs store key the batch was started under. */
	batchKey: string;
	/** What the batch does, e.g. "Generating content". */
	title: string;
	/** Shown on the row of an item whose job succeeded, e.g. a link to the content it wrote. */
	itemAction?: ( item: BatchItem ) => ReactNode;
}

export default function BatchProgress( {
	batchKey,
	title,
	itemAction,
}: Props ) {
	const batch = useSelect(
		( select ) => select( jobsStore ).getBatch( batchKey ),
		[ batchKey ]
	);
	const { cancelBatch, dismissBatch, followBatchAgain } =
		useDispatch( jobsStore );
	const progress = useMemo(
		() => ( batch ? batchProgress( batch ) : null ),
		[ batch ]
	);
	if ( ! batch || ! progress ) {
		return null;
	}
	const dismiss = () => dismissBatch( batchKey );
	if ( batch.startError ) {
		return (
			<JobStartError error={ batch.startError } onDismiss={ dismiss } />
		);
	}
	if ( batch.starting ) {
		return (
			<section
				className="igny8-job igny8-batch"
				aria-label={ title }
				data-state="starting"
			>
				<p className="igny8-job-title">
					<strong>{ title }</strong> <Spinner />
				</p>
				<p className="igny8-job-message">
					{ __( 'Starting…', 'igny8' ) }
				</p>
			</section>
		);
	}

	const finished = ! progress.running;
	const summary = batchSummary( progress );
	let state = 'running';
	if ( finished ) {
		state = progress.failed || progress.notStarted ? 'partial' : 'done';
	}
	return (
		<section
			className={ `igny8-job igny8-batch is-${ state }` }
			aria-label={ title }
			data-state={ state }
			data-percentage={ progress.percentage }
		>
			<p className="igny8-job-title">
				<strong>{ title }</strong>
				<span className="igny8-job-stage">
					{ summary } · { progress.percentage }%
				</span>
			</p>
			{ progress.started > 0 && (
				<div
					className="igny8-job-track"
					role="progressbar"
					aria-label={ title }
					aria-valuemin={ 0 }
					aria-valuemax={ 100 }
					aria-valuenow={ progress.percentage }
					aria-valuetext={ `${ summary }, ${ progress.percentage }%` }
				>
					<div
						className="igny8-job-bar"
						style={ { width: `${ progress.percentage }%` } }
					/>
				</div>
			) }
			<ul className="igny8-batch-items">
				{ batch.items.map( ( item, index ) => (
					<BatchRow
						key={ item.job?.id ?? `${ item.id }-${ index }` }
						item={ item }
						action={ itemAction }
					/>
				) ) }
			</ul>
			<p className="igny8-job-message" aria-live="polite">
				{ finished
					? sprintf(
							/* translators: 1: what happened, 2: credits charged */
							_n(
								'%1$s. Charged %2$s credit.',
								'%1$s. Charged %2$s credits.',
								progress.creditsCharged,
								'igny8'
							),
							summary,
							progress.creditsCharged.toLocaleString()
						)
					: summary }
			</p>
			{ batch.items.some(
				( item ) => item.notStarted?.code === 'insufficient_credits'
			) && (
				<p className="igny8-job-message">
					<a href={ adminPageUrl( 'igny8-credits' ) }>
						{ __( 'See your credits', 'igny8' ) }
					</a>
				</p>
			) }
			{ batch.cancelError && <ErrorNotice error={ batch.cancelError } /> }
			{ batch.followError && (
				<Notice
					status="warning"
					isDismissible={ false }
					actions={ [
						{
							label: __( 'Check again', 'igny8' ),
							onClick: () => void followBatchAgain( batchKey ),
						},
					] }
				>
					{ sprintf(
						/* translators: %s: the reason */
						__(
							'Lost track of these jobs; they may still be running in the IGNY8 cloud. %s',
							'igny8'
						),
						batch.followError.message
					) }
				</Notice>
			) }
			<p className="igny8-batch-actions">
				{ finished ? (
					<Button variant="secondary" onClick={ dismiss }>
						{ __( 'Dismiss', 'igny8' ) }
					</Button>
				) : (
					<Button
						variant="secondary"
						isDestructive
						isBusy={ batch.cancelling }
						disabled={ batch.cancelling || ! progress.running }
						onClick={ () => void cancelBatch( batchKey ) }
					>
						{ __( 'Cancel all', 'igny8' ) }
					</Button>
				) }
			</p>
		</section>
	);
}

function BatchRow( {
	item,
	action,
}: {
	item: BatchItem;
	action?: ( item: BatchItem ) => ReactNode;
} ) {
	const { job } = item;
	if ( ! job ) {
		return (
			<li className="igny8-batch-item is-not-started">
				<span className="igny8-batch-label">{ item.label }</span>
				<span className="igny8-batch-state">
					{ __( 'Not started', 'igny8' ) }
				</span>
				<span className="igny8-batch-detail">
					{ item.notStarted
						? notStartedReason( item.notStarted )
						: '' }
				</span>
			</li>
		);
	}
	const percentage = jobPercentage( job );
	let detail: ReactNode = job.message ?? '';
	if ( job.state === 'failed' ) {
		detail = job.error || __( 'The job failed.', 'igny8' );
	} else if ( job.state === 'succeeded' && action ) {
		detail = action( item );
	}
	return (
		<li className={ `igny8-batch-item is-${ job.state }` }>
			<span className="igny8-batch-label">{ item.label }</span>
			<span className="igny8-batch-state">
				{ stageLabel( job ) } · { percentage }%
			</span>
			<span className="igny8-batch-detail">{ detail }</span>
			<span
				className="igny8-batch-track"
				role="progressbar"
				aria-label={ item.label }
				aria-valuemin={ 0 }
				aria-valuemax={ 100 }
				aria-valuenow={ percentage }
			>
				<span style={ { width: `${ percentage }%` } } />
			</span>
		</li>
	);
}
