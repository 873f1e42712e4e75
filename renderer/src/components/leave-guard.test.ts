import { afterEach, describe, expect, it } from 'vitest';
import { leaveThen, registerLeaveCheck } from './leave-guard';

const removals: (() => void)[] = [];
const register = (check: () => boolean | Promise<boolean>) => removals.push(registerLeaveCheck(check));
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

function deferred() {
  let resolve: (ok: boolean) => void = () => undefined;
  const promise = new Promise<boolean>((r) => (resolve = r));
  return { promise, resolve };
}

describe('leaveThen', () => {
  it('goes at once, in the same call, when nothing is shown or every check agrees at once', () => {
    let went = 0;
    leaveThen(() => (went += 1));
    expect(went).toBe(1);
    register(() => true);
    leaveThen(() => (went += 1));
    expect(went).toBe(2);
  });

  it('stays when a check refuses', () => {
    let went = 0;
    register(() => false);
    leaveThen(() => (went += 1));
    expect(went).toBe(0);
  });

  it('waits for a check that must first wait (a save under way), then goes or stays as it answers', async () => {
    const save = deferred();
    let answer: Promise<boolean> = save.promise;
    register(() => answer);
    let went = 0;
    leaveThen(() => (went += 1));
    expect(went).toBe(0);
    save.resolve(true);
    await save.promise;
    await Promise.resolve();
    expect(went).toBe(1);

    const failed = deferred();
    answer = failed.promise;
    leaveThen(() => (went += 1));
    failed.resolve(false);
    await failed.promise;
    await Promise.resolve();
    expect(went).toBe(1);
  });

  it('takes no second way out while the first waits (a double click leaves once)', async () => {
    const save = deferred();
    register(() => save.promise);
    const went: string[] = [];
    leaveThen(() => went.push('목록'));
    leaveThen(() => went.push('제출 파일'));
    save.resolve(true);
    await save.promise;
    await Promise.resolve();
    expect(went).toEqual(['목록']);
  });
});
