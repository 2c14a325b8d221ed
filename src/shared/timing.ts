/**
 * Start-up stages as User Timing marks (`prison-map:<stage>`): they show in the browser's
 * performance panel, and `npm run bench` prints them as the timeline of one start-up. A mark
 * costs next to nothing; with several maps on a page the marks of all of them interleave.
 */
export type StartupStage =
  | 'activate' | 'pipeline-loaded' | 'data-loaded' | 'maplibre-loaded' | 'basemap-built'
  | 'map-created' | 'style-loaded' | 'map-loaded' | 'model-drawn' | 'ready';

export function markStartup(stage: StartupStage): void {
  performance.mark?.(`prison-map:${stage}`);
}
