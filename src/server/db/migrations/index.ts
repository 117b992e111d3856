/**
 * Module migrations after the foundation, in order. Each module adds its own file
 * (e.g. 0100_meetings.ts) and one line here. Names sort in the order they must run.
 */
import type { Migration } from 'kysely';
import * as m0100 from './0100_meetings.js';
import * as m0101 from './0101_decisions.js';
import * as m0200 from './0200_ballots.js';
import * as m0201 from './0201_assessments.js';
import * as m0250 from './0250_influence_periods.js';
import * as m0300 from './0300_disclosures.js';
import * as m0400 from './0400_account_separation.js';
import * as m0900 from './0900_audit_integrity.js';
import * as m0450 from './0450_unit_codes.js';
import * as m0410 from './0410_rule_snapshots.js';
import * as m0910 from './0910_ballot_code_failures.js';
import * as m0920 from './0920_supervision.js';
import * as m0930 from './0930_account_batches.js';
import * as m0940 from './0940_meeting_headings.js';

export const EXTRA_MIGRATIONS: Record<string, Migration> = {
  '0100_meetings': m0100,
  '0101_decisions': m0101,
  '0200_ballots': m0200,
  '0201_assessments': m0201,
  '0250_influence_periods': m0250,
  '0300_disclosures': m0300,
  '0400_account_separation': m0400,
  '0900_audit_integrity': m0900,
  '0450_unit_codes': m0450,
  '0410_rule_snapshots': m0410,
  '0910_ballot_code_failures': m0910,
  '0920_supervision': m0920,
  '0930_account_batches': m0930,
  '0940_meeting_headings': m0940,
};
