// HTML that is safe to put into a page as markup, and the only way to make it. `SafeHtml.svelte`, the one
// place in src/ with `{@html}`, takes nothing else.
//
// A TrustedHtml is made only by the `html` tagged template below: the template's literal parts are the
// author's markup (written in the source, so no user text can be in them), and every interpolated value is
// HTML-escaped (& < > " ' all become entities, so it cannot end a text, an attribute or a tag) unless it is
// itself a TrustedHtml (or an array of them), which passes through as made. The class's constructor refuses
// any caller without this module's private token, so markup cannot be wrapped by hand (nor by a structural
// look-alike object: SafeHtml reads the private field with `TrustedHtml.unwrap`).
//
// What escaping does not do, the template's author must not do either: interpolating into a URL attribute
// (`href="${url}"`) can still carry `javascript:`; use `safeUrl` for those, which keeps only relative and
// http(s)/mailto URLs. Never interpolate into `<script>`, `<style>`, an event handler or an unquoted
// attribute.

const TOKEN = Symbol('trusted-html');

export class TrustedHtml {
	readonly #value: string;

	constructor(token: symbol, value: string) {
		if (token !== TOKEN) throw new TypeError('TrustedHtml is made only by the html`` template');
		this.#value = value;
	}

	toString(): string {
		return this.#value;
	}

	/**
	 * The markup of a real TrustedHtml, read from its private field: an object made with
	 * Object.create(TrustedHtml.prototype), or an instance whose toString was replaced, gives a TypeError.
	 */
	static unwrap(value: unknown): string {
		if (typeof value !== 'object' || value === null || !(#value in value))
			throw new TypeError('not a TrustedHtml (made only by the html`` template)');
		return (value as TrustedHtml).#value;
	}
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const UNSAFE = /[&<>"']/g;
const HAS_UNSAFE = /[&<>"']/;

export function escapeHtml(text: string): string {
	// Most values (ids, numbers, plain words) have nothing to escape: a test is cheaper than a replace.
	return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, (c) => ENTITIES[c]) : text;
}

type Interpolated =
	TrustedHtml | readonly TrustedHtml[] | string | number | bigint | boolean | null | undefined;

function part(value: Interpolated): string {
	if (value instanceof TrustedHtml) return TrustedHtml.unwrap(value);
	// A finite number's or a bigint's text has no markup character; skipping the scan keeps big tables cheap.
	if (typeof value === 'number')
		return Number.isFinite(value) ? String(value) : escapeHtml(String(value));
	if (typeof value === 'bigint') return String(value);
	if (value === null || value === undefined || value === false) return '';
	if (Array.isArray(value)) {
		let out = '';
		for (const v of value) {
			// Only TrustedHtml in arrays: an array of strings would be a way to skip thinking about each one.
			if (!(v instanceof TrustedHtml))
				throw new TypeError('html``: an array may hold only TrustedHtml');
			out += TrustedHtml.unwrap(v);
		}
		return out;
	}
	return escapeHtml(String(value));
}

/** The only maker of TrustedHtml: literal parts as written, every value escaped unless already TrustedHtml. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): TrustedHtml {
	// A real tagged template's strings carry `raw`; a hand-made array passed as the first argument would be
	// a way to turn a user's text into markup.
	if (
		!Array.isArray(strings) ||
		!Array.isArray((strings as TemplateStringsArray).raw) ||
		!Object.isFrozen(strings)
	) {
		throw new TypeError('html`` must be used as a tagged template');
	}
	let out = strings[0];
	for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
	return new TrustedHtml(TOKEN, out);
}

/** Joins pieces of TrustedHtml into one (without a copy per piece, as nesting would). */
export function joinHtml(pieces: readonly TrustedHtml[]): TrustedHtml {
	let out = '';
	for (const p of pieces) {
		out += TrustedHtml.unwrap(p);
	}
	return new TrustedHtml(TOKEN, out);
}

/** A URL for an href or src: relative, http(s) or mailto, else '#'. Still escaped when interpolated. */
export function safeUrl(url: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are what it removes
	const trimmed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
	if (!scheme) return url;
	return /^(https?|mailto)$/i.test(scheme[1]) ? url : '#';
}
