/**
 * Records a figure the test measured, for scripts/reliability-report.mjs (through
 * test/support/figures-plugin.mjs). Only what a test actually observed belongs here, never a
 * number copied from the configuration.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface Figure {
  /** The report's section: 'fuzz', 'injection', 'faults', 'leaks'. */
  group: string;
  name: string;
  value: number | string;
  unit?: string;
  note?: string;
  /** For a case that was tried: whether its test passed. */
  outcome?: 'passed' | 'failed';
}

export async function recordFigure(figure: Figure): Promise<void> {
  const recorded = await executeServerCommand<boolean, Figure>('record-figure', figure);
  if (recorded !== true) throw new Error(`the figures plugin did not record ${figure.group}/${figure.name}`);
}
