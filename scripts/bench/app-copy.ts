// A private copy of the working tree for a server under test (the benchmark, the crash test): a build made
// meanwhile (the browser tests make one) cannot swap modules under it. node_modules is linked, not copied.
import { cpSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const LEFT_OUT = new Set([
	'node_modules',
	'.git',
	'build',
	'.svelte-kit',
	'.data',
	'test-results',
	'tests',
	'bench',
	'playwright-report'
]);

export function copyWorkingTree(root: string, appDir: string) {
	for (const name of readdirSync(root))
		if (!LEFT_OUT.has(name))
			cpSync(path.join(root, name), path.join(appDir, name), { recursive: true });
	symlinkSync(path.join(root, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
}
