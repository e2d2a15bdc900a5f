// A conflict's two versions side by side (title, then the text a reader sees, the lines the other version
// lacks highlighted), and the choice of which one to keep. The WordPress version is kept or overwritten
// only as shown: if WordPress changed it again meanwhile, the cloud refuses and the newer one is shown.
import { Button, Flex, Modal, Notice, Spinner } from '@wordpress/components';
import { useEffect, useMemo, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { toErrorInfo, type ErrorInfo } from '../../../../api/errors';
import {
	publishingApi,
	type ContentConflict,
	type PublishingRecord,
} from '../../../../api/publishing';
import type { Content } from '../../../../api/writer';
import ErrorNotice from '../../../components/ErrorNotice';
import { useCloudData } from '../../../components/useCloudData';
import RecordProgress from '../../../publishing/common/RecordProgress';
import { useFollowedRecord } from '../../../publishing/common/useFollowedRecord';
import { formatTimestamp } from '../../../settings/format';
import { bodyLines, compareLines, type Line } from './compare';

interface Props {
	contentId: number;
	readOnly: boolean;
	onClose: () => void;
	/** WordPress's version was taken into the cloud. */
	onKeptWordPress: ( content: Content ) => void;
	/** The cloud's version is on its way to WordPress (and later, when it got there or not). */
	onChanged: ( record: PublishingRecord ) => void;
}

const imageLine = ( alt: string ) =>
	alt
		? sprintf(
				/* translators: %s: the image's alt text */
				__( '[Image: %s]', 'igny8' ),
				alt
			)
		: __( '[Image]', 'igny8' );

export default function CompareDialog( {
	contentId,
	readOnly,
	onClose,
	onKeptWordPress,
	onChanged,
}: Props ) {
	const conflict = useCloudData(
		() => publishingApi.getConflict( contentId ),
		[ contentId ]
	);
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< ErrorInfo | null >( null );
	const [ changedAgain, setChangedAgain ] = useState( false );
	const followed = useFollowedRecord( onChanged );

	const keep = async ( which: 'cloud' | 'wordpress' ) => {
		const shown = conflict.data;
		if ( ! shown ) {
			return;
		}
		setBusy( true );
		setError( null );
		setChangedAgain( false );
		try {
			const done = await publishingApi.resolveConflict( contentId, {
				keep: which,
				wp_hash: shown.wordpress.content_hash,
			} );
			setBusy( false );
			if ( done.keep === 'wordpress' ) {
				onKeptWordPress( done.content );
				onClose();
			} else {
				followed.follow( done.record );
				onChanged( done.record );
			}
		} catch ( failure ) {
			setBusy( false );
			const info = toErrorInfo( failure );
			if ( info.status === 409 ) {
				// WordPress changed the post again since the versions were shown: show the new ones.
				setChangedAgain( true );
				conflict.reload();
			} else {
				setError( info );
			}
		}
	};

	// The buttons (one had the focus) give way to the update as it goes, which takes the focus.
	const result = useRef< HTMLDivElement >( null );
	const recordId = followed.record?.id ?? null;
	useEffect( () => {
		if ( recordId !== null ) {
			result.current?.focus();
		}
	}, [ recordId ] );

	let body;
	if ( followed.record ) {
		body = (
			<div ref={ result } tabIndex={ -1 } className="igny8-dialog-result">
				<RecordProgress
					record={ followed.record }
					error={ followed.error }
				/>
				<Flex justify="flex-end">
					<Button variant="primary" onClick={ onClose }>
						{ __( 'Done', 'igny8' ) }
					</Button>
				</Flex>
			</div>
		);
	} else if ( conflict.error ) {
		body =
			conflict.error.status === 404 ? (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'There is no conflict any more: both versions agree again.',
						'igny8'
					) }
				</Notice>
			) : (
				<ErrorNotice
					error={ conflict.error }
					actions={ [
						{
							label: __( 'Retry', 'igny8' ),
							onClick: conflict.reload,
						},
					] }
				/>
			);
	} else if ( ! conflict.data || conflict.loading ) {
		body = <Spinner />;
	} else {
		body = (
			<Versions
				conflict={ conflict.data }
				busy={ busy }
				readOnly={ readOnly }
				onKeep={ ( which ) => void keep( which ) }
			/>
		);
	}

	return (
		<Modal
			title={ __( 'Compare versions', 'igny8' ) }
			onRequestClose={ onClose }
			className="igny8-compare-dialog"
			size="fill"
		>
			{ changedAgain && (
				<Notice
					status="warning"
					onRemove={ () => setChangedAgain( false ) }
				>
					{ __(
						'The post changed in WordPress again while you compared. Its latest version is shown now: compare again before you choose.',
						'igny8'
					) }
				</Notice>
			) }
			<ErrorNotice error={ error } onRemove={ () => setError( null ) } />
			{ body }
		</Modal>
	);
}

function Versions( {
	conflict,
	busy,
	readOnly,
	onKeep,
}: {
	conflict: ContentConflict;
	busy: boolean;
	readOnly: boolean;
	onKeep: ( which: 'cloud' | 'wordpress' ) => void;
} ) {
	const lines = useMemo(
		() =>
			compareLines(
				bodyLines( conflict.cloud.body, imageLine ),
				bodyLines( conflict.wordpress.body, imageLine )
			),
		[ conflict.cloud.body, conflict.wordpress.body ]
	);
	const refusal = readOnly
		? __( 'Your role may read this content but not change it.', 'igny8' )
		: undefined;
	return (
		<>
			<p className="igny8-muted">
				{ __(
					'The post was changed in WordPress and here since they last agreed. Lines the other version lacks are highlighted. Keep one version: the other is replaced.',
					'igny8'
				) }
			</p>
			<div className="igny8-compare">
				<Version
					side="cloud"
					heading={ __( 'IGNY8 version', 'igny8' ) }
					when={ sprintf(
						/* translators: %s: date and time */
						__( 'Changed %s', 'igny8' ),
						formatTimestamp( conflict.cloud.updated_at ) ?? '—'
					) }
					title={ conflict.cloud.title }
					titleChanged={
						conflict.cloud.title !== conflict.wordpress.title
					}
					lines={ lines.left }
				/>
				<Version
					side="wordpress"
					heading={ __( 'WordPress version', 'igny8' ) }
					when={ sprintf(
						/* translators: %s: date and time */
						__( 'Changed %s', 'igny8' ),
						formatTimestamp( conflict.wordpress.modified_gmt ) ??
							'—'
					) }
					title={ conflict.wordpress.title }
					titleChanged={
						conflict.cloud.title !== conflict.wordpress.title
					}
					lines={ lines.right }
				/>
			</div>
			<Flex justify="flex-end" gap={ 2 } wrap>
				<Button
					variant="secondary"
					isBusy={ busy }
					disabled={ busy || readOnly }
					title={ refusal }
					onClick={ () => onKeep( 'cloud' ) }
				>
					{ __( 'Keep the cloud version', 'igny8' ) }
				</Button>
				<Button
					variant="secondary"
					isBusy={ busy }
					disabled={ busy || readOnly }
					title={ refusal }
					onClick={ () => onKeep( 'wordpress' ) }
				>
					{ __( 'Keep the WordPress version', 'igny8' ) }
				</Button>
			</Flex>
		</>
	);
}

function Version( {
	side,
	heading,
	when,
	title,
	titleChanged,
	lines,
}: {
	side: string;
	heading: string;
	when: string;
	title: string;
	titleChanged: boolean;
	lines: Line[];
} ) {
	const id = `igny8-compare-${ side }`;
	const changed = lines.filter( ( line ) => line.changed ).length;
	return (
		<section
			className={ `igny8-compare-side is-${ side }` }
			aria-labelledby={ id }
			data-testid={ id }
		>
			<h3 id={ id }>{ heading }</h3>
			<p className="igny8-muted">
				{ when }
				{ ' · ' }
				{ sprintf(
					/* translators: %d: number of lines */
					_n(
						'%d line differs',
						'%d lines differ',
						changed,
						'igny8'
					),
					changed
				) }
			</p>
			<h4
				className={
					titleChanged
						? 'igny8-compare-title is-changed'
						: 'igny8-compare-title'
				}
			>
				{ title }
			</h4>
			<ol className="igny8-compare-lines">
				{ lines.map( ( line, index ) => (
					<li
						key={ index }
						className={ line.changed ? 'is-changed' : undefined }
					>
						{ line.changed && (
							<span className="screen-reader-text">
								{ __( 'Differs:', 'igny8' ) }{ ' ' }
							</span>
						) }
						{ line.text }
					</li>
				) ) }
			</ol>
		</section>
	);
}
