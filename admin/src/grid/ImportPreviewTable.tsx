import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatValue } from './columns';
import { gridColumnOf, type ImportCell, type ImportPlan, type ImportServerErrors } from './importPlan';

/** Rows shown in full; rows with a problem are always shown, wherever they are in the file. */
const SHOWN_ROWS = 100;

interface Props {
  plan: ImportPlan;
  serverErrors: ImportServerErrors | null;
  onCorrect: (row: number, column: string, text: string) => void;
}

function shown(cell: ImportCell, yesNo: [string, string]): string {
  return cell.shown ?? formatValue(gridColumnOf(cell.target), cell.parsed, yesNo);
}

/** Every imported row as it will be written, with what is wrong with it; a wrong value can be corrected in place. */
export function ImportPreviewTable({ plan, serverErrors, onCorrect }: Props) {
  const translate = useTranslate();
  const yesNo: [string, string] = [translate('placewise.yes'), translate('placewise.no')];
  const problem = (index: number) =>
    plan.rows[index].invalid || Boolean(serverErrors?.rows[index]) || plan.targets.some((t) => serverErrors?.cells[`${index}:${t.name}`]);
  const rows = plan.rows.filter((row) => row.index < SHOWN_ROWS || problem(row.index));
  const hidden = plan.rows.length - rows.length;
  return (
    <>
      <table className="pw-paste-table" data-testid="import-preview-table">
        <thead>
          <tr>
            <th>{translate('placewise.grid.import.line')}</th>
            {plan.targets.map((t) => (
              <th key={t.name} data-column={t.name}>
                {t.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const rowError = serverErrors?.rows[row.index];
            return (
              <tr key={row.index} data-row={row.index} className={rowError ? 'pw-paste-row-error' : undefined}>
                <th scope="row" title={rowError}>
                  {row.index + 1}
                  {rowError && <span className="pw-paste-message" data-testid="import-row-error">{rowError}</span>}
                </th>
                {row.cells.map((cell) => {
                  const error = cell.error ?? serverErrors?.cells[`${row.index}:${cell.target.name}`];
                  return (
                    <td key={cell.target.name} data-column={cell.target.name} data-error={error ? 'true' : undefined} className={error ? 'pw-paste-error' : undefined}>
                      {error ? (
                        <input
                          className="pw-import-fix"
                          defaultValue={cell.text}
                          aria-label={`${cell.target.label} ${row.index + 1}`}
                          data-testid={`import-fix-${row.index}-${cell.target.name}`}
                          onBlur={(e) => e.target.value !== cell.text && onCorrect(row.index, cell.target.name, e.target.value)}
                          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                        />
                      ) : (
                        <span className="pw-paste-after">{shown(cell, yesNo)}</span>
                      )}
                      {error && <span className="pw-paste-message">{error}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {hidden > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('placewise.grid.import.more', { count: hidden, smart_count: hidden })}
        </Typography>
      )}
    </>
  );
}
