// Bad input against every form action, endpoint and page, generated from the route list (a new route is
// fuzzed without anyone adding it here). The test starts its own server from the production build, so it
// can read the server's stderr: an unexpected error (a 500, an unhandled rejection) is printed there.
//
// Each action gets a seeded, reproducible series of bodies built from the field names its page and its
// server code use, filled with values of the test world (a student's attempt in progress, a teacher's
// class and set) and then spoiled: oversized bodies and fields, repeated fields, wrong types, NUL bytes,
// invalid UTF-8, right-to-left overrides, zero-width characters, deep nesting in names, missing, wrong
// and broken content types, files where text is expected. Endpoints and pages get the same in their query.
// The world is teacher X's side of it (X and student A in X's class): every route is fuzzed as its owner
// among them, or as nobody.
//
// Passes when: nothing answers 5xx; an oversized body is 413 and an oversized field 413 or 400; a NUL byte
// in a field is 400; a body that is not a form is a 4xx; the server's stderr stays empty and it is alive.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
	actionPath,
	discoverRoutes,
	pathOf,
	routesDir,
	type RouteEntry
} from '../helpers/routes.ts';
import { readsBesideWrites } from '../helpers/concurrency.ts';
import { startServer, type OwnServer } from '../helpers/server.ts';
import { buildXSide, type XSideWorld as World } from '../helpers/world.ts';

/** Who sends a request: the fuzzed routes' owners (teacher X, student A) or nobody. */
type Who = keyof World['who'];

let BASE = '';
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const KINDS = 17;
/** Two rounds of every kind of case, each round with other fields and values. */
const CASES_PER_ACTION = Number(process.env.FUZZ_CASES ?? 2 * KINDS);

/** mulberry32: a small seeded generator, so a failure can be replayed with FUZZ_SEED. */
function rng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]
	};
}
type Rng = ReturnType<typeof rng>;

/** Values no honest form sends, each short enough to stay under the field limit. */
const NASTY = [
	'',
	' ',
	'-1',
	'0',
	'1e308',
	'NaN',
	'Infinity',
	'9'.repeat(400),
	'0x10',
	'true',
	'null',
	'[]',
	'{"$gt":""}',
	"'; drop table answer; --",
	'<script>alert(1)</script>',
	'../../etc/passwd',
	'%00',
	'\u202Eevil\u202C',
	'\u200B\u200C\u200D\uFEFF',
	'a\u0301\u0301\u0301',
	'\uD83D\uDE00',
	'\uFFFD\uFFFE\uFFFF',
	'x'.repeat(1999),
	'\r\n\r\n',
	'2026-02-30T25:61',
	'__proto__',
	'constructor',
	'2147483648',
	'-2147483649',
	'1.5',
	// JSON where a field carries JSON (the review page's saved answer): an escaped NUL, deep nesting, extra keys.
	'{"type":"short_text","text":"a\\u0000b"}',
	`{"type":"single","optionId":"a","extra":${'['.repeat(900)}${']'.repeat(900)}}`,
	'{"type":"numeric","value":1e999}',
	'{"type":"ordering","itemIds":{"length":3}}'
];
const NUL_VALUES = ['\u0000', 'a\u0000b', 'Niamey\u0000', '\u0000'.repeat(50)];

/** Field names the route's own files use: `name="…"` in its pages, `fields.x` / `values.x` / `get('x')` in its server code. */
function fieldNamesOf(routeId: string): string[] {
	const dir = path.join(routesDir, routeId);
	const names = new Set<string>();
	const components = path.resolve(routesDir, '../lib/components');
	const files = [
		...readdirSync(dir)
			.filter((f) => /\.(svelte|ts)$/.test(f))
			.map((f) => path.join(dir, f))
	];
	for (const f of files) {
		const src = readFileSync(f, 'utf8');
		for (const m of src.matchAll(/name="([A-Za-z_]\w*)"/g)) names.add(m[1]);
		for (const m of src.matchAll(/\b(?:fields|values)\.([A-Za-z_]\w*)/g)) names.add(m[1]);
		for (const m of src.matchAll(/\.get\('([A-Za-z_]\w*)'\)/g)) names.add(m[1]);
		// Components the page uses bring their fields (the answer inputs of the attempt page).
		for (const m of src.matchAll(/from '\$lib\/components\/(\w+\.svelte)'/g)) {
			for (const n of readFileSync(path.join(components, m[1]), 'utf8').matchAll(
				/name="([A-Za-z_]\w*)"/g
			))
				names.add(n[1]);
		}
	}
	return [...names];
}

/** Who fuzzes a route, and with which ids: its owner, so that the requests reach the code behind the checks. */
function principalFor(routeId: string, w: World): { who: Who; params: Record<string, string> } {
	const params: Record<string, string> = {
		slug: w.articleSlug,
		n: '1',
		token: 'fuzz-invite-token'
	};
	if (
		routeId.startsWith('/(auth)') ||
		routeId.startsWith('/signout') ||
		routeId.startsWith('/(bench)')
	)
		return { who: 'anonymous', params };
	if (routeId.startsWith('/(app)/teach/articles'))
		return { who: 'X', params: { ...params, slug: w.X.articleSlug } };
	if (routeId.startsWith('/(app)/teach/assignments'))
		return { who: 'X', params: { ...params, id: w.X.assignmentId } };
	if (routeId.startsWith('/(app)/teach/classes'))
		return { who: 'X', params: { ...params, id: w.X.classId } };
	if (routeId.startsWith('/(app)/teach/sets'))
		return { who: 'X', params: { ...params, id: w.X.setId } };
	// No live session in the world: the live routes are fuzzed against one that does not exist.
	if (routeId.startsWith('/(app)/teach/live'))
		return { who: 'X', params: { ...params, id: '00000000-0000-4000-8000-000000000000' } };
	if (routeId.startsWith('/(app)/teach')) return { who: 'X', params };
	if (routeId.startsWith('/live/'))
		return { who: 'A', params: { ...params, id: '00000000-0000-4000-8000-000000000000' } };
	if (routeId.startsWith('/(app)/assignments'))
		return { who: 'A', params: { ...params, id: w.X.assignmentId } };
	if (routeId.startsWith('/(app)/attempts'))
		return { who: 'A', params: { ...params, id: w.A.practice.id } };
	return { who: routeId.startsWith('/(app)') ? 'A' : 'anonymous', params };
}

/** A plausible value for a field, from the world where it names something in it. */
function plausible(name: string, w: World, r: Rng): string {
	const fromForm = w.A.practice.form.find(([k]) => k === name)?.[1];
	if (fromForm !== undefined) return fromForm;
	const known: Record<string, string> = {
		cardId: w.A.cardId,
		setId: w.X.setId,
		studentId: w.X.studentId,
		questionId: w.X.questionId,
		article: w.articleSlug,
		code: w.X.joinCode,
		draftId: w.X.draftId,
		email: w.A.email,
		password: 'correct-horse-battery',
		rating: 'good',
		timeZone: 'UTC',
		feedback: 'after_submit',
		lateWork: 'refuse',
		dueAt: '2099-01-01T12:00',
		position: '1',
		count: '5'
	};
	return known[name] ?? r.pick(['1', 'x', 'yes', 'first', '10']);
}

type Case = {
	label: string;
	expect: 'not 5xx' | 413 | '413 or 400' | 400 | '4xx';
	headers: Record<string, string>;
	body?: Uint8Array | string;
};

const enc = new TextEncoder();
const urlencoded = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

/** The i-th bad body for an action whose fields are `names`. */
function actionCase(i: number, names: string[], w: World, r: Rng): Case {
	const form = (
		pairs: [string, string][],
		label: string,
		expected: Case['expect'] = 'not 5xx'
	): Case => ({
		label,
		expect: expected,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: urlencoded(pairs)
	});
	const base = (): [string, string][] => names.map((n) => [n, plausible(n, w, r)]);
	const field = names.length ? r.pick(names) : 'x';
	// The spoilt field replaces the plausible one, or joins the form when the route names none.
	const spoil = (value: string): [string, string][] =>
		names.includes(field)
			? base().map(([k, v]) => [k, k === field ? value : v])
			: [...base(), [field, value]];
	switch (i % KINDS) {
		case 0:
			return form(base(), 'plausible values');
		case 1: {
			// Larger than the server's body limit (2 MB): refused before the action runs.
			const big = enc.encode(`${field}=${'a'.repeat(3 * 1024 * 1024)}`);
			return {
				label: 'a 3 MB body',
				expect: 413,
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: big
			};
		}
		case 2:
			// Over every route's limit (the server's: 256K characters); what a route allows under it is its own.
			return i % (2 * KINDS) < KINDS
				? form(
						spoil('y'.repeat(256 * 1024 + 1 + r.int(100_000))),
						`field "${field}" over 256K characters`,
						413
					)
				: form(
						spoil('y'.repeat(2001 + r.int(100_000))),
						`field "${field}" of over 2000 characters`
					);
		case 3:
			return form(spoil(r.pick(NUL_VALUES)), `NUL byte in "${field}"`, 400);
		case 4:
			return form([...base(), ...base(), ...base()], 'every field three times');
		case 5:
			return form(spoil(r.pick(NASTY)), `"${field}" nasty`);
		case 6:
			return form(
				base().map(([k]) => [k, r.pick(NASTY)]),
				'every field nasty'
			);
		case 7: {
			// Invalid UTF-8 as percent escapes (lone continuation bytes, overlong forms, surrogates).
			const bad = r.pick(['%FF', '%C0%AF', '%ED%A0%80', '%E2%82', '%F4%90%80%80']);
			const text = urlencoded(base()).replace(
				new RegExp(`(^|&)${field}=[^&]*`),
				`$1${field}=abc${bad}def`
			);
			return {
				label: `invalid UTF-8 in "${field}"`,
				expect: 'not 5xx',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: text
			};
		}
		case 8: {
			// Raw bytes that are not UTF-8 at all.
			const bytes = new Uint8Array([
				...enc.encode(`${field}=`),
				0xff,
				0xfe,
				0xc3,
				0x28,
				0xa0,
				0xa1,
				...enc.encode('&x=1')
			]);
			return {
				label: `raw invalid UTF-8 in "${field}"`,
				expect: 'not 5xx',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: bytes
			};
		}
		case 9:
			return form(
				spoil(`\u202E${plausible(field, w, r)}\u200B\u200D`),
				`RTL override and zero-width characters in "${field}"`
			);
		case 10: {
			// Deep nesting, as query-string parsers of other frameworks would read it.
			const deep = `${field}${'[a]'.repeat(500)}`;
			return form(
				[...base(), [deep, '1'], [`${field}[]`, '1'], [`${field}.__proto__.polluted`, '1']],
				'deeply nested names'
			);
		}
		case 11:
			return {
				label: 'no content type',
				expect: '4xx',
				headers: {},
				body: enc.encode(urlencoded(base()))
			};
		case 12:
			return {
				label: 'JSON body',
				expect: '4xx',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(
					Object.fromEntries(base().map(([k, v]) => [k, { nested: [[[[[[v]]]]]] }]))
				)
			};
		case 13:
			return {
				label: 'multipart with a broken boundary',
				expect: '4xx',
				headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
				body: `--XYZ\r\nContent-Disposition: form-data; name="${field}"\r\n\r\nvalue-without-end`
			};
		case 14: {
			// A file where text is expected, and text where a file is expected.
			const boundary = `b${r.int(1e9)}`;
			const parts = base().map(
				([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`
			);
			parts.push(
				`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="x.gift"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000\u0001binary\r\n`
			);
			return {
				label: `a file in "${field}"`,
				expect: 'not 5xx',
				headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
				body: `${parts.join('')}--${boundary}--\r\n`
			};
		}
		case 15:
			return {
				label: 'text/plain body',
				expect: '4xx',
				headers: { 'content-type': 'text/plain' },
				body: urlencoded(base()).replace(/&/g, '\n')
			};
		default: {
			// A GIFT-looking file full of bad characters (the import reads files; others refuse them).
			const boundary = `b${r.int(1e9)}`;
			const text = `::T\u0000itle:: ${r.pick(NASTY)} \u202E{=a\u0000b ~c}\n`;
			const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="q.gift"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`;
			return {
				label: 'a GIFT file with NUL bytes',
				expect: 'not 5xx',
				headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
				body
			};
		}
	}
}

/** Bad queries for a page (as HTML and as __data.json) or an endpoint. */
function queryCase(i: number, r: Rng): string {
	const names = [
		'next',
		'fact',
		'code',
		'rule',
		'attempts',
		'only',
		'article',
		'tag',
		'joined',
		'added',
		'via',
		'cited',
		'x-sveltekit-invalidated'
	];
	const name = r.pick(names);
	switch (i % 5) {
		case 0:
			return `?${name}=%00`;
		case 1:
			return `?${name}=${'z'.repeat(6000)}`;
		case 2:
			return `?${name}=%FF%FE&${name}=2&${name}=3`;
		case 3:
			return `?${name}${'[x]'.repeat(300)}=1`;
		default:
			return `?${name}=${encodeURIComponent(r.pick(NASTY))}`;
	}
}

function statusMatches(expected: Case['expect'], status: number) {
	if (status >= 500) return false;
	if (expected === 'not 5xx') return true;
	if (expected === '4xx') return status >= 400 && status < 500;
	if (expected === '413 or 400') return status === 413 || status === 400;
	return status === expected;
}

let server: OwnServer | null = null;
let fuzzDataDir = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	// A server of its own starts here: on a busy machine that can take longer than a test's usual 45 s.
	test.setTimeout(120_000);
	fuzzDataDir = mkdtempSync(path.join(tmpdir(), 'sahel-fuzz-'));
	server = await startServer({ PGLITE_DATA_DIR: fuzzDataDir });
	BASE = server.baseURL;
});

test.afterAll(async () => {
	await server?.stop();
	if (fuzzDataDir) rmSync(fuzzDataDir, { recursive: true, force: true });
});

test('fuzz: every form action, endpoint and page refuses bad input with a 4xx, never a 5xx or a crash', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const w = await buildXSide(browser, BASE).catch((e: unknown) => {
		throw new Error(
			`building the world failed (server exit code ${server?.process.exitCode}); its stderr:\n${server?.stderr().slice(-3000)}\n${String(e)}`
		);
	});
	const cookies: Record<Who, string> = Object.fromEntries(
		Object.entries(w.who).map(([k, p]) => [k, p.cookie])
	) as Record<Who, string>;
	// The world is built; from now on the server must print nothing.
	const quietFrom = server!.stderr().length;
	const r = rng(SEED);
	const failures: string[] = [];
	let sent = 0;
	const routes = discoverRoutes();
	// Actions that end what the other cases use run last: signing out, submitting the attempt.
	const last = (e: RouteEntry) => (e.kind === 'action' && /submit|signout/.test(e.key) ? 1 : 0);
	/** One request of the plan: made up front, in the seed's order, so a seed always gives the same cases. */
	type Planned = {
		method: string;
		url: string;
		who: Who;
		c: Pick<Case, 'headers' | 'body'>;
		accept: string;
		/** Whether the status is what this case needs. */
		ok: (status: number) => boolean;
		label: string;
		last: boolean;
	};
	const plan: Planned[] = [];
	for (const entry of [...routes].sort((a, b) => last(a) - last(b))) {
		const { who, params } = principalFor(entry.routeId, w);
		if (entry.kind === 'action') {
			const names = fieldNamesOf(entry.routeId);
			const url = actionPath(entry.routeId, entry.action, params);
			for (let i = 0; i < CASES_PER_ACTION; i++) {
				const c = actionCase(i, names, w, r);
				const accept = i % 2 ? 'application/json' : 'text/html';
				plan.push({
					method: 'POST',
					url,
					who,
					c,
					accept,
					ok: (status) => statusMatches(c.expect, status),
					label: `POST ${url} as ${who}, ${c.label} (${accept}): expected ${c.expect}`,
					last: last(entry) === 1
				});
			}
		} else {
			const url = pathOf(entry.routeId, params);
			const urls = entry.kind === 'page' ? [url, `${url === '/' ? '' : url}/__data.json`] : [url];
			// Each parameter of the path spoilt in turn (ids the database looks up).
			for (const name of Object.keys(params).filter((k) => entry.routeId.includes(`[${k}]`))) {
				for (const bad of [
					'%00',
					'x'.repeat(3000),
					'..%2F..%2Fetc',
					'1e308',
					'-1',
					'%E2%80%AE',
					'%FF'
				]) {
					urls.push(pathOf(entry.routeId, params).replace(encodeURIComponent(params[name]), bad));
				}
			}
			for (const u of urls) {
				for (let i = 0; i < 5; i++) {
					const q = queryCase(i, r);
					const method = entry.kind === 'endpoint' && entry.method !== 'GET' ? entry.method : 'GET';
					plan.push({
						method,
						url: `${u}${q}`,
						who,
						c: { headers: {} },
						accept: 'text/html',
						ok: (status) => status < 500,
						label: `${method} ${u}${q.slice(0, 80)} as ${who}`,
						last: false
					});
				}
			}
		}
	}
	const send = async (p: Planned) => {
		sent++;
		const res = await fetch(new URL(p.url, BASE), {
			method: p.method,
			headers: {
				origin: BASE,
				...(cookies[p.who] ? { cookie: cookies[p.who] } : {}),
				accept: p.accept,
				...p.c.headers
			},
			body: p.c.body as BodyInit | undefined,
			redirect: 'manual'
		}).catch((e: unknown) => ({ status: 599, text: async () => String(e) }));
		const text = await res.text();
		let status = res.status;
		// A script's action request carries the action's own status in the JSON.
		if (p.accept === 'application/json' && res.status === 200) {
			try {
				const json = JSON.parse(text) as { type: string; status?: number };
				if (json.type === 'failure') status = json.status ?? 400;
				if (json.type === 'redirect') status = json.status ?? 303;
			} catch {
				/* not an action result */
			}
		}
		if (!p.ok(status)) failures.push(`${p.label}, got ${status}: ${text.slice(0, 160)}`);
	};
	// The posts one after another in the plan's order, the reads three at a time beside them; then the
	// posts that end the session or the attempt.
	const writes = plan.filter((p) => !p.last && p.method !== 'GET');
	const reads = plan.filter((p) => !p.last && p.method === 'GET');
	await readsBesideWrites(writes, reads, 3, send);
	for (const p of plan.filter((p) => p.last)) await send(p);
	const alive = await fetch(`${BASE}/articles`).then(
		(res) => res.ok,
		() => false
	);
	const printed = server!.stderr().slice(quietFrom).trim();
	console.log(
		`fuzz: ${routes.length} route entries, ${sent} requests, seed ${SEED}, ${failures.length} failures, ${printed ? 'stderr not empty' : 'stderr empty'}`
	);
	test.info().annotations.push({
		type: 'fuzz',
		description: `${sent} requests, seed ${SEED}, ${failures.length} failures`
	});
	expect(
		failures,
		`${failures.join('\n')}\nthe server's stderr:\n${printed.slice(0, 3000)}`
	).toEqual([]);
	expect(server!.process.exitCode, 'the server exited').toBeNull();
	expect(alive, 'the server still answers').toBe(true);
	expect(
		printed.slice(0, 4000),
		'the server printed errors (unexpected exceptions or unhandled rejections)'
	).toBe('');
	for (const p of Object.values(w.who)) await p.context?.close();
});
