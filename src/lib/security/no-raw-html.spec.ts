// Svelte escapes every `{expression}`; only `{@html}` can put markup a user wrote into a page. The one
// allowed use is the gradebook's cells, built from numbers and escaped ids (cells.ts, tested below).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellsHtml } from '../../routes/(app)/teach/classes/[id]/gradebook/cells.ts';

const srcDir = path.resolve(import.meta.dirname, '../..');
const ALLOWED = ['routes/(app)/teach/classes/[id]/gradebook/+page.svelte'];

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(path.join(dir, e.name)) : /\.(svelte|ts|js|html)$/.test(e.name) ? [path.join(dir, e.name)] : []
	);
}

describe('raw HTML', () => {
	it('appears only in the allowed component, once, and only for cellsHtml', () => {
		const uses = files(srcDir)
			.filter((f) => !f.endsWith('.spec.ts'))
			.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\{@html\s+([^}]*)\}/g)].map((m) => ({ file: path.relative(srcDir, f).split(path.sep).join('/'), expr: m[1].trim() })));
		expect(uses).toEqual(ALLOWED.map((file) => ({ file, expr: 'cellsHtml(row.cells)' })));
	});

	it('cellsHtml escapes an attempt id that carries markup', () => {
		const html = cellsHtml([{ attemptId: '"><img src=x onerror=alert(1)>', percent: 50, score: 1, maxScore: 2, attempts: 1, late: false } as never, null]);
		expect(html).not.toContain('<img');
		expect(html).toContain('%22%3E%3Cimg');
	});
});
