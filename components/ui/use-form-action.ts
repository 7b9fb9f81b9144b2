"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useCallback } from "react";
import type { ActionResult } from "@/lib/auth/action";

/** What the last call of a form's server action left to show. */
export interface FormActionState<T> {
  /** `idle` before the first call (and after `reset`), then the outcome of the last call. */
  status: "idle" | "ok" | "error";
  /** The action's `data` after a success, else null. */
  data: T | null;
  /** The message to show for the whole form after a refusal (null when there is none to show). */
  error: string | null;
  /** Per-field messages of the last refusal, keyed by the input's field name. */
  fieldErrors: Record<string, string>;
}

export interface FormActionOptions<A, T> {
  /**
   * `true`: after a success, `router.refresh()` so the server components around the form read
   * again; `"always"`: after a refusal too (a stale version: the page shows what changed).
   */
  refresh?: boolean | "always";
  /**
   * A refusal whose message is also one field's message is shown beside that field only, not
   * twice (`error` stays null then). Off by default: the form shows both.
   */
  errorBesideFieldOnly?: boolean;
  /** Runs after a success, while the call still counts as pending (navigate, sign out, clear inputs). */
  onSuccess?: (data: T, input: A) => void | Promise<void>;
}

type Call<A, T> = { input: A; done: (data: T | null) => void } | null;

const IDLE: FormActionState<never> = { status: "idle", data: null, error: null, fieldErrors: {} };

/**
 * The one way a client component runs a server action (anything returning `ActionResult`, see
 * lib/auth/action.ts): built on React's `useActionState`, so calls run one after another in a
 * transition and `pending` is true from the call until its result (and `onSuccess`) is in.
 *
 * Returns the last call's state (`status`, `data`, `error`, `fieldErrors`), `pending`,
 * `run(input)` — which resolves to the action's data on success and to null on a refusal, for the
 * caller that clears its inputs or closes a dialog afterwards — and `reset()` back to idle.
 * An action that throws (a network failure) is rethrown to the nearest error boundary.
 */
export function useFormAction<A, T>(action: (input: A) => Promise<ActionResult<T>>, options: FormActionOptions<A, T> = {}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<FormActionState<T>, Call<A, T>>(async (_prev, call) => {
    if (call === null) return IDLE;
    let res: ActionResult<T>;
    try {
      res = await action(call.input);
    } catch (e) {
      call.done(null);
      throw e;
    }
    if ("error" in res) {
      const fieldErrors = res.fieldErrors ?? {};
      const error = options.errorBesideFieldOnly && Object.values(fieldErrors).includes(res.error) ? null : res.error;
      if (options.refresh === "always") router.refresh();
      call.done(null);
      return { status: "error", data: null, error, fieldErrors };
    }
    if (options.refresh) router.refresh();
    try {
      await options.onSuccess?.(res.data, call.input);
    } finally {
      call.done(res.data);
    }
    return { status: "ok", data: res.data, error: null, fieldErrors: {} };
  }, IDLE);

  const run = useCallback((input: A) => new Promise<T | null>((resolve) => startTransition(() => dispatch({ input, done: resolve }))), [dispatch]);
  const reset = useCallback(() => startTransition(() => dispatch(null)), [dispatch]);

  return { ...state, pending, run, reset };
}

/**
 * The one line a form shows after its last call: null before any call, `{ ok: true, text: okText() }`
 * after a success, `{ ok: false, text }` with the refusal's message after a refusal.
 */
export function outcomeLine(state: Pick<FormActionState<unknown>, "status" | "error">, okText: () => string, refusal = state.error): { ok: boolean; text: string } | null {
  if (state.status === "idle") return null;
  return state.status === "ok" ? { ok: true, text: okText() } : { ok: false, text: refusal ?? "" };
}
