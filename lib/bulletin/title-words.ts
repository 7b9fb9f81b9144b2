import { createRequire } from "node:module";
import { intlWords, type TitleWord } from "./title-lines";

/**
 * A title's words with their part-of-speech tags, from jieba (@node-rs/jieba, its bundled
 * dictionary, HMM on for names it does not know). ICU's Chinese dictionary, which Intl.Segmenter
 * uses, cuts too small for titles (对|接|会, 海|淀|区, 科|协); jieba keeps 对接, 海淀区, 科协 whole
 * and tags words (n, ns, v, c, p …) so a break between two nouns of a name can be avoided.
 *
 * Server-side only (a native module). When it cannot be loaded, or its words do not join to the
 * title, the words come from Intl.Segmenter, and the first failure is logged.
 */
export function titleWords(title: string): TitleWord[] {
  if (!title) return [];
  const jieba = loadJieba();
  if (jieba) {
    const words = jieba.tag(title, true).map((w) => ({ text: w.word, tag: w.tag }));
    if (words.map((w) => w.text).join("") === title) return words;
  }
  return intlWords(title);
}

interface Jieba {
  tag(sentence: string, hmm?: boolean): { word: string; tag: string }[];
}

let jieba: Jieba | null | undefined;
function loadJieba(): Jieba | null {
  if (jieba !== undefined) return jieba;
  try {
    // Loaded at run time from node_modules (next.config.ts keeps it out of the bundle).
    const req = createRequire(import.meta.url);
    const { Jieba } = req("@node-rs/jieba") as { Jieba: { withDict(dict: Uint8Array): Jieba } };
    const { dict } = req("@node-rs/jieba/dict") as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  } catch (e) {
    console.warn("[titles] jieba could not be loaded; title words come from Intl.Segmenter:", e instanceof Error ? e.message : e);
    jieba = null;
  }
  return jieba;
}
