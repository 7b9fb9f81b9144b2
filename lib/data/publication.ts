import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { catalogueSections, publications, type Publication } from "@/db/schema";
import { AppError } from "./errors";

/** The publication this installation edits. One today; the schema already allows several. */
export function currentPublication(): Publication {
  const pub = db.select().from(publications).orderBy(asc(publications.id)).get();
  if (!pub) throw new AppError("not_found");
  return pub;
}

export function listCatalogue(publicationId: number) {
  return db
    .select()
    .from(catalogueSections)
    .where(eq(catalogueSections.publicationId, publicationId))
    .orderBy(asc(catalogueSections.position))
    .all();
}
