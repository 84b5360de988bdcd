import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	assertDriverFixed,
	DRIVER_FIXES,
	findMissingDriverFixes,
	installedDriverDir,
	UnpatchedDriverError
} from './driver-fixes.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'sahel-driver-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the check that the postgres driver carries its fixes', () => {
	it('passes on the installed driver', () => {
		expect(() => assertDriverFixed()).not.toThrow();
	});

	it.each(DRIVER_FIXES)('names the build and the fix when $file lacks it', ({ file, marker }) => {
		const driver = path.join(scratch, file);
		cpSync(installedDriverDir(), driver, { recursive: true });
		const target = path.join(driver, 'cjs', 'src', file);
		writeFileSync(target, readFileSync(target, 'utf8').replace(marker, ''));
		const missing = findMissingDriverFixes(driver);
		expect(missing).toHaveLength(1);
		expect(missing[0]).toMatch(new RegExp(`^${target}: without the fix for `));
		expect(() => assertDriverFixed(driver)).toThrow(UnpatchedDriverError);
	});

	it('refuses a folder that is not the driver', () => {
		expect(findMissingDriverFixes(scratch)).toEqual([
			`${path.join(scratch, 'src', 'connection.js')}: not found`,
			`${path.join(scratch, 'src', 'queue.js')}: not found`
		]);
	});
});
