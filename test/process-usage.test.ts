import { spawn } from 'node:child_process';
import { cpuSecondsOf, memoryOf } from '../scripts/lib/process-usage';

// What `npm start` and `npm run start:measure` report: resident memory and CPU time of each process and what it started.
describe('resident memory of a process tree (/proc)', () => {
  it('counts a process and its children, with the peak never below the current size', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const [withChild] = memoryOf([process.pid])!;
      const [alone] = memoryOf([child.pid!])!;
      expect(alone.processes).toBe(1);
      expect(alone.residentMiB).toBeGreaterThan(1);
      expect(withChild.processes).toBeGreaterThanOrEqual(2);
      expect(withChild.residentMiB).toBeGreaterThan(alone.residentMiB);
      expect(withChild.peakMiB).toBeGreaterThanOrEqual(withChild.residentMiB);
    } finally {
      child.kill();
    }
  });

  it('counts nothing for a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(memoryOf([child.pid!])).toEqual([{ residentMiB: 0, peakMiB: 0, processes: 0 }]);
  });
});

describe('CPU time of a process tree (/proc)', () => {
  it('includes the CPU of children that finished and were waited for', async () => {
    const before = cpuSecondsOf(process.pid)!;
    // A child that spins until it has used half a second of CPU, then exits and is reaped.
    const child = spawn(process.execPath, ['-e', 'const from = process.cpuUsage(); while (process.cpuUsage(from).user < 500_000);'], {
      stdio: 'ignore',
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(cpuSecondsOf(process.pid)! - before).toBeGreaterThan(0.45);
  });
});
