// Filters of the tasks table: text, status, cluster and content type.
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { CONTENT_TYPES, TASK_STATUSES } from '../../../store/planner/constants';
import type { ContentType } from '../../../store/planner/types';
import DebouncedTextControl from '../../components/DebouncedTextControl';
import { useClusterOptions } from '../../planner/common/hooks';
import {
	contentTypeLabel,
	optionsOf,
	taskStatusLabel,
} from '../../planner/common/labels';
import type { TaskStatus } from './task-form';

export interface TaskFilterValues {
	search?: string;
	status?: TaskStatus;
	cluster_id?: number;
	content_type?: ContentType;
}

interface Props {
	filters: TaskFilterValues;
	onChange: ( filters: Partial< TaskFilterValues > ) => void;
}

export default function TaskFilters( { filters, onChange }: Props ) {
	const { clusters } = useClusterOptions();
	return (
		<div className="igny8-filters" role="search">
			<DebouncedTextControl
				type="search"
				label={ __( 'Search tasks', 'igny8' ) }
				value={ filters.search ?? '' }
				onChange={ ( search ) => onChange( { search } ) }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Status', 'igny8' ) }
				value={ filters.status ?? '' }
				options={ optionsOf(
					TASK_STATUSES,
					taskStatusLabel,
					__( 'All', 'igny8' )
				) }
				onChange={ ( status: string ) =>
					onChange( {
						status: ( status || undefined ) as
							TaskStatus | undefined,
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
					onChange( {
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
					onChange( {
						content_type: ( type || undefined ) as
							ContentType | undefined,
					} )
				}
			/>
		</div>
	);
}
