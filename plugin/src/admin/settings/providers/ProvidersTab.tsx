// Settings → AI providers: the account's OpenAI-compatible endpoint (text, images) and Runware (images).
import { __ } from '@wordpress/i18n';
import ProviderCard from './ProviderCard';

export default function ProvidersTab() {
	return (
		<div className="igny8-providers">
			<ProviderCard
				provider="openai"
				title={ __( 'OpenAI-compatible', 'igny8' ) }
				description={ __(
					'OpenAI, or any service with the same API (OpenRouter, Ollama, Workers AI…): its API key, its address when it is not OpenAI, and the models to use. The key is kept for the whole IGNY8 account.',
					'igny8'
				) }
				fields={ {
					base_url: {
						label: __( 'Base URL (optional)', 'igny8' ),
						type: 'url',
						placeholder: 'https://api.openai.com/v1',
						help: __( 'Leave empty for OpenAI. For example https://openrouter.ai/api/v1, or http://localhost:11434/v1 for Ollama.', 'igny8' ),
						testId: 'igny8-openai-base-url',
					},
					text_model: {
						label: __( 'Text model', 'igny8' ),
						placeholder: 'gpt-4o-mini',
						help: __( 'Used for clustering, ideas and content.', 'igny8' ),
						testId: 'igny8-openai-text-model',
					},
					image_model: {
						label: __( 'Image model', 'igny8' ),
						placeholder: 'gpt-image-1',
						testId: 'igny8-openai-image-model',
					},
				} }
			/>
			<ProviderCard
				provider="runware"
				title={ __( 'Runware', 'igny8' ) }
				description={ __( 'Image generation through Runware: its API key and model.', 'igny8' ) }
				fields={ {
					model: {
						label: __( 'Model', 'igny8' ),
						placeholder: 'runware:100@1',
						testId: 'igny8-runware-model',
					},
				} }
			/>
		</div>
	);
}
