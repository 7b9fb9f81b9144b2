import "server-only";
import { randomUUID } from "node:crypto";
import { bulletinFileName } from "@/lib/bulletin/document";
import { PdfBusyError, PdfUnavailableError, type PdfProgress, renderBulletinPdf } from "@/lib/bulletin/pdf";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { exportIssue, getIssue } from "./issues";

/**
 * PDF exports as jobs the page can follow: the office starts one, sees its place in the renderer's
 * queue (lib/bulletin/pdf.ts: a few pages at once in one browser) and then that it is rendering,
 * and downloads the file when it is done — instead of a request that hangs for as long as the
 * burst ahead of it takes.
 *
 * Jobs live in the server process's memory (the one process that also owns the browser): a job
 * id is a random UUID, and only the user who started a job may read it, and only while that user
 * may still export its issue (the same role and issue checks as the export itself). A finished
 * job keeps its PDF for KEEP_MS, then is forgotten; a restart forgets every job (the page then
 * says the export is gone and the office starts it again).
 */

export type PdfJobState = { state: "queued"; ahead: number } | { state: "rendering" } | { state: "done"; fileName: string; bytes: number } | { state: "failed"; error: "pdf_unavailable" | "pdf_busy" | "export_failed" };

interface Job {
  id: string;
  userId: number;
  issueId: number;
  status: PdfJobState;
  pdf: Buffer | null;
  /** When a finished job is forgotten (ms since the epoch); null while it runs. */
  expires: number | null;
}

/** How long a finished job's PDF (or its failure) stays to be fetched. */
export const KEEP_MS = 10 * 60_000;
/** Unfinished and kept jobs one user may hold at once; more is refused as busy. */
const PER_USER = 20;

const g = globalThis as unknown as { __pdfJobs?: Map<string, Job> };
const jobs = (g.__pdfJobs ??= new Map<string, Job>());

function sweep(now = Date.now()) {
  for (const [id, job] of jobs) if (job.expires !== null && job.expires <= now) jobs.delete(id);
}

/**
 * Starts the print PDF of an issue (or of a revision of its frozen edition) for the actor. Checks
 * and logs as the export does (exportIssue: desk, review, office and admin roles; a missing issue
 * is not_found). Returns the job id and where the job stands at once: rendering, or queued with
 * the number of exports ahead of it. Errors: AppError as exportIssue; `invalid` (pdf_busy) when
 * the user already has PER_USER jobs.
 */
export function startPdfExport(actor: Actor, issueId: number, revision?: number): { id: string; status: PdfJobState } {
  sweep();
  const { doc } = exportIssue(actor, issueId, "pdf", revision);
  if ([...jobs.values()].filter((j) => j.userId === actor.id).length >= PER_USER) {
    return { id: "", status: { state: "failed", error: "pdf_busy" } };
  }
  const job: Job = { id: randomUUID(), userId: actor.id, issueId, status: { state: "queued", ahead: 0 }, pdf: null, expires: null };
  jobs.set(job.id, job);
  const progress = (p: PdfProgress) => {
    if (job.status.state === "queued" || job.status.state === "rendering") job.status = p;
  };
  renderBulletinPdf(doc, { executablePath: env.CHROMIUM_PATH, progress }).then(
    (pdf) => {
      job.pdf = pdf;
      job.status = { state: "done", fileName: bulletinFileName(doc, "pdf"), bytes: pdf.byteLength };
      job.expires = Date.now() + KEEP_MS;
    },
    (e: unknown) => {
      if (!(e instanceof PdfUnavailableError || e instanceof PdfBusyError)) console.error(e);
      job.status = { state: "failed", error: e instanceof PdfUnavailableError ? "pdf_unavailable" : e instanceof PdfBusyError ? "pdf_busy" : "export_failed" };
      job.expires = Date.now() + KEEP_MS;
    },
  );
  return { id: job.id, status: job.status };
}

/** The actor's own job, while the actor may still export its issue; anything else is not_found. */
function ownJob(actor: Actor, id: string): Job {
  sweep();
  const job = jobs.get(id);
  if (!job || job.userId !== actor.id) throw new AppError("not_found");
  getIssue(actor, job.issueId); // the export's role check, as it stands now
  return job;
}

/** Where one of the actor's PDF jobs stands. Errors: not_found for an unknown job or another user's. */
export function pdfExportStatus(actor: Actor, id: string): PdfJobState {
  return ownJob(actor, id).status;
}

/**
 * The finished PDF of one of the actor's jobs, with its file name. Errors: not_found as
 * pdfExportStatus; `not_allowed_now` while the job is not done.
 */
export function pdfExportFile(actor: Actor, id: string): { fileName: string; pdf: Buffer } {
  const job = ownJob(actor, id);
  if (job.status.state !== "done" || !job.pdf) throw new AppError("not_allowed_now");
  return { fileName: job.status.fileName, pdf: job.pdf };
}
