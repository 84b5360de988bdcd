// What the charts draw: rows (one column or bar group each) and the series that share them.
export type Series = { key: string; label: string; color: string };
export type Row = { label: string; values: Record<string, number | null> };
