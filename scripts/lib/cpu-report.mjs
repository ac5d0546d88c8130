// Preloaded (node --import) into a benchmarked process: at exit, writes the CPU time the whole
// process used — every thread: main, workers, V8's compiler and GC — to the file named by
// FEEDCLEAN_CPU_REPORT, as {"cpuMs": …}. Wall time on a loaded machine says little; this does.
import { writeFileSync } from 'node:fs';

const report = process.env.FEEDCLEAN_CPU_REPORT;
if (report)
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(report, JSON.stringify({ cpuMs: (user + system) / 1000 }));
  });
