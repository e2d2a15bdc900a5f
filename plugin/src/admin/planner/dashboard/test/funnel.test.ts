import { describe, expect, it } from 'vitest';
import { barWidths, funnelStages } from '../funnel';

const summary = {
	keywords: {
		total: 1000,
		unclustered: 100,
		by_status: { active: 1000 },
		volume: 50000,
	},
	clusters: { total: 40, by_status: { active: 38, archived: 2 } },
	ideas: {
		total: 12,
		by_status: { draft: 5, approved: 4, in_progress: 2, completed: 1 },
	},
	tasks: { total: 3, by_status: { queued: 2, completed: 1 } },
};

describe( 'Planner funnel', () => {
	it( 'goes from keywords to completed tasks', () => {
		expect(
			funnelStages( summary ).map( ( stage ) => [
				stage.key,
				stage.value,
			] )
		).toEqual( [
			[ 'keywords', 1000 ],
			[ 'clustered', 900 ],
			[ 'clusters', 40 ],
			[ 'ideas', 12 ],
			[ 'approved', 7 ],
			[ 'tasks', 3 ],
			[ 'completed', 1 ],
		] );
	} );

	it( 'counts statuses the summary leaves out as zero', () => {
		const empty = {
			...summary,
			ideas: { total: 0, by_status: {} },
			tasks: { total: 0, by_status: {} },
		};
		const stages = funnelStages( empty );
		expect(
			stages.find( ( stage ) => stage.key === 'approved' )?.value
		).toBe( 0 );
		expect(
			stages.find( ( stage ) => stage.key === 'completed' )?.value
		).toBe( 0 );
	} );

	it( 'draws the largest stage full width and keeps every non-zero stage visible', () => {
		const widths = barWidths( [ 10000, 1, 0 ] );
		expect( widths[ 0 ] ).toBe( 100 );
		expect( widths[ 1 ] ).toBeGreaterThanOrEqual( 2 );
		expect( widths[ 2 ] ).toBe( 0 );
		expect( barWidths( [ 0, 0 ] ) ).toEqual( [ 0, 0 ] );
	} );

	it( 'keeps the order of sizes', () => {
		const widths = barWidths( [ 900, 400, 100 ] );
		expect( widths[ 0 ] ).toBeGreaterThan( widths[ 1 ] );
		expect( widths[ 1 ] ).toBeGreaterThan( widths[ 2 ] );
	} );
} );
