import { passwordProblem } from './password-rules';

describe('password rules', () => {
  it.each([
    ['short', 'must be at least 12 characters'],
    ['elevenchars', 'must be at least 12 characters'],
    ['x'.repeat(129), 'must be at most 128 characters'],
    ['Password1234', 'is one of the most common passwords; choose another'],
    ['QWERTYUIOP123', 'is one of the most common passwords; choose another'],
    ['zzzzzzzzzzzzzz', 'is one of the most common passwords; choose another'],
  ])('refuses %j: %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each(['twelve-chars', 'a-long-enough-password', 'a1b2c3d4'.repeat(16), 'Correct horse, battery staple!'])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
