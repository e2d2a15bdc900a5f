import type { Context } from 'hono';

/** Page-number paging for the small tenancy lists (keyset cursors arrive with the large planner lists). */
export function pageOf( q: { page_size?: number; page?: number } ) {
	const limit = q.page_size ?? 50;
	const page = q.page ?? 1;
	return { limit, offset: ( page - 1 ) * limit, page };
}

export function pageLinks(
	c: Context,
	page: { limit: number; page: number },
	count: number
) {
	const link = ( n: number ) => {
		const url = new URL( c.req.url );
		url.searchParams.set( 'page', String( n ) );
		url.searchParams.set( 'page_size', String( page.limit ) );
		return url.pathname + url.search;
	};
	return {
		count,
		next: page.page * page.limit < count ? link( page.page + 1 ) : null,
		previous: page.page > 1 ? link( page.page - 1 ) : null,
	};
}
