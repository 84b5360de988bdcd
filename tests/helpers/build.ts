// Whether the production build in build/ is newer than every source and config file: the smoke runs of the
// benchmark and the crash test then skip `npm run build`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export function buildIsFresh(): boolean {
	const handler = path.join(root, 'build/handler.js');
	if (!existsSync(handler)) return false;
	const built = statSync(handler).mtimeMs;
	const newest = (p: string): number => {
		const s = statSync(p);
		if (!s.isDirectory()) return s.mtimeMs;
		return Math.max(s.mtimeMs, ...readdirSync(p).map((n) => newest(path.join(p, n))));
	};
	return ['src', 'svelte.config.js', 'vite.config.ts', 'package.json'].every(
		(p) => newest(path.join(root, p)) < built
	);
}
