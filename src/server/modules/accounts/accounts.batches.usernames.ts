/**
 * Usernames for a batch of accounts (issue 16 §1): the unit's code in lower case, a dot and a
 * three-digit sequence (`gz01.001`), continuing after the highest number already taken under
 * that prefix. Deterministic for the same people in the same order and the same taken names.
 * Pure: no I/O.
 */

const USERNAME_RE = /^[a-z0-9._-]{3,64}$/;

/** The prefix of a unit's usernames: its code in lower case, or 'user' for a unit without one. */
export function usernamePrefix(unitCode: string | null): string {
  const code = (unitCode ?? '').toLowerCase().replace(/[^a-z0-9._-]/g, '');
  return code ? code.slice(0, 40) : 'user';
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

/** The highest sequence number taken under each prefix (`prefix.NNN`). */
function highestTaken(taken: Iterable<string>): Map<string, number> {
  const high = new Map<string, number>();
  for (const name of taken) {
    const m = /^(.+)\.(\d{1,9})$/.exec(name.toLowerCase());
    if (!m) continue;
    const [, prefix, n] = m as unknown as [string, string, string];
    high.set(prefix, Math.max(high.get(prefix) ?? 0, Number(n)));
  }
  return high;
}

/**
 * A username for each person, in the order given: the next free number under the unit's prefix.
 * Never one of `taken` (compared in lower case), never twice.
 */
export function planUsernames(
  people: readonly { personId: string; unitCode: string | null }[],
  taken: Iterable<string>,
): Map<string, string> {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const next = highestTaken(used);
  const out = new Map<string, string>();
  for (const p of people) {
    const prefix = usernamePrefix(p.unitCode);
    let n = (next.get(prefix) ?? 0) + 1;
    while (used.has(`${prefix}.${pad(n)}`)) n++;
    const name = `${prefix}.${pad(n)}`;
    next.set(prefix, n);
    used.add(name);
    if (!USERNAME_RE.test(name)) throw new Error(`bad planned username ${name}`);
    out.set(p.personId, name);
  }
  return out;
}
