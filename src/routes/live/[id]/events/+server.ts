// The session's event stream (Server-Sent Events). Events say that the session changed and carry its
// sequence number as the event id. The teacher's page then reads its view from the server (its load); an
// answer event on the teacher's stream carries the two counters the projector shows (answered, players),
// read after the answer committed, so a room of answers costs the projector no page reloads. A player's
// change of step carries that player's own view, the same their page's load returns (no key before the
// reveal, no one else's answers), so a room of phones does not reload at once. A reconnecting browser
// sends Last-Event-ID: if the session moved on meanwhile, it is told at once. Wakes come from the
// process's one LISTEN (hub.ts).
import { error } from '@sveltejs/kit';
import { getAppDatabase, getDb } from '$lib/server/db/app-db.ts';
import { getLiveHub, type LiveNotice } from '$lib/server/live/hub.ts';
import { playerIdentity } from '$lib/server/live/identity.ts';
import { getLiveCounts, getLiveSeq, mayFollowSession } from '$lib/server/live/sessions.ts';
import { sharedStepViews } from '$lib/server/live/step-views.ts';
import type { RequestHandler } from './$types';

/** A comment line this often keeps proxies and phones from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;
/** How soon a browser reconnects after the stream drops. */
const RETRY_MS = 2_000;

export const GET: RequestHandler = async (event) => {
	const sessionId = event.params.id;
	const db = getDb();
	const access = await mayFollowSession(db, sessionId, playerIdentity(event));
	if (!access) error(404, 'No such live session.');
	const hub = getLiveHub(getAppDatabase());
	await hub.ready();
	const header = event.request.headers.get('last-event-id');
	const lastSeen = header ? Number(header) : -1;
	const encoder = new TextEncoder();
	let stop = () => {};

	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			let closed = false;
			const send = (text: string) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			// Only these fields: a notice also names the session, which the stream's address already says.
			const sendChange = ({
				seq,
				kind,
				state,
				answered,
				players
			}: Pick<LiveNotice, 'seq' | 'kind' | 'state'> & { answered?: number; players?: number }) =>
				send(
					`id: ${seq}\nevent: change\ndata: ${JSON.stringify({ seq, kind, state, answered, players })}\n\n`
				);
			// The counters after answers: one read in flight, and one more after it if answers came meanwhile
			// (it then counts them all), so a burst of answers is a few reads, and the last one is up to date.
			let counting = false;
			let countAgain = false;
			const sendCounts = async (notice: LiveNotice) => {
				if (counting) {
					countAgain = true;
					return;
				}
				counting = true;
				try {
					do {
						countAgain = false;
						const c = await getLiveCounts(db, sessionId);
						if (c)
							sendChange({
								seq: c.seq,
								kind: 'answer',
								state: c.state,
								answered: c.answered,
								players: c.players
							});
					} while (countAgain && !closed);
				} catch {
					// Without counters the projector reloads its page, as for any other event.
					sendChange(notice);
				} finally {
					counting = false;
				}
			};
			// A player's change of step carries the player's own view (what their page would load), read once
			// per change for the whole room (step-views.ts); without it (the session finished, or the read
			// failed) the phone reloads its page. Sent in the order the changes came.
			let sending: Promise<unknown> = Promise.resolve();
			const sendStep = (notice: LiveNotice, playerId: string) => {
				const read = sharedStepViews(db, sessionId, notice.seq).catch(() => null);
				sending = sending.then(async () => {
					const view = (await read)?.views.get(playerId);
					if (!view) return sendChange(notice);
					const { seq, state } = view.session;
					send(
						`id: ${seq}\nevent: change\ndata: ${JSON.stringify({ seq, kind: 'state', state, view })}\n\n`
					);
				});
			};
			// Players are woken by changes of state only; the teacher's screen also by answers and joins.
			const unsubscribe = hub.subscribe(sessionId, (n) => {
				if (n === 'resync') {
					void getLiveSeq(db, sessionId).then(
						(s) => s && sendChange({ seq: s.seq, kind: 'state', state: s.state })
					);
					return;
				}
				if (n.kind === 'state') {
					if (access.role === 'player') sendStep(n, access.playerId);
					else sendChange(n);
				} else if (access.role !== 'teacher') return;
				else if (n.kind === 'answer') void sendCounts(n);
				else sendChange(n);
			});
			const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
			stop = () => {
				if (closed) return;
				closed = true;
				clearInterval(heartbeat);
				unsubscribe();
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			};
			event.request.signal.addEventListener('abort', stop);
			send(`retry: ${RETRY_MS}\n\n`);
			// Read after subscribing, so a change between the two is not lost. Sent when the browser has
			// not seen it (a reconnect after missed changes, or a first connection).
			const now = await getLiveSeq(db, sessionId);
			if (now && !(Number.isSafeInteger(lastSeen) && lastSeen >= now.seq))
				sendChange({ seq: now.seq, kind: 'state', state: now.state });
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
