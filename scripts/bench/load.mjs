// The load generator, run as its own process so the server's event loop never shares a thread with
// it: `node scripts/bench/load.mjs spec.json` runs autocannon and prints one JSON result on stdout.
//
// spec: { url, connections, duration?, amount?, timeout?, requests: [{ method, path, headers, body }] }
// Every request of every connection takes the next entry of `requests` (round robin over all
// connections), so many users, attempts and answers are spread over the run.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const list = spec.requests;
if (!list?.length) throw new Error('load.mjs: the spec has no requests');
let next = 0;

const options = {
	url: spec.url,
	connections: spec.connections,
	timeout: spec.timeout ?? 10,
	requests: [
		{
			setupRequest(request) {
				const r = list[next++ % list.length];
				return {
					...request,
					method: r.method,
					path: r.path,
					headers: { ...r.headers },
					body: r.body ?? undefined
				};
			}
		}
	]
};
if (spec.amount) options.amount = spec.amount;
else options.duration = spec.duration;

const statuses = {};
const instance = autocannon(options);
instance.on('response', (_client, statusCode) => {
	statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
const result = await instance;

process.stdout.write(
	JSON.stringify({
		requestsPerSecond: result.requests.total / Math.max(result.duration, 1e-9),
		total: result.requests.total,
		duration: result.duration,
		latency: {
			p50: result.latency.p50,
			p90: result.latency.p90,
			p99: result.latency.p99,
			max: result.latency.max,
			mean: result.latency.average
		},
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		statuses
	})
);
