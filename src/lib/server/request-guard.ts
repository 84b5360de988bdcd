// Bad bodies refused before any load or action runs, the same way for every route (new ones included):
// a body over the size limit (413, even when the action would not have read it), a form that cannot be
// parsed (400 rather than the TypeError `formData()` throws), a NUL character in any field (400:
// Postgres cannot store it in text, and no honest form sends one) and a field longer than any form's
// (413). Each route's own limits and types are its readers' business (forms.ts): an article's text may
// be longer than a name.

/** adapter-node's BODY_SIZE_LIMIT syntax: bytes, or a number with K, M or G; Infinity for none. */
export function parseBodySizeLimit(value: string | undefined, fallback = 512 * 1024): number {
	if (!value?.trim()) return fallback;
	if (value.trim() === 'Infinity') return Infinity;
	const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
	if (!m) return fallback;
	const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
		m[2].toLowerCase() as '' | 'k' | 'm' | 'g'
	];
	return Number(m[1]) * unit;
}

/** The longest text field any form may send; routes set their own, smaller limits (forms.ts). */
export const MAX_ANY_FIELD = 256 * 1024;

/**
 * The most fields any form may send. The largest forms here (a set's question checkboxes) have a few
 * hundred; 660,000 empty fields in 1.9 MB cost 0.3 s of parsing. Counted on the raw body, before parsing.
 */
export const MAX_FIELDS = 1000;

export type Refusal = { status: 400 | 413; message: string };

/**
 * What is wrong with a request's URL, or null: a NUL character in the path (its parameters are ids the
 * database looks up) or in a query parameter (searches) would reach Postgres, which cannot take it.
 */
export function checkRequestUrl(url: URL): Refusal | null {
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return { status: 400, message: 'The address is not valid: it has a malformed %-escape.' };
	}
	if (path.includes('\u0000'))
		return { status: 400, message: 'The address contains a NUL character.' };
	for (const [name, value] of url.searchParams) {
		if (name.includes('\u0000') || value.includes('\u0000'))
			return {
				status: 400,
				// eslint-disable-next-line no-control-regex -- NUL is what it removes
				message: `Query parameter "${name.replace(/\u0000/g, '')}" contains a NUL character.`
			};
	}
	return null;
}

/**
 * What is wrong with a request's body, or null. A form is parsed once, here: afterwards the request's
 * `formData()` answers with that same form, so the route reads it without the body being copied and
 * parsed a second time (every POST here is a form action, and an answer save is a hot path).
 */
export async function checkRequestBody(request: Request, limit: number): Promise<Refusal | null> {
	if (request.method === 'GET' || request.method === 'HEAD') return null;
	const length = Number(request.headers.get('content-length') ?? '');
	if (Number.isFinite(length) && length > limit)
		return { status: 413, message: `The request is too large (at most ${formatBytes(limit)}).` };
	const type = request.headers.get('content-type') ?? '';
	// The types SvelteKit accepts for form actions (other types it refuses itself with 415).
	if (!/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i.test(type))
		return null;
	let form: FormData;
	try {
		const isMultipart = /^multipart\/form-data\b/i.test(type);
		if (isMultipart || /^application\/x-www-form-urlencoded\b/i.test(type)) {
			const body = new Uint8Array(await request.arrayBuffer());
			const fields = isMultipart
				? countOccurrences(body, `--${/boundary="?([^";]+)"?/i.exec(type)?.[1] ?? ''}`) - 1
				: countOccurrences(body, '&') + 1;
			if (fields > MAX_FIELDS)
				return {
					status: 413,
					message: `The form has too many fields (at most ${MAX_FIELDS.toLocaleString('en')}).`
				};
			form = await new Response(body, { headers: { 'content-type': type } }).formData();
		} else {
			form = await request.formData();
		}
	} catch (e) {
		// adapter-node stops a body that outgrows the limit while it streams in.
		if (/too large|limit/i.test(String((e as Error)?.message)))
			return { status: 413, message: `The request is too large (at most ${formatBytes(limit)}).` };
		return {
			status: 400,
			message:
				'The form could not be read: send it as application/x-www-form-urlencoded or multipart/form-data, as a browser does.'
		};
	}
	for (const [name, value] of form) {
		if (name.includes('\u0000'))
			return { status: 400, message: 'A field name contains a NUL character.' };
		if (typeof value !== 'string') continue;
		if (value.includes('\u0000'))
			return {
				status: 400,
				message: `Field "${name}" contains a NUL character, which no text may hold.`
			};
		if (value.length > MAX_ANY_FIELD)
			return {
				status: 413,
				message: `Field "${name}" is too long (at most ${MAX_ANY_FIELD / 1024}K characters).`
			};
	}
	const parsed = form;
	Object.defineProperty(request, 'formData', {
		value: () => Promise.resolve(parsed),
		configurable: true
	});
	return null;
}

/** How often `needle` (ASCII) occurs in `haystack`, without decoding it. */
function countOccurrences(haystack: Uint8Array, needle: string): number {
	const bytes = new TextEncoder().encode(needle);
	if (bytes.length === 0) return 0;
	const buffer = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
	let n = 0;
	for (let i = buffer.indexOf(bytes); i !== -1; i = buffer.indexOf(bytes, i + bytes.length)) n++;
	return n;
}

function formatBytes(n: number) {
	return n >= 1024 ** 2 ? `${+(n / 1024 ** 2).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

/**
 * The refusal in the form the asker reads: a form action's JSON for `use:enhance` and other JSON
 * askers, a small page for browsers, plain text otherwise.
 */
export function refusalResponse(request: Request, refusal: Refusal): Response {
	const accept = request.headers.get('accept') ?? '';
	const headers = { 'cache-control': 'no-store' };
	if (
		request.headers.get('x-sveltekit-action') === 'true' ||
		(accept.includes('application/json') && !accept.includes('text/html'))
	) {
		return Response.json(
			{ type: 'error', error: { message: refusal.message } },
			{ status: refusal.status, headers }
		);
	}
	if (accept.includes('text/html')) {
		const text = refusal.message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
		const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Request refused</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Request refused</h1>
<p>${text}</p>
<p>Go back and try again.</p>
</body>
</html>
`;
		return new Response(page, {
			status: refusal.status,
			headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
		});
	}
	return new Response(`${refusal.message}\n`, {
		status: refusal.status,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
}
