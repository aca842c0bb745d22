/**
 * The form text is searched in: lowercased, accents stripped (NFD, combining marks dropped) and
 * punctuation turned into spaces, so "joao" finds "João" and "orcamento" finds "orçamento?". The
 * stored `searchText` fields and every search query go through this same function.
 */
export function searchTextOf(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
