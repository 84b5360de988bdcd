// DATABASE_URL as libpq reads it, for the parts the `postgres` driver does not: a Unix-domain socket
// given as `?host=/run/postgresql` (libpq's spelling; the driver reads only the URL's host). On the
// same machine as Postgres a socket skips the TCP stack on every round trip, which the quiz page and
// answer save make two and three of per request.

/**
 * The driver's connection options for `url`: the URL itself, or, for a socket, the socket's path and the
 * URL without `host` (and with a placeholder host name where it had none: the driver cannot parse
 * `postgres://user@/db`, and ignores the host once it has a path).
 */
export function postgresTarget(url: string): { url: string; path?: string } {
	const q = url.indexOf('?');
	if (q < 0) return { url };
	const params = new URLSearchParams(url.slice(q + 1));
	const socketDir = params.get('host');
	if (!socketDir?.startsWith('/')) return { url };
	const authority = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?]*@)?)([^/:?]*)(?::(\d+))?/i.exec(
		url.slice(0, q)
	);
	if (!authority) return { url };
	const port = authority[3] ?? params.get('port') ?? '5432';
	params.delete('host');
	params.delete('port');
	const rest = url.slice(authority[0].length, q);
	const query = params.toString();
	const base = `${authority[1]}${authority[2] || 'localhost'}${authority[3] ? `:${authority[3]}` : ''}${rest}`;
	return {
		url: query ? `${base}?${query}` : base,
		path: `${socketDir.replace(/\/+$/, '')}/.s.PGSQL.${port}`
	};
}
