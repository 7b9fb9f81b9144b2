import { fontAsset } from "@/lib/bulletin/font-files";

// The bundled faces the print HTML names (print view, desk and review previews). Public: fonts
// carry nothing of any issue. The faces come split by Unicode range (a preview loads only the
// pieces its characters need); the piece files never change under their names, so browsers keep
// them for a year and a second visit loads none; the small stylesheet is kept a day.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const asset = fontAsset((await params).path);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(typeof asset.body === "string" ? asset.body : new Uint8Array(asset.body), {
    // Any origin: sandboxed previews load them from an opaque origin.
    headers: {
      "content-type": asset.contentType,
      "cache-control": typeof asset.body === "string" ? "public, max-age=86400" : "public, max-age=31536000, immutable",
      "access-control-allow-origin": "*",
    },
  });
}
