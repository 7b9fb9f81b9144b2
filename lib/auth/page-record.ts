import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/data/errors";
import { idSchema } from "@/lib/data/validation";

/**
 * The record a dynamic `[id]` page shows: the route's id (a positive integer) loaded by `load`,
 * a data function that checks the actor's role and unit. A malformed id, a record that does not
 * exist and one the actor may not see all answer 404, so a page never says which it was.
 * Errors other than AppError propagate.
 */
export async function loadPageRecord<T>(params: Promise<{ id: string }>, load: (id: number) => T): Promise<T> {
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  try {
    return load(id.data);
  } catch (e) {
    if (e instanceof AppError) notFound();
    throw e;
  }
}
