import { z } from 'zod';
import { DocumentAlignmentSchema } from '../alignment/schema';
import type { DocumentAlignment } from '../alignment/types';
import { GlossarySchema } from '../checks/glossarySchema';
import { CheckSettingsOverridesSchema } from '../checks/settingsSchema';
import { dismissalKey, DismissalSchema } from '../review/dismissals';
import { AnnotationSchema, TimestampSchema } from './annotation';

/**
 * The `.taiyaku` project file: one JSON document holding everything a review needs, so a project can be mailed,
 * archived and reopened years later.
 *
 * Versioning: `schemaVersion` is bumped for every change to the stored shape, and every bump comes with a migration
 * in `migrations.ts` from the previous version. Older files are migrated on open; newer files are refused with a
 * message that names both versions, because saving them with this version would silently drop what it does not know.
 */

/** The `format` marker every project file carries, so other JSON is refused up front. */
export const PROJECT_FORMAT = 'taiyaku-project';

/** The schema version this build writes and the newest it reads. */
export const CURRENT_SCHEMA_VERSION = 2;

/** The extension of project files, with the dot. */
export const PROJECT_FILE_EXTENSION = '.taiyaku';

/**
 * Default pass mark in MQM penalty points per 1,000 source words (a project passes when its penalty total, scaled to
 * 1,000 words, is at most this). With the MQM 2.0 weights of `core/review/mqm.ts` (minor 1, major 5, critical 25),
 * 10 points is a quality score of 99 on MQM's 100-point scale, the mark commonly asked of publishable translation:
 * two major errors or ten minor ones per 1,000 words pass, a single critical error in a document under 2,500 words
 * fails. Reviewers set their own per project.
 */
export const DEFAULT_MQM_THRESHOLD = 10;

/** Character encodings the importer recognizes, by their WHATWG Encoding Standard names. */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'shift_jis',
  'euc-jp',
  'iso-2022-jp',
] as const;

/** One recognized character encoding. */
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Per-project review settings. */
export const ProjectSettingsSchema = z.object({
  /** Pass mark: MQM penalty points per 1,000 source words; the project passes at or below it. */
  mqmThreshold: z.number().nonnegative(),
  /** The language the reviewer chose for the interface; absent means follow the system. */
  uiLanguage: z.enum(['en', 'ja']).optional(),
  /**
   * The automatic checks' switches and thresholds for this project, as overrides of `DEFAULT_CHECK_SETTINGS`
   * (core/checks/settings.ts); absent means every default.
   */
  checks: CheckSettingsOverridesSchema.optional(),
  /** The project's glossary (termbase) for the terminology and consistency checks; absent means none. */
  glossary: GlossarySchema.optional(),
});

/** Per-project review settings. */
export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

/** Settings of a new project. */
export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = { mqmThreshold: DEFAULT_MQM_THRESHOLD };

/**
 * Where one side's text came from. The text itself is stored once, in `alignment.source.text` or
 * `alignment.target.text` (after decoding and line-ending normalization), so the file cannot hold two disagreeing
 * copies.
 */
export const DocumentOriginSchema = z.object({
  /** BCP 47 tag; equal to the alignment side's `lang`. */
  lang: z.string().min(1),
  /** The imported file's base name, e.g. `summary-record.en.txt`; for both sides of one bilingual file, its name. */
  fileName: z.string(),
  /** The encoding the importer detected. */
  encoding: z.enum(TEXT_ENCODINGS),
  /** True when the file started with a byte order mark. */
  byteOrderMark: z.boolean().optional(),
  /**
   * When this side was cut out of one bilingual file: its span in that file's normalized text, UTF-16 code units,
   * `start` inclusive, `end` exclusive.
   */
  span: z
    .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
    .optional(),
});

/** Where one side's text came from. */
export type DocumentOrigin = z.infer<typeof DocumentOriginSchema>;

/**
 * Version 2 of the project file (version 1 had no `dismissals`). Cross-checks beyond shape: each origin's `lang` equals
 * its alignment side's, annotation ids are unique, every selector lies inside its side's text, and dismissals are
 * unique by id and by what they hide. Whether a selector's quote still matches
 * the text is not checked here: re-anchoring by quote is the review logic's job, and a stale anchor must not make a
 * whole project unreadable.
 */
export const ProjectFileSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    /** Version of the Taiyaku that last wrote the file, e.g. `0.1.0`. */
    appVersion: z.string(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    /** The name shown in the title bar and the recent list. */
    name: z.string().min(1),
    settings: ProjectSettingsSchema,
    documents: z.object({ source: DocumentOriginSchema, target: DocumentOriginSchema }),
    alignment: DocumentAlignmentSchema,
    annotations: z.array(AnnotationSchema),
    /** Automatic-check suggestions the reviewer dismissed (core/review/dismissals.ts), oldest first. */
    dismissals: z.array(DismissalSchema),
    /**
     * The last entry of the project's change journal (`<file>.journal`) this snapshot includes; entries after it are
     * replayed on open. Absent before the first journaled change.
     */
    journalSequence: z.number().int().nonnegative().optional(),
  })
  .superRefine((project, context) => {
    for (const side of ['source', 'target'] as const) {
      if (project.documents[side].lang !== project.alignment[side].lang) {
        context.addIssue({
          code: 'custom',
          path: ['documents', side, 'lang'],
          message: `is "${project.documents[side].lang}" but the alignment's ${side} is "${project.alignment[side].lang}"`,
        });
      }
    }
    const seenIds = new Set<string>();
    project.annotations.forEach((annotation, annotationIndex) => {
      if (seenIds.has(annotation.id)) {
        context.addIssue({
          code: 'custom',
          path: ['annotations', annotationIndex, 'id'],
          message: `duplicate annotation id "${annotation.id}"`,
        });
      }
      seenIds.add(annotation.id);
      annotation.selectors.forEach((selector, selectorIndex) => {
        const problem = selectorOutsideText(selector, project.alignment);
        if (problem !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['annotations', annotationIndex, 'selectors', selectorIndex, 'end'],
            message: problem,
          });
        }
      });
    });
    const dismissalIds = new Set<string>();
    const dismissalKeys = new Set<string>();
    project.dismissals.forEach((dismissal, dismissalIndex) => {
      const key = dismissalKey(dismissal);
      if (dismissalIds.has(dismissal.id) || dismissalKeys.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['dismissals', dismissalIndex],
          message: `repeats an earlier dismissal (id "${dismissal.id}")`,
        });
      }
      dismissalIds.add(dismissal.id);
      dismissalKeys.add(key);
    });
  });

/** Why `selector` does not lie inside its side's text, or undefined when it does. */
export function selectorOutsideText(
  selector: { readonly side: 'source' | 'target'; readonly end: number },
  alignment: { readonly [side in 'source' | 'target']: { readonly text: string } },
): string | undefined {
  const length = alignment[selector.side].text.length;
  return selector.end > length
    ? `${selector.end} is past the end of the ${selector.side} text (${length} UTF-16 code units)`
    : undefined;
}

/** A project as stored in a `.taiyaku` file (current schema version). */
export type ProjectFile = z.infer<typeof ProjectFileSchema>;

/**
 * The text written to disk for a project: JSON with two-space indentation (readable and diffable when someone has to
 * repair a file by hand) and a final newline.
 */
export function serializeProjectFile(project: ProjectFile): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

/**
 * A readable path for a zod issue: `annotations[3].selectors[0].end`; the empty path (the whole file) reads
 * `(project)`.
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const key of path) {
    if (typeof key === 'number') formatted += `[${key}]`;
    else formatted += formatted === '' ? String(key) : `.${String(key)}`;
  }
  return formatted === '' ? '(project)' : formatted;
}

/** What a new project needs besides its alignment. */
export interface NewProjectInput {
  readonly name: string;
  readonly documents: { readonly source: DocumentOrigin; readonly target: DocumentOrigin };
  readonly alignment: DocumentAlignment;
  /** ISO timestamp used for both `createdAt` and `updatedAt`. */
  readonly now: string;
  readonly appVersion: string;
  readonly settings?: ProjectSettings;
}

/** A new, annotation-free project in the current schema version. */
export function createProjectFile(input: NewProjectInput): ProjectFile {
  return {
    format: PROJECT_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: input.appVersion,
    createdAt: input.now,
    updatedAt: input.now,
    name: input.name,
    settings: input.settings ?? DEFAULT_PROJECT_SETTINGS,
    documents: input.documents,
    alignment: input.alignment as ProjectFile['alignment'],
    annotations: [],
    dismissals: [],
  };
}

/** The project as it is about to be written: stamped with the writing app's version and the save time (ISO). */
export function stampProjectForSave(
  project: ProjectFile,
  stamp: { readonly appVersion: string; readonly now: string },
): ProjectFile {
  return { ...project, appVersion: stamp.appVersion, updatedAt: stamp.now };
}
