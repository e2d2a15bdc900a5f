// Settings → Strategies: per sector, the guidance the AI follows when it plans and writes for it.
import { Button, Notice, Spinner } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { plannerApi } from '../../../api/planner';
import {
	systemApi,
	type AuthorProfile,
	type Strategy,
} from '../../../api/system';
import ConfirmButton from '../../components/ConfirmButton';
import DataTable, { type Column } from '../../components/DataTable';
import ErrorNotice from '../../components/ErrorNotice';
import SectorPicker from '../../components/SectorPicker';
import { useCloudData } from '../../components/useCloudData';
import { useOperation } from '../../components/useOperation';
import StrategyDialog from './StrategyDialog';

export default function StrategiesTab( { siteId }: { siteId: number } ) {
	const sectors = useCloudData(
		async () => ( await plannerApi.listSectors( siteId ) ).results,
		[ siteId ]
	);
	const profiles = useCloudData( () => systemApi.listAuthorProfiles(), [] );
	const [ chosen, setChosen ] = useState< number | null >( null );
	const active = ( sectors.data ?? [] ).filter(
		( sector ) => sector.status === 'active'
	);
	const sectorId = active.some( ( sector ) => sector.id === chosen )
		? chosen
		: ( active[ 0 ]?.id ?? null );

	return (
		<div className="igny8-strategies">
			<p>
				{ __(
					'A strategy is guidance for one sector of the site, given to the AI with every job in that sector.',
					'igny8'
				) }
			</p>
			<ErrorNotice
				error={ sectors.error }
				actions={ [
					{ label: __( 'Retry', 'igny8' ), onClick: sectors.reload },
				] }
			/>
			{ sectors.loading && ! sectors.data && <Spinner /> }
			{ sectors.data && sectorId === null && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'This site has no active sector yet. Add one in the IGNY8 dashboard (Sites → Sectors).',
						'igny8'
					) }
				</Notice>
			) }
			{ sectorId !== null && (
				<>
					<SectorPicker
						sectors={ sectors.data ?? [] }
						value={ sectorId }
						onChange={ setChosen }
					/>
					<SectorStrategies
						key={ sectorId }
						siteId={ siteId }
						sectorId={ sectorId }
						profiles={ profiles.data ?? [] }
					/>
				</>
			) }
		</div>
	);
}

function SectorStrategies( {
	siteId,
	sectorId,
	profiles,
}: {
	siteId: number;
	sectorId: number;
	profiles: readonly AuthorProfile[];
} ) {
	const strategies = useCloudData(
		() => systemApi.listStrategies( siteId, sectorId ),
		[ siteId, sectorId ]
	);
	const remove = useOperation();
	// undefined: closed; null: a new strategy; a strategy: editing it.
	const [ editing, setEditing ] = useState< Strategy | null | undefined >(
		undefined
	);
	const [ done, setDone ] = useState< string | null >( null );
	const profileNames = useMemo(
		() =>
			new Map(
				profiles.map( ( profile ) => [ profile.id, profile.name ] )
			),
		[ profiles ]
	);

	const onDelete = async ( strategy: Strategy ) => {
		setDone( null );
		const deleted = await remove.run( async () => {
			await systemApi.deleteStrategy( strategy.id );
			return true;
		} );
		if ( deleted ) {
			strategies.setData( ( list ) =>
				( list ?? [] ).filter( ( item ) => item.id !== strategy.id )
			);
		}
	};

	const columns: Column< Strategy >[] = [
		{
			key: 'name',
			label: __( 'Strategy', 'igny8' ),
			primary: true,
			render: ( strategy ) => (
				<>
					<strong>{ strategy.name }</strong>
					<div className="igny8-clip description">
						{ strategy.guidance }
					</div>
				</>
			),
		},
		{
			key: 'author',
			label: __( 'Author profile', 'igny8' ),
			width: '14em',
			render: ( strategy ) =>
				strategy.author_profile_id === null
					? __( 'Default', 'igny8' )
					: ( profileNames.get( strategy.author_profile_id ) ??
						`#${ strategy.author_profile_id }` ),
		},
		{
			key: 'actions',
			label: __( 'Actions', 'igny8' ),
			width: '12em',
			render: ( strategy ) => (
				<span className="row-actions-inline">
					<Button
						variant="link"
						onClick={ () => setEditing( strategy ) }
						data-testid="igny8-strategy-edit"
					>
						{ __( 'Edit', 'igny8' ) }
					</Button>
					<ConfirmButton
						variant="link"
						isDestructive
						disabled={ remove.busy }
						testId="igny8-strategy-delete"
						question={ sprintf(
							/* translators: %s: strategy name */
							__( 'Delete the strategy “%s”?', 'igny8' ),
							strategy.name
						) }
						confirmLabel={ __( 'Delete', 'igny8' ) }
						onConfirm={ () => void onDelete( strategy ) }
					>
						{ __( 'Delete', 'igny8' ) }
					</ConfirmButton>
				</span>
			),
		},
	];

	return (
		<>
			<p>
				<Button
					variant="primary"
					onClick={ () => setEditing( null ) }
					data-testid="igny8-strategy-add"
				>
					{ __( 'Add strategy', 'igny8' ) }
				</Button>
			</p>
			<ErrorNotice
				error={ strategies.error }
				actions={ [
					{
						label: __( 'Retry', 'igny8' ),
						onClick: strategies.reload,
					},
				] }
			/>
			<ErrorNotice
				error={ remove.error }
				onRemove={ remove.clearError }
			/>
			{ done && (
				<Notice status="success" onRemove={ () => setDone( null ) }>
					{ done }
				</Notice>
			) }
			<div className="igny8-settings-table">
				<DataTable
					testId="igny8-strategies-table"
					rowTestId="igny8-strategy-row"
					caption={ __( 'Strategies of this sector', 'igny8' ) }
					columns={ columns }
					items={ strategies.data ?? [] }
					loading={ strategies.loading }
					emptyMessage={ __(
						'No strategy for this sector yet.',
						'igny8'
					) }
				/>
			</div>
			{ editing !== undefined && (
				<StrategyDialog
					siteId={ siteId }
					sectorId={ sectorId }
					strategy={ editing }
					profiles={ profiles }
					onClose={ ( saved ) => {
						setEditing( undefined );
						if ( saved ) {
							setDone(
								sprintf(
									/* translators: %s: strategy name */
									__( 'Strategy “%s” saved.', 'igny8' ),
									saved.name
								)
							);
							strategies.reload();
						}
					} }
				/>
			) }
		</>
	);
}
