import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Paths {
  /** Directory of the settings file (conf's cwd). */
  configDir: string;
  /** Directory of the article cache. */
  dataDir: string;
  cacheFile: string;
}

/**
 * Where cyberread keeps its files. `home` (from --home or CYBERREAD_HOME) puts both the settings and the
 * cache under one directory; otherwise the platform's config and data directories are used.
 */
export function resolvePaths(home: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Paths {
  if (home) {
    const dir = resolve(home);
    return { configDir: dir, dataDir: dir, cacheFile: join(dir, 'cache.db') };
  }
  const user = env.HOME || homedir();
  let configDir: string;
  let dataDir: string;
  if (platform === 'darwin') {
    configDir = join(user, 'Library', 'Preferences', 'cyberread');
    dataDir = join(user, 'Library', 'Application Support', 'cyberread');
  } else if (platform === 'win32') {
    const appData = env.APPDATA || join(user, 'AppData', 'Roaming');
    const local = env.LOCALAPPDATA || join(user, 'AppData', 'Local');
    configDir = join(appData, 'cyberread', 'Config');
    dataDir = join(local, 'cyberread', 'Data');
  } else {
    configDir = join(env.XDG_CONFIG_HOME || join(user, '.config'), 'cyberread');
    dataDir = join(env.XDG_DATA_HOME || join(user, '.local', 'share'), 'cyberread');
  }
  return { configDir, dataDir, cacheFile: join(dataDir, 'cache.db') };
}
