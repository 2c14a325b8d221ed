export function words(text: string): string[];
export function nGrams(ws: string[], n: number): string[];
export function fingerprint(run: string): Promise<string>;
