import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder for the app's own state (recent projects, the sample project, new projects by default):
 * `TAIYAKU_USER_DATA` when set (tests, portable use), else the platform's usual place.
 * The Electron main process passes `app.getPath('userData')` instead.
 */
export function defaultUserDataDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  const override = environment['TAIYAKU_USER_DATA'];
  if (override) return override;
  if (process.platform === 'win32') {
    return join(environment['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Taiyaku');
  }
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Taiyaku');
  return join(environment['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'taiyaku');
}
