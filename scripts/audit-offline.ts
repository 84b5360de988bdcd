// `npm run audit:offline`: the production dependency tree against our own review record, because
// `npm audit` cannot reach its advisory service from here and no package on the npm registry bundles
// the advisory database (docs/security.md, "Dependency audit"). It fails when
//   - a production package is at a version nobody has reviewed (new, or bumped): read its changelog's
//     security notes for the versions in between and record it with `--record NAME "note"`;
//   - a package sits in the affected range of an advisory the record lists, unless the record says why
//     this app is not affected;
//   - the record names a package the tree no longer has (remove it with `--forget NAME`).
// Reads package-lock.json only: no network, well under a second.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const recordPath = path.join(root, 'security/dependency-review.json');

type Review = { version: string; note: string };
type Advisory = {
	id: string;
	package: string;
	/** semver range of affected versions */
	affected: string;
	summary: string;
	/** Why this app is not affected while the package is in the range; absent: it must be upgraded. */
	assessment?: string;
};
type Record_ = {
	about: string;
	packages: Record<string, Review>;
	advisories: Advisory[];
};

type Lock = {
	packages: Record<
		string,
		{ version?: string; dev?: boolean; devOptional?: boolean; link?: boolean }
	>;
};

/** name → versions of every package a production install may hold (platform binaries included). */
export function productionTree(lock: Lock): Map<string, Set<string>> {
	const tree = new Map<string, Set<string>>();
	for (const [where, info] of Object.entries(lock.packages)) {
		if (!where || info.dev || info.devOptional || info.link || !info.version) continue;
		const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
		if (!tree.has(name)) tree.set(name, new Set());
		tree.get(name)!.add(info.version);
	}
	return tree;
}

/** -1, 0 or 1, comparing the release numbers of two versions (pre-release tags count as the release). */
function compareVersions(a: string, b: string): number {
	const pa = a.split(/[-+]/)[0].split('.').map(Number);
	const pb = b.split(/[-+]/)[0].split('.').map(Number);
	for (let i = 0; i < 3; i++)
		if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0) ? -1 : 1;
	return 0;
}

/** Whether `version` is in an advisory's range: space-separated comparators (`<0.7.0`, `>=7.0.0 <7.0.5`). */
export function inRange(version: string, range: string): boolean {
	return range.split(/\s+/).every((part) => {
		const m = /^(<=|>=|<|>|=)?(\d[\w.+-]*)$/.exec(part);
		if (!m) throw new Error(`cannot read the range "${range}"`);
		const c = compareVersions(version, m[2]);
		return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '=': c === 0 }[m[1] ?? '='];
	});
}

const keyOf = (name: string, version: string, versions: Set<string>) =>
	versions.size > 1 ? `${name}@${version}` : name;

export function auditTree(tree: Map<string, Set<string>>, record: Record_): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	for (const [name, versions] of tree) {
		for (const version of versions) {
			const key = keyOf(name, version, versions);
			seen.add(key);
			const review = record.packages[key];
			if (!review)
				problems.push(
					`${name}@${version} is new in production and not reviewed: read its changelog's security notes, then npm run audit:offline -- --record ${key} "what you found"`
				);
			else if (review.version !== version)
				problems.push(
					`${name} is at ${version}, reviewed at ${review.version}: read the security notes of the versions in between, then npm run audit:offline -- --record ${key} "what you found"`
				);
			for (const a of record.advisories)
				if (a.package === name && inRange(version, a.affected) && !a.assessment)
					problems.push(`${name}@${version} is affected by ${a.id} (${a.summary}): upgrade it`);
		}
	}
	for (const key of Object.keys(record.packages))
		if (!seen.has(key))
			problems.push(
				`the record names ${key}, which production no longer has: npm run audit:offline -- --forget ${key}`
			);
	return problems;
}

function main() {
	const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lock;
	const record = JSON.parse(readFileSync(recordPath, 'utf8')) as Record_;
	const tree = productionTree(lock);
	const [command, name, note] = process.argv.slice(2);
	if (command === '--record' || command === '--forget') {
		if (!name) throw new Error(`${command} needs a package name`);
		if (command === '--forget') delete record.packages[name];
		else {
			// A key as the check prints it: the name, or name@version when several versions are installed.
			const at = name.lastIndexOf('@');
			const versioned = at > 0;
			const versions = tree.get(versioned ? name.slice(0, at) : name);
			if (!versions) throw new Error(`${name} is not in the production tree`);
			const version = versioned ? name.slice(at + 1) : [...versions][0];
			if (!note) throw new Error('say what the changelog says about security, in quotes');
			record.packages[name] = { version, note };
		}
		record.packages = Object.fromEntries(
			Object.entries(record.packages).sort(([a], [b]) => a.localeCompare(b))
		);
		writeFileSync(recordPath, JSON.stringify(record, null, '\t') + '\n');
		return;
	}
	const problems = auditTree(tree, record);
	const count = [...tree.values()].reduce((n, v) => n + v.size, 0);
	if (problems.length) {
		console.error(`audit:offline: ${problems.length} problem(s) in ${count} production packages:`);
		for (const p of problems) console.error(`  - ${p}`);
		process.exit(1);
	}
	const assessed = record.advisories.filter((a) => a.assessment).length;
	console.log(
		`audit:offline: ${count} production packages match their reviewed versions; ${record.advisories.length} recorded advisories (${assessed} assessed as not affecting this app).`
	);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
