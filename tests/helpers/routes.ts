// The app's routes as the files under src/routes declare them: every page, every form action named in a
// `+page.server.ts` (read with a regular expression: Playwright cannot import the server modules), and
// every method a `+server.ts` exports. Tests walk this list so a new route cannot be left out of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const routesDir = path.resolve(import.meta.dirname, '../../src/routes');

export type RouteEntry =
	/** A page (GET, also as `__data.json`). */
	| { key: string; kind: 'page'; routeId: string }
	/** A form action of a page: POST `?/name` (the default action: POST with no name). */
	| { key: string; kind: 'action'; routeId: string; action: string }
	/** A method of an endpoint. */
	| { key: string; kind: 'endpoint'; routeId: string; method: string };

const PAGE_FILES = /^\+page(@[^.]*)?\.(svelte|ts|js|server\.ts|server\.js)$/;
const ENDPOINT_FILES = /^\+server\.(ts|js)$/;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

/** The keys of `export const actions = { … }`: names at the object's first level of indentation. */
export function actionNames(source: string): string[] {
	const block = /export\s+const\s+actions\b[^=]*=\s*\{([\s\S]*?)\n\}/.exec(source);
	if (!block) return [];
	const names = [...block[1].matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*(?::|\()/gm)].map(
		(m) => m[1]
	);
	if (names.length === 0 && /\S/.test(block[1].replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) {
		throw new Error(
			'could not read the names of this `actions` object: write one key per line, indented by one tab'
		);
	}
	return names;
}

/** The methods a `+server.ts` exports: `export const GET`, `export function POST`, `export { handler as PUT }`. */
export function endpointMethods(source: string): string[] {
	const found = new Set<string>();
	for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Za-z]+)/g))
		if (METHODS.includes(m[1])) found.add(m[1]);
	for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
		for (const part of m[1].split(',')) {
			const name = part
				.split(/\s+as\s+/)
				.pop()!
				.trim();
			if (METHODS.includes(name)) found.add(name);
		}
	}
	return [...found];
}

export function discoverRoutes(dir = routesDir): RouteEntry[] {
	const entries: RouteEntry[] = [];
	const walk = (abs: string) => {
		const files = readdirSync(abs).sort();
		const rel = path.relative(dir, abs).split(path.sep).join('/');
		const routeId = `/${rel}`;
		if (files.some((f) => PAGE_FILES.test(f)))
			entries.push({ key: routeId, kind: 'page', routeId });
		for (const f of files.filter((f) => /^\+page(@[^.]*)?\.server\.(ts|js)$/.test(f))) {
			for (const action of actionNames(readFileSync(path.join(abs, f), 'utf8'))) {
				entries.push({ key: `${routeId} ?/${action}`, kind: 'action', routeId, action });
			}
		}
		for (const f of files.filter((f) => ENDPOINT_FILES.test(f))) {
			for (const method of endpointMethods(readFileSync(path.join(abs, f), 'utf8'))) {
				entries.push({ key: `${routeId} ${method}`, kind: 'endpoint', routeId, method });
			}
		}
		for (const f of files) if (statSync(path.join(abs, f)).isDirectory()) walk(path.join(abs, f));
	};
	walk(dir);
	return entries;
}

/** The URL path of a route id with its parameters filled in: `/(app)/attempts/[id]/[n]` → `/attempts/abc/1`. */
export function pathOf(routeId: string, params: Record<string, string> = {}): string {
	const segments = routeId
		.split('/')
		.filter((s) => s !== '' && !/^\(.*\)$/.test(s))
		.map((s) =>
			s.replace(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g, (_, name: string) => {
				if (!(name in params)) throw new Error(`no value for [${name}] of ${routeId}`);
				return encodeURIComponent(params[name]);
			})
		);
	return `/${segments.join('/')}`;
}

/** The names of a route id's parameters, in order. */
export function paramNames(routeId: string): string[] {
	return [...routeId.matchAll(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g)].map((m) => m[1]);
}

/** The URL to post a form action to: the default action has no name in the query. */
export function actionPath(
	routeId: string,
	action: string,
	params: Record<string, string> = {}
): string {
	const p = pathOf(routeId, params);
	return action === 'default' ? p : `${p}?/${action}`;
}
