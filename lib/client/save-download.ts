/**
 * Saves a fetched file response the way a download link would, under the name its
 * Content-Disposition gives (`filename*=UTF-8''…`, the export routes' form), else `fallback`.
 * Browser only. Reads the whole body; returns the name used.
 */
export async function saveDownload(res: Response, fallback: string): Promise<string> {
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallback);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
  return name;
}
