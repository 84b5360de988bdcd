// Apart from db.ts, which imports vitest: the browser tests' own servers (server.ts) name databases too.

/** The URL of database `name` on the server `adminUrl` names. */
export function databaseUrl(adminUrl: string, name: string): string {
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}
