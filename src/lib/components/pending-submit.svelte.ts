// A form on its way to the server (use:enhance): its button says so and cannot be pressed twice, and a
// refused form keeps what was typed.
import type { SubmitFunction } from '@sveltejs/kit';

export class PendingSubmit {
	pending = $state(false);

	enhance: SubmitFunction = () => {
		this.pending = true;
		return async ({ update }) => {
			await update({ reset: false });
			this.pending = false;
		};
	};
}
