// A change of step wakes a room of phones at once. Rather than each phone reloading its page (300 loads
// queueing in front of the answers that follow), the process reads every player's view once per change
// (getStepViews) and each of its streams sends its own player their own part. The read is shared only while
// it runs: the database stays the truth, and another process makes its own read.
import type { Db } from '../db/index.ts';
import { getStepViews } from './sessions.ts';

type StepViews = Awaited<ReturnType<typeof getStepViews>>;

const reads = new Map<string, Promise<StepViews>>();

/** The views after change `seq` of the session: one read for all the streams woken by that change. */
export function sharedStepViews(db: Db, sessionId: string, seq: number): Promise<StepViews> {
	const key = `${sessionId} ${seq}`;
	let read = reads.get(key);
	if (!read) {
		read = getStepViews(db, sessionId).finally(() => reads.delete(key));
		reads.set(key, read);
	}
	return read;
}
