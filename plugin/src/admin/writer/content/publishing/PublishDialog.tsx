// Publishing a piece to WordPress (or updating its post): as a draft or published, with categories and tags;
// then the publish as it goes, until the post is written or the publish gives up.
import {
	Button,
	Flex,
	Modal,
	RadioControl,
	Spinner,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import {
	publishingApi,
	type PublishBody,
	type PublishingRecord,
} from '../../../../api/publishing';
import type { ContentSummary } from '../../../../api/writer';
import { getWpPostTerms, listWpTerms } from '../../../../api/wp';
import ErrorNotice from '../../../components/ErrorNotice';
import { useOperation } from '../../../components/useOperation';
import { CATEGORIES_MAX, TAGS_MAX } from '../../../publishing/common/constants';
import RecordProgress from '../../../publishing/common/RecordProgress';
import { useFollowedRecord } from '../../../publishing/common/useFollowedRecord';
import { sameTerms, termNames } from './terms';
import TermsField from './TermsField';

type PublishAs = PublishBody[ 'status' ];

interface Props {
	content: Pick<
		ContentSummary,
		'id' | 'title' | 'status' | 'external_id' | 'wp_status'
	>;
	onClose: () => void;
	/** The publish started, or ended: the content changed. */
	onChanged: ( record: PublishingRecord ) => void;
}

interface PostTerms {
	categories: string[];
	tags: string[];
}

const NO_TERMS: PostTerms = { categories: [], tags: [] };

/**
 * The names of a published post's categories and tags, as WordPress has them now.
 *
 * @param postId The post.
 */
async function postTerms( postId: number ): Promise< PostTerms > {
	const ids = await getWpPostTerms( postId );
	const names = async ( taxonomy: 'categories' | 'tags', of: number[] ) =>
		of.length
			? termNames(
					await listWpTerms( taxonomy, { include: of.join( ',' ) } )
				)
			: [];
	return {
		categories: await names( 'categories', ids.categories ?? [] ),
		tags: await names( 'tags', ids.tags ?? [] ),
	};
}

export default function PublishDialog( {
	content,
	onClose,
	onChanged,
}: Props ) {
	// What the dialog was opened for: the publish it starts makes the content published meanwhile.
	const [ isUpdate ] = useState( content.status === 'published' );
	const [ status, setStatus ] = useState< PublishAs >(
		isUpdate && content.wp_status !== 'draft' ? 'publish' : 'draft'
	);
	// An update starts from the post's own terms, and sends them only when they were changed.
	const [ initial, setInitial ] = useState< PostTerms | null >(
		isUpdate && content.external_id !== null ? null : NO_TERMS
	);
	const [ termsNote, setTermsNote ] = useState< string | null >( null );
	const [ categories, setCategories ] = useState< string[] >( [] );
	const [ tags, setTags ] = useState< string[] >( [] );
	const submit = useOperation();
	const followed = useFollowedRecord( onChanged );

	const [ postId ] = useState( content.external_id );
	useEffect( () => {
		if ( ! isUpdate || postId === null ) {
			return undefined;
		}
		let live = true;
		postTerms( postId ).then(
			( found ) => {
				if ( live ) {
					setInitial( found );
					setCategories( found.categories );
					setTags( found.tags );
				}
			},
			() => {
				if ( live ) {
					setInitial( NO_TERMS );
					setTermsNote(
						__(
							'The post’s categories and tags could not be read; they stay as they are unless you add some here.',
							'igny8'
						)
					);
				}
			}
		);
		return () => {
			live = false;
		};
	}, [ isUpdate, postId ] );

	const title = isUpdate
		? __( 'Update in WordPress', 'igny8' )
		: __( 'Publish to WordPress', 'igny8' );

	const send = async () => {
		if ( ! initial ) {
			return;
		}
		const body: PublishBody = { status };
		if ( ! sameTerms( categories, initial.categories ) ) {
			body.categories = categories;
		}
		if ( ! sameTerms( tags, initial.tags ) ) {
			body.tags = tags;
		}
		const record = await submit.run( () =>
			publishingApi.publish( content.id, body )
		);
		if ( record ) {
			followed.follow( record );
			onChanged( record );
		}
	};

	const record = followed.record;
	// The form (and its busy button, which had the focus) is gone: the publish as it goes takes the focus.
	const result = useRef< HTMLDivElement >( null );
	const recordId = record?.id ?? null;
	useEffect( () => {
		if ( recordId !== null ) {
			result.current?.focus();
		}
	}, [ recordId ] );
	return (
		<Modal
			title={ title }
			onRequestClose={ onClose }
			className="igny8-publish-dialog"
			size="medium"
		>
			<p className="igny8-publish-of">
				{ sprintf(
					/* translators: %s: the content's title */
					__( '“%s”', 'igny8' ),
					content.title
				) }
			</p>
			{ record ? (
				<div
					ref={ result }
					tabIndex={ -1 }
					className="igny8-dialog-result"
				>
					<RecordProgress
						record={ record }
						error={ followed.error }
					/>
					<Flex justify="flex-end">
						<Button variant="primary" onClick={ onClose }>
							{ __( 'Done', 'igny8' ) }
						</Button>
					</Flex>
				</div>
			) : (
				<form
					className="igny8-dialog-form"
					onSubmit={ ( event ) => {
						event.preventDefault();
						void send();
					} }
				>
					<ErrorNotice
						error={ submit.error }
						onRemove={ submit.clearError }
					/>
					<RadioControl
						label={ __( 'In WordPress, the post is', 'igny8' ) }
						selected={ status }
						options={ [
							{
								label: __( 'A draft', 'igny8' ),
								value: 'draft',
							},
							{
								label: __( 'Published', 'igny8' ),
								value: 'publish',
							},
						] }
						onChange={ ( value: string ) =>
							setStatus( value as PublishAs )
						}
					/>
					{ initial ? (
						<>
							<TermsField
								taxonomy="categories"
								label={ __( 'Categories', 'igny8' ) }
								value={ categories }
								onChange={ setCategories }
								max={ CATEGORIES_MAX }
								disabled={ submit.busy }
							/>
							<TermsField
								taxonomy="tags"
								label={ __( 'Tags', 'igny8' ) }
								value={ tags }
								onChange={ setTags }
								max={ TAGS_MAX }
								disabled={ submit.busy }
							/>
							<p className="igny8-muted">
								{ termsNote ??
									__(
										'Pick WordPress’s categories and tags or type new ones: missing terms are made.',
										'igny8'
									) }
							</p>
						</>
					) : (
						<Spinner />
					) }
					<Flex justify="flex-end" gap={ 2 }>
						<Button variant="tertiary" onClick={ onClose }>
							{ __( 'Cancel', 'igny8' ) }
						</Button>
						<Button
							variant="primary"
							type="submit"
							isBusy={ submit.busy }
							disabled={ submit.busy || ! initial }
						>
							{ isUpdate
								? __( 'Update the post', 'igny8' )
								: __( 'Publish', 'igny8' ) }
						</Button>
					</Flex>
				</form>
			) }
		</Modal>
	);
}
