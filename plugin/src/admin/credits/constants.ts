// The Credits page's fixed choices.

export const USAGE_PRESETS = [ 7, 30, 90 ] as const;
/** The longest range drawn day by day; longer ranges still fill the table. */
export const MAX_CHART_DAYS = 366;
