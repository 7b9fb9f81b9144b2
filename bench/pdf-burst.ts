// nice npx tsx bench/pdf-burst.ts
// The print PDF of the largest sample issue (2023-21) as an office meets it: the first export of a
// fresh process without warming (Chromium launches on demand), the first export after the server's
// start-up warming (instrumentation.ts → warmPdfRenderer), a warm export, and a burst of ten at
// once (when the last one arrives), with what each of the ten is told while it waits (its place in
// the queue when asked, when it starts rendering — what the office's PDF link shows). Baseline in
// the same run: the warm single export.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseBulletinText } from "../lib/bulletin/parse-text";
import { closeBrowser, DEFAULT_CHROMIUM_PATH, type PdfProgress, renderBulletinPdf, warmPdfRenderer } from "../lib/bulletin/pdf";

const CHROMIUM = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
const sample = (name: string) => readFileSync(path.join(__dirname, "../db/samples", `${name}.txt`), "utf8");
const doc = parseBulletinText(sample("2023-21"));
const opts = { executablePath: CHROMIUM };
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

async function main() {
  const cold = await time(() => renderBulletinPdf(doc, opts));
  await closeBrowser();
  const warmUp = await warmPdfRenderer(opts);
  await new Promise((r) => setTimeout(r, 2000)); // the server has been up a while
  const firstAfterWarm = await time(() => renderBulletinPdf(doc, opts));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await time(() => renderBulletinPdf(doc, opts)));
  const base = warm.sort((a, b) => a - b)[2];
  const t0 = performance.now();
  const done: number[] = [];
  const told: { first: string; places: number[]; startedAt: number; doneAt: number }[] = [];
  await Promise.all(
    Array.from({ length: 10 }, (_, k) => {
      const me = (told[k] = { first: "", places: [] as number[], startedAt: 0, doneAt: 0 });
      const progress = (p: PdfProgress) => {
        if (!me.first) me.first = p.state === "queued" ? `queued, ${p.ahead} ahead` : "rendering at once";
        if (p.state === "queued") me.places.push(p.ahead);
        else me.startedAt = performance.now() - t0;
      };
      return renderBulletinPdf(doc, { ...opts, progress }).then(() => done.push((me.doneAt = performance.now() - t0)));
    }),
  );
  await closeBrowser();
  const f = (ms: number) => `${ms.toFixed(0).padStart(6)} ms  (${(ms / base).toFixed(2)}× warm)`;
  console.log(`bench/pdf-burst: 2023-21, Chromium ${CHROMIUM}`);
  console.log(`  warm single export (baseline, median of 5)   ${f(base)}`);
  console.log(`  first export, no warming (launches Chromium) ${f(cold)}`);
  console.log(`  first export after start-up warming          ${f(firstAfterWarm)}   (warming took ${warmUp ?? "n/a"} ms, off any request)`);
  console.log(`  burst of ten at once: first done             ${f(Math.min(...done))}`);
  console.log(`  burst of ten at once: last done              ${f(Math.max(...done))}`);
  console.log("  what each export of the burst is told (the office's PDF link shows it):");
  told.forEach((x, k) =>
    console.log(`    #${String(k + 1).padStart(2)}: ${x.first.padEnd(18)} places ${(x.places.join(" → ") || "-").padEnd(16)} rendering from ${x.startedAt.toFixed(0).padStart(5)} ms, done ${x.doneAt.toFixed(0).padStart(5)} ms`),
  );
}
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
