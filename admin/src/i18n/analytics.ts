/** Labels of the analytics page kit (admin/src/analytics). */
export const analyticsLabels = {
  exportCsv: 'Export CSV',
  rows: '%{smart_count} row |||| %{smart_count} rows',
  noRows: 'Nothing to show for these filters.',
  forbidden: 'Your role cannot read analytics.',
  onDate: 'On',
};
