import type { ProjectMigration } from './migrations';
import { migrateProjectData, projectMigrations, readSchemaVersion } from './migrations';
import {
  CURRENT_SCHEMA_VERSION,
  PROJECT_FORMAT,
  ProjectFileSchema,
  formatIssuePath,
  selectorOutsideText,
} from './projectFile';
import type { ProjectFile } from './projectFile';
import { AnnotationSchema } from './annotation';

// Reading a project file of any age or state: parse, refuse newer versions, migrate older ones, validate; or salvage
// what is valid when only single annotations are damaged. Never throws; errors are values the UI can branch on.

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
