/**
 * Password policy (architecture.md security baseline): at least 10 characters from at least 3 of
 * the 4 classes (lower case, upper case, digits, symbols), at most 128, not containing the user
 * name. Returns the problems in Chinese; an empty list means the password is acceptable.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n += 1;
  if (/[A-Z]/.test(pw)) n += 1;
  if (/[0-9]/.test(pw)) n += 1;
  if (/[^A-Za-z0-9]/.test(pw)) n += 1;
  return n;
}

export function checkPassword(pw: string, username?: string): string[] {
  const problems: string[] = [];
  if ([...pw].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if ([...pw].length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  if (passwordClasses(pw) < 3) problems.push('密码须包含小写字母、大写字母、数字、符号中的至少三类');
  if (username && username.length >= 3 && pw.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}
