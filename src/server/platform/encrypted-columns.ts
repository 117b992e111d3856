/**
 * Every column that holds a field ciphertext (`*_enc`), with the table it belongs to. A value is
 * encrypted for one (table, column, row id) and decrypts only there (issue 8 §7b). The list is the
 * one place bootstrap re-encrypts from, and a test keeps it equal to the `_enc` columns the
 * migrations create: a module adding an encrypted column adds one line here.
 */
export const ENCRYPTED_COLUMNS = [
  { table: 'people', column: 'id_number_enc' },
  { table: 'disclosure_reports', column: 'payload_enc' },
  { table: 'disclosure_amendments', column: 'reason_enc' },
  { table: 'disclosure_amendments', column: 'payload_enc' },
  { table: 'disclosure_draws', column: 'seed_enc' },
  { table: 'disclosure_checks', column: 'reason_enc' },
  { table: 'disclosure_checks', column: 'registry_enc' },
  { table: 'disclosure_check_items', column: 'reasons_enc' },
  { table: 'disclosure_explanations', column: 'text_enc' },
  { table: 'disclosure_cases', column: 'note_enc' },
  { table: 'disclosure_business_cases', column: 'details_enc' },
  { table: 'disclosure_business_cases', column: 'note_enc' },
  { table: 'supervision_records', column: 'summary_enc' },
  { table: 'supervision_records', column: 'allegations_enc' },
  { table: 'supervision_records', column: 'reply_enc' },
] as const;

export type EncryptedColumn = (typeof ENCRYPTED_COLUMNS)[number];
