import { Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { adminPageUrl } from '../../components/url';

/**
 * A keyword's clusters, each a link to its detail view.
 *
 * @param props       Component props.
 * @param props.ids   The clusters' ids.
 * @param props.names Their names, in the same order.
 */
export default function ClusterLinks( {
	ids,
	names,
}: {
	ids: readonly number[];
	names: ReadonlyMap< number, string >;
} ) {
	if ( ! ids.length ) {
		return (
			<span className="igny8-muted">
				{ __( 'Unclustered', 'igny8' ) }
			</span>
		);
	}
	return (
		<>
			{ ids.map( ( id, index ) => (
				<Fragment key={ id }>
					{ index > 0 && ', ' }
					<a
						href={ adminPageUrl( 'igny8-clusters', {
							cluster: id,
						} ) }
					>
						{ names.get( id ) ?? `#${ id }` }
					</a>
				</Fragment>
			) ) }
		</>
	);
}
