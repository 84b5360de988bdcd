import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, safeUrl, TrustedHtml } from './trusted-html.ts';

// Payloads a user or an import could store (the same families as tests/e2e/xss.spec.ts).
const CORPUS = [
	'<script>alert(1)</script>',
	'"><script>alert(1)</script>',
	"'><img src=x onerror=alert(1)>",
	'" onmouseover="alert(1)',
	"' onfocus='alert(1)' autofocus='",
	'javascript:alert(1)',
	' JaVaScRiPt:alert(1)',
	'java\tscript:alert(1)',
	'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
	'<svg onload=alert(1)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'</td></tr></table><script>alert(1)</script>',
	'</title></textarea><script>alert(1)</script>',
	'<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'<!--<script>alert(1)//-->',
	'<![CDATA[<script>alert(1)</script>]]>',
	'{alert(1)} ${alert(1)}',
	'\u202e<script>alert(1)</script>',
	'<a href="javascript:alert(1)">x</a>',
	'`-alert(1)-`'
];

// Parse as a browser would be too much here; instead: after escaping, the text has no markup character
// left, and decoding the entities gives the text back exactly.
const decode = (s: string) =>
	s.replace(
		/&(lt|gt|quot|#39|amp);/g,
		(_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!
	);

describe('html`` template', () => {
	it.each(CORPUS)('escapes %j in text and in a quoted attribute', (payload) => {
		const out = String(html`<td title="${payload}" data-x='${payload}'>${payload}</td>`);
		const [, dq, sq, text] =
			/^<td title="([^"]*)" data-x='([^']*)'>([^<>]*)<\/td>$/.exec(out) ?? [];
		// The structure is exactly the template's: one element, two attributes, a text without tags.
		expect(text, out).toBeDefined();
		for (const part of [dq, sq, text]) {
			expect(part).not.toMatch(/[<>"']/);
			expect(decode(part)).toBe(payload);
		}
	});

	it('passes nested TrustedHtml through once and escapes strings next to it', () => {
		const inner = html`<b>${'<i>'}</b>`;
		expect(String(html`<p>${inner}${'<u>'}</p>`)).toBe('<p><b>&lt;i&gt;</b>&lt;u&gt;</p>');
		expect(String(html`<ul>${[html`<li>${'a&b'}</li>`, html`<li>2</li>`]}</ul>`)).toBe(
			'<ul><li>a&amp;b</li><li>2</li></ul>'
		);
		expect(String(joinHtml([inner, html`${'"'}`]))).toBe('<b>&lt;i&gt;</b>&quot;');
	});

	it('numbers, null, undefined and false', () => {
		expect(String(html`${1.5}|${-0}|${10n}|${NaN}|${null}|${undefined}|${false}|${true}`)).toBe(
			'1.5|0|10|NaN||||true'
		);
	});

	it('refuses what would bypass the escaping', () => {
		// An array of strings, a hand-made strings array, a forged or look-alike TrustedHtml.
		expect(() => html`${['<script>'] as never}`).toThrow(TypeError);
		expect(() => html(['<script>alert(1)</script>'] as never)).toThrow(TypeError);
		expect(() => new TrustedHtml(Symbol('trusted-html'), '<script>')).toThrow(TypeError);
		const lookAlike = Object.create(TrustedHtml.prototype);
		expect(() => html`${lookAlike}`).toThrow(TypeError);
		expect(() => joinHtml([lookAlike])).toThrow(TypeError);
		expect(() => TrustedHtml.unwrap({ toString: () => '<script>' })).toThrow(TypeError);
		expect(() => TrustedHtml.unwrap('<script>')).toThrow(TypeError);
	});

	it('escapeHtml covers the five characters and nothing else', () => {
		expect(escapeHtml(`&<>"' é\u202e`)).toBe('&amp;&lt;&gt;&quot;&#39; é\u202e');
	});

	it('safeUrl keeps relative and http(s)/mailto URLs and drops script schemes', () => {
		for (const ok of [
			'/attempts/1/results',
			'results?x=1',
			'#top',
			'https://example.org/a',
			'HTTP://x',
			'mailto:a@b.c'
		])
			expect(safeUrl(ok)).toBe(ok);
		for (const bad of [
			'javascript:alert(1)',
			' JaVaScRiPt:alert(1)',
			'java\tscript:alert(1)',
			'java\nscript:x',
			'\u0000javascript:x',
			'data:text/html,<script>',
			'vbscript:x'
		]) {
			expect(safeUrl(bad)).toBe('#');
		}
		// Escaped all the same when interpolated.
		expect(String(html`<a href="${safeUrl('/a?b="c"')}">`)).toBe('<a href="/a?b=&quot;c&quot;">');
	});
});
