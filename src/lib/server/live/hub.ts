// Fan-out of live-session changes between app processes: every change is a NOTIFY on one channel (sent in
// the transaction that made it, so it goes out only if it committed), and each process LISTENs once and
// wakes its own open event streams for that session. The hub keeps no session state: streams are told
// "session X is at seq N", and what they show is read from Postgres.
import type { Database } from '../db/index.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { LiveState } from '../db/schema.ts';

export const LIVE_CHANNEL = 'live_session';

/** What changed: the session's state (every viewer re-reads), an answer or a join (only the teacher's screen). */
export type LiveChangeKind = 'state' | 'answer' | 'players';

export type LiveNotice = { sessionId: string; seq: number; kind: LiveChangeKind; state: LiveState };

/** The pg_notify call for a notice, to put in a statement the change makes anyway. */
export function liveNoticeSql(notice: LiveNotice) {
	const payload = [notice.sessionId, notice.seq, notice.kind, notice.state].join(' ');
	return sql<string>`pg_notify(${LIVE_CHANNEL}, ${payload})`;
}

/** Sends the notice when the surrounding transaction commits (pg_notify is transactional). */
export async function notifyLiveChange(tx: Db, notice: LiveNotice) {
	await tx.execute(sql`select ${liveNoticeSql(notice)}`);
}

export function parseLiveNotice(payload: string): LiveNotice | null {
	const [sessionId, seq, kind, state] = payload.split(' ');
	if (!sessionId || !Number.isSafeInteger(Number(seq))) return null;
	return { sessionId, seq: Number(seq), kind: kind as LiveChangeKind, state: state as LiveState };
}

type Listener = (notice: LiveNotice | 'resync') => void;

/** One per process (created on first use with the app's database). */
export class LiveHub {
	private readonly listeners = new Map<string, Set<Listener>>();
	private listening: Promise<unknown> | null = null;

	constructor(private readonly database: Pick<Database, 'listen'>) {}

	private dispatch(payload: string) {
		const notice = parseLiveNotice(payload);
		if (!notice) return;
		for (const listener of this.listeners.get(notice.sessionId) ?? []) listener(notice);
	}

	/** After the listening connection was lost and came back: every stream re-reads, it may have missed something. */
	private resyncAll() {
		for (const set of this.listeners.values()) for (const listener of set) listener('resync');
	}

	/** Starts listening (once); resolves when LISTEN is in place, so no notice sent after it is missed. */
	async ready() {
		this.listening ??= this.database
			.listen(
				LIVE_CHANNEL,
				(payload) => this.dispatch(payload),
				() => this.resyncAll()
			)
			.catch((e) => {
				this.listening = null; // the next stream tries again
				throw e;
			});
		await this.listening;
	}

	subscribe(sessionId: string, listener: Listener): () => void {
		let set = this.listeners.get(sessionId);
		if (!set) this.listeners.set(sessionId, (set = new Set()));
		set.add(listener);
		return () => {
			set.delete(listener);
			if (set.size === 0 && this.listeners.get(sessionId) === set) this.listeners.delete(sessionId);
		};
	}

	/** Streams open in this process (for tests and the bench). */
	get streamCount() {
		let n = 0;
		for (const set of this.listeners.values()) n += set.size;
		return n;
	}
}

let hub: LiveHub | null = null;

/** The process's hub over the app's database. */
export function getLiveHub(database: Pick<Database, 'listen'>): LiveHub {
	hub ??= new LiveHub(database);
	return hub;
}
