import { z } from 'zod';
import { IpcCallError } from '../../ipc';

/** One column of a table, as the service describes it when it cannot tell the languages apart. */
const ImportColumnSchema = z.object({
  /** 0-based column index. */
  index: z.number().int().nonnegative(),
  /** The first cells with text. */
  samples: z.array(z.string()),
  /** Japanese letters ÷ all letters, when the column has letters. */
  japaneseShare: z.number().optional(),
});

const NeedsColumnsSchema = z.object({
  fileName: z.string().optional(),
  reason: z.string().optional(),
  /** Whether row 1 looks like a header. */
  header: z.boolean().optional(),
  columns: z.array(ImportColumnSchema).min(2),
});

/** The service's question about a table: which column is English, which Japanese, and whether row 1 is a header. */
export type NeedsColumns = z.infer<typeof NeedsColumnsSchema>;

/**
 * The column question carried by a failed `project:create`, or null when the error is something else. The question
 * is the error itself or one of its fields (the error keeps its code and message for everything else).
 */
export function needsColumnsOf(error: unknown): NeedsColumns | null {
  if (!(error instanceof IpcCallError)) return null;
  const raw: unknown = error.error;
  const candidates: unknown[] = [raw];
  if (raw && typeof raw === 'object') candidates.push(...Object.values(raw));
  for (const candidate of candidates) {
    const parsed = NeedsColumnsSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The picker's first guess: the column with the most Japanese for Japanese, the one with the least for English. */
export function suggestedColumns(question: NeedsColumns): { english: number; japanese: number } {
  // Columns without letters (ids, numbers) are no candidates.
  const byShare = question.columns
    .filter((column) => column.japaneseShare !== undefined)
    .sort((a, b) => a.japaneseShare! - b.japaneseShare!);
  if (byShare.length >= 2)
    return { english: byShare[0]!.index, japanese: byShare[byShare.length - 1]!.index };
  return { english: question.columns[0]!.index, japanese: question.columns[1]!.index };
}
