/** One piece of a message that says one thing, as the customer wrote it. */
export interface Clause {
  text: string;
  /** It ended with a question mark: the customer asked something. */
  question: boolean;
}

// Sentence ends, commas and the connectors that chain separate facts in chat writing
// ("uso planilha e perco muito tempo", "we're 5 but it's chaos").
const BOUNDARY = /([.!?;\n]+|,|\s+(?:e|mas|porem|entao|ai|and|but|so|then)\s+)/iu;

export function splitClauses(text: string): Clause[] {
  const parts = text.split(BOUNDARY);
  const clauses: Clause[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i].trim();
    if (piece === "") continue;
    clauses.push({ text: piece, question: (parts[i + 1] ?? "").includes("?") });
  }
  return clauses;
}
