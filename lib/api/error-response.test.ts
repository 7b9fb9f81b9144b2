import { describe, expect, it } from "vitest";
import { PdfBusyError, PdfUnavailableError } from "@/lib/bulletin/pdf-errors";
import { AppError, type AppErrorCode } from "@/lib/data/errors";
import { TransitionError } from "@/lib/workflow/item";
import { HTTP_STATUS, httpStatusOf } from "./error-response";

describe("httpStatusOf: one status table for every route handler", () => {
  it("answers every data-layer refusal with a 4xx, never a server error", () => {
    for (const [code, status] of Object.entries(HTTP_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(500);
      expect(httpStatusOf(new AppError(code as AppErrorCode))).toBe(status);
    }
  });

  it("tells apart who is refused, what is missing, what clashes and what is too large", () => {
    expect(httpStatusOf(new AppError("unauthenticated"))).toBe(401);
    expect(httpStatusOf(new AppError("must_change_password"))).toBe(403);
    expect(httpStatusOf(new AppError("not_found"))).toBe(404);
    expect(httpStatusOf(new AppError("invalid_param", { param: "year" }))).toBe(400);
    expect(httpStatusOf(new AppError("content_changed"))).toBe(409);
    expect(httpStatusOf(new AppError("upload_too_large"))).toBe(413);
    expect(httpStatusOf(new AppError("throttled"))).toBe(429);
  });

  it("answers a workflow step from the wrong state 409 (it was a 500 with a friendly message), the PDF renderer's failures 503, anything else 500", () => {
    expect(httpStatusOf(new TransitionError("issue", "distributed", "approve"))).toBe(409);
    expect(httpStatusOf(new PdfBusyError())).toBe(503);
    expect(httpStatusOf(new PdfUnavailableError("no chromium"))).toBe(503);
    expect(httpStatusOf(new Error("boom"))).toBe(500);
    expect(httpStatusOf("a string")).toBe(500);
  });
});
