// Drafting runs off the request thread: a 40,000-character article takes seconds of CPU (issue 12, item
// 9), and on the event loop every other request of every user would wait for it. Each drafting gets a
// worker thread of its own (this module, see off-thread.ts), which is ended if it runs past the time cap.
import { availableParallelism } from 'node:os';
import { createTurns, runOffThread, serveOffThread } from '../off-thread.ts';
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

serveOffThread(ROLE, ({ article, bank }: Job) => draftQuestions(article, bank));

const inTurn = createTurns(MAX_CONCURRENT_DRAFTINGS);

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
	return inTurn(() => runWorker(article, bank, timeCapMs));
}

function runWorker(article: DraftArticle, bank: DraftingBank, timeCapMs: number) {
	return runOffThread<Job, Draft[]>(
		import.meta.url,
		ROLE,
		{ article, bank },
		timeCapMs,
		() =>
			new DraftingRefusedError(
				`Drafting questions from this article took longer than ${Math.round(timeCapMs / 1000)} seconds and was stopped (nothing was saved). Add a shorter article, or split this one in parts.`
			)
	);
}
