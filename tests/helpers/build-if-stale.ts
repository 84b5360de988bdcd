// `npm run build` unless build/ is newer than every source and config file (see build.ts): the browser
// tests' server command, so that `npm test`, which builds once before the integration tests (their smoke
// runs of the benchmark and the crash test use the same build), does not build a second time.
import { spawnSync } from 'node:child_process';
import { buildIsFresh } from './build.ts';

if (buildIsFresh()) {
	console.log('build/ is newer than every source file: not rebuilt');
} else {
	process.exit(spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status ?? 1);
}
