export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Passwords long enough to pass the length rule that are still among the first tried by
 * guessing tools (breach lists, keyboard walks, the product's own name). Compared in lower case.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000', '123123123123',
  '987654321098', '098765432109', '112233445566', '121212121212', 'password1234', 'password12345', 'password123456',
  'passwordpassword', 'password1234!', 'password123!', 'p@ssword1234', 'p@ssw0rd1234', 'passw0rd1234', 'qwertyuiop12',
  'qwertyuiop123', 'qwertyuiopasdfgh', 'qwerty123456', 'qwerty1234567', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'asdfghjkl123', 'zxcvbnm12345', 'qazwsxedcrfv', 'abcdefghijkl', 'abc123456789', 'abcd12345678', 'iloveyou1234',
  'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234', 'changemenow1', 'administrator', 'administrator1',
  'admin1234567', 'admin123456789', 'adminadmin12', 'trustno1trustno1', 'football1234', 'baseball1234', 'sunshine1234',
  'princess1234', 'monkey123456', 'dragon123456', 'master123456', 'superman1234', 'starwars1234', 'liverpool123',
  'chelsea12345', 'arsenal12345', 'manchester12', 'london123456', 'england12345', 'summer2024!!', 'winter2025!!',
  'spring2026!!', 'autumn2025!!', 'january20251', 'christmas123', 'placewise123', 'placewise1234', 'placewise2026',
  'council12345', 'children1234', 'fostering123', 'secret123456', 'mypassword12', 'mypassword123', 'thisismypassword',
  'correcthorsebatterystaple', 'aaaaaaaaaaaa', 'password1password1',
]);

/** What is wrong with a new password, or null when it will do: the one rule for every way a password is set. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'is one of the most common passwords; choose another';
  return null;
}
