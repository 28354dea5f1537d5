import { z } from 'zod';
import { DocumentAlignmentSchema } from '../alignment/schema';
import type { DocumentAlignment } from '../alignment/types';
import { AnnotationSchema, TimestampSchema } from './annotation';
import { migrateProjectData, projectMigrations, readSchemaVersion } from './migrations';
import type { ProjectMigration } from './migrations';

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
export const CURRENT_SCHEMA_VERSION = 1;

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
 * Version 1 of the project file. Cross-checks beyond shape: each origin's `lang` equals its alignment side's,
 * annotation ids are unique, and every selector lies inside its side's text. Whether a selector's quote still matches
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
  });

/** Why `selector` does not lie inside its side's text, or undefined when it does. */
function selectorOutsideText(
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

/** Why a project file could not be read. `code` is stable for the UI to branch on; `message` is for people. */
export type ProjectFileError =
  | { readonly code: 'not-json'; readonly message: string }
  | { readonly code: 'not-a-project'; readonly message: string }
  | { readonly code: 'newer-version'; readonly message: string; readonly schemaVersion: number }
  | { readonly code: 'migration-failed'; readonly message: string; readonly schemaVersion: number }
  | { readonly code: 'invalid'; readonly message: string; readonly issues: readonly string[] };

/** The outcome of reading a project file: the project (migrated to the current version) or why not. */
export type ParseProjectResult =
  | {
      readonly ok: true;
      readonly project: ProjectFile;
      /** The schema version the file was written in, when it was older and got migrated. */
      readonly migratedFrom?: number;
    }
  | { readonly ok: false; readonly error: ProjectFileError };

/** How many zod issues an error message lists before it says "and N more". */
const MAX_LISTED_ISSUES = 12;

/**
 * Reads a project from parsed JSON of any shape: checks the format marker, refuses newer schema versions, migrates
 * older ones step by step, then validates against the current schema. Never throws. `migrations` is for tests.
 */
export function parseProjectFile(
  input: unknown,
  migrations: readonly ProjectMigration[] = projectMigrations,
): ParseProjectResult {
  const migrated = migrateToCurrent(input, migrations);
  if (!migrated.ok) return migrated.result;
  const { data, version } = migrated;
  const parsed = ProjectFileSchema.safeParse(data);
  if (!parsed.success) {
    return invalid(
      parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`),
    );
  }
  return version < CURRENT_SCHEMA_VERSION
    ? { ok: true, project: parsed.data, migratedFrom: version }
    : { ok: true, project: parsed.data };
}

/** An annotation `salvageProjectFile` set aside because it does not validate. */
export interface QuarantinedAnnotation {
  /** 0-based position in the file's `annotations` array. */
  readonly index: number;
  /** Its `id`, when that is a non-empty string. */
  readonly id?: string;
  /** The `exact` text of its first selector, when that is a string: what the reviewer marked. */
  readonly quote?: string;
  /** What is wrong with it, as readable schema paths (`annotations[3].severity: …`). */
  readonly problems: readonly string[];
  /** The annotation exactly as the file held it (after migration), so nothing the reviewer wrote is lost. */
  readonly raw: unknown;
}

/** The outcome of `salvageProjectFile`: the project without the annotations that do not validate, or why not. */
export type SalvageProjectResult =
  | {
      readonly ok: true;
      readonly project: ProjectFile;
      readonly migratedFrom?: number;
      /** The annotations left out, in file order; empty when the file was valid as a whole. */
      readonly quarantined: readonly QuarantinedAnnotation[];
    }
  | { readonly ok: false; readonly error: ProjectFileError };

/**
 * Like `parseProjectFile`, but a file whose only faults lie inside single annotations (a bad severity, a selector past
 * the end of the text, a duplicate id) still opens: those annotations are set aside (`quarantined`) and every other
 * one is kept. Only annotations are salvaged this way: when anything else is invalid (the texts, the alignment, the
 * settings, the `annotations` array itself), this fails exactly as `parseProjectFile` does, because a project rebuilt
 * around damaged texts could anchor every annotation wrongly. Never throws.
 */
export function salvageProjectFile(
  input: unknown,
  migrations: readonly ProjectMigration[] = projectMigrations,
): SalvageProjectResult {
  const whole = parseProjectFile(input, migrations);
  if (whole.ok) return { ...whole, quarantined: [] };
  if (whole.error.code !== 'invalid') return whole;
  const migrated = migrateToCurrent(input, migrations);
  if (!migrated.ok || !Array.isArray(migrated.data.annotations)) return whole;
  const { data, version } = migrated;
  const rawAnnotations: readonly unknown[] = data.annotations as unknown[];
  const withoutAnnotations = ProjectFileSchema.safeParse({ ...data, annotations: [] });
  if (!withoutAnnotations.success) return whole;
  const { alignment } = withoutAnnotations.data;

  const kept: unknown[] = [];
  const keptIds = new Set<string>();
  const quarantined: QuarantinedAnnotation[] = [];
  rawAnnotations.forEach((raw, index) => {
    const parsed = AnnotationSchema.safeParse(raw);
    const at = (path: readonly PropertyKey[]): string =>
      formatIssuePath(['annotations', index, ...path]);
    const problems = parsed.success
      ? [
          ...(keptIds.has(parsed.data.id)
            ? [`${at(['id'])}: duplicate annotation id "${parsed.data.id}"`]
            : []),
          ...parsed.data.selectors.flatMap((selector, selectorIndex) => {
            const problem = selectorOutsideText(selector, alignment);
            return problem === undefined
              ? []
              : [`${at(['selectors', selectorIndex, 'end'])}: ${problem}`];
          }),
        ]
      : parsed.error.issues.map((issue) => `${at(issue.path)}: ${issue.message}`);
    if (parsed.success && problems.length === 0) {
      kept.push(raw);
      keptIds.add(parsed.data.id);
    } else {
      quarantined.push({ index, ...describeRawAnnotation(raw), problems, raw });
    }
  });
  const salvaged = ProjectFileSchema.safeParse({ ...data, annotations: kept });
  // Cannot fail once each kept annotation passed on its own; should it ever, refuse rather than guess.
  if (!salvaged.success) return whole;
  return version < CURRENT_SCHEMA_VERSION
    ? { ok: true, project: salvaged.data, migratedFrom: version, quarantined }
    : { ok: true, project: salvaged.data, quarantined };
}

/** The id and quote of an annotation that may have any shape, where they are readable. */
function describeRawAnnotation(raw: unknown): { id?: string; quote?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const { id, selectors } = raw as { id?: unknown; selectors?: unknown };
  const first: unknown = Array.isArray(selectors) ? selectors[0] : undefined;
  const exact =
    typeof first === 'object' && first !== null ? (first as { exact?: unknown }).exact : undefined;
  return {
    ...(typeof id === 'string' && id !== '' ? { id } : {}),
    ...(typeof exact === 'string' ? { quote: exact } : {}),
  };
}

/** The raw data migrated to the current schema version (not yet validated), or the result that refuses it. */
function migrateToCurrent(
  input: unknown,
  migrations: readonly ProjectMigration[],
):
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly version: number }
  | { readonly ok: false; readonly result: ParseProjectResult & { ok: false } } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, result: notAProject() };
  }
  const data = input as Record<string, unknown>;
  if (data.format !== PROJECT_FORMAT) return { ok: false, result: notAProject() };
  const version = readSchemaVersion(data);
  if (version === undefined) {
    return { ok: false, result: invalid(['schemaVersion: expected a whole number']) };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      result: {
        ok: false,
        error: {
          code: 'newer-version',
          schemaVersion: version,
          message:
            `This project was saved by a newer Taiyaku (format ${version}); this version reads up to format ` +
            `${CURRENT_SCHEMA_VERSION}. Update Taiyaku to open it.`,
        },
      },
    };
  }
  const migrated = migrateProjectData(data, version, CURRENT_SCHEMA_VERSION, migrations);
  if (!migrated.ok) {
    return {
      ok: false,
      result: {
        ok: false,
        error: {
          code: 'migration-failed',
          schemaVersion: version,
          message: `This project is in an old format (format ${version}) that could not be converted: ${migrated.message}`,
        },
      },
    };
  }
  return { ok: true, data: migrated.data, version };
}

/** Reads a project from the text of a `.taiyaku` file: `JSON.parse`, then `parseProjectFile`. Never throws. */
export function parseProjectJson(json: string): ParseProjectResult {
  const data = parseJson(json);
  return data.ok ? parseProjectFile(data.value) : data;
}

/** Reads a project from the text of a `.taiyaku` file: `JSON.parse`, then `salvageProjectFile`. Never throws. */
export function salvageProjectJson(json: string): SalvageProjectResult {
  const data = parseJson(json);
  return data.ok ? salvageProjectFile(data.value) : data;
}

function parseJson(
  json: string,
): { ok: true; value: unknown } | { ok: false; error: ProjectFileError } {
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'not-json',
        message: `This file is not a Taiyaku project (not valid JSON${describeJsonSyntaxError(error)}).`,
      },
    };
  }
}

/**
 * Where `JSON.parse` failed, without any of the file's content: `JSON.parse` quotes the text around the fault ("Unexpected
 * token 'r', "root:$6$…" is not valid JSON"), and a file that is not a project may be anything, a password file
 * included. Returns `: it ends too early`, `: at position 42` (UTF-16 code units) or nothing.
 */
function describeJsonSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input/i.test(message)) return ': it ends too early';
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? '' : `: at position ${position}`;
}

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
  };
}

/** The project as it is about to be written: stamped with the writing app's version and the save time (ISO). */
export function stampProjectForSave(
  project: ProjectFile,
  stamp: { readonly appVersion: string; readonly now: string },
): ProjectFile {
  return { ...project, appVersion: stamp.appVersion, updatedAt: stamp.now };
}

function notAProject(): ParseProjectResult & { ok: false } {
  return {
    ok: false,
    error: {
      code: 'not-a-project',
      message: 'This file is not a Taiyaku project (no "format": "taiyaku-project").',
    },
  };
}

function invalid(issues: readonly string[]): ParseProjectResult & { ok: false } {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const more = issues.length - listed.length;
  return {
    ok: false,
    error: {
      code: 'invalid',
      issues,
      message:
        `The project file is damaged or incomplete:\n${listed.map((issue) => `  ${issue}`).join('\n')}` +
        (more > 0 ? `\n  … and ${more} more` : ''),
    },
  };
}
