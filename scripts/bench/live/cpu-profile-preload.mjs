/**
 * bench:live --profile: loaded into every Node process of the platform through NODE_OPTIONS (`--import`;
 * Node 20 refuses --cpu-prof there), it profiles the process from start to exit and writes
 * <PULSE_CPU_PROFILE_DIR>/<pid>.cpuprofile, for Chrome DevTools or speedscope.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import process from 'node:process';

const dir = process.env.PULSE_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // An in-thread inspector session answers synchronously: the profile is written before the process ends.
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
