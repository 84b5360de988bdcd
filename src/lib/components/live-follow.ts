// Follows a live session's event stream and shows the change (from the event, or by reloading the page's
// data) when the session moves past what the page shows. Reloads never pile up: while one runs, later
// events fold into a single next one. The browser's EventSource reconnects by itself and sends the last
// event id, so a dropped network catches up.
import { invalidateAll } from '$app/navigation';

/** The projector's counters, as the teacher's stream sends them with an answer event. */
export type LiveCounts = { seq: number; answered: number; players: number };

type LiveChange = {
	seq: number;
	kind: string;
	answered?: number;
	players?: number;
	/** A player's own view of the new step, as their page's load returns it. */
	view?: unknown;
};

/**
 * `onCounts` (the projector): answer events that carry the counters update them in place, without a reload.
 * `onView` (a phone): a change that carries the player's view is shown from it, without a reload.
 * Every other event past what the page shows (and, with `onCounts`, every join) reloads the page's data.
 */
export function followLiveSession(
	sessionId: string,
	shownSeq: () => number,
	onCounts?: (counts: LiveCounts) => void,
	onView?: (view: unknown) => void
) {
	const source = new EventSource(`/live/${sessionId}/events`);
	let running = false;
	let again = false;
	async function reload() {
		if (running) {
			again = true;
			return;
		}
		running = true;
		try {
			do {
				again = false;
				await invalidateAll();
			} while (again);
		} finally {
			running = false;
		}
	}
	source.addEventListener('change', (e) => {
		const change = JSON.parse((e as MessageEvent<string>).data) as LiveChange;
		const { seq, kind, answered, players, view } = change;
		if (seq > shownSeq()) return view && onView ? onView(view) : void reload();
		if (!onCounts || kind === 'state') return;
		if (kind === 'answer' && answered !== undefined && players !== undefined)
			onCounts({ seq, answered, players });
		else void reload();
	});
	return () => source.close();
}

/** Milliseconds left on the countdown, from the server's figure when the page data came (not the browser's clock). */
export class Countdown {
	#endsAt = 0;
	#timer: ReturnType<typeof setInterval> | null = null;
	constructor(private readonly onTick: (msLeft: number) => void) {}
	set(remainingMs: number | null, running: boolean) {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		if (remainingMs === null) return this.onTick(0);
		this.#endsAt = performance.now() + remainingMs;
		this.onTick(remainingMs);
		if (!running) return;
		this.#timer = setInterval(() => {
			const left = Math.max(0, this.#endsAt - performance.now());
			this.onTick(left);
			if (left === 0 && this.#timer) clearInterval(this.#timer);
		}, 250);
	}
	stop() {
		if (this.#timer) clearInterval(this.#timer);
	}
}
