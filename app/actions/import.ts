"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { readUploadText, UploadError } from "@/lib/archive/read-upload";
import { defineAction } from "@/lib/auth/action";
import { BulletinParseError, documentFromParsed, DROPPED_REASONS, parseBulletin } from "@/lib/bulletin/parse-text";
import { importBulletin, importDocumentSchema } from "@/lib/data/archive";
import { AppError } from "@/lib/data/errors";

const uploadSchema = z.object({ file: z.instanceof(File) });

/** Reads and parses an uploaded past issue; nothing is written until the user imports it. */
export const parseUploadAction = defineAction(["office", "admin"], uploadSchema, async (_actor, { file }) => {
  try {
    const notices: string[] = [];
    const text = await readUploadText(file.name, new Uint8Array(await file.arrayBuffer()), notices);
    const parsed = parseBulletin(text);
    // Every line the parser left out is listed on the screen, with why; so is what the reader removed.
    const dropped = parsed.dropped.map((d) => ({ text: d.text, reason: DROPPED_REASONS[d.reason] }));
    return { text, doc: documentFromParsed(parsed), fileName: file.name, dropped, notices };
  } catch (e) {
    if (e instanceof UploadError) throw new AppError(`upload_${e.code}`, e.params, "file");
    if (e instanceof BulletinParseError) throw new AppError("upload_unparsable", { detail: e.message }, "file");
    throw e;
  }
});

export const importArchiveAction = defineAction(["office", "admin"], z.object({ doc: importDocumentSchema, fileName: z.string().max(200), acceptTitle: z.boolean().optional() }), (actor, input) => {
  const report = importBulletin(actor, input.doc, input.fileName, { acceptTitle: input.acceptTitle });
  revalidatePath("/office/archive");
  return report;
});
