// One piece of CPU-heavy work in a worker thread of its own, so the event loop keeps serving every other
// request (drafting an article, simulating a learner's workload). The module that does the work is also
// the worker's script: it calls `serveOffThread(role, work)` at its top level, which does the work when
// the module runs as that worker, and nothing otherwise. It works wherever the module is: its source file
// under vitest and `vite dev` (loaded through tsx, a dev dependency), or the chunk adapter-node bundled
// it into under `node build`.
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
	// Under vitest or vite dev the module is TypeScript: the worker loads it through tsx.
	const worker = moduleUrl.endsWith('.ts')
		? new Worker(
				`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(moduleUrl)}, ${JSON.stringify(moduleUrl)}))`,
				{ ...options, eval: true }
			)
		: new Worker(new URL(moduleUrl), options);
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
		void worker.terminate();
	}
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
