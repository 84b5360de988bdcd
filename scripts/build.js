// `npm run build`: `vite build`, less one line of noise. When the app reads no `$env` module (ours reads the
// environment in src/lib/server/env.ts), SvelteKit's env module is empty after tree-shaking, and
// adapter-node's bundler reports it as 'Generated an empty chunk: "chunks/env.js"'; nothing is wrong and
// nothing can be configured to avoid it. Every other line is passed through, and the exit code kept.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const NOISE = /^Generated an empty chunk: "chunks\/env\.js"\.?$/;

const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
	stdio: ['inherit', 'pipe', 'pipe']
});
for (const [from, to] of [
	[vite.stdout, process.stdout],
	[vite.stderr, process.stderr]
]) {
	createInterface({ input: from }).on('line', (line) => {
		if (!NOISE.test(line)) to.write(`${line}\n`);
	});
}
vite.on('close', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
