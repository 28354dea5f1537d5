import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../index';

/** `new`, `annotate`, `report` and `import`, in process, on a small project in a temporary folder. */

const directory = mkdtempSync(join(tmpdir(), 'taiyaku-cli-'));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: directory,
  });
  return { code, stdout, stderr };
}

function expectOneLineError(result: { code: number; stderr: string }, message: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  vi.stubEnv('TAIYAKU_USER_DATA', join(directory, 'user-data'));
  writeFileSync(
    join(directory, 'en.txt'),
    '1. The meeting was held in Tokyo. It ended at noon.\n\n2. Japan proposed support for the network.\n',
  );
  writeFileSync(
    join(directory, 'ja.txt'),
    '1. 会合は東京で行われる。正午に終わった。\n\n2. 日本はネットワークへの支援を提案した。\n',
  );
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('taiyaku new, annotate, report, import', () => {
  it('makes, annotates, exports and re-imports a project', async () => {
    const made = await run(['new', '--en', 'en.txt', '--ja', 'ja.txt', '--out', 'p.taiyaku']);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const annotated = await run([
      'annotate',
      'p.taiyaku',
      '--side',
      'ja',
      '--quote',
      '行われる',
      '--category',
      'accuracy/mistranslation',
      '--severity',
      'major',
      '--comment',
      'Past event; expected 行われた.',
      '--author',
      'Tester',
    ]);
    expect(annotated.stderr).toBe('');
    expect(annotated.code).toBe(0);
    const project = JSON.parse(readFileSync(join(directory, 'p.taiyaku'), 'utf8'));
    expect(project.annotations).toHaveLength(1);
    expect(project.annotations[0]).toMatchObject({
      category: 'accuracy/mistranslation',
      author: 'Tester',
      selectors: [{ side: 'target', exact: '行われる' }],
    });

    for (const format of ['html', 'csv', 'json', 'xliff', 'tmx', 'docx', 'xlsx']) {
      const result = await run(['report', 'p.taiyaku', '--format', format, '--out', `r.${format}`]);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(join(directory, `r.${format}`)).length).toBeGreaterThan(0);
    }
    expect(readFileSync(join(directory, 'r.csv'), 'utf8')).toContain('行われた');

    const imported = await run(['import', 'r.xliff', '--out', 'back.taiyaku']);
    expect(imported.code, imported.stderr).toBe(0);
    const back = JSON.parse(readFileSync(join(directory, 'back.taiyaku'), 'utf8'));
    expect(back.annotations[0].comment).toBe('Past event; expected 行われた.');
  }, 120_000);

  it('says in one line what is wrong, without a stack trace', async () => {
    const annotate = (extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      run([
        'annotate',
        'p.taiyaku',
        '--side',
        'ja',
        '--severity',
        'minor',
        '--comment',
        'c',
        ...extra,
      ]);
    expectOneLineError(
      await annotate(['--quote', '存在しない', '--category', 'accuracy/mistranslation']),
      /does not contain '存在しない'/,
    );
    expectOneLineError(
      await annotate(['--quote', '行われる', '--occurrence', '2', '--category', 'accuracy']),
      /1 time\(s\), not 2/,
    );
    expectOneLineError(
      await annotate(['--quote', '行われる', '--category', 'accuracy/nonsense']),
      /unknown category 'accuracy\/nonsense'/,
    );
    writeFileSync(join(directory, 'junk.taiyaku'), 'not a project');
    expectOneLineError(
      await run(['report', 'junk.taiyaku', '--format', 'html', '--out', 'x.html']),
      /taiyaku report: /,
    );
    expectOneLineError(
      await run(['report', 'missing.taiyaku', '--format', 'html', '--out', 'x.html']),
      /taiyaku report: /,
    );
    mkdirSync(join(directory, 'locked'));
    chmodSync(join(directory, 'locked'), 0o500);
    const unwritable = await run([
      'report',
      'p.taiyaku',
      '--format',
      'csv',
      '--out',
      'locked/r.csv',
    ]);
    if (process.getuid?.() !== 0) expectOneLineError(unwritable, /Cannot write .*locked/);
    expectOneLineError(
      await run(['report', 'p.taiyaku', '--format', 'rtf', '--out', 'x.rtf']),
      /--format must be one of/,
    );
    expect(existsSync(join(directory, 'x.html'))).toBe(false);
  }, 120_000);

  it('asks for the columns of an ambiguous table and takes --columns', async () => {
    writeFileSync(
      join(directory, 'two-ja.csv'),
      'a,b,c\n会合は東京で行われた。,会議は東京で開かれた。,The meeting was held.\n',
    );
    const asked = await run(['import', 'two-ja.csv', '--out', 't.taiyaku']);
    expectOneLineError(asked, /two-ja\.csv: .*--columns EN,JA/);
    expect(asked.stderr).toContain('"The meeting was held."');
    const chosen = await run(['import', 'two-ja.csv', '--out', 't.taiyaku', '--columns', 'C,2']);
    expect(chosen.code, chosen.stderr).toBe(0);
  }, 60_000);

  it('prints --help for each command', async () => {
    for (const name of ['new', 'import', 'annotate', 'report']) {
      const help = await run([name, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: npx taiyaku ${name}`));
    }
  });
});
