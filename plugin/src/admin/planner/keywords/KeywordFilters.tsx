// Filters of the keywords table: text, status, intent, cluster (or none), volume and difficulty ranges.
import { Button, SelectControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as plannerStore } from '../../../store/planner';
import {
	KEYWORD_INTENTS,
	KEYWORD_STATUSES,
} from '../../../store/planner/constants';
import type {
	KeywordFilters as Filters,
	KeywordIntent,
	KeywordStatus,
} from '../../../store/planner/types';
import DebouncedTextControl from '../../components/DebouncedTextControl';
import { useClusterOptions, useListQuery } from '../common/hooks';
import { intentLabel, keywordStatusLabel, optionsOf } from '../common/labels';
import { parseWholeNumber } from '../common/format';

/**
 * The cluster filter a choice of the Cluster select stands for.
 *
 * @param value The chosen option: '' (all clusters), 'none' (unclustered) or a cluster id.
 */
function clusterFilter( value: string ): Filters[ 'cluster_id' ] {
	if ( value === '' ) {
		return undefined;
	}
	return value === 'none' ? 'none' : Number( value );
}

export default function KeywordFilters() {
	const { filters } = useListQuery( 'keywords' );
	const { clusters } = useClusterOptions();
	const { setFilters, resetFilters } = useDispatch( plannerStore );
	const set = ( patch: Partial< Filters > ) =>
		setFilters( 'keywords', patch );
	const text = ( value: number | undefined ) =>
		value === undefined ? '' : String( value );

	const clusterOptions = [
		{ value: '', label: __( 'All clusters', 'igny8' ) },
		{ value: 'none', label: __( 'Unclustered', 'igny8' ) },
		...( clusters ?? [] ).map( ( cluster ) => ( {
			value: String( cluster.id ),
			label: cluster.name,
		} ) ),
	];

	return (
		<div className="igny8-filters" role="search">
			<DebouncedTextControl
				type="search"
				label={ __( 'Search keywords', 'igny8' ) }
				value={ filters.search ?? '' }
				onChange={ ( search ) => set( { search } ) }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Status', 'igny8' ) }
				value={ filters.status ?? '' }
				options={ optionsOf(
					KEYWORD_STATUSES,
					keywordStatusLabel,
					__( 'All', 'igny8' )
				) }
				onChange={ ( status: string ) =>
					set( {
						status: ( status || undefined ) as
							KeywordStatus | undefined,
					} )
				}
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Intent', 'igny8' ) }
				value={ filters.intent ?? '' }
				options={ optionsOf(
					KEYWORD_INTENTS,
					intentLabel,
					__( 'All', 'igny8' )
				) }
				onChange={ ( intent: string ) =>
					set( {
						intent: ( intent || undefined ) as
							KeywordIntent | undefined,
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
				options={ clusterOptions }
				onChange={ ( value: string ) =>
					set( { cluster_id: clusterFilter( value ) } )
				}
			/>
			<DebouncedTextControl
				type="number"
				min={ 0 }
				className="igny8-number-filter"
				label={ __( 'Volume from', 'igny8' ) }
				value={ text( filters.min_volume ) }
				onChange={ ( value ) =>
					set( { min_volume: parseWholeNumber( value ) } )
				}
			/>
			<DebouncedTextControl
				type="number"
				min={ 0 }
				className="igny8-number-filter"
				label={ __( 'Volume to', 'igny8' ) }
				value={ text( filters.max_volume ) }
				onChange={ ( value ) =>
					set( { max_volume: parseWholeNumber( value ) } )
				}
			/>
			<DebouncedTextControl
				type="number"
				min={ 0 }
				max={ 100 }
				className="igny8-number-filter"
				label={ __( 'Difficulty from', 'igny8' ) }
				value={ text( filters.min_difficulty ) }
				onChange={ ( value ) =>
					set( { min_difficulty: parseWholeNumber( value, 100 ) } )
				}
			/>
			<DebouncedTextControl
				type="number"
				min={ 0 }
				max={ 100 }
				className="igny8-number-filter"
				label={ __( 'Difficulty to', 'igny8' ) }
				value={ text( filters.max_difficulty ) }
				onChange={ ( value ) =>
					set( { max_difficulty: parseWholeNumber( value, 100 ) } )
				}
			/>
			<Button
				variant="tertiary"
				onClick={ () => resetFilters( 'keywords' ) }
				disabled={ Object.keys( filters ).length === 0 }
			>
				{ __( 'Clear filters', 'igny8' ) }
			</Button>
		</div>
	);
}
