// The Planner's stages as one funnel, from keywords to finished writer tasks (pure; see test/).
import { __ } from '@wordpress/i18n';
import type { PlannerSummary } from '../../../store/planner/types';

export interface Stage {
	key: string;
	label: string;
	value: number;
}

export function funnelStages( summary: PlannerSummary ): Stage[] {
	const { keywords, clusters, ideas, tasks } = summary;
	return [
		{
			key: 'keywords',
			label: __( 'Keywords', 'igny8' ),
			value: keywords.total,
		},
		{
			key: 'clustered',
			label: __( 'Clustered keywords', 'igny8' ),
			value: Math.max( 0, keywords.total - keywords.unclustered ),
		},
		{
			key: 'clusters',
			label: __( 'Clusters', 'igny8' ),
			value: clusters.total,
		},
		{ key: 'ideas', label: __( 'Ideas', 'igny8' ), value: ideas.total },
		{
			key: 'approved',
			label: __( 'Approved ideas', 'igny8' ),
			value: approvedIdeas( ideas.by_status ),
		},
		{
			key: 'tasks',
			label: __( 'Writer tasks', 'igny8' ),
			value: tasks.total,
		},
		{
			key: 'completed',
			label: __( 'Completed tasks', 'igny8' ),
			value: tasks.by_status.completed ?? 0,
		},
	];
}

/**
 * Approved ideas and those already past approval (in progress, completed).
 *
 * @param byStatus Idea counts per status.
 */
function approvedIdeas(
	byStatus: Readonly< Record< string, number > >
): number {
	return (
		( byStatus.approved ?? 0 ) +
		( byStatus.in_progress ?? 0 ) +
		( byStatus.completed ?? 0 )
	);
}

/**
 * Bar widths in percent. Counts of keywords and of clusters differ by orders of magnitude, so the
 * scale is a square root: small stages stay visible, and a non-zero stage never draws as nothing.
 *
 * @param values The stages' counts.
 */
export function barWidths( values: readonly number[] ): number[] {
	const max = Math.max( 0, ...values );
	if ( max === 0 ) {
		return values.map( () => 0 );
	}
	return values.map( ( value ) =>
		value <= 0
			? 0
			: Math.max( 2, ( Math.sqrt( value ) / Math.sqrt( max ) ) * 100 )
	);
}
