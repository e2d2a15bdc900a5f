// Follows one AI job of the jobs store: stage, bar, message and Cancel while it runs; what it did,
// what it cost, or why it failed once it ends. Stable hooks for tests: the data-testid attributes.
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import { isTerminal, jobPercentage, type Job } from '../../api/jobs';
import { store as jobsStore } from '../../store/jobs';
import { JOB_PHASES } from '../../store/jobs/constants';
import ErrorNotice from './ErrorNotice';
import { phaseLabel, resultFacts, resultNames, stageLabel } from './job/format';
import JobStartError from './JobStartError';
import './job/job-progress.css';

interface Props {
	/** The jobs store key the job was started under. */
	jobKey: string;
	/** What the job does, e.g. "Clustering with AI". */
	title: string;
	/** Shown once the job succeeded, e.g. a link to the new ideas. */
	successActions?: ReactNode;
}

export default function JobProgress( {
	jobKey,
	title,
	successActions,
}: Props ) {
	const run = useSelect(
		( select ) => select( jobsStore ).getRun( jobKey ),
		[ jobKey ]
	);
	const { cancelJob, dismissJob, followJobAgain } = useDispatch( jobsStore );
	if ( ! run ) {
		return null;
	}
	const dismiss = () => dismissJob( jobKey );
	if ( run.startError ) {
		return <JobStartError error={ run.startError } onDismiss={ dismiss } />;
	}
	if ( ! run.job ) {
		return (
			<div
				className="igny8-job"
				data-testid="igny8-job-progress"
				data-state="starting"
				data-percentage="0"
			>
				<p className="igny8-job-title">
					<strong>{ title }</strong> <Spinner />
				</p>
				<p
					className="igny8-job-message"
					data-testid="igny8-job-message"
				>
					{ __( 'Starting…', 'igny8' ) }
				</p>
			</div>
		);
	}

	const { job } = run;
	const percentage = jobPercentage( job );
	const finished = isTerminal( job.state );
	return (
		<div
			className={ `igny8-job is-${ job.state }` }
			data-testid="igny8-job-progress"
			data-state={ job.state }
			data-percentage={ percentage }
		>
			<p className="igny8-job-title">
				<strong>{ title }</strong>
				<span className="igny8-job-stage">
					{ stageLabel( job ) } · { percentage }%
				</span>
			</p>
			<div
				className="igny8-job-track"
				role="progressbar"
				aria-label={ title }
				aria-valuemin={ 0 }
				aria-valuemax={ 100 }
				aria-valuenow={ percentage }
				aria-valuetext={ `${ stageLabel( job ) }, ${ percentage }%` }
			>
				<div
					className="igny8-job-bar"
					data-testid="igny8-job-bar"
					style={ { width: `${ percentage }%` } }
				/>
			</div>
			<Phases job={ job } />
			<p
				className="igny8-job-message"
				data-testid="igny8-job-message"
				aria-live="polite"
			>
				{ job.message || stageLabel( job ) }
			</p>
			{ ! finished && (
				<Button
					variant="secondary"
					isDestructive
					data-testid="igny8-job-cancel"
					isBusy={ run.cancelling }
					disabled={ run.cancelling }
					onClick={ () => void cancelJob( jobKey ) }
				>
					{ __( 'Cancel', 'igny8' ) }
				</Button>
			) }
			{ run.cancelError && <ErrorNotice error={ run.cancelError } /> }
			{ run.followError && (
				<Notice
					status="warning"
					isDismissible={ false }
					actions={ [
						{
							label: __( 'Check again', 'igny8' ),
							onClick: () => void followJobAgain( jobKey ),
						},
					] }
				>
					{ sprintf(
						/* translators: %s: the reason */
						__(
							'Lost track of this job; it may still be running in the IGNY8 cloud. %s',
							'igny8'
						),
						run.followError.message
					) }
				</Notice>
			) }
			{ finished && (
				<Outcome
					job={ job }
					successActions={ successActions }
					onDismiss={ dismiss }
				/>
			) }
		</div>
	);
}

function Phases( { job }: { job: Job } ) {
	const current = JOB_PHASES.indexOf( job.phase );
	return (
		<ol className="igny8-job-phases" aria-hidden="true">
			{ JOB_PHASES.map( ( phase, index ) => {
				const done = job.state === 'succeeded' || index < current;
				const now =
					! done && index === current && job.state === 'running';
				let className: string | undefined;
				if ( done ) {
					className = 'is-done';
				} else if ( now ) {
					className = 'is-current';
				}
				return (
					<li key={ phase } className={ className }>
						{ phaseLabel( phase ) }
					</li>
				);
			} ) }
		</ol>
	);
}

function Outcome( {
	job,
	successActions,
	onDismiss,
}: {
	job: Job;
	successActions?: ReactNode;
	onDismiss: () => void;
} ) {
	const charged = (
		<span data-testid="igny8-job-credits">
			{ sprintf(
				/* translators: %s: number of credits */
				_n(
					'Charged %s credit.',
					'Charged %s credits.',
					job.credits_charged,
					'igny8'
				),
				job.credits_charged.toLocaleString()
			) }
		</span>
	);
	if ( job.state === 'succeeded' ) {
		const facts = resultFacts( job.result );
		const names = resultNames( job.result );
		return (
			<Notice status="success" onRemove={ onDismiss }>
				<p style={ { margin: 0 } } data-testid="igny8-job-result">
					{ facts.length
						? `${ facts.join( ', ' ) }.`
						: __( 'Finished.', 'igny8' ) }{ ' ' }
					{ charged }
				</p>
				{ names.length > 0 && (
					<p className="igny8-job-names">{ names.join( ' · ' ) }</p>
				) }
				{ successActions && (
					<p style={ { margin: '4px 0 0' } }>{ successActions }</p>
				) }
			</Notice>
		);
	}
	if ( job.state === 'cancelled' ) {
		return (
			<Notice status="info" onRemove={ onDismiss }>
				<p style={ { margin: 0 } } data-testid="igny8-job-result">
					{ __( 'Cancelled.', 'igny8' ) }{ ' ' }
					{ job.credits_charged > 0
						? charged
						: __( 'Nothing was charged.', 'igny8' ) }
				</p>
			</Notice>
		);
	}
	return (
		<Notice status="error" onRemove={ onDismiss }>
			<p style={ { margin: 0 } } data-testid="igny8-job-error">
				{ job.error || __( 'The job failed.', 'igny8' ) }{ ' ' }
				{ job.credits_charged > 0
					? charged
					: __( 'Nothing was charged.', 'igny8' ) }
			</p>
		</Notice>
	);
}
