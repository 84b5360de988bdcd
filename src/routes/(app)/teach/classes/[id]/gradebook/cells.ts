// A gradebook row's cells as one HTML string. A big class has 10,000 cells (500 students × 20
// assignments): as Svelte blocks each cell carried hydration markers and a render call per part, which
// made the page about 1 MB and most of its cost. Only numbers and ids go in, escaped all the same.
import type { GradebookCell } from '$lib/server/teaching/results.ts';

export type ShownCell = (NonNullable<GradebookCell> & { percent: number }) | null;

// One formatter for the whole table: toLocaleString would build one per cell.
const scoreFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);

export function cellsHtml(cells: ShownCell[]): string {
	let out = '';
	for (const c of cells) {
		if (!c) {
			out += '<td><span class="muted" aria-label="nothing submitted">–</span></td>';
			continue;
		}
		const href = escapeHtml(`/attempts/${encodeURIComponent(c.attemptId)}/results`);
		const tries = c.attempts > 1 ? ` · ${c.attempts} attempts` : '';
		const late = c.late ? '<span class="badge bad">late</span>' : '';
		out += `<td><a href="${href}">${Number(c.percent)}%</a><small>${scoreFormat.format(c.score)} / ${Number(c.maxScore)}${tries}</small>${late}</td>`;
	}
	return out;
}
