// The quiz page's autosave: saves run one after another (the last change wins), each sends the version of
// the answer it is based on and gets the new one back, so a save from another tab is refused (409) rather
// than overwritten. What it holds is what the page shows: "Saving…", "Answer saved ✓" or why not.
import { applyAction, deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';
import { problemFor } from '$lib/forms.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export class AnswerAutosave {
	state = $state<SaveState>('idle');
	message = $state('');
	/** Whether this page's last save left its question answered (null: nothing saved here yet). */
	savedHere = $state<boolean | null>(null);
	/** The saved answer's version this page is based on: the server's, until a save here moves it on. */
	version: string = $derived.by(() => this.#serverVersion());

	#serverVersion: () => string;
	#form: () => HTMLFormElement | undefined;
	#inFlight = 0;
	#queue: Promise<void> = Promise.resolve();
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(form: () => HTMLFormElement | undefined, serverVersion: () => string) {
		this.#form = form;
		this.#serverVersion = serverVersion;
	}

	/** A save is on its way: a submit now would be based on a version about to change. */
	get busy() {
		return this.#inFlight > 0;
	}

	/** Resolves once every save asked for so far is done. */
	settled() {
		return this.#queue;
	}

	/** Saves the form after `delay` ms (typing waits for a pause), replacing a save not yet started. */
	schedule(delay = 0) {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => (this.#queue = this.#queue.then(() => this.#save())), delay);
	}

	/** Drops a save not yet started (the form is being submitted, which saves the answer itself). */
	cancelScheduled() {
		clearTimeout(this.#timer);
	}

	/** Another question is on the page: nothing said about it yet. */
	reset() {
		this.state = 'idle';
		this.savedHere = null;
	}

	async #save() {
		const formEl = this.#form();
		if (!formEl) return;
		this.state = 'saving';
		const body = new FormData(formEl);
		body.set('basedOn', this.version);
		this.#inFlight++;
		const res = await fetch('?/save', {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true' }
		}).catch(() => null);
		const result = res ? deserialize(await res.text()) : null;
		this.#inFlight--;
		if (result?.type === 'success') {
			this.state = 'saved';
			this.message = result.data?.saved ? 'Answer saved' : 'Answer cleared';
			this.version = String(result.data?.version ?? '');
			this.savedHere = Boolean(result.data?.saved);
		} else if (result?.type === 'failure' && result.status === 409) {
			// Another tab saved first: say so (as the form's message, which outlives the reload) and show
			// what is saved.
			this.reset();
			await applyAction(result);
			await invalidateAll();
		} else {
			this.state = 'error';
			this.message =
				result?.type === 'failure'
					? String(problemFor(result.data, 'answer')?.errors.form ?? 'Not saved')
					: result?.type === 'error'
						? `Not saved: ${String((result.error as { message?: string })?.message ?? 'refused')}`
						: 'Not saved: check your connection';
		}
	}
}
