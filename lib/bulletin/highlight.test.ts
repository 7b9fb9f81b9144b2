import { describe, expect, it } from "vitest";
import { highlightHtml } from "./highlight";

describe("highlightHtml", () => {
  it("marks terms in text only, never in tags, attributes or styles", () => {
    const page = '<html><head><style>.科普{color:red}</style></head><body><p title="科普">开展科普活动，科普讲座</p><p>科技工作者</p></body></html>';
    const { html, hits } = highlightHtml(page, ["科普", "科技工作者"]);
    expect(hits).toBe(3);
    expect(html).toContain('<p title="科普">开展<mark class="search-hit">科普</mark>活动，<mark class="search-hit">科普</mark>讲座</p>');
    expect(html).toContain("<style>.科普{color:red}</style>");
    expect(html).toContain('<mark class="search-hit">科技工作者</mark>');
  });
  it("matches escaped text and leaves a page without hits unchanged", () => {
    expect(highlightHtml("<p>A &amp; B</p>", ["A & B"]).hits).toBe(1);
    expect(highlightHtml("<p>无关</p>", ["科普"])).toEqual({ html: "<p>无关</p>", hits: 0 });
  });
});
