// Where to go after signing in or up: only a path of this site. `next` comes from the address bar, so
// anything may be in it: a path that browsers read as another host (`/\t/evil.example/`, `//evil`,
// `/\evil`), control characters that cannot go into a Location header, non-ASCII. The URL parser is the
// judge, as a browser would be: resolved against our origin, it must stay on our origin, and what is
// sent back is the parser's own (percent-encoded, ASCII) path, query and fragment.

/** A same-origin path to redirect to for `next`, or `/` when `next` is missing or leads anywhere else. */
export function safeNext(next: string | null | undefined, origin: URL | string): string {
	if (!next || !next.startsWith('/')) return '/';
	const base = new URL(origin);
	let target: URL;
	try {
		target = new URL(next, base);
	} catch {
		return '/';
	}
	if (target.origin !== base.origin) return '/';
	const path = target.pathname + target.search + target.hash;
	// The parser's output is ASCII already; this guards the header against anything it let through.
	return /^\/(?![/\\])[\x21-\x7e]*$/.test(path) ? path : '/';
}
