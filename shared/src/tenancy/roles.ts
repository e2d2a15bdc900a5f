// Roles and the access matrix of SPEC §2 (seeds/02-APPLICATION-ARCHITECTURE "Access Control Matrix").
export const ROLES = [
	'developer',
	'system_bot',
	'owner',
	'admin',
	'editor',
	'viewer',
] as const;
export type Role = ( typeof ROLES )[ number ];

/** Roles that a user inside an account may be given through the API. */
export const ACCOUNT_ROLES = [
	'owner',
	'admin',
	'editor',
	'viewer',
] as const satisfies readonly Role[];

/** Roles held by operators, never granted from inside an account. */
export const SYSTEM_ROLES = [
	'developer',
	'system_bot',
] as const satisfies readonly Role[];

const RANK: Record< Role, number > = {
	developer: 100,
	system_bot: 90,
	owner: 40,
	admin: 30,
	editor: 20,
	viewer: 10,
};

export function roleRank( role: Role ): number {
	return RANK[ role ];
}

/** Whether `actor` may give (or change a user to) `target`: never above oneself, system roles only by a developer. */
export function canAssignRole( actor: Role, target: Role ): boolean {
	if ( target === 'developer' || target === 'system_bot' )
		return actor === 'developer';
	if ( ! canManageUsers( actor ) ) return false;
	return RANK[ target ] <= RANK[ actor ];
}

export function isSystemRole( role: Role ): boolean {
	return role === 'developer' || role === 'system_bot';
}

/** All sites of the account (owner, admin) or of every account (developer, system_bot). */
export function seesAllSites( role: Role ): boolean {
	return role !== 'editor' && role !== 'viewer';
}

export function canManageUsers( role: Role ): boolean {
	return role === 'developer' || role === 'owner' || role === 'admin';
}

export function canManageBilling( role: Role ): boolean {
	return role === 'developer' || role === 'owner';
}

/** Sites, sectors and connections: the account's structure. */
export function canManageSites( role: Role ): boolean {
	return (
		role === 'developer' ||
		role === 'system_bot' ||
		role === 'owner' ||
		role === 'admin'
	);
}

/** Content data (keywords, clusters, ideas, tasks, content) on sites the role can see. */
export function canEditContent( role: Role ): boolean {
	return role !== 'viewer';
}

/**
 * The access rules of the API. Every route names one; the rule alone decides who may call it: the roles
 * (dashboard users) and whether a WordPress-minted browser token may (`wordpress`). A WordPress token acts
 * for one site only, so rules that reach account-wide things (AI providers, the account's prompts and
 * author profiles, the whole ledger, users, sites, plans) never admit it. The tenancy probe reads each
 * route's rule from the OpenAPI document and checks every role and WordPress role against this table.
 */
export const ACCESS_RULES = {
	/** Who am I, my balance: any signed-in caller. */
	any: { roles: ROLES, wordpress: true },
	/** The caller's own dashboard session (sign-out): dashboard users only. */
	session: { roles: ROLES, wordpress: false },
	/** Content data (keywords, clusters, ideas, tasks, jobs) of sites the caller can see. */
	content_read: { roles: ROLES, wordpress: true },
	content_write: {
		roles: [ 'developer', 'system_bot', 'owner', 'admin', 'editor' ],
		wordpress: true,
	},
	/**
	 * Starting work that spends credits (AI jobs): never a viewer, so never a WordPress user below
	 * `edit_others_posts`.
	 */
	credits_spend: {
		roles: [ 'developer', 'system_bot', 'owner', 'admin', 'editor' ],
		wordpress: true,
	},
	/** Per-site settings that a site's own admins may change from wp-admin (a sector's strategy). */
	site_settings: {
		roles: [ 'developer', 'owner', 'admin' ],
		wordpress: true,
	},
	/** This site's usage: a WordPress token sees its own site's only. */
	usage_read: { roles: [ 'developer', 'owner', 'admin' ], wordpress: true },
	sites_manage: {
		roles: [ 'developer', 'system_bot', 'owner', 'admin' ],
		wordpress: false,
	},
	sites_delete: {
		roles: [ 'developer', 'owner', 'admin' ],
		wordpress: false,
	},
	users_manage: {
		roles: [ 'developer', 'owner', 'admin' ],
		wordpress: false,
	},
	billing_manage: { roles: [ 'developer', 'owner' ], wordpress: false },
	/** Account-wide settings: AI providers (and their keys), the account's prompts and author profiles. */
	account_settings: {
		roles: [ 'developer', 'owner', 'admin' ],
		wordpress: false,
	},
	/** The whole account's credit ledger. */
	ledger_read: { roles: [ 'developer', 'owner', 'admin' ], wordpress: false },
	/** Granting credits by hand: operators only, until payments exist. */
	credits_grant: { roles: [ 'developer' ], wordpress: false },
	/**
	 * What only a connected site's own server may send, signed with its secret (its sync events): no
	 * dashboard user and no WordPress browser token, whatever their role. Routes with it set `signed`.
	 */
	site_signed: { roles: [], wordpress: false },
} as const satisfies Record<
	string,
	{ roles: readonly Role[]; wordpress: boolean }
>;

export type AccessRule = keyof typeof ACCESS_RULES;

/** The roles each rule admits. */
export const ACCESS = Object.fromEntries(
	Object.entries( ACCESS_RULES ).map( ( [ rule, r ] ) => [ rule, r.roles ] )
) as {
	[ K in AccessRule ]: ( typeof ACCESS_RULES )[ K ][ 'roles' ];
};

/** The roles a WordPress-minted token can carry (plugin/php/class-token.php maps capabilities to them). */
export const WORDPRESS_ROLES = [
	'admin',
	'editor',
	'viewer',
] as const satisfies readonly Role[];
export type WordPressRole = ( typeof WORDPRESS_ROLES )[ number ];

/** Whether a WordPress token with `role` may call a route with `rule`. */
export function wordpressMayCall(
	rule: AccessRule,
	role: WordPressRole
): boolean {
	const r = ACCESS_RULES[ rule ];
	return r.wordpress && ( r.roles as readonly Role[] ).includes( role );
}
