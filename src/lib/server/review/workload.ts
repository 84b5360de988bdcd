// The workload-vs-retention view of the settings page: the learner's cards simulated forward at each
// retention (simulateWorkload) in a worker thread, one simulation at a time per process, so a learner
// asking for it never holds up anyone's requests.
import { simulateWorkload } from '../../review/workload.ts';
import type { ReviewCard } from '../../review/scheduler.ts';
import type { Db } from '../db/index.ts';
import { createTurns, runOffThread, serveOffThread } from '../off-thread.ts';
import { cardFromRow, getLearnerCards, getLearnerSettings } from './cards.ts';

const ROLE = 'sahel-quiz:workload';
/** A simulation of a few hundred cards takes well under a second; the cap stops only a runaway. */
const TIME_CAP_MS = 20_000;

type Job = { cards: ReviewCard[]; weights?: number[]; now: Date };

serveOffThread(ROLE, (job: Job) => simulateWorkload(job));

const inTurn = createTurns(1);

export async function getWorkload(db: Db, userId: string, now: Date) {
	const [settings, rows] = await Promise.all([
		getLearnerSettings(db, userId),
		getLearnerCards(db, userId)
	]);
	const job: Job = {
		cards: rows.filter((r) => r.suspendedAt === null).map(cardFromRow),
		weights: settings.weights ?? undefined,
		now
	};
	const result = await inTurn(() =>
		runOffThread<Job, ReturnType<typeof simulateWorkload>>(
			import.meta.url,
			ROLE,
			job,
			TIME_CAP_MS,
			() => new Error('the workload simulation ran past its time cap')
		)
	);
	return { ...result, current: settings.desiredRetention, cardCount: job.cards.length };
}
