"use client";

import type { ActionResult } from "@/lib/auth/action";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Runs one admin action for a form (components/ui/use-form-action.ts): pending state, the error and
 * per-field messages (a refusal about one field is shown next to that field only, not twice),
 * refresh on success. `run` resolves to the data, or null on a refusal.
 */
export function useAdminAction<A, T>(action: (input: A) => Promise<ActionResult<T>>) {
  return useFormAction(action, { refresh: true, errorBesideFieldOnly: true });
}

export function FieldError({ message }: { message?: string }) {
  return message ? <span className="field-error">{message}</span> : null;
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;
}
