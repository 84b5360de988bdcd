// postinstall: two fixes to the `postgres` driver (3.4.9, the latest release), each applied only while the
// installed driver still has the code it fixes. Idempotent.
//
// 1. A crash when the database dies under a transaction. The transaction's ROLLBACK is queued on the dead
// connection; the driver's deferred write then calls `socket.write` on a socket it has already set to null, in
// a setImmediate callback, so the TypeError cannot be caught and the whole server exits (porsager/postgres#1154,
// #1208; fix proposed in #1209, not released). The guard below rejects the query with CONNECTION_CLOSED
// instead, which the app answers with 503, and the teardown paths forget the pending write so a reused
// connection is not stuck.
//
// 2. A queue that grows without end under steady load. The pool keeps its connections in queues (open, busy,
// full); `shift` only blanks the slot it took, and the array is dropped only when the queue runs empty. While
// every connection is busy (the quiz page under load with the pool of 2), each query shifts a connection off
// `busy` and pushes it back, so the array grows by one slot per query, and `remove` (every move between queues)
// scans it from the start: after a million queries each query scanned a million slots, and throughput fell
// by a third within minutes (found by `npm run bench`, in a profile: the queue's `remove` at 11% of the CPU).
// The queue below searches only its live part and compacts once half of it is blanked slots.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARKER = '/* sahel-quiz: guarded nextWrite */';
const root = path.resolve(import.meta.dirname, '..', 'node_modules', 'postgres');
const replacements = [
	[
		'  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
		`  function nextWrite(fn) {\n    ${MARKER}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`
	],
	// terminate() and closed() cancel the deferred write without forgetting it: write() would then never schedule another.
	[
		'    clearImmediate(nextWriteTimer)\n    if (socket) {',
		'    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {'
	],
	[
		'    remaining = 0\n    incomings = null\n    clearImmediate(nextWriteTimer)\n',
		'    remaining = 0\n    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n'
	]
];

/**
 * Rewrites `file` in each build of the driver (ESM, CommonJS, Workers) with `patch`, which returns the new
 * text, or null when the file is not the code it fixes (then it is left alone, with a warning saying `what`).
 * A file that already has `marker` is done.
 */
function patchEveryBuild(file, marker, what, patch) {
	let count = 0;
	for (const flavour of ['src', 'cjs/src', 'cf/src']) {
		const target = path.join(root, flavour, file);
		if (!existsSync(target)) continue;
		const text = readFileSync(target, 'utf8');
		if (text.includes(marker)) continue;
		const patched = patch(text);
		if (patched === null) {
			console.warn(
				`patch-postgres: ${path.relative(process.cwd(), target)} does not have the expected code; left unchanged (check whether the driver ${what})`
			);
			continue;
		}
		writeFileSync(target, patched);
		count++;
	}
	return count;
}

const guarded = patchEveryBuild('connection.js', MARKER, 'fixed nextWrite', (text) =>
	replacements.every(([from]) => text.includes(from))
		? replacements.reduce((t, [from, to]) => t.replace(from, to), text)
		: null
);
if (guarded)
	console.log(`patch-postgres: guarded nextWrite in ${guarded} build(s) of the postgres driver`);

const QUEUE_MARKER = '/* sahel-quiz: bounded queue */';
// SHA-256 of the driver's queue.js as released (3.4.9), after its first line (the export, which differs per build).
const QUEUE_RELEASED_SHA256 = '49adac99f2b76063637969a092d751a0af2ab0ebfc095fc1c768db10eeaeaf2e';
const QUEUE_BOUNDED = `
${QUEUE_MARKER}
function Queue(initial = []) {
  let xs = initial.slice()
  let index = 0

  return {
    get length() {
      return xs.length - index
    },
    remove: (x) => {
      // Slots before \`index\` are taken already: search only the live part.
      const at = xs.indexOf(x, index)
      return at === -1
        ? null
        : (xs.splice(at, 1), x)
    },
    push: (x) => (xs.push(x), x),
    shift: () => {
      const out = xs[index++]

      if (index >= xs.length) {
        index = 0
        xs = []
      } else if (index >= 64 && index * 2 >= xs.length) {
        // Mostly taken slots: keep only the live part, so the array stays as long as the queue.
        xs = xs.slice(index)
        index = 0
      } else {
        xs[index - 1] = undefined
      }

      return out
    }
  }
}
`;

const bounded = patchEveryBuild('queue.js', QUEUE_MARKER, 'changed its queue', (text) => {
	const firstLine = text.slice(0, text.indexOf('\n'));
	const released =
		createHash('sha256')
			.update(text.slice(firstLine.length + 1))
			.digest('hex') === QUEUE_RELEASED_SHA256;
	return released ? `${firstLine}\n${QUEUE_BOUNDED}` : null;
});
if (bounded)
	console.log(
		`patch-postgres: bounded the connection queue in ${bounded} build(s) of the postgres driver`
	);
