// `npm run bench`: every figure, each against a baseline measured in the same run.
import { existsSync } from 'node:fs';
import { firstFrameTable, runFirstFrameBench, startupTimelineTable } from './first-frame.mjs';
import { runEmbedBench } from './embed.mjs';
import { articleTable, runArticleBench } from './article.mjs';
import { runHoverBench } from './hover.mjs';
import { runScaleBench } from './scale.mjs';

console.log('## Start-up\n');
const startup = await runFirstFrameBench();
const embed = await runEmbedBench();
console.log(firstFrameTable(startup, embed.manyMaps));
console.log(`\nTimeline of one start-up (median of the runs above, ms from the element's creation):\n\n${startupTimelineTable(startup)}`);

console.log('\n## Embedding (production build of dist/, served from a deep path)\n');
console.log(embed.text);

console.log('\n## Article (Lighthouse, mobile: a news article alone and with a map in its first viewport)\n');
console.log(articleTable(await runArticleBench()));

if (existsSync(new URL('./flows.mjs', import.meta.url))) {
  const { runFlowsBench } = await import('./flows.mjs');
  console.log('\n## Animated transfers\n');
  const result = await runFlowsBench();
  if (typeof result === 'string') console.log(result);
}

console.log('\n## Hover\n');
console.log(await runHoverBench());

console.log('\n## Scale (a newsroom\'s own big dataset; ratios against the bundled dataset in the same run)\n');
console.log(await runScaleBench());
