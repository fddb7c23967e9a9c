import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { Button, Checkbox, FormControlLabel, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { GridColumn } from './columns';

interface Props {
  columns: GridColumn[];
  hidden: string[];
  label: (column: GridColumn) => string;
  onChange: (hidden: string[]) => void;
}

/** Show or hide columns; the choice is kept per user. */
export function ColumnChooser({ columns, hidden, label, onChange }: Props) {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const visibleCount = columns.filter((c) => !hidden.includes(c.key)).length;
  return (
    <>
      <Button size="small" startIcon={<ViewColumnIcon />} onClick={(e) => setAnchor(e.currentTarget)} data-testid="column-chooser">
        {translate('placewise.grid.columns')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {columns.map((column) => {
          const shown = !hidden.includes(column.key);
          return (
            <MenuItem key={column.key} dense disableRipple sx={{ py: 0 }}>
              <FormControlLabel
                sx={{ width: '100%', m: 0 }}
                control={
                  <Checkbox
                    size="small"
                    checked={shown}
                    disabled={shown && visibleCount === 1}
                    slotProps={{ input: { 'aria-label': label(column), ...({ 'data-column': column.key } as object) } }}
                    onChange={() => onChange(shown ? [...hidden, column.key] : hidden.filter((k) => k !== column.key))}
                  />
                }
                label={label(column)}
              />
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}
