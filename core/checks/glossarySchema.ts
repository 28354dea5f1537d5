import { z } from 'zod';
import type { Glossary } from './glossary';

/**
 * The stored form of a project glossary (a project file's `settings.glossary`, and the wire form): concepts with their
 * English terms, accepted and forbidden Japanese renderings and a note. Limits keep a hostile file from bloating a
 * project: 20,000 concepts, 20 terms a side, 200 characters a term, 2,000 a note.
 */
const term = z.string().trim().min(1).max(200);

export const GlossaryConceptSchema = z
  .object({
    id: z.string().min(1).max(200),
    en: z.array(term).min(1).max(20).readonly(),
    ja: z.array(term).max(20).readonly(),
    forbiddenJa: z.array(term).max(20).readonly(),
    note: z.string().max(2000).optional(),
  })
  .strict();

export const GlossarySchema = z
  .object({ concepts: z.array(GlossaryConceptSchema).max(20_000).readonly() })
  .strict() satisfies z.ZodType<Glossary>;
