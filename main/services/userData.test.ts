import { describe, expect, it } from 'vitest';
import { userDataDirectoryFor } from './userData';

describe('userDataDirectoryFor', () => {
  it('takes TAIYAKU_USER_DATA on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        userDataDirectoryFor({
          platform,
          environment: {
            TAIYAKU_USER_DATA: '/tmp/taiyaku-test',
            XDG_DATA_HOME: '/x',
            APPDATA: 'C:\\A',
          },
          home: '/home/kei',
        }),
      ).toBe('/tmp/taiyaku-test');
    }
  });

  it('ignores an empty TAIYAKU_USER_DATA', () => {
    expect(
      userDataDirectoryFor({
        platform: 'linux',
        environment: { TAIYAKU_USER_DATA: '' },
        home: '/home/kei',
      }),
    ).toBe('/home/kei/.local/share/taiyaku');
  });

  it('uses XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(
      userDataDirectoryFor({
        platform: 'linux',
        environment: { XDG_DATA_HOME: '/data/kei' },
        home: '/home/kei',
      }),
    ).toBe('/data/kei/taiyaku');
    for (const environment of [{}, { XDG_DATA_HOME: '' }]) {
      expect(userDataDirectoryFor({ platform: 'linux', environment, home: '/home/kei' })).toBe(
        '/home/kei/.local/share/taiyaku',
      );
    }
    expect(
      userDataDirectoryFor({ platform: 'freebsd', environment: {}, home: '/usr/home/kei' }),
    ).toBe('/usr/home/kei/.local/share/taiyaku');
  });

  it('uses Application Support on macOS', () => {
    expect(
      userDataDirectoryFor({
        platform: 'darwin',
        environment: { XDG_DATA_HOME: '/ignored' },
        home: '/Users/kei',
      }),
    ).toBe('/Users/kei/Library/Application Support/Taiyaku');
  });

  it('uses APPDATA on Windows, else AppData\\Roaming in the home folder', () => {
    expect(
      userDataDirectoryFor({
        platform: 'win32',
        environment: { APPDATA: 'D:\\Profiles\\kei\\Roaming' },
        home: 'C:\\Users\\kei',
      }),
    ).toBe('D:\\Profiles\\kei\\Roaming\\Taiyaku');
    expect(
      userDataDirectoryFor({ platform: 'win32', environment: {}, home: 'C:\\Users\\kei' }),
    ).toBe('C:\\Users\\kei\\AppData\\Roaming\\Taiyaku');
  });
});
