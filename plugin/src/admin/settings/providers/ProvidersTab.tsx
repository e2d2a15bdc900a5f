// Settings → AI providers: the providers and their keys belong to the whole IGNY8 account, so they are set
// in the IGNY8 dashboard; a WordPress token can neither read nor change them (SPEC §2).
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import InDashboardNotice from '../InDashboardNotice';

export default function ProvidersTab( { cloudUrl }: { cloudUrl: string } ) {
	return (
		<Card className="igny8-providers" data-testid="igny8-providers">
			<CardHeader>
				<h2>{ __( 'AI providers', 'igny8' ) }</h2>
			</CardHeader>
			<CardBody>
				<InDashboardNotice
					cloudUrl={ cloudUrl }
					testId="igny8-providers-in-dashboard"
				>
					{ __(
						'AI providers are set for your whole IGNY8 account in the IGNY8 dashboard.',
						'igny8'
					) }
				</InDashboardNotice>
				<p>
					{ __(
						'There the account’s owner or an administrator enters the API key of an OpenAI-compatible ' +
							'service (OpenAI, OpenRouter, Ollama…) and of Runware for images, chooses the models and ' +
							'tests them. Every site of the account uses them; the keys never reach WordPress.',
						'igny8'
					) }
				</p>
			</CardBody>
		</Card>
	);
}
