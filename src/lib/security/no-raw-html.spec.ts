// Svelte escapes every `{expression}`; only `{@html}` (or a DOM write such as innerHTML) can put markup into
// a page. The one `{@html}` allowed in src/ is SafeHtml.svelte's, which takes only a TrustedHtml; a
// TrustedHtml is made only by the escaping html`` template (trusted-html.ts, tested in trusted-html.spec.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SafeHtml from '$lib/components/SafeHtml.svelte';
import { cellsHtml } from '../../routes/(app)/teach/classes/[id]/gradebook/cells.ts';
import { html, TrustedHtml } from './trusted-html.ts';

const srcDir = path.resolve(import.meta.dirname, '../..');
const SAFE_HTML = 'lib/components/SafeHtml.svelte';
const TRUSTED_HTML = 'lib/security/trusted-html.ts';

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? files(path.join(dir, e.name))
			: /\.(svelte|ts|js|html)$/.test(e.name)
				? [path.join(dir, e.name)]
				: []
	);
}
const sources = files(srcDir)
	.filter((f) => !f.endsWith('.spec.ts'))
	.map((f) => ({
		file: path.relative(srcDir, f).split(path.sep).join('/'),
		text: readFileSync(f, 'utf8')
	}));

// Every HtmlTag node in a component's template, with its expression's source.
function htmlTags(text: string): string[] {
	const found: string[] = [];
	const walk = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(walk);
		const n = node as { type?: string; expression?: { start: number; end: number } };
		if (n.type === 'HtmlTag' && n.expression)
			found.push(text.slice(n.expression.start, n.expression.end));
		for (const [k, v] of Object.entries(node)) if (k !== 'parent' && k !== 'expression') walk(v);
	};
	walk(parse(text, { modern: true }).fragment);
	return found;
}

describe('raw HTML', () => {
	it('{@html} is in SafeHtml.svelte only, once, for its checked TrustedHtml', () => {
		// Text (any file, `{@html` or `{ @html`) and the compiler's own view of each component.
		const byText = sources.flatMap(({ file, text }) =>
			[...text.matchAll(/\{\s*@html\s+[^\s}]/g)].map(() => file)
		);
		const byParse = sources
			.filter((s) => s.file.endsWith('.svelte'))
			.flatMap(({ file, text }) => htmlTags(text).map((expr) => ({ file, expr })));
		expect(byText).toEqual([SAFE_HTML]);
		expect(byParse).toEqual([{ file: SAFE_HTML, expr: 'markup' }]);
		const safe = sources.find((s) => s.file === SAFE_HTML)!.text;
		expect(safe).toMatch(/let \{ html \}: \{ html: TrustedHtml \} = \$props\(\)/);
		expect(safe).toMatch(/const markup = \$derived\(TrustedHtml\.unwrap\(html\)\);/);
	});

	it('no DOM write of markup in src/ (innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc)', () => {
		const writes = sources.flatMap(({ file, text }) =>
			[
				...text.matchAll(
					/\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|srcdoc|createContextualFragment)\b/g
				)
			].map((m) => `${file}: ${m[0]}`)
		);
		expect(writes).toEqual([]);
	});

	it('a TrustedHtml is constructed only in trusted-html.ts', () => {
		const makers = sources
			.filter(({ file, text }) => file !== TRUSTED_HTML && /new\s+TrustedHtml\b/.test(text))
			.map((s) => s.file);
		expect(makers).toEqual([]);
		expect(() => new TrustedHtml(Symbol('trusted-html'), '<script>alert(1)</script>')).toThrow(
			TypeError
		);
	});

	it('SafeHtml renders TrustedHtml and refuses a string or a look-alike', () => {
		const out = render(SafeHtml, { props: { html: html`<b>${'<i>x</i>'}</b>` } }).body;
		expect(out).toContain('<b>&lt;i&gt;x&lt;/i&gt;</b>');
		expect(
			() => render(SafeHtml, { props: { html: '<script>alert(1)</script>' as never } }).body
		).toThrow(TypeError);
		const lookAlike = Object.create(TrustedHtml.prototype, {
			toString: { value: () => '<script>alert(1)</script>' }
		});
		expect(() => render(SafeHtml, { props: { html: lookAlike } }).body).toThrow(TypeError);
		const replaced = html`ok`;
		Object.defineProperty(replaced, 'toString', { value: () => '<script>alert(1)</script>' });
		expect(render(SafeHtml, { props: { html: replaced } }).body).not.toContain('<script>');
	});

	it('the gradebook cells escape an attempt id that carries markup and keep their shape', () => {
		const cells = cellsHtml([
			{
				attemptId: '"><img src=x onerror=alert(1)>',
				percent: 50,
				score: 1.5,
				maxScore: 2,
				attempts: 2,
				late: true
			} as never,
			null
		]);
		expect(cells).toBeInstanceOf(TrustedHtml);
		expect(String(cells)).toBe(
			'<td><a href="/attempts/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/results">50%</a><small>1.5 / 2 · 2 attempts</small><span class="badge bad">late</span></td>' +
				'<td><span class="muted" aria-label="nothing submitted">–</span></td>'
		);
	});
});
