"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/auth/action";

/** Runs one admin action for a form: pending state, the error and per-field messages, refresh on success. */
export function useAdminAction<A, T>(action: (input: A) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function run(input: A): Promise<T | null> {
    setPending(true);
    const res = await action(input);
    setPending(false);
    if ("error" in res) {
      const fields = res.fieldErrors ?? {};
      // A refusal about one field is shown next to that field only, not twice.
      setError(Object.values(fields).includes(res.error) ? null : res.error);
      setFieldErrors(fields);
      return null;
    }
    setError(null);
    setFieldErrors({});
    router.refresh();
    return res.data;
  }

  return { run, pending, error, fieldErrors };
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
