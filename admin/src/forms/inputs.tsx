import type { ReactElement } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  NullableBooleanInput,
  NumberInput,
  PasswordInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import type { IntrospectionInputObjectType, IntrospectionInputValue } from 'graphql';
import { formatDate, parseDate } from '../i18n/formats';
import { namedType, schemaModel, type EnumOption, type ResourceModel } from '../providers/schemaModel';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown) => (value === null || value === undefined || value === '' || ISO_DATE.test(String(value)) ? undefined : 'placewise.grid.enterDate');

/**
 * A date typed the British way (31/03/2026, 31/3/26), whatever the browser's language: a
 * native date input would show the browser's own order (03/31/2026 in an American browser).
 */
function BritishDateInput({ validate, ...props }: { source: string; validate?: ReturnType<typeof required>; alwaysOn?: boolean; helperText?: false }) {
  return (
    <TextInput
      {...props}
      placeholder="DD/MM/YYYY"
      format={(value: string | null | undefined) => (value && ISO_DATE.test(value) ? formatDate(value) : (value ?? ''))}
      parse={(text: string) => (text.trim() === '' ? null : (parseDate(text) ?? text))}
      validate={validate ? [validate, isDate] : isDate}
    />
  );
}

const choicesOf = (options: EnumOption[] | undefined) => (options ?? []).map((o) => ({ id: o.value, name: `${o.value} – ${o.description}` }));

function referenceOf(resource: ResourceModel, fieldName: string): ResourceModel | undefined {
  const field = resource.fields.find((f) => f.name === fieldName);
  if (field?.reference) return schemaModel.resource(field.reference);
  return undefined;
}

/** Which records a reference input offers, per field: a route's contract among transport contracts only. */
export type ReferenceFilters = Record<string, Record<string, unknown>>;

function inputFor(
  resource: ResourceModel,
  field: IntrospectionInputValue,
  options: { alwaysOn?: boolean; filter?: boolean; source?: string; referenceFilters?: ReferenceFilters } = {},
): ReactElement | null {
  const ref = namedType(field.type);
  const source = options.source ?? field.name;
  const validate = !options.filter && field.type.kind === 'NON_NULL' && field.defaultValue == null ? required() : undefined;
  const common = { source, key: source, helperText: false as const, validate, ...(options.alwaysOn ? { alwaysOn: true } : {}) };
  const target = ref.name === 'ID' ? referenceOf(resource, field.name) : undefined;
  if (target && ref.list && !options.filter) {
    // A list of references (a route's `childIds`): chips, each picked by searching the resource.
    // (A filter's `in` list keeps the single picker: one provider, named in the URL.)
    return (
      <ReferenceArrayInput key={source} source={source} reference={target.name} {...(options.alwaysOn ? { alwaysOn: true } : {})}>
        <AutocompleteArrayInput optionText={target.labelField} filterToQuery={(q: string) => ({ q })} helperText={false} validate={validate} sx={{ minWidth: 360 }} />
      </ReferenceArrayInput>
    );
  }
  if (target) {
    return (
      <ReferenceInput
        key={source}
        source={source}
        reference={target.name}
        {...(options.referenceFilters?.[field.name] ? { filter: options.referenceFilters[field.name] } : {})}
        {...(options.alwaysOn ? { alwaysOn: true } : {})}
      >
        <AutocompleteInput optionText={target.labelField} filterToQuery={(q: string) => ({ q })} helperText={false} validate={validate} sx={{ minWidth: 280 }} />
      </ReferenceInput>
    );
  }
  if (ref.kind === 'ENUM') {
    const choices = choicesOf(schemaModel.enumOptions(ref.name));
    return ref.list || options.filter ? <SelectArrayInput {...common} choices={choices} /> : <SelectInput {...common} choices={choices} emptyText="" />;
  }
  if (ref.kind === 'INPUT_OBJECT') {
    const nested = schemaModel.inputType(ref.name);
    if (!nested || !ref.list) return null;
    return (
      <ArrayInput key={source} source={source} helperText={false}>
        <SimpleFormIterator inline>
          {nested.inputFields.map((f) => inputFor(resource, f, { source: f.name }))}
        </SimpleFormIterator>
      </ArrayInput>
    );
  }
  switch (ref.name) {
    case 'Int':
      return <NumberInput {...common} step={1} />;
    case 'Float':
      return <NumberInput {...common} />;
    case 'Boolean':
      return options.filter ? <NullableBooleanInput {...common} /> : <BooleanInput {...common} />;
    case 'Date':
      return <BritishDateInput {...common} />;
    default:
      if (field.name === 'password') return <PasswordInput {...common} autoComplete="new-password" />;
      return <TextInput {...common} multiline={field.name === 'notes'} minRows={field.name === 'notes' ? 3 : undefined} />;
  }
}

/** Form inputs for a create or update input type, in the order given (or the type's own). */
export function formInputs(
  resource: ResourceModel,
  inputType: IntrospectionInputObjectType | undefined,
  order?: string[],
  referenceFilters?: ReferenceFilters,
): ReactElement[] {
  if (!inputType) return [];
  const fields = order
    ? order.map((n) => inputType.inputFields.find((f) => f.name === n)).filter((f): f is IntrospectionInputValue => Boolean(f))
    : inputType.inputFields;
  return fields.map((f) => inputFor(resource, f, { referenceFilters })).filter((e): e is ReactElement => e !== null);
}

/**
 * Filter inputs from the list's filter type: `q` is the free-text search; `field` uses the
 * field's natural operator; `field_gte` / `field_lte` give a range. Each becomes part of the
 * server filter (see buildFilter).
 */
export function filterInputs(resource: ResourceModel, keys: string[], alwaysOn: string[] = ['q']): ReactElement[] {
  const filterType = resource.filterType;
  if (!filterType) return [];
  return keys.flatMap((key) => {
    const on = alwaysOn.includes(key);
    if (key === 'q') return filterType.inputFields.some((f) => f.name === 'search') ? [<TextInput key="q" source="q" alwaysOn={on} helperText={false} resettable />] : [];
    const [name, op] = key.split('_');
    const field = filterType.inputFields.find((f) => f.name === name);
    if (!field) throw new Error(`${resource.name} cannot be filtered by ${name}`);
    const ref = namedType(field.type);
    if (ref.kind === 'INPUT_OBJECT' && !ref.list) {
      const ops = schemaModel.inputType(ref.name);
      const opField = ops?.inputFields.find((f) => f.name === (op ?? (ops.inputFields.some((o) => o.name === 'in') ? 'in' : ops.inputFields.some((o) => o.name === 'includesAny') ? 'includesAny' : ops.inputFields.some((o) => o.name === 'contains') ? 'contains' : 'eq')));
      if (!opField) throw new Error(`${resource.name}.${name} has no operator ${op}`);
      // The value's type is the operator's; the field's own type decides references.
      const element = inputFor(resource, { ...opField, name }, { filter: true, alwaysOn: on, source: key });
      return element ? [element] : [];
    }
    const element = inputFor(resource, field, { filter: true, alwaysOn: on, source: key });
    return element ? [element] : [];
  });
}
