/**
 * Every item of a list that MijnOverheid's REST adapters hand out in pages (FBS conventions:
 * 0-based `page`, the answer says `totalPages`), at most `maxPages` pages: a resident with more
 * than that sees the newest, and the adapter never loops on a source that keeps saying "more".
 */
export async function allePaginas<T>(
  maxPages: number,
  pagina: (page: number) => Promise<{ items: readonly T[]; totalPages: number }>,
): Promise<T[]> {
  const result: T[] = [];
  for (let page = 0; page < maxPages; page++) {
    const { items, totalPages } = await pagina(page);
    result.push(...items);
    if (page + 1 >= totalPages) break;
  }
  return result;
}
