import { Create, DeleteWithConfirmButton, Edit, SaveButton, SimpleForm, Toolbar, useCanAccess, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { schemaModel } from '../providers/schemaModel';
import { formInputs, type ReferenceFilters } from './inputs';

function EditToolbar() {
  const resource = schemaModel.resource(useResourceContext()!);
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: resource.name, action: 'delete' });
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {resource.archiveMutation && canAccess && record && !record.archivedAt && (
        <DeleteWithConfirmButton
          label={translate('placewise.action.archive')}
          confirmTitle={translate('placewise.action.archiveTitle', { name: record[resource.labelField] })}
          confirmContent={translate('placewise.action.archiveContent')}
          mutationMode="pessimistic"
        />
      )}
    </Toolbar>
  );
}

/** When the record is read again while the form is open (the list's copy, then the full record), keep what was typed. */
const KEEP_TYPED = { keepDirtyValues: true } as const;

/** An edit page from the resource's update input; saved with the loaded version (a stale one is refused with CONFLICT). */
export function GenericEdit({ fields, referenceFilters }: { fields?: string[]; referenceFilters?: ReferenceFilters }) {
  const resource = schemaModel.resource(useResourceContext()!);
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<EditToolbar />} resetOptions={KEEP_TYPED}>{formInputs(resource, resource.updateInputType, fields, referenceFilters)}</SimpleForm>
    </Edit>
  );
}

/** A create page from the resource's create input. */
export function GenericCreate({ fields, referenceFilters }: { fields?: string[]; referenceFilters?: ReferenceFilters }) {
  const resource = schemaModel.resource(useResourceContext()!);
  return (
    <Create redirect="list">
      <SimpleForm>{formInputs(resource, resource.createInputType, fields, referenceFilters)}</SimpleForm>
    </Create>
  );
}
