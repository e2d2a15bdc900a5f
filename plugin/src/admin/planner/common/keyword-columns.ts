// The keyword table's columns, shared by the Keywords page and a cluster's keyword list.
import { __ } from '@wordpress/i18n';
import type { Keyword } from '../../../store/planner/types';
import type { Column } from '../../components/DataTable';
import { formatNumber } from './format';
import { anyKeywordStatus, intentLabel } from './labels';

export function keywordColumns(): Column< Keyword >[] {
	return [
		{
			key: 'keyword',
			label: __( 'Keyword', 'igny8' ),
			sortField: 'keyword',
			primary: true,
			render: ( k ) => k.keyword,
		},
		{
			key: 'volume',
			label: __( 'Volume', 'igny8' ),
			sortField: 'volume',
			firstDirection: 'desc',
			numeric: true,
			width: '9em',
			render: ( k ) => formatNumber( k.volume ),
		},
		{
			key: 'difficulty',
			label: __( 'Difficulty', 'igny8' ),
			sortField: 'difficulty',
			numeric: true,
			width: '8em',
			render: ( k ) => formatNumber( k.difficulty ),
		},
		{
			key: 'intent',
			label: __( 'Intent', 'igny8' ),
			width: '10em',
			render: ( k ) => ( k.intent ? intentLabel( k.intent ) : '—' ),
		},
		{
			key: 'status',
			label: __( 'Status', 'igny8' ),
			width: '7em',
			render: ( k ) => anyKeywordStatus( k.status ),
		},
	];
}
