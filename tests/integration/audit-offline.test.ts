// npm run audit:offline (issue 12, item 18): what it refuses. No database: the check reads the lock file.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { auditTree, inRange, productionTree } from '../../scripts/audit-offline.ts';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const record = JSON.parse(readFileSync('security/dependency-review.json', 'utf8'));

describe('audit:offline', () => {
	test('the tree as locked matches the record', () => {
		const tree = productionTree(lock);
		expect(tree.get('@sveltejs/kit')).toBeDefined();
		// Dev tools are not production packages.
		expect(tree.has('vitest')).toBe(false);
		expect(auditTree(tree, record)).toEqual([]);
	});

	test('a bumped, a new and a dropped package, and an advisory without an assessment, each fail it', () => {
		const tree = productionTree(lock);
		tree.set('zod', new Set(['99.0.0']));
		tree.set('left-pad', new Set(['1.3.0']));
		tree.delete('yaml');
		tree.set('braces', new Set(['3.0.2']));
		const problems = auditTree(tree, {
			...record,
			packages: { ...record.packages, braces: { version: '3.0.2', note: 'test' } }
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^zod is at 99\.0\.0, reviewed at /),
				expect.stringMatching(/^left-pad@1\.3\.0 is new in production and not reviewed/),
				expect.stringMatching(/^the record names yaml, which production no longer has/),
				expect.stringMatching(/^braces@3\.0\.2 is affected by GHSA-grv7-fg5c-xmjg/)
			])
		);
		expect(problems).toHaveLength(4);
	});

	test('advisory ranges', () => {
		expect(inRange('0.6.0', '<0.7.0')).toBe(true);
		expect(inRange('0.7.0', '<0.7.0')).toBe(false);
		expect(inRange('7.0.3', '>=7.0.0 <7.0.5')).toBe(true);
		expect(inRange('7.1.2', '>=7.0.0 <7.0.5')).toBe(false);
		expect(inRange('0.2.3', '<=0.2.3')).toBe(true);
	});
});
