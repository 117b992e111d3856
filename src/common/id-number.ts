/**
 * Resident ID numbers (公民身份号码, GB 11643-1999), rule ID-01. 18 characters only: 17 digits and
 * a check character (ISO 7064 MOD 11-2). A lower-case x is accepted and stored as X; a 15-digit
 * number is refused with a message asking for the 18-digit one (regulations.md §17a).
 */
import { isIsoDate } from './dates.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

export type IdNumberResult =
  { ok: true; value: string; birthDate: string; sex: 'M' | 'F' } | { ok: false; message: string };

export function parseIdNumber(raw: string): IdNumberResult {
  const v = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(v)) return { ok: false, message: '不再接受 15 位身份证号，请填写 18 位号码' };
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, message: '身份证号应为 18 位：17 位数字加 1 位校验码（数字或 X）' };
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) return { ok: false, message: `身份证号中的出生日期 ${birthDate} 无效` };
  const expected = checkCharacter(v.slice(0, 17));
  if (v[17] !== expected) return { ok: false, message: '身份证号校验码错误（GB 11643），请核对后重新输入' };
  return { ok: true, value: v, birthDate, sex: Number(v[16]) % 2 === 1 ? 'M' : 'F' };
}

/** Shown to those without authority: the first two and last four characters. */
export function maskIdNumber(last4: string | null): string | null {
  return last4 ? `**************${last4}` : null;
}
