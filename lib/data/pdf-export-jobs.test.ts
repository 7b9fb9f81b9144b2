// PDF exports as jobs (issue 15 §4): a burst shows each export its place in the renderer's queue,
// the places count down as pages free up, every job ends with a real PDF, and nobody but the user
// who started a job can read it. Real SQLite file with the demo data, real Chromium.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { closeBrowser } from "@/lib/bulletin/pdf";
import { demoActor, errorCode } from "@/lib/testing/fixtures";
import type { Actor } from "./actor";
import { type PdfJobState, pdfExportFile, pdfExportStatus, startPdfExport } from "./pdf-export-jobs";

let office: Actor, editor: Actor, changping: Actor;
let issueId = 0;
beforeAll(() => {
  [office, editor, changping] = ["office", "editor", "changping"].map(demoActor);
  issueId = (db.$client.prepare("select id from issues order by id limit 1").get() as { id: number }).id;
});
afterAll(() => closeBrowser());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const key = (s: PdfJobState) => (s.state === "queued" ? `queued ${s.ahead}` : s.state);

describe("PDF export jobs", () => {
  it("a burst of six: three render, three wait with 0, 1, 2 ahead; places count down; all end as PDFs", async () => {
    const exportsBefore = (db.$client.prepare("select count(*) n from audit_log where action = 'export'").get() as { n: number }).n;
    const jobs = Array.from({ length: 6 }, () => startPdfExport(office, issueId));
    expect(jobs.map((j) => key(j.status))).toEqual(["rendering", "rendering", "rendering", "queued 0", "queued 1", "queued 2"]);
    expect(jobs.map((j) => key(pdfExportStatus(office, j.id)))).toEqual(["rendering", "rendering", "rendering", "queued 0", "queued 1", "queued 2"]);
    // Each export is logged as the export route logs it.
    expect((db.$client.prepare("select count(*) n from audit_log where action = 'export'").get() as { n: number }).n).toBe(exportsBefore + 6);
    // Not ready yet: no file.
    expect(errorCode(() => pdfExportFile(office, jobs[5].id))).toBe("not_allowed_now");

    // Follow the last job until every job is done: its place only ever goes down, then it renders.
    const seen: string[] = [];
    for (let i = 0; i < 1200; i++) {
      const states = jobs.map((j) => pdfExportStatus(office, j.id));
      const last = key(states[5]);
      if (seen[seen.length - 1] !== last) seen.push(last);
      if (states.every((s) => s.state === "done" || s.state === "failed")) break;
      await sleep(25);
    }
    expect(seen[0]).toBe("queued 2");
    expect(seen[seen.length - 1]).toBe("done");
    const aheads = seen.filter((s) => s.startsWith("queued")).map((s) => Number(s.split(" ")[1]));
    expect(aheads).toEqual([...aheads].sort((a, b) => b - a));
    expect(seen).toContain("rendering");
    for (const j of jobs) {
      const { fileName, pdf } = pdfExportFile(office, j.id);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(fileName).toMatch(/\.pdf$/);
    }
  }, 120_000);

  it("a job is the starter's only: another desk user and a unit get not_found; a unit cannot start one", async () => {
    const { id } = startPdfExport(office, issueId);
    expect(errorCode(() => pdfExportStatus(editor, id))).toBe("not_found");
    expect(errorCode(() => pdfExportFile(editor, id))).toBe("not_found");
    expect(errorCode(() => pdfExportStatus(changping, id))).toBe("not_found");
    expect(errorCode(() => pdfExportStatus(office, "00000000-0000-0000-0000-000000000000"))).toBe("not_found");
    expect(errorCode(() => startPdfExport(changping, issueId))).toBe("forbidden");
    expect(errorCode(() => startPdfExport(office, 999_999))).toBe("not_found");
    for (let i = 0; i < 1200 && pdfExportStatus(office, id).state !== "done"; i++) await sleep(25);
    expect(pdfExportStatus(office, id).state).toBe("done");
  }, 120_000);
});
