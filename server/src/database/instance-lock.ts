import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class AlreadyRunning extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One server per data folder: a second `npm start` stops with a clear message instead of
 * starting a second PostgreSQL on the same files. A lock left by a killed process is taken over.
 */
export function acquireInstanceLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'placewise.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new AlreadyRunning(
          `Placewise is already running (process ${pid}) with its data in ${dataDir}. Stop it first, or start this one with another DATA_DIR and PORT.`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new AlreadyRunning(`Could not take the lock file ${file}; is another Placewise starting at the same moment?`);
}
