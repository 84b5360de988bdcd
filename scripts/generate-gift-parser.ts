// `npm run gift:parser`: builds src/lib/gift/gift-parser.js from the grammar gift.peggy with Peggy (a
// development dependency: the app only runs the generated parser). Run after editing the grammar;
// gift.spec.ts regenerates the parser in memory and fails while the committed file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import peggy from 'peggy';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/lib/gift');
export const GRAMMAR_FILE = path.join(here, 'gift.peggy');
export const PARSER_FILE = path.join(here, 'gift-parser.js');

const HEADER = `// @ts-nocheck
// GENERATED from gift.peggy by scripts/generate-gift-parser.ts: do not edit; edit the grammar and
// regenerate with \`npm run gift:parser\`.
`;

/** The source of the parser, as it must stand in gift-parser.js. */
export function generateParserSource(grammar = fs.readFileSync(GRAMMAR_FILE, 'utf8')): string {
	const source = peggy.generate(grammar, {
		output: 'source',
		format: 'es',
		allowedStartRules: ['File', 'Question'],
		grammarSource: 'gift.peggy'
	});
	return HEADER + source;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	fs.writeFileSync(PARSER_FILE, generateParserSource());
	console.log(`wrote ${path.relative(process.cwd(), PARSER_FILE)}`);
}
