import type { CloudDetails, ConnectionStatus, ErrorInfo } from '../types';

export const connectedStatus: ConnectionStatus = {
	connected: true,
	cloud_url: 'http://127.0.0.1:8787',
	site_id: 7,
	site_name: 'Demo site',
	account_name: 'Demo account',
	connected_at: '2026-01-02T03:04:05Z',
	plugin_version: '0.1.0',
	wp_version: '6.5.5',
};

export const disconnectedStatus: ConnectionStatus = {
	...connectedStatus,
	connected: false,
	site_id: null,
	site_name: null,
	account_name: null,
	connected_at: null,
};

export const cloudDetails: CloudDetails = {
	user: null,
	role: 'admin',
	wp_user_id: 1,
	account: {
		id: 3,
		name: 'Demo account',
		slug: 'demo',
		status: 'active',
		credits: 1200,
	},
	plan: {
		id: 1,
		slug: 'starter',
		name: 'Starter',
		price_cents: 0,
		monthly_credits: 1000,
		max_sites: 1,
		max_users: 1,
		max_keywords: 500,
		max_clusters: 50,
		max_content_per_month: 20,
	},
	site: {
		id: 7,
		account_id: 3,
		name: 'Demo site',
		slug: 'demo-site',
		domain: '127.0.0.1:8888',
		industry_id: null,
		status: 'active',
		connected: true,
		wp_url: 'http://127.0.0.1:8888',
		wp_version: '6.5.5',
		plugin_version: '0.1.0',
		connected_at: '2026-01-02T03:04:05Z',
		last_seen_at: null,
		created_at: '2026-01-01T00:00:00Z',
	},
};

export const badCode: ErrorInfo = {
	status: 400,
	code: 'validation',
	message: 'The connection code is invalid or expired.',
	fieldErrors: { code: [ 'invalid or expired' ] },
};
