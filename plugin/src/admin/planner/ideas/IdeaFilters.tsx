import { SelectControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import { CONTENT_TYPES, IDEA_STATUSES } from '../../../store/planner/constants';
import type { ContentType, IdeaStatus } from '../../../store/planner/types';
import DebouncedTextControl from '../../components/DebouncedTextControl';
import { useClusterOptions, useListQuery } from '../common/hooks';
import { contentTypeLabel, ideaStatusLabel, optionsOf } from '../common/labels';

export default function IdeaFilters() {
	const { filters } = useListQuery( 'ideas' );
	const { clusters } = useClusterOptions();
	const { setFilters } = useDispatch( plannerStore );
	return (
		<div className="igny8-filters" role="search">
			<DebouncedTextControl
				type="search"
				label={ __( 'Search ideas', 'igny8' ) }
				value={ filters.search ?? '' }
				onChange={ ( search ) => setFilters( 'ideas', { search } ) }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Status', 'igny8' ) }
				value={ filters.status ?? '' }
				options={ optionsOf(
					IDEA_STATUSES,
					ideaStatusLabel,
					__( 'All', 'igny8' )
				) }
				onChange={ ( status: string ) =>
					setFilters( 'ideas', {
						status: ( status || undefined ) as
							IdeaStatus | undefined,
					} )
				}
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Cluster', 'igny8' ) }
				value={
					filters.cluster_id === undefined
						? ''
						: String( filters.cluster_id )
				}
				options={ [
					{ value: '', label: __( 'All clusters', 'igny8' ) },
					...( clusters ?? [] ).map( ( cluster ) => ( {
						value: String( cluster.id ),
						label: cluster.name,
					} ) ),
				] }
				onChange={ ( value: string ) =>
					setFilters( 'ideas', {
						cluster_id: value ? Number( value ) : undefined,
					} )
				}
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Content type', 'igny8' ) }
				value={ filters.content_type ?? '' }
				options={ optionsOf(
					CONTENT_TYPES,
					contentTypeLabel,
					__( 'All', 'igny8' )
				) }
				onChange={ ( type: string ) =>
					setFilters( 'ideas', {
						content_type: ( type || undefined ) as
							ContentType | undefined,
					} )
				}
			/>
		</div>
	);
}
