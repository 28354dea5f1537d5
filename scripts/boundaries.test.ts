import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js, exercised on code that breaks them: a rule that silently stopped matching
// would let a boundary erode without anyone noticing.
const eslint = new ESLint();

async function restrictedImportCount(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
}

describe('layer boundaries', () => {
  it.each([
    ['core/text/x.ts', "import { readFileSync } from 'node:fs';"],
    ['core/text/x.ts', "import { app } from 'electron';"],
    ['core/text/x.ts', "import { useState } from 'react';"],
    ['core/text/x.ts', "import { Button } from '@mantine/core';"],
    ['core/text/x.ts', "import { x } from '../../main/services/x';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['renderer/src/x.ts', "import { x } from '../../main/services/x';"],
    ['main/services/x.ts', "import { app } from 'electron';"],
    ['main/services/x.ts', "import { x } from '../../renderer/src/x';"],
    ['preload/x.ts', "import { z } from 'zod';"],
    ['preload/x.ts', "import { x } from '../core/ipc/contract';"],
    // Core folders import only the ones below them: text → document, anchors → alignment → review → project → ipc.
    ['core/text/x.ts', "import type { Bead } from '../alignment/types';"],
    ['core/anchors/x.ts', "import type { AlignmentResources } from '../alignment/resources';"],
    ['core/document/x.ts', "import { x } from '../anchors/numbers';"],
    ['core/anchors/x.ts', "import { x } from '../document/splitBilingual';"],
    ['core/alignment/x.ts', "import { x } from '../review/session';"],
    ['core/review/x.ts', "import { AnnotationSchema } from '../project/annotation';"],
    ['core/review/testing/x.ts', "import type { ProjectFile } from '../../project/projectFile';"],
    ['core/project/x.ts', "import { x } from '../ipc/contract';"],
    ['core/alignment/x.ts', "import { readFileSync } from 'node:fs';"],
    // Test kits stay out of app code.
    ['core/review/x.ts', "import { makeAnnotation } from './arbitraries.testkit';"],
  ])('%s may not `%s`', async (filePath, code) => {
    expect(await restrictedImportCount(filePath, `${code}\nexport const used = 1;\n`)).toBe(1);
  });

  it.each([
    ['core/text/x.ts', "import { z } from 'zod';"],
    ['main/electron/x.ts', "import { app } from 'electron';"],
    ['preload/x.ts', "import { isIpcChannel } from '../core/ipc/channels';"],
    ['renderer/src/x.ts', "import type { Bead } from '../../core/alignment/types';"],
    ['core/alignment/x.ts', "import type { TextSpan } from '../text/types';"],
    ['core/anchors/x.ts', "import type { TextSpan } from '../text/types';"],
    ['core/project/x.ts', "import { AnnotationSchema } from '../review/annotationSchema';"],
    ['core/ipc/x.ts', "import { ProjectFileSchema } from '../project/projectFile';"],
    ['core/review/x.ts', "import { mqmCategory } from './mqm';"],
    // Tests may reach across layers to check that the layers fit together.
    ['core/review/x.test.ts', "import { toReviewCommand } from '../ipc/reviewCommands';"],
    ['core/review/x.test.ts', "import { makeAnnotation } from './arbitraries.testkit';"],
  ])('%s may `%s`', async (filePath, code) => {
    expect(await restrictedImportCount(filePath, `${code}\nexport const used = 1;\n`)).toBe(0);
  });
});
