// The built server, with one addition for the soak: on SIGUSR2 it collects garbage twice and
// prints its memory as a JSON line ({"soakMemory": ...}). Run with node --expose-gc.
process.on('SIGUSR2', () => {
  global.gc();
  global.gc();
  process.stdout.write(`${JSON.stringify({ soakMemory: process.memoryUsage() })}\n`);
});
require('../../server/dist/main.js');
