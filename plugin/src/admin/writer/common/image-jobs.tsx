// The Writer's image work as jobs: prompts for pieces of content (a job per piece, one batch), and images
// made from prompts (one job for a piece's waiting images, or for chosen ones). Shared by the Content
// review screen and the Images page.
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { writerApi, type ImageSelection } from '../../../api/writer';
import { store as jobsStore } from '../../../store/jobs';
import { creditCost } from '../../../store/jobs/constants';
import BatchProgress from '../../components/BatchProgress';
import JobProgress from '../../components/JobProgress';
import { GENERATE_IMAGES_JOB, IMAGE_PROMPTS_JOB } from './constants';
import { usePlacement } from './hooks';

/**
 * Credits prompts for `pieces` pieces cost: each piece is its own job.
 *
 * @param pieces Pieces of content.
 */
export function imagePromptsPrice( pieces: number ): number {
	return pieces * creditCost( 'generate_image_prompts', 1 );
}

/**
 * Credits `images` images cost (one job).
 *
 * @param images Images to make.
 */
export function imagesPrice( images: number ): number {
	return creditCost( 'generate_images', images );
}

export function useImagePrompts() {
	const { placement } = usePlacement();
	const active = useSelect(
		( select ) => select( jobsStore ).isBatchActive( IMAGE_PROMPTS_JOB ),
		[]
	);
	const { startBatch } = useDispatch( jobsStore );
	const start = (
		pieces: ReadonlyArray< { id: number; title: string } >
	) => {
		if ( ! placement || pieces.length === 0 ) {
			return;
		}
		const ids = pieces.map( ( piece ) => piece.id );
		void startBatch(
			IMAGE_PROMPTS_JOB,
			pieces.map( ( piece ) => ( { id: piece.id, label: piece.title } ) ),
			() => writerApi.generateImagePrompts( placement.site_id, ids )
		);
	};
	return { start, active };
}

export function useGenerateImages() {
	const { placement } = usePlacement();
	const active = useSelect(
		( select ) => select( jobsStore ).isActive( GENERATE_IMAGES_JOB ),
		[]
	);
	const { startJob } = useDispatch( jobsStore );
	const start = ( which: ImageSelection ) => {
		if ( ! placement ) {
			return;
		}
		void startJob( GENERATE_IMAGES_JOB, () =>
			writerApi.generateImages( placement.site_id, which )
		);
	};
	return { start, active };
}

export function ImagePromptsProgress() {
	return (
		<BatchProgress
			batchKey={ IMAGE_PROMPTS_JOB }
			title={ __( 'Writing image prompts', 'igny8' ) }
		/>
	);
}

export function GenerateImagesProgress() {
	return (
		<JobProgress
			jobKey={ GENERATE_IMAGES_JOB }
			title={ __( 'Generating images', 'igny8' ) }
		/>
	);
}
