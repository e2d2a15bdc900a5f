// How to get more credits. The plan grants some each month; adding more by hand is the IGNY8 operator's
// alone (POST /billing/topup, SPEC §7) until credits can be bought online, so nobody tops up from here.
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

interface Props {
	/** The plan's monthly grant; null without a plan, undefined until the balance is known. */
	planMonthlyCredits: number | null | undefined;
}

export default function MoreCredits( { planMonthlyCredits }: Props ) {
	return (
		<Card
			className="igny8-more-credits-card"
			data-testid="igny8-more-credits"
		>
			<CardHeader>
				<h2 className="igny8-card-title">
					{ __( 'How to get more credits', 'igny8' ) }
				</h2>
			</CardHeader>
			<CardBody>
				{ planMonthlyCredits !== undefined && (
					<p
						data-testid="igny8-plan-credits"
						data-credits={ planMonthlyCredits ?? '' }
					>
						{ planMonthlyCredits
							? sprintf(
									/* translators: %s: number of credits */
									_n(
										'Your plan adds %s credit each month.',
										'Your plan adds %s credits each month.',
										planMonthlyCredits,
										'igny8'
									),
									planMonthlyCredits.toLocaleString()
								)
							: __(
									'Your plan adds no credits each month.',
									'igny8'
								) }
					</p>
				) }
				<p>
					{ __(
						'For more, ask the owner of your IGNY8 account: until credits can be bought online, ' +
							'the IGNY8 operator adds them on request.',
						'igny8'
					) }
				</p>
			</CardBody>
		</Card>
	);
}
