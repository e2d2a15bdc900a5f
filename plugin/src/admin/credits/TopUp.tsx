// Adding credits: only the account's owner may (POST /billing/topup); from WordPress, that is never the
// case, so the page points to the IGNY8 dashboard unless the cloud says this user may.
import { Button, Card, CardBody, CardHeader, Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { billingApi } from '../../api/billing';
import ErrorNotice from '../components/ErrorNotice';
import { useCloudData } from '../components/useCloudData';
import { useOperation } from '../components/useOperation';

/** Cloud roles that may top up (SPEC §2: owner and developer manage billing). */
const BILLING_ROLES: ReadonlySet< string > = new Set( [ 'owner', 'developer' ] );

interface Props {
	cloudUrl: string;
	onToppedUp: () => void;
}

export default function TopUp( { cloudUrl, onToppedUp }: Props ) {
	const role = useCloudData( () => billingApi.role(), [] );
	const [ amount, setAmount ] = useState( '' );
	const [ note, setNote ] = useState( '' );
	const [ added, setAdded ] = useState< number | null >( null );
	const topUp = useOperation();
	// A 403 means the cloud refused after all: the answer is the dashboard (the form does not come back).
	const refused = topUp.error?.status === 403;
	const allowed = ! refused && role.data !== null && BILLING_ROLES.has( role.data );
	const credits = Math.floor( Number( amount ) );
	const valid = Number.isFinite( credits ) && credits >= 1 && credits <= 1_000_000;

	const onSubmit = async ( event: { preventDefault(): void } ) => {
		event.preventDefault();
		if ( ! valid || topUp.busy ) {
			return;
		}
		setAdded( null );
		const done = await topUp.run( () => billingApi.topUp( credits, note.trim() || undefined ) );
		if ( done !== undefined ) {
			setAdded( credits );
			setAmount( '' );
			setNote( '' );
			onToppedUp();
		}
	};
	return (
		<Card className="igny8-topup-card">
			<CardHeader>
				<h2 className="igny8-card-title">{ __( 'Add credits', 'igny8' ) }</h2>
			</CardHeader>
			<CardBody>
				{ allowed ? (
					<form className="igny8-topup-form" onSubmit={ onSubmit } data-testid="igny8-topup-form">
						<TextControl
							__nextHasNoMarginBottom
							label={ __( 'Credits', 'igny8' ) }
							type="number"
							min={ 1 }
							max={ 1_000_000 }
							value={ amount }
							onChange={ ( value: string ) => setAmount( value ) }
							disabled={ topUp.busy }
							data-testid="igny8-topup-amount"
						/>
						<TextControl
							__nextHasNoMarginBottom
							label={ __( 'Note (optional)', 'igny8' ) }
							value={ note }
							onChange={ ( value: string ) => setNote( value ) }
							maxLength={ 200 }
							disabled={ topUp.busy }
						/>
						<Button variant="primary" type="submit" isBusy={ topUp.busy } disabled={ ! valid || topUp.busy }>
							{ __( 'Add credits', 'igny8' ) }
						</Button>
						<ErrorNotice error={ topUp.error } onRemove={ topUp.clearError } />
						{ added !== null && (
							<Notice status="success" onRemove={ () => setAdded( null ) }>
								{ sprintf(
									/* translators: %s: number of credits */
									__( '%s credits added.', 'igny8' ),
									added.toLocaleString()
								) }
							</Notice>
						) }
					</form>
				) : (
					<p data-testid="igny8-topup-dashboard">
						{ __( 'Credits are added by the account’s owner.', 'igny8' ) }{ ' ' }
						<a href={ cloudUrl } target="_blank" rel="noreferrer">
							{ __( 'Top up from the IGNY8 dashboard', 'igny8' ) }
						</a>
					</p>
				) }
			</CardBody>
		</Card>
	);
}
