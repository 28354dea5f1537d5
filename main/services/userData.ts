import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** What decides the user-data folder: the operating system, the environment and the home folder. */
export interface UserDataContext {
  /** As `process.platform`. */
  readonly platform: NodeJS.Platform;
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** As `os.homedir()`. */
  readonly home: string;
}

/**
 * The folder for the app's own state (recent projects, the sample project, new projects by default):
 * `TAIYAKU_USER_DATA` when set (tests, portable use), else the platform's usual place: `%APPDATA%\Taiyaku` on Windows,
 * `~/Library/Application Support/Taiyaku` on macOS, `$XDG_DATA_HOME/taiyaku` (default `~/.local/share/taiyaku`)
 * elsewhere. Paths are built with the given platform's separators, whatever this machine is.
 */
export function userDataDirectoryFor({ platform, environment, home }: UserDataContext): string {
  const override = environment['TAIYAKU_USER_DATA'];
  if (override) return override;
  if (platform === 'win32') {
    return win32.join(environment['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), 'Taiyaku');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Taiyaku');
  return posix.join(environment['XDG_DATA_HOME'] || posix.join(home, '.local', 'share'), 'taiyaku');
}

/**
 * This process's user-data folder (see `userDataDirectoryFor`). The desktop app, the loopback host and the command
 * line all use it; the Electron main process also hands it to Electron (`app.setPath('userData', …)`).
 */
export function defaultUserDataDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  return userDataDirectoryFor({ platform: process.platform, environment, home: homedir() });
}
