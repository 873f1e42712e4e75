import { dirname } from 'node:path';
import { startAppServer, type AppServer } from '../app-server';

/**
 * The app in browser mode on an existing data folder, with the program clock starting at `now` (PLEDGE_NOW):
 * the office's "today", import times and decision dates follow it.
 */
export type OfficeServer = AppServer;

export function startOfficeServer(opts: {
  dataDir: string;
  profileDir: string;
  now: string;
}): Promise<OfficeServer> {
  return startAppServer({ ...opts, root: dirname(opts.dataDir) });
}
