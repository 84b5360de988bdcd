import { describe, expect, it } from 'vitest';
import { formatZoned } from './format-time.ts';

describe('formatZoned', () => {
	it('shows the wall-clock time of the zone and names the zone', () => {
		const due = new Date('2026-03-08T07:30:00Z');
		const text = formatZoned(due, 'America/New_York');
		expect(text).toContain('8 Mar 2026');
		expect(text).toContain('03:30');
		expect(text).toContain('America/New_York');
		expect(formatZoned(due, 'UTC')).toMatch(/07:30 \(UTC\)$/);
	});

	it('falls back to UTC for an unknown zone', () => {
		expect(formatZoned(new Date('2026-03-08T07:30:00Z'), 'Nowhere/Land')).toMatch(/07:30 \(UTC\)$/);
	});
});
