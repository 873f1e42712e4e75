import { test as base } from '@playwright/test';
import { removeServerFolders, startAppServer, type AppServer } from './app-server';

/** The app under test; `restart()` keeps the data and profile folders, as a user restarting the program would. */
export class AppHandle {
  constructor(public server: AppServer) {}
  get url(): string {
    return this.server.url;
  }
  get dataDir(): string {
    return this.server.dataDir;
  }
  async restart(options?: { samePort?: boolean }): Promise<void> {
    this.server = await this.server.restart(options);
  }
}

/** Every test gets its own app server with fresh data and profile folders. */
export const test = base.extend<{ app: AppHandle }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  app: async ({}, use) => {
    const handle = new AppHandle(await startAppServer());
    await use(handle);
    await handle.server.stop();
    removeServerFolders(handle.server);
  },
});

export { expect } from '@playwright/test';
