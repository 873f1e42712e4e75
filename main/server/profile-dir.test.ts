import { describe, expect, it } from 'vitest';
import { defaultProfileDir } from './profile-dir';

describe('defaultProfileDir', () => {
  it('uses PLEDGE_PROFILE_DIR when set', () => {
    expect(defaultProfileDir({ PLEDGE_PROFILE_DIR: '/tmp/p' }, 'linux', '/home/u')).toBe('/tmp/p');
    expect(defaultProfileDir({ PLEDGE_PROFILE_DIR: '  ' }, 'linux', '/home/u')).toBe(
      '/home/u/.config/pledge-tracker',
    );
  });

  it('follows each platform like Electron appData', () => {
    expect(defaultProfileDir({}, 'linux', '/home/u')).toBe('/home/u/.config/pledge-tracker');
    expect(defaultProfileDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe(
      '/x/cfg/pledge-tracker',
    );
    expect(defaultProfileDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\pledge-tracker',
    );
    expect(defaultProfileDir({}, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\pledge-tracker',
    );
    expect(defaultProfileDir({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/pledge-tracker',
    );
  });
});
