// postinstall: fixes a crash of the `postgres` driver (3.4.9, the latest release) when the database dies
// under a transaction. The transaction's ROLLBACK is queued on the dead connection; the driver's deferred
// write then calls `socket.write` on a socket it has already set to null, in a setImmediate callback, so
// the TypeError cannot be caught and the whole server exits (porsager/postgres#1154, #1208; fix proposed
// in #1209, not released). The guard below rejects the query with CONNECTION_CLOSED instead, which the app
// answers with 503, and the teardown paths forget the pending write so a reused connection is not stuck.
// Idempotent; does nothing once the installed driver no longer has the unguarded code.
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
	['    clearImmediate(nextWriteTimer)\n    if (socket) {', '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {'],
	['    remaining = 0\n    incomings = null\n    clearImmediate(nextWriteTimer)\n', '    remaining = 0\n    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n']
];

let patched = 0;
for (const flavour of ['src', 'cjs/src', 'cf/src']) {
	const file = path.join(root, flavour, 'connection.js');
	if (!existsSync(file)) continue;
	let text = readFileSync(file, 'utf8');
	if (text.includes(MARKER)) continue;
	if (!replacements.every(([from]) => text.includes(from))) {
		console.warn(`patch-postgres: ${path.relative(process.cwd(), file)} does not have the expected code; left unchanged (check whether the driver fixed nextWrite)`);
		continue;
	}
	for (const [from, to] of replacements) text = text.replace(from, to);
	writeFileSync(file, text);
	patched++;
}
if (patched) console.log(`patch-postgres: guarded nextWrite in ${patched} build(s) of the postgres driver`);
