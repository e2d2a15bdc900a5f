// Every change to the balance (grants, top-ups, holds and releases of jobs), newest first, by page.
import { Card, CardBody, CardHeader, SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { billingApi, type Transaction, type TransactionType } from '../../api/billing';
import DataTable, { type Column } from '../components/DataTable';
import Pagination from '../components/Pagination';
import RoleNotice from '../components/RoleNotice';
import { useCloudData } from '../components/useCloudData';
import { formatTimestamp } from '../settings/format';
import { LEDGER_PAGE_SIZES, TRANSACTION_TYPES } from './constants';
import { formatAmount, transactionTypeLabel } from './labels';

export default function Ledger( { version }: { version: number } ) {
	const [ page, setPage ] = useState( 1 );
	const [ pageSize, setPageSize ] = useState< number >( LEDGER_PAGE_SIZES[ 0 ] );
	const [ type, setType ] = useState< TransactionType | '' >( '' );
	const ledger = useCloudData(
		() => billingApi.listTransactions( { page, page_size: pageSize, type: type || undefined } ),
		[ page, pageSize, type, version ]
	);
	const count = ledger.data?.count ?? 0;

	const columns: Column< Transaction >[] = [
		{
			key: 'date',
			label: __( 'Date', 'igny8' ),
			width: '13em',
			render: ( entry ) => formatTimestamp( entry.created_at ) ?? entry.created_at,
		},
		{ key: 'type', label: __( 'Type', 'igny8' ), width: '9em', render: ( entry ) => transactionTypeLabel( entry.type ) },
		{
			key: 'amount',
			label: __( 'Amount', 'igny8' ),
			numeric: true,
			width: '8em',
			render: ( entry ) => (
				<span className={ entry.amount < 0 ? 'igny8-amount is-negative' : 'igny8-amount is-positive' }>
					{ formatAmount( entry.amount ) }
				</span>
			),
		},
		{
			key: 'balance',
			label: __( 'Balance after', 'igny8' ),
			numeric: true,
			width: '9em',
			render: ( entry ) => entry.balance_after.toLocaleString(),
		},
		{
			key: 'description',
			label: __( 'Description', 'igny8' ),
			primary: true,
			render: ( entry ) => (
				<>
					{ entry.description || '—' }
					{ entry.reference && <div className="description">{ entry.reference }</div> }
				</>
			),
		},
	];

	return (
		<Card className="igny8-ledger-card">
			<CardHeader>
				<h2 className="igny8-card-title">{ __( 'Ledger', 'igny8' ) }</h2>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Type', 'igny8' ) }
					labelPosition="side"
					value={ type }
					options={ [
						{ value: '', label: __( 'All', 'igny8' ) },
						...TRANSACTION_TYPES.map( ( value ) => ( { value, label: transactionTypeLabel( value ) } ) ),
					] }
					onChange={ ( value: string ) => {
						setType( value as TransactionType | '' );
						setPage( 1 );
					} }
					data-testid="igny8-ledger-type"
				/>
			</CardHeader>
			<CardBody>
				<RoleNotice
					error={ ledger.error }
					onRetry={ ledger.reload }
					refused={ __( 'The ledger is shown to administrators of the IGNY8 account.', 'igny8' ) }
				/>
				{ ledger.error?.status !== 403 && (
					<>
						<DataTable
							testId="igny8-ledger-table"
							rowTestId="igny8-ledger-row"
							caption={ __( 'Credit ledger', 'igny8' ) }
							columns={ columns }
							items={ ledger.data?.results ?? [] }
							loading={ ledger.loading }
							emptyMessage={ __( 'No ledger entries.', 'igny8' ) }
						/>
						<Pagination
							page={ page }
							pageCount={ Math.max( 1, Math.ceil( count / pageSize ) ) }
							count={ count }
							pageSize={ pageSize }
							pageSizes={ LEDGER_PAGE_SIZES }
							onPage={ setPage }
							onPageSize={ ( next ) => {
								setPageSize( next );
								setPage( 1 );
							} }
							disabled={ ledger.loading }
						/>
					</>
				) }
			</CardBody>
		</Card>
	);
}
