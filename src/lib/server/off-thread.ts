// One piece of CPU-heavy work in a worker thread of its own, so the event loop keeps serving every other
// request (drafting an article, simulating a learner's workload). The module that does the work is also
// the worker's script: it calls `serveOffThread(role, work)` at its top level, which does the work when
// the module runs as that worker, and nothing otherwise. It works wherever the module is: its source file
// under vitest and `vite dev` (bundled into JavaScript for the worker, see bundleForWorker), or the chunk
// adapter-node bundled it into under `node build`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Runs `work(job)` and posts its outcome when this module was started as a worker for `role`. */
export function serveOffThread<J, T>(role: string, work: (job: J) => T) {
	if (isMainThread || (workerData as { role?: string } | null)?.role !== role) return;
	let outcome: Outcome<T>;
	try {
		outcome = { ok: true, value: work((workerData as { job: J }).job) };
	} catch (e) {
		outcome = { ok: false, message: String((e as Error)?.stack ?? e) };
	}
	parentPort!.postMessage(outcome);
}

/**
 * `job` done by the module at `moduleUrl` (its import.meta.url) in a new worker for `role`; rejects with
 * `onTimeout()` when it runs past `timeCapMs`, and the worker is ended either way.
 */
export async function runOffThread<J, T>(
	moduleUrl: string,
	role: string,
	job: J,
	timeCapMs: number,
	onTimeout: () => Error
): Promise<T> {
	const options = { workerData: { role, job } };
	// Under vitest or vite dev the module is TypeScript: the worker runs a JavaScript bundle of it.
	const bundle = moduleUrl.endsWith('.ts') ? await bundleForWorker(moduleUrl) : null;
	const worker = new Worker(bundle ?? new URL(moduleUrl), options);
	try {
		return await new Promise<T>((resolve, reject) => {
			const timer = setTimeout(() => reject(onTimeout()), timeCapMs);
			worker.once('message', (outcome: Outcome<T>) => {
				clearTimeout(timer);
				if (outcome.ok) resolve(outcome.value);
				else reject(new Error(`${role} failed in its worker: ${outcome.message}`));
			});
			worker.once('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			worker.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`the ${role} worker stopped (exit code ${code}) before answering`));
			});
		});
	} finally {
		void worker.terminate().finally(() => {
			if (bundle) rmSync(bundle, { force: true });
		});
	}
}

/**
 * The TypeScript module at `moduleUrl` and its own imports bundled into one JavaScript file (packages
 * left to Node), made anew for each worker so that an edit under vite dev is picked up. Loading it
 * through tsx's loader in each worker instead took 5–7 s of CPU on a busy machine, this 0.1–0.3 s
 * (esbuild, a dev dependency).
 */
async function bundleForWorker(moduleUrl: string): Promise<URL> {
	// Found at run time: the production build, which never comes here, must not pull it in.
	const bundler = pathToFileURL(createRequire(import.meta.url).resolve('esbuild')).href;
	const esbuild = (await import(/* @vite-ignore */ bundler)) as typeof import('esbuild');
	const entry = fileURLToPath(moduleUrl);
	// Inside the project's node_modules, so that the bundle's package imports resolve as the source's do.
	let root = path.dirname(entry);
	while (!existsSync(path.join(root, 'node_modules')) && path.dirname(root) !== root)
		root = path.dirname(root);
	const dir = path.join(root, 'node_modules', '.cache', 'off-thread');
	mkdirSync(dir, { recursive: true });
	const outfile = path.join(
		dir,
		`${path.basename(entry, '.ts')}-${randomBytes(6).toString('hex')}.mjs`
	);
	await esbuild.build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		packages: 'external',
		logLevel: 'silent'
	});
	return pathToFileURL(outfile);
}

/** At most `max` pieces of work at once in this process; the others wait their turn, in order. */
export function createTurns(max: number) {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async function inTurn<T>(work: () => Promise<T>): Promise<T> {
		if (running >= max) await new Promise<void>((r) => waiting.push(r));
		running++;
		try {
			return await work();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}
