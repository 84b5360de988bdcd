// Drafting runs off the request thread: a 40,000-character article takes seconds of CPU (issue 12, item
// 9), and on the event loop every other request of every user would wait for it. Each drafting gets a
// worker thread of its own, which is ended if it runs past the time cap.
//
// The worker runs this very module (new Worker(import.meta.url)), so it works wherever the module is:
// its source file under vitest and `vite dev` (loaded through tsx, a dev dependency), or the chunk
// adapter-node bundled it into under `node build`.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { draftQuestions } from '../../drafting/draft.ts';
import type { Draft, DraftArticle, DraftingBank } from '../../drafting/types.ts';

/**
 * How long one drafting may run before it is stopped. The longest article allowed (40,000 characters)
 * takes 7–13 s alone and 15–25 s on a machine busy with other work; the cap stops only what is far
 * beyond that.
 */
export const DRAFTING_TIME_CAP_MS = 60_000;

/**
 * Draftings running at once in this process: one core is left for requests, and more draftings wait
 * their turn (two at once on two cores took 11 s each, one after the other 4 s and 8 s). The time cap
 * counts from the start of a drafting's turn.
 */
export const MAX_CONCURRENT_DRAFTINGS = Math.max(1, availableParallelism() - 1);

const ROLE = 'sahel-quiz:drafting';

export class DraftingRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DraftingRefusedError';
	}
}

type Job = { article: DraftArticle; bank: DraftingBank };
type Outcome = { ok: true; drafts: Draft[] } | { ok: false; message: string };

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const { article, bank } = (workerData as { job: Job }).job;
	let outcome: Outcome;
	try {
		outcome = { ok: true, drafts: draftQuestions(article, bank) };
	} catch (e) {
		outcome = { ok: false, message: String((e as Error)?.stack ?? e) };
	}
	parentPort!.postMessage(outcome);
}

let running = 0;
const waiting: (() => void)[] = [];

async function takeTurn() {
	if (running >= MAX_CONCURRENT_DRAFTINGS) await new Promise<void>((r) => waiting.push(r));
	running++;
}

function endTurn() {
	running--;
	waiting.shift()?.();
}

/**
 * draftQuestions(article, bank) in a worker thread, after the draftings before it when this process is
 * already drafting as much as it can. Refused (DraftingRefusedError, with a message for the teacher)
 * when it runs past `timeCapMs`.
 */
export async function draftQuestionsOffThread(
	article: DraftArticle,
	bank: DraftingBank,
	timeCapMs = DRAFTING_TIME_CAP_MS
): Promise<Draft[]> {
	await takeTurn();
	try {
		return await runWorker(article, bank, timeCapMs);
	} finally {
		endTurn();
	}
}

async function runWorker(article: DraftArticle, bank: DraftingBank, timeCapMs: number) {
	const self = import.meta.url;
	const options = { workerData: { role: ROLE, job: { article, bank } satisfies Job } };
	// Under vitest or vite dev this module is TypeScript: the worker loads it through tsx.
	const worker = self.endsWith('.ts')
		? new Worker(
				`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`,
				{ ...options, eval: true }
			)
		: new Worker(new URL(self), options);
	try {
		return await new Promise<Draft[]>((resolve, reject) => {
			const timer = setTimeout(() => {
				reject(
					new DraftingRefusedError(
						`Drafting questions from this article took longer than ${Math.round(timeCapMs / 1000)} seconds and was stopped (nothing was saved). Add a shorter article, or split this one in parts.`
					)
				);
			}, timeCapMs);
			worker.once('message', (outcome: Outcome) => {
				clearTimeout(timer);
				if (outcome.ok) resolve(outcome.drafts);
				else reject(new Error(`drafting failed in its worker: ${outcome.message}`));
			});
			worker.once('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			worker.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`the drafting worker stopped (exit code ${code}) before answering`));
			});
		});
	} finally {
		void worker.terminate();
	}
}
