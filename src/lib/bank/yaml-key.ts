// The answer-key fields of a question as the bank's YAML files write them (questions/README.md): options as
// text with `correct: true` on the right ones, ordering items as text in the right order. Shared by the
// writers of draft files (GIFT import and drafting from an article). Pure.

export type YamlAnswerKey =
	| { type: 'single' | 'multiple'; options: { text: string; correct?: boolean }[] }
	| { type: 'true_false'; answer: boolean }
	| { type: 'numeric'; answer: number; tolerance: number; unit: string }
	| { type: 'short_text'; accepted: string[] }
	| { type: 'ordering'; items: string[] };

export function yamlAnswerKey(q: YamlAnswerKey): Record<string, unknown> {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return {
				options: q.options.map((o) =>
					o.correct ? { text: o.text, correct: true } : { text: o.text }
				)
			};
		case 'true_false':
			return { answer: q.answer };
		case 'numeric':
			return { answer: q.answer, tolerance: q.tolerance, unit: q.unit };
		case 'short_text':
			return { accepted: q.accepted };
		case 'ordering':
			return { items: q.items };
	}
}
