import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { demoWanted } from './main.js';

describe('demo data is opt-in (issue 16 §1)', () => {
  const cfg = (env: Record<string, string>) => loadConfig(env, '/srv/banzi');

  it('npm start (--demo) loads the demo into the default embedded database only', () => {
    expect(demoWanted(cfg({}), true)).toBe(true);
    expect(demoWanted(cfg({ BANZI_DATABASE_URL: 'postgres://db/banzi' }), true)).toBe(false);
    expect(demoWanted(cfg({ BANZI_DB_FILE: 'real.db' }), true)).toBe(false);
  });

  it('banzi start / serve without --demo starts empty: a real installation', () => {
    expect(demoWanted(cfg({}), false)).toBe(false);
  });

  it('BANZI_DEMO=0 always wins, BANZI_DEMO=1 asks for it on any empty database', () => {
    expect(demoWanted(cfg({ BANZI_DEMO: '0' }), true)).toBe(false);
    expect(demoWanted(cfg({ BANZI_DEMO: '1' }), false)).toBe(true);
    expect(demoWanted(cfg({ BANZI_DEMO: '1', BANZI_DATABASE_URL: 'postgres://db/banzi' }), false)).toBe(true);
  });
});
