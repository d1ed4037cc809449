import argon2 from 'argon2';

/** Hashes a staff password with argon2id (the library's recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Checks a password against its hash; false for a malformed hash rather than throwing. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so that a wrong username costs the
// same time as a wrong password and does not reveal which accounts exist.
let decoy: Promise<string> | undefined;

/** Spends the time of one verification without an account. */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('toyclub-decoy-password');
  await verifyPassword(await decoy, password);
}

/** The password policy: 10–128 characters, not all one kind. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10 || password.length > 128) return '密码须为 10-128 个字符';
  if (/^\d+$/.test(password) || /^[A-Za-z]+$/.test(password)) return '密码不能只含数字或只含字母';
  return null;
}
