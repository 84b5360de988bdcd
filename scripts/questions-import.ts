// npm run questions:import -- FILE.gift [--out DRAFT.yaml] [--teacher EMAIL]
//
// Without --teacher: prints a YAML draft of the importable questions in the bank's format (or writes it
// to --out), with facts: [] and a "not yet cited" header: an author adds the facts, then moves the file
// into questions/bank/ (questions:check refuses it until then, which is the point).
// With --teacher: imports them as that teacher's own questions, not yet cited, into the database named
// by DATABASE_URL (else the embedded one in PGLITE_DATA_DIR, default .data/pglite; stop the app first:
// PGlite takes one process at a time).
// Either way, what cannot be imported is listed on stderr as FILE:LINE: reason. Exit status: 0 when
// every question was imported, 1 when some were left out or nothing could be, 2 on bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { giftDraftYaml } from '../src/lib/gift/draft-yaml.ts';
import { importGift, slugify } from '../src/lib/gift/import.ts';
import { isTeacherId } from '../src/lib/bank/parse.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { readEnv } from '../src/lib/server/env.ts';
import { RequestError } from '../src/lib/server/errors.ts';
import {
	findTeacherByEmail,
	importGiftQuestions,
	MAX_GIFT_BYTES
} from '../src/lib/server/teaching/own-questions.ts';

const USAGE = 'usage: npm run questions:import -- FILE.gift [--out DRAFT.yaml] [--teacher EMAIL]';

function usage(message: string): never {
	console.error(`questions:import: ${message}\n${USAGE}`);
	process.exit(2);
}

let args: ReturnType<
	typeof parseArgs<{
		options: {
			out: { type: 'string' };
			teacher: { type: 'string' };
			help: { type: 'boolean'; short: 'h' };
		};
		allowPositionals: true;
	}>
>;
try {
	args = parseArgs({
		options: {
			out: { type: 'string' },
			teacher: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		allowPositionals: true
	});
} catch (e) {
	usage((e as Error).message);
}
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (args.positionals.length !== 1) usage('give exactly one GIFT file');
if (args.values.out && args.values.teacher)
	usage('--out writes a YAML draft; --teacher imports into the database: choose one');

const file = args.positionals[0];
let bytes: Buffer;
try {
	bytes = fs.readFileSync(file);
} catch (e) {
	usage(`cannot read ${file}: ${(e as Error).message}`);
}
if (bytes.length > MAX_GIFT_BYTES) usage(`${file} is larger than 1 MB; split it`);
let text: string;
try {
	text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch {
	usage(`${file} is not UTF-8 text; save it as UTF-8 (Moodle's own exports are)`);
}

function reportProblems(problems: { line: number; reason: string }[]) {
	for (const p of problems) console.error(`${file}:${p.line}: ${p.reason}`);
}

if (!args.values.teacher) {
	// Ids of the draft come from the file name ("moodle-quiz.gift" → moodle-quiz-1, moodle-quiz-<title>…),
	// never with the "t-" the bank keeps for teachers' own questions.
	let prefix = slugify(path.basename(file).replace(/\.[^.]*$/, '')) || 'gift';
	if (isTeacherId(`${prefix}-`)) prefix = `gift-${prefix}`;
	const { questions, problems } = importGift(text, { idPrefix: prefix });
	reportProblems(problems);
	if (questions.length) {
		const yaml = giftDraftYaml(questions, path.basename(file));
		if (args.values.out) {
			fs.writeFileSync(args.values.out, yaml);
			console.error(
				`questions:import: ${questions.length} question(s) drafted in ${args.values.out}, not yet cited: add their facts`
			);
		} else process.stdout.write(yaml);
	}
	console.error(`questions:import: ${questions.length} importable, ${problems.length} left out`);
	process.exit(problems.length || questions.length === 0 ? 1 : 0);
}

const env = readEnv();
const database = openDatabase(
	env.databaseUrl ? { url: env.databaseUrl } : { pgliteDir: env.pgliteDir }
);
let status: number;
try {
	await database.migrate(env.migrationsDir);
	const teacher = await findTeacherByEmail(database.db, args.values.teacher);
	const report = await importGiftQuestions(database.db, teacher.id, text);
	reportProblems(report.problems);
	for (const q of report.imported)
		console.log(`${q.id}\t(line ${q.line})\t${q.prompt.replace(/\s+/g, ' ').slice(0, 80)}`);
	console.error(
		`questions:import: ${report.imported.length} question(s) imported for ${teacher.email}, not yet cited; ${report.problems.length} left out` +
			(report.imported.length
				? '. Find them in a set builder under "Only mine" to add and cite them.'
				: '')
	);
	status = report.problems.length || report.imported.length === 0 ? 1 : 0;
} catch (e) {
	console.error(`questions:import: ${e instanceof RequestError ? e.message : (e as Error).stack}`);
	console.error('questions:import: nothing was imported');
	status = 1;
} finally {
	await database.close();
}
process.exit(status);
