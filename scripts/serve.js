// `npm start`: serves the production build (build/, made by `npm run build`).
//
// adapter-node learns the site's origin from ORIGIN and otherwise assumes https, which makes SvelteKit's
// CSRF check refuse every form posted to a plain-http local run. Unless ORIGIN is set (deployments behind
// TLS should set it), we pass the protocol of the connection itself in a header of our own, overwriting
// whatever a client sent in it, so it cannot be forged.
import http from 'node:http';
import v8 from 'node:v8';

// How far V8 lets the old generation grow past what survived its last full collection before it collects
// again, in percent, set before the app loads. V8's own choice grows it up to 4× while the event loop is
// busy: a live room of 300 phones, which makes ~17 MB/s of short-lived objects, left the process 100–170 MB
// larger than before the session; at 30% it stays within ~50 MB, for about the same CPU per request
// (docs/performance.md). HEAP_GROWING_PERCENT=0 leaves V8's choice.
const heapGrowingPercent = Number(process.env.HEAP_GROWING_PERCENT ?? 30);
if (!Number.isInteger(heapGrowingPercent) || heapGrowingPercent < 0) {
	console.error(
		`HEAP_GROWING_PERCENT must be a whole number of percent, 0 or more (0: Node's default); it is "${process.env.HEAP_GROWING_PERCENT}".`
	);
	process.exit(1);
}
if (heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);

const PROTOCOL_HEADER = 'x-connection-protocol';
const trustConnection = !process.env.ORIGIN;
if (trustConnection) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

// A GIFT file may be up to 1 MB (the import form says so and the server checks it); adapter-node's default
// body limit of 512 KB would refuse it before the app could say why. Set BODY_SIZE_LIMIT to override.
if (!process.env.BODY_SIZE_LIMIT) process.env.BODY_SIZE_LIMIT = '2M';

const { handler } = await import('../build/handler.js');

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);

const server = http.createServer((req, res) => {
	if (trustConnection)
		req.headers[PROTOCOL_HEADER] = 'socket' in req && req.socket.encrypted ? 'https' : 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' ? 'localhost' : host;
	console.log(`Listening on http://${shown}:${port}`);
});

// Finish requests in flight, then let the app close its database (it listens for this event, as it
// would under adapter-node's own entry point).
let closing = false;
function shutdown(reason) {
	if (closing) return;
	closing = true;
	server.close(() => {
		process.emit('sveltekit:shutdown', reason);
		setTimeout(() => process.exit(0), 2000).unref();
	});
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
