// IGNY8 → Settings as tabs. Only Connection is in the entry script; each other tab loads on first view.
import { Notice, Spinner, TabPanel } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { lazy, Suspense } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ComponentType } from 'react';
import { store as connectionStore } from '../../store/connection';
import { navigate, useUrlParam } from '../components/url';
import ConnectionPage from './ConnectionPage';

const ProvidersTab = lazy(
	() =>
		import(
			/* webpackChunkName: "settings-providers" */ './providers/ProvidersTab'
		)
);
const PromptsTab = lazy(
	() =>
		import(
			/* webpackChunkName: "settings-prompts" */ './prompts/PromptsTab'
		)
);
const AuthorProfilesTab = lazy(
	() =>
		import(
			/* webpackChunkName: "settings-authors" */ './authors/AuthorProfilesTab'
		)
);
const StrategiesTab = lazy(
	() =>
		import(
			/* webpackChunkName: "settings-strategies" */ './strategies/StrategiesTab'
		)
);

interface Props {
	canManage: boolean;
	defaultCloudUrl: string;
}

interface Tab {
	name: string;
	title: string;
	className: string;
}

/** The cloud tabs, by the `tab` URL parameter that opens them. */
const CLOUD_TABS: Record<
	string,
	ComponentType< { siteId: number; cloudUrl: string } >
> = {
	'ai-providers': ProvidersTab,
	prompts: PromptsTab,
	'author-profiles': AuthorProfilesTab,
	strategies: StrategiesTab,
};

function tabs( canManage: boolean ): Tab[] {
	const all: Array< [ string, string ] > = [
		[ 'connection', __( 'Connection', 'igny8' ) ],
		[ 'ai-providers', __( 'AI providers', 'igny8' ) ],
		[ 'prompts', __( 'Prompts', 'igny8' ) ],
		[ 'author-profiles', __( 'Author profiles', 'igny8' ) ],
		[ 'strategies', __( 'Strategies', 'igny8' ) ],
	];
	// The AI tabs are for administrators: they change this site's strategies and read the account-wide rest
	// (providers, prompts, author profiles), which is changed in the IGNY8 dashboard.
	return ( canManage ? all : all.slice( 0, 1 ) ).map(
		( [ name, title ] ) => ( {
			name,
			title,
			className: `igny8-settings-tab-${ name }`,
		} )
	);
}

export default function SettingsPage( { canManage, defaultCloudUrl }: Props ) {
	const asked = useUrlParam( 'tab' );
	const available = tabs( canManage );
	const initialTab = available.some( ( tab ) => tab.name === asked )
		? ( asked ?? 'connection' )
		: 'connection';
	const { connected, siteId, cloudUrl } = useSelect( ( select ) => {
		const status = select( connectionStore ).getStatus();
		return {
			connected: Boolean( status?.connected ),
			siteId: status?.site_id ?? null,
			cloudUrl: status?.cloud_url ?? '',
		};
	}, [] );

	const render = ( tab: Tab ) => {
		if ( tab.name === 'connection' ) {
			return (
				<ConnectionPage
					canManage={ canManage }
					defaultCloudUrl={ defaultCloudUrl }
				/>
			);
		}
		if ( ! connected || siteId === null ) {
			return (
				<Notice status="warning" isDismissible={ false }>
					<span data-testid="igny8-not-connected">
						{ __(
							'Connect this site to IGNY8 first (Connection tab): these settings live in the IGNY8 cloud.',
							'igny8'
						) }
					</span>
				</Notice>
			);
		}
		const Content = CLOUD_TABS[ tab.name ];
		return (
			<Suspense fallback={ <Spinner /> }>
				<Content
					siteId={ siteId }
					cloudUrl={ cloudUrl || defaultCloudUrl }
				/>
			</Suspense>
		);
	};

	return (
		<div className="igny8-settings">
			<h1>{ __( 'IGNY8 Settings', 'igny8' ) }</h1>
			<TabPanel
				className="igny8-settings-tabs"
				tabs={ available }
				initialTabName={ initialTab }
				onSelect={ ( name: string ) =>
					navigate(
						{ tab: name === 'connection' ? null : name },
						true
					)
				}
			>
				{ ( tab ) => (
					<div className="igny8-settings-panel">
						{ render( tab as Tab ) }
					</div>
				) }
			</TabPanel>
		</div>
	);
}
