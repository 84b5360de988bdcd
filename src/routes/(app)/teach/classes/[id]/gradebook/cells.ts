// A gradebook row's cells as one HTML string. A big class has 10,000 cells (500 students × 20
// assignments): as Svelte blocks each cell carried hydration markers and a render call per part, which
// made the page about 1 MB and most of its cost. Built with the escaping html`` template (every value
// escaped) and shown through SafeHtml, the one `{@html}` in src/.
import { html, joinHtml, type TrustedHtml } from '$lib/security/trusted-html.ts';
import type { GradebookCell } from '$lib/server/teaching/results.ts';

export type ShownCell = (NonNullable<GradebookCell> & { percent: number }) | null;

// One formatter for the whole table: toLocaleString would build one per cell.
const scoreFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

const EMPTY = html`<td><span class="muted" aria-label="nothing submitted">–</span></td>`;
const LATE = html`<span class="badge bad">late</span>`;

export function cellsHtml(cells: ShownCell[]): TrustedHtml {
	const out: TrustedHtml[] = [];
	for (const c of cells) {
		if (!c) {
			out.push(EMPTY);
			continue;
		}
		const tries = c.attempts > 1 ? ` · ${c.attempts} attempts` : '';
		out.push(
			html`<td><a href="/attempts/${encodeURIComponent(c.attemptId)}/results">${Number(c.percent)}%</a><small>${scoreFormat.format(c.score)} / ${Number(c.maxScore)}${tries}</small>${c.late ? LATE : null}</td>`
		);
	}
	return joinHtml(out);
}
