// `npm run bench`: every figure, each against a baseline measured in the same run.
import { existsSync } from 'node:fs';
import { firstFrameTable, runFirstFrameBench } from './first-frame.mjs';

console.log('## Start-up\n');
console.log(firstFrameTable(await runFirstFrameBench()));

if (existsSync(new URL('./flows.mjs', import.meta.url))) {
  const { runFlowsBench } = await import('./flows.mjs');
  console.log('\n## Animated transfers\n');
  const result = await runFlowsBench();
  if (typeof result === 'string') console.log(result);
}
