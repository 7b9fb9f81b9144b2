// npx tsx bench/import.ts [documents]
// Documents parsed per second by the past-issue parser, over a corpus made by repeating the three
// sample issues, against a plain line split of the same corpus in the same process as the
// baseline. Reports figures only; it asserts nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseBulletin } from "../lib/bulletin/parse-text";

const SAMPLES = ["2023-20", "2023-21", "2023-25"].map((name) => readFileSync(path.join(__dirname, "../db/samples", `${name}.txt`), "utf8"));
const DOCUMENTS = Number(process.argv[2] ?? 300);
const ROUNDS = 7;

const corpus = Array.from({ length: DOCUMENTS }, (_, i) => SAMPLES[i % SAMPLES.length]);
const chars = corpus.reduce((n, t) => n + t.length, 0);

/** The baseline: what reading the corpus costs at all. */
function lineSplit(text: string): number {
  return text.split("\n").map((l) => l.trim()).length;
}

function parse(text: string): number {
  return parseBulletin(text).sections.length;
}

/** Median documents per second over ROUNDS passes, after a warm-up pass so the JIT has settled. */
function documentsPerSecond(work: (text: string) => number): number {
  let sink = 0;
  for (const text of corpus) sink += work(text);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (const text of corpus) sink += work(text);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(corpus.length / seconds);
  }
  // Keeps the work observable so it cannot be optimised away.
  if (sink < 0) console.log(sink);
  return rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

const split = documentsPerSecond(lineSplit);
const parsed = documentsPerSecond(parse);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

console.log(`corpus: ${corpus.length} documents (the 3 samples repeated), ${(chars / 1e6).toFixed(2)} M characters; median of ${ROUNDS} rounds`);
console.log(`line split (baseline):  ${fmt(split)} documents/s`);
console.log(`parseBulletin:          ${fmt(parsed)} documents/s  (${((parsed * chars) / corpus.length / 1e6).toFixed(1)} M characters/s)`);
console.log(`ratio: the parser takes ${(split / parsed).toFixed(1)}× the time of a plain line split`);
