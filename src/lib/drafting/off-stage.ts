// People a report takes out of the scene it tells: the dead ("Pele, who died on Thursday", "the late Queen", "the
// bodies of …") and those it says were not there ("missed this year's championships through injury", "did not
// run"). Offered beside the people who acted (as the runner-up, a minister just named, one who walked up the ramp),
// they are struck out at a glance (issue 16, the twelfth reading: Pele and Benedict XVI as a new minister, Wightman
// as a finalist). Pure text work.

import { escapeRegExp as escape } from '../text/regexp.ts';

/** Events a person can miss: "missed this year's championships", "skipped the final". */
const EVENT =
	'(?:championships?|games|olympics|race|final|finals|tournament|event|season|match|world cup|summit|ceremony|vote|trial|hearing|meeting|inauguration|election)';

/**
 * The ways a report says someone died or stayed away, around the name `n` (already escaped): after it, with or
 * without an apposition between ("Wightman, Kerr's club mate, missed…"), or before it ("the late", "the death of").
 */
function offStagePatterns(n: string): RegExp[] {
	const name = `(?<![\\p{L}])${n}(?![\\p{L}])`;
	const apposition = '(?:,\\s+[^,.;:]{1,80},)?';
	return [
		new RegExp(`${name},?\\s+who\\s+(?:had\\s+)?died\\b`, 'u'),
		new RegExp(`${name}${apposition}\\s+(?:has\\s+|had\\s+)?died\\b`, 'u'),
		new RegExp(`\\b[Tt]he\\s+late\\s+(?:\\p{L}+\\s+){0,3}${name}`, 'u'),
		new RegExp(`\\b(?:death|funeral)\\s+of\\s+(?:\\p{L}+\\s+){0,3}${name}`, 'u'),
		new RegExp(`${name}['’]s?\\s+(?:death|funeral)\\b`, 'u'),
		// "found the bodies of Alejandro Hernandez Fuentes and Dorlian Castillo Cabrera"
		new RegExp(`\\bbod(?:y|ies)\\s+of\\s+(?:[\\p{L}.'’-]+\\s+){0,8}${name}`, 'u'),
		new RegExp(`${name}${apposition}\\s+(?:was|were|had\\s+been)\\s+killed\\b`, 'u'),
		new RegExp(
			`${name}${apposition}\\s+(?:missed|skipped|sat\\s+out|withdrew\\s+from|pulled\\s+out\\s+of)\\s+(?:this\\s+year['’]s|the|these|this)\\s+(?:[\\p{L}-]+\\s+){0,2}${EVENT}\\b`,
			'iu'
		),
		new RegExp(
			`${name}${apposition}\\s+(?:did\\s+not|didn['’]t)\\s+(?:run|race|compete|play|start|take\\s+part|travel|attend)\\b`,
			'u'
		)
	];
}

/**
 * Whether the report says the person `name` died, or was not at the event it tells, by their whole name or their
 * surname.
 */
export function offStage(text: string, name: string): boolean {
	const surname = name.split(/\s+/u).pop() ?? name;
	return [...new Set([name, surname])]
		.filter((n) => n.length >= 3)
		.some((n) => offStagePatterns(escape(n)).some((p) => p.test(text)));
}
