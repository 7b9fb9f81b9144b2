import type { FieldErrors } from "./use-draft-sync";
import type { ItemFormValues } from "@/lib/item/form-values";

/** The id, aria-invalid and aria-describedby of a field, and its error line. */
export function fieldProps(uid: string, errors: FieldErrors) {
  const field = (name: keyof ItemFormValues, describedBy?: string) => ({
    id: `${uid}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [describedBy, errors[name] ? `${uid}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const errorFor = (name: string) =>
    errors[name] ? (
      <span id={`${uid}-${name}-error`} className="field-error" role="alert">
        {errors[name]}
      </span>
    ) : null;
  return { field, errorFor };
}

export type Fields = ReturnType<typeof fieldProps>;
