import type { RenderEditCellProps } from 'react-data-grid';
import type { GridColumn } from './columns';
import { MultiSelectEditor, SelectEditor, TextEditor, type Row } from './editors';
import { ReferenceEditor } from './ReferenceEditor';

/** The editor of a column, by its type: codes and yes/no from a list, lists of codes as tick boxes, references searched, the rest typed. */
export function editorFor(column: GridColumn, yesNo: [string, string]) {
  return function Editor(props: RenderEditCellProps<Row>) {
    switch (column.kind) {
      case 'enum':
        return (
          <SelectEditor {...props} allowEmpty={!column.required} options={(column.enumValues ?? []).map((o) => ({ value: o.value, label: `${o.value} – ${o.description}` }))} />
        );
      case 'boolean':
        return (
          <SelectEditor
            {...props}
            allowEmpty={!column.required}
            options={[
              { value: 'true', label: yesNo[0] },
              { value: 'false', label: yesNo[1] },
            ]}
          />
        );
      case 'enumList':
        return <MultiSelectEditor {...props} gridColumn={column} />;
      case 'reference':
        return <ReferenceEditor {...props} gridColumn={column} allowEmpty={!column.required} />;
      default:
        return <TextEditor {...props} gridColumn={column} />;
    }
  };
}
