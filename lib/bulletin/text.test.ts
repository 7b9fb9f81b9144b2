import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBulletinText } from "./parse-text";
import { bulletinToText, DRAFT_LINE } from "./text";

const SAMPLE_DIR = path.resolve(__dirname, "../../db/samples");

describe("text export", () => {
  it("gives back 2023-20.txt byte for byte, but for the sample's own print artefacts", () => {
    const sample = readFileSync(path.join(SAMPLE_DIR, "2023-20.txt"), "utf8");
    // The sample was copied out of a PDF: five paragraphs are split where a page ended, and one
    // heading has stray spaces inside its brackets. Everything else must match exactly.
    let expected = sample.replace("【 科创工作 】", "【科创工作】");
    for (const end of ["的处理", "，在网", "全球创", "到怀柔区", "发挥科协优势，为"]) {
      expect(expected).toContain(`${end}\n\n`);
      expected = expected.replace(`${end}\n\n`, end);
    }
    expect(bulletinToText(parseBulletinText(sample))).toBe(expected);
  });

  it("puts the highlights on consecutive lines and the running number in ASCII brackets", () => {
    const text = bulletinToText(parseBulletinText(readFileSync(path.join(SAMPLE_DIR, "2023-20.txt"), "utf8")));
    expect(text).toContain("\n\n2023年 第20期\n\n(总第73期)\n\n");
    expect(text).toContain("目录提要\n\n- 市科协党组理论学习中心组开展主题教育学习研讨\n- 学会聚力赋能交流研讨活动在京举办\n");
    expect(text).not.toContain(DRAFT_LINE);
  });
});
