// A publish as it goes: queued → publishing → published, or what went wrong with its attempts and the
// time of the next one. Read out to screen readers as it changes.
import { Button, Spinner } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { ErrorInfo } from '../../../api/errors';
import type { PublishingRecord } from '../../../api/publishing';
import { formatTimestamp } from '../../settings/format';
import PostLinks from './PostLinks';
import { recordStage, stepsDone, type RecordStage } from './record';

interface Props {
	record: PublishingRecord;
	/** A failed look at the record (it is asked about again). */
	error?: ErrorInfo | null;
	/** Offered on a failed record when given. */
	onRetry?: () => void;
	retrying?: boolean;
	/** Links to the published post (false where they show already). */
	links?: boolean;
}

function steps(): Array< [ string, number ] > {
	return [
		[ __( 'Queued', 'igny8' ), 1 ],
		[ __( 'Publishing', 'igny8' ), 2 ],
		[ __( 'Published', 'igny8' ), 3 ],
	];
}

function attemptsText( record: PublishingRecord ): string {
	return sprintf(
		/* translators: 1: attempts made, 2: attempts allowed */
		__( 'attempt %1$d of %2$d', 'igny8' ),
		record.attempts,
		record.max_attempts
	);
}

function summary( record: PublishingRecord, stage: RecordStage ): string {
	switch ( stage ) {
		case 'queued':
			return __( 'Queued: waiting for its turn.', 'igny8' );
		case 'publishing':
			return sprintf(
				/* translators: %s: e.g. "attempt 1 of 6" */
				__( 'Sending to WordPress (%s)…', 'igny8' ),
				attemptsText( record )
			);
		case 'retrying': {
			const next = formatTimestamp( record.next_attempt_at );
			return next
				? sprintf(
						/* translators: 1: e.g. "attempt 1 of 6", 2: date and time */
						__(
							'The last try failed (%1$s). Next attempt at %2$s.',
							'igny8'
						),
						attemptsText( record ),
						next
					)
				: sprintf(
						/* translators: %s: e.g. "attempt 1 of 6" */
						__(
							'The last try failed (%s). It will be tried again.',
							'igny8'
						),
						attemptsText( record )
					);
		}
		case 'published':
			return record.images_uploaded > 0
				? sprintf(
						/* translators: %s: number of images */
						_n(
							'Published in WordPress, with %s image added to the media library.',
							'Published in WordPress, with %s images added to the media library.',
							record.images_uploaded,
							'igny8'
						),
						record.images_uploaded.toLocaleString()
					)
				: __( 'Published in WordPress.', 'igny8' );
		case 'failed':
			return sprintf(
				/* translators: %s: e.g. "attempt 6 of 6" */
				__( 'Publishing failed (%s).', 'igny8' ),
				attemptsText( record )
			);
		case 'conflict':
			return __(
				'Not written: the post was changed in WordPress too. Compare the two versions and keep one.',
				'igny8'
			);
	}
}

export default function RecordProgress( {
	record,
	error,
	onRetry,
	retrying = false,
	links = true,
}: Props ) {
	const stage = recordStage( record );
	const done = stepsDone( stage );
	const running =
		stage === 'queued' || stage === 'publishing' || stage === 'retrying';
	return (
		<div
			className={ `igny8-publish-progress is-${ stage }` }
			data-testid="igny8-publish-progress"
			data-status={ record.status }
		>
			{ done > 0 && (
				<ol
					className="igny8-publish-steps"
					aria-label={ __( 'Publishing steps', 'igny8' ) }
				>
					{ steps().map( ( [ label, step ] ) => (
						<li
							key={ step }
							className={ step <= done ? 'is-done' : undefined }
							aria-current={ step === done ? 'step' : undefined }
						>
							{ label }
						</li>
					) ) }
				</ol>
			) }
			<p
				className="igny8-publish-summary"
				role="status"
				aria-live="polite"
				data-testid="igny8-publish-summary"
			>
				{ running && <Spinner /> }
				{ summary( record, stage ) }
			</p>
			{ record.error && stage === 'published' && (
				<p className="igny8-muted" data-testid="igny8-publish-note">
					{ record.error }
				</p>
			) }
			{ record.error && stage !== 'published' && (
				<p
					className="igny8-publish-error"
					data-testid="igny8-publish-error"
				>
					{ record.error }
				</p>
			) }
			{ stage === 'published' && links && (
				<p>
					<PostLinks
						postId={ record.wp_post_id }
						url={ record.url }
					/>
				</p>
			) }
			{ error && (
				<p className="igny8-muted">
					{ sprintf(
						/* translators: %s: why the record could not be read */
						__(
							'Could not check on it just now (%s); trying again shortly.',
							'igny8'
						),
						error.message
					) }
				</p>
			) }
			{ stage === 'failed' && onRetry && (
				<Button
					variant="secondary"
					isBusy={ retrying }
					disabled={ retrying }
					onClick={ onRetry }
				>
					{ __( 'Retry', 'igny8' ) }
				</Button>
			) }
		</div>
	);
}
