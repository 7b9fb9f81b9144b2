import { fontAsset } from "@/lib/bulletin/font-files";

// The bundled faces the print HTML names (print view, desk and review previews). Public: fonts
// carry nothing of any issue.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const asset = fontAsset((await params).path);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(typeof asset.body === "string" ? asset.body : new Uint8Array(asset.body), {
    // Any origin: sandboxed previews load them from an opaque origin.
    headers: { "content-type": asset.contentType, "cache-control": "public, max-age=86400", "access-control-allow-origin": "*" },
  });
}
