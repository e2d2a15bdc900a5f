// The frame of every Planner and Writer page: title, sector picker, and the page only once a sector is chosen.
import { Flex, FlexItem, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import type { InitialState } from '../../../api/wp';
import { store as plannerStore } from '../../../store/planner';
import ErrorNotice from '../../components/ErrorNotice';
import NotConnectedNotice from '../../components/NotConnectedNotice';
import SectorPicker from '../../components/SectorPicker';

interface Props {
	title: string;
	initial: InitialState;
	children: ReactNode;
	/** Called before another sector is chosen, e.g. to leave a detail view of the old one. */
	onSectorChange?: () => void;
	/** What a user who may only look reads at the top (the Planner's words by default). */
	readOnlyMessage?: string;
}

export default function PlannerPage( {
	title,
	initial,
	children,
	onSectorChange,
	readOnlyMessage,
}: Props ) {
	if ( ! initial.connected || initial.siteId === null ) {
		return (
			<>
				<h1>{ title }</h1>
				<NotConnectedNotice canManage={ initial.user.canManage } />
			</>
		);
	}
	return (
		<ConnectedPage
			title={ title }
			onSectorChange={ onSectorChange }
			readOnlyMessage={ readOnlyMessage }
		>
			{ children }
		</ConnectedPage>
	);
}

function ConnectedPage( {
	title,
	children,
	onSectorChange,
	readOnlyMessage,
}: Omit< Props, 'initial' > ) {
	const { sectors, sectorId, loading, error, readOnly } = useSelect(
		( select ) => {
			const planner = select( plannerStore );
			return {
				sectors: planner.getSectors(),
				sectorId: planner.getSectorId(),
				loading: planner.isBusy( 'sectors' ),
				error: planner.getError( 'sectors' ),
				readOnly: planner.isReadOnly(),
			};
		},
		[]
	);
	const { selectSector, loadSectors } = useDispatch( plannerStore );

	let body: ReactNode;
	if ( error ) {
		body = (
			<ErrorNotice
				error={ error }
				actions={ [
					{
						label: __( 'Retry', 'igny8' ),
						onClick: () => void loadSectors(),
					},
				] }
			/>
		);
	} else if ( ! sectors || loading ) {
		body = <Spinner />;
	} else if ( sectorId === null ) {
		body = (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'This site has no active sector yet. Add one in the IGNY8 dashboard (Sites → Sectors).',
					'igny8'
				) }
			</Notice>
		);
	} else {
		body = children;
	}

	return (
		<div className="igny8-planner">
			<Flex
				className="igny8-page-header"
				justify="space-between"
				align="center"
				wrap
			>
				<FlexItem>
					<h1 className="wp-heading-inline">{ title }</h1>
				</FlexItem>
				<FlexItem>
					<SectorPicker
						sectors={ sectors ?? [] }
						value={ sectorId }
						disabled={ ! sectors }
						onChange={ ( id ) => {
							onSectorChange?.();
							selectSector( id );
						} }
					/>
				</FlexItem>
			</Flex>
			<hr className="wp-header-end" />
			{ readOnly && (
				<Notice status="info" isDismissible={ false }>
					{ readOnlyMessage ??
						__(
							'You can view this plan. Changing it takes an editor’s role.',
							'igny8'
						) }
				</Notice>
			) }
			{ body }
		</div>
	);
}
