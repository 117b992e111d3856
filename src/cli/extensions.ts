/**
 * Module commands, e.g. `banzi disclosures verify-draw FILE`. A module adds one entry.
 */
import type { Config } from '../server/config.js';

export interface CliExtension {
  command: string;
  sub?: string;
  usage: string;
  help: string;
  /** Returns the exit code */
  run(args: string[], config: Config): Promise<number>;
}

export const CLI_EXTENSIONS: CliExtension[] = [];
