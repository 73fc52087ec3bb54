#!/usr/bin/env node
// Times a whole command N times (wall clock, process start to exit) and prints min/median/max.
// Usage: node bench/time-command.mjs <label> <runs> <command> [args...]
import { spawnSync } from 'node:child_process';

const [label, runsText, command, ...args] = process.argv.slice(2);
const runs = Number(runsText);
const times = [];
let status = 0;
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  status = result.status ?? 1;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`${label.padEnd(34)} median ${median.toFixed(0).padStart(6)} ms  (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}, ${runs} runs, last exit ${status})`);
