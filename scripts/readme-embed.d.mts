export const README_CDN: string;
export function htmlBlocks(readme: string, heading: string): string[];
export function readmeEmbeds(readme: string, url: (file: string) => string): { script: string; iframe: string };
