import { createSelector } from '../review/annotation';

/**
 * Schema migrations of the project file: one step per version, each turning the raw JSON object of version n into
 * the raw JSON object of version n + 1. Steps work on plain data, never on the current types, and never import the
 * current defaults: a step describes how the format changed at that moment, so it must not drift when later versions
 * change a default.
 */

/** One migration step from `from` to `from + 1`. */
export interface ProjectMigration {
  /** The schema version this step reads. */
  readonly from: number;
  /** What changed, for logs and code review. */
  readonly description: string;
  /** Returns the next version's data. Must not mutate its argument. May throw on data it cannot convert. */
  readonly migrate: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** The outcome of migrating: the data at the target version, or why a step failed. */
export type MigrationResult =
  | { readonly ok: true; readonly data: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

/**
 * The schema version a raw project object declares: `schemaVersion`, or the prototype's `version` key (format 0).
 * Undefined when neither is a non-negative whole number.
 */
export function readSchemaVersion(data: Readonly<Record<string, unknown>>): number | undefined {
  const declared = 'schemaVersion' in data ? data.schemaVersion : data.version;
  return typeof declared === 'number' && Number.isInteger(declared) && declared >= 0
    ? declared
    : undefined;
}

/**
 * Applies the steps from `fromVersion` up to `toVersion` in order. Fails, without throwing, when a step is missing
 * or a step throws.
 */
export function migrateProjectData(
  data: Readonly<Record<string, unknown>>,
  fromVersion: number,
  toVersion: number,
  migrations: readonly ProjectMigration[],
): MigrationResult {
  let current: Record<string, unknown> = { ...data };
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = migrations.find((migration) => migration.from === version);
    if (step === undefined) {
      return { ok: false, message: `no migration from format ${version} to format ${version + 1}` };
    }
    try {
      current = step.migrate(current);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `format ${version} → ${version + 1}: ${reason}` };
    }
  }
  return { ok: true, data: current };
}

/**
 * Format 0, the prototype's shape (never released; kept so the migration path is exercised from day one):
 *
 * ```
 * { format: 'taiyaku-project', version: 0, title, created, modified, passThreshold?,
 *   source: { lang, file, encoding }, target: { lang, file, encoding },
 *   alignment: DocumentAlignment,
 *   issues: [{ id, side, start, end, category, severity, note, author, at }] }
 * ```
 *
 * Format 1 renames the metadata, moves the threshold into `settings`, records each side's origin under `documents`,
 * and turns each issue into an annotation with a W3C quote-and-position selector cut from the alignment's text.
 */
function migrateFormat0To1(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const alignment = asRecord(data.alignment, 'alignment');
  const texts = {
    source: String(asRecord(alignment.source, 'alignment.source').text ?? ''),
    target: String(asRecord(alignment.target, 'alignment.target').text ?? ''),
  };
  const origin = (side: 'source' | 'target'): Record<string, unknown> => {
    const old = asRecord(data[side], side);
    return { lang: old.lang, fileName: old.file ?? '', encoding: old.encoding ?? 'utf-8' };
  };
  const issues = Array.isArray(data.issues) ? data.issues : [];
  return {
    format: data.format,
    schemaVersion: 1,
    appVersion: typeof data.appVersion === 'string' ? data.appVersion : '0.0.0',
    createdAt: data.created,
    updatedAt: data.modified,
    name: data.title,
    // Format 0 had no threshold setting; 10 points per 1,000 words was the default when format 1 was introduced.
    settings: { mqmThreshold: typeof data.passThreshold === 'number' ? data.passThreshold : 10 },
    documents: { source: origin('source'), target: origin('target') },
    alignment: data.alignment,
    annotations: issues.map((raw, index) => {
      const issue = asRecord(raw, `issues[${index}]`);
      const side = issue.side === 'target' ? 'target' : 'source';
      const text = texts[side];
      const start = Number(issue.start);
      const end = Number(issue.end);
      const selector =
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        0 <= start &&
        start <= end &&
        end <= text.length
          ? createSelector(side, text, start, end)
          : // Out of range in the old file: keep the numbers so validation names the broken annotation.
            { side, exact: '', prefix: '', suffix: '', start, end, unit: 'utf16' };
      return {
        id: issue.id,
        selectors: [selector],
        category: FORMAT_0_CATEGORIES[String(issue.category)] ?? issue.category,
        severity: issue.severity,
        comment: issue.note ?? '',
        status: 'open',
        author: issue.author ?? '',
        createdAt: issue.at,
        updatedAt: issue.at,
        origin: { kind: 'reviewer' },
      };
    }),
  };
}

/** Format 0 stored bare MQM issue names; format 1 stores `dimension/issue` ids. */
const FORMAT_0_CATEGORIES: Readonly<Record<string, string>> = {
  mistranslation: 'accuracy/mistranslation',
  omission: 'accuracy/omission',
  addition: 'accuracy/addition',
  untranslated: 'accuracy/untranslated',
  grammar: 'linguistic-conventions/grammar',
  punctuation: 'linguistic-conventions/punctuation',
  spelling: 'linguistic-conventions/spelling',
};

function asRecord(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${name} is missing or not an object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Format 2 adds `dismissals`, the automatic-check suggestions a reviewer dismissed (core/review/dismissals.ts), and the
 * optional `settings.checks`. A format 1 project had dismissed none.
 */
function migrateFormat1To2(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...data, schemaVersion: 2, dismissals: [] };
}

/** Every migration step, oldest first. Add a step here with every `CURRENT_SCHEMA_VERSION` bump. */
export const projectMigrations: readonly ProjectMigration[] = [
  {
    from: 0,
    description: 'prototype format: settings, document origins, W3C selectors on annotations',
    migrate: migrateFormat0To1,
  },
  {
    from: 1,
    description: 'dismissed automatic-check suggestions',
    migrate: migrateFormat1To2,
  },
];
