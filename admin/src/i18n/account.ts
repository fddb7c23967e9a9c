/** Labels of the signed-in person's own account menu (admin/src/layout/ChangePassword.tsx). */
export const accountLabels = {
  changePassword: 'Change password',
  current: 'Current password',
  next: 'New password',
  repeat: 'New password again',
  rules: '12 to 128 characters, not one of the most common passwords',
  mismatch: 'The two new passwords differ',
  save: 'Change password',
  cancel: 'Cancel',
  changed: 'Password changed; your other sessions are signed out',
};
