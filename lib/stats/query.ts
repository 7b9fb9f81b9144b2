/** The statistics filters a URL carries, as strings (a repeated parameter keeps its first value). */
export function statsQueryOf(search: Record<string, string | string[] | undefined> | URLSearchParams): Record<string, string> {
  const get = (k: string) => {
    if (search instanceof URLSearchParams) return search.get(k) ?? undefined;
    const v = search[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const out: Record<string, string> = {};
  for (const k of ["period", "year", "month", "quarter", "from", "to", "kind"]) {
    const s = get(k);
    if (s !== undefined && s !== "") out[k] = s;
  }
  return out;
}
