/**
 * The publish forms are rendered from `GET /api/listings/form-schema/{kind}`, so a tag an operator adds
 * shows up at once without a release (R-ADM-4), and required fields are enforced before submit (R-APP-2).
 *
 * The server's shape (FormSchemaOut): { kind, label, notice, taxonomy_version, steps: [{ key, title, fields }] },
 * each field { name, label, type, required, help, options: [{value, label, industry_id?}], max_length, min,
 * min_exclusive, max, max_items, accept: [...], multiple, depends_on, unit_field, min_field, item_fields }.
 * Field types the server uses: text, textarea, integer, quantity, money, unit, select, multiselect,
 * industry, category (options narrowed by `depends_on`), job_type, process_types, boolean, date, region,
 * media, list (rows of item_fields), location (filled by the app, not typed). Other spellings listed below
 * are accepted too, so the renderer survives small changes on either side.
 */

export type FieldType =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'select'
  | 'multiselect'
  | 'boolean'
  | 'region'
  | 'files'
  | 'notice'
  | 'list'
  | 'hidden'

export interface FieldOption {
  value: string | number
  label: string
  /** The raw option, for narrowing by a parent field (e.g. its industry_id). */
  extra?: Record<string, unknown>
}

export interface FormField {
  name: string
  label: string
  type: FieldType
  required: boolean
  placeholder?: string
  help?: string
  unit?: string
  options: FieldOption[]
  min?: number
  max?: number
  /** The value must be greater than this (quantities: > 0). */
  minExclusive?: number
  maxLength?: number
  maxCount?: number
  /** Kinds of file a files field takes: image, video, drawing, pdf. */
  accept: string[]
  purpose?: string
  default?: unknown
  /** Shown only when another field has a value. */
  dependsOn?: { field: string; value: unknown }
  /** Options narrowed to those whose `<name>` equals the value of that field (category ← industry). */
  optionsFilter?: string
  /** A date that may not be before another date field (period_end ≥ period_start). */
  minField?: string
  /** Columns of one row of a list field (equipment: name, model, count). */
  itemFields?: FormField[]
  /** The field holding this amount's unit or currency (quantity → quantity_unit). */
  unitField?: string
  currencyField?: string
}

export interface FormStep {
  key: string
  title: string
  fields: FormField[]
}

export interface FormSchema {
  kind: string
  title: string
  version: string | number
  /** A statement shown above the form (labour: workers pay no fees). */
  notice?: string
  steps: FormStep[]
}

export interface FieldError {
  field: string
  label: string
  message: string
}

const TYPE_ALIASES: Record<string, FieldType> = {
  text: 'text',
  string: 'text',
  char: 'text',
  input: 'text',
  textarea: 'textarea',
  longtext: 'textarea',
  integer: 'integer',
  int: 'integer',
  number: 'decimal',
  decimal: 'decimal',
  float: 'decimal',
  money: 'decimal',
  date: 'date',
  select: 'select',
  choice: 'select',
  single_choice: 'select',
  radio: 'select',
  multiselect: 'multiselect',
  multi_select: 'multiselect',
  multi_choice: 'multiselect',
  multiple_choice: 'multiselect',
  tags: 'multiselect',
  checkbox: 'multiselect',
  process_types: 'multiselect',
  industry: 'select',
  category: 'select',
  job_type: 'select',
  unit: 'select',
  quantity: 'decimal',
  media: 'files',
  list: 'list',
  rows: 'list',
  location: 'hidden',
  hidden: 'hidden',
  boolean: 'boolean',
  bool: 'boolean',
  switch: 'boolean',
  region: 'region',
  files: 'files',
  file: 'files',
  image: 'files',
  images: 'files',
  upload: 'files',
  video: 'files',
  drawing: 'files',
  drawings: 'files',
  notice: 'notice',
  statement: 'notice',
}

function normaliseOption(raw: unknown): FieldOption {
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>
    const value = (o.value ?? o.id ?? o.code ?? o.name) as string | number
    const label = String(o.label ?? o.name ?? o.title ?? value)
    return { value, label, extra: o }
  }
  return { value: raw as string | number, label: String(raw) }
}

function normaliseField(raw: Record<string, unknown>): FormField {
  const rawType = String(raw.type ?? raw.widget ?? 'text').toLowerCase()
  let type = TYPE_ALIASES[rawType] ?? 'text'
  if (type === 'select' && (raw.multiple === true || raw.many === true)) type = 'multiselect'
  const declared = raw.accept
  const accept = Array.isArray(declared)
    ? declared.map(String)
    : typeof declared === 'string'
      ? declared === 'any'
        ? ['image', 'pdf']
        : [declared]
      : rawType === 'video'
        ? ['video']
        : rawType.startsWith('drawing')
          ? ['drawing']
          : ['image']
  const num = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v))
  const rawDepends = raw.depends_on ?? raw.visible_if
  const depends = rawDepends && typeof rawDepends === 'object' ? (rawDepends as { field: string; value: unknown }) : undefined
  const optionsFilter = typeof rawDepends === 'string' ? rawDepends : undefined
  return {
    name: String(raw.name ?? raw.key ?? raw.field),
    label: String(raw.label ?? raw.title ?? raw.name),
    type,
    required: raw.required === true,
    placeholder: (raw.placeholder as string) || undefined,
    help: ((raw.help ?? raw.help_text ?? raw.description) as string) || undefined,
    unit: (raw.unit as string) || undefined,
    options: Array.isArray(raw.options ?? raw.choices) ? ((raw.options ?? raw.choices) as unknown[]).map(normaliseOption) : [],
    min: num(raw.min ?? raw.minimum),
    max: num(raw.max ?? raw.maximum),
    minExclusive: num(raw.min_exclusive ?? raw.exclusive_minimum),
    maxLength: num(raw.max_length ?? raw.maxLength),
    maxCount: num(raw.max_items ?? raw.max_count ?? raw.max_files ?? raw.maxCount),
    accept,
    purpose: (raw.purpose as string) || (type === 'files' ? 'post_media' : undefined),
    default: raw.default,
    dependsOn: depends && depends.field ? depends : undefined,
    optionsFilter,
    minField: (raw.min_field as string) || undefined,
    itemFields: Array.isArray(raw.item_fields) ? (raw.item_fields as Array<Record<string, unknown>>).map(normaliseField) : undefined,
    unitField: (raw.unit_field as string) || undefined,
    currencyField: (raw.currency_field as string) || undefined,
  }
}

export function normaliseSchema(raw: unknown): FormSchema {
  const r = (raw || {}) as Record<string, unknown>
  const rawSteps = (r.steps ?? r.sections ?? r.groups) as Array<Record<string, unknown>> | undefined
  let steps: FormStep[]
  if (Array.isArray(rawSteps) && rawSteps.length) {
    steps = rawSteps.map((s, i) => ({
      key: String(s.key ?? s.name ?? i),
      title: String(s.title ?? s.label ?? `第 ${i + 1} 步`),
      fields: ((s.fields ?? []) as Array<Record<string, unknown>>).map(normaliseField),
    }))
  } else {
    // A flat list: fields name their step; those that do not share one step.
    const fields = ((r.fields ?? []) as Array<Record<string, unknown>>) || []
    const byStep = new Map<string, FormStep>()
    for (const f of fields) {
      const title = String(f.step ?? f.section ?? '基本信息')
      if (!byStep.has(title)) byStep.set(title, { key: title, title, fields: [] })
      byStep.get(title)!.fields.push(normaliseField(f))
    }
    steps = [...byStep.values()]
  }
  return {
    kind: String(r.kind ?? ''),
    title: String(r.title ?? r.label ?? ''),
    version: (r.version ?? r.taxonomy_version ?? '') as string | number,
    notice: (r.notice as string) || undefined,
    steps: steps.filter((s) => s.fields.length > 0),
  }
}

export function isVisible(field: FormField, values: Record<string, unknown>): boolean {
  if (!field.dependsOn) return true
  const actual = values[field.dependsOn.field]
  const wanted = field.dependsOn.value
  return Array.isArray(wanted) ? wanted.includes(actual) : actual === wanted
}

/** The options a field offers now: a category list narrowed to the chosen industry, for instance. */
export function visibleOptions(field: FormField, values: Record<string, unknown>): FieldOption[] {
  if (!field.optionsFilter) return field.options
  const parent = values[field.optionsFilter]
  if (parent === undefined || parent === null || parent === '') return []
  return field.options.filter((o) => {
    const tag = o.extra?.[field.optionsFilter!]
    return tag === undefined || String(tag) === String(parent)
  })
}

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  return false
}

/** Errors of one field, in Chinese, naming the field. `all` lets a date be compared with another. */
export function validateField(field: FormField, values: Record<string, unknown>, all: FormField[] = []): string | null {
  if (field.type === 'notice' || field.type === 'hidden' || !isVisible(field, values)) return null
  const value = values[field.name]
  if (isEmpty(value)) {
    if (!field.required) return null
    return ['select', 'multiselect', 'region', 'date'].includes(field.type)
      ? `请选择${field.label}`
      : field.type === 'files'
        ? `请上传${field.label}`
        : field.type === 'list'
          ? `请至少添加一项${field.label}`
          : `请填写${field.label}`
  }
  if (field.type === 'list' && Array.isArray(value) && field.itemFields) {
    for (let i = 0; i < value.length; i++) {
      const row = (value[i] || {}) as Record<string, unknown>
      for (const col of field.itemFields) {
        const problem = validateField(col, row)
        if (problem) return `${field.label}第 ${i + 1} 项：${problem}`
      }
    }
  }
  if (field.type === 'date' && field.minField && typeof value === 'string') {
    const other = values[field.minField]
    if (typeof other === 'string' && other && value < other) {
      const otherLabel = all.find((f) => f.name === field.minField)?.label || '开始日期'
      return `${field.label}不能早于${otherLabel}`
    }
  }
  if ((field.type === 'select' || field.type === 'multiselect') && field.optionsFilter) {
    const allowed = new Set(visibleOptions(field, values).map((o) => String(o.value)))
    const chosen = Array.isArray(value) ? value : [value]
    if (chosen.some((v) => !allowed.has(String(v)))) return `请重新选择${field.label}`
  }
  if (field.type === 'boolean' && field.required && value !== true) return `请确认${field.label}`
  if (field.type === 'integer' || field.type === 'decimal') {
    const n = Number(value)
    if (!Number.isFinite(n)) return `${field.label}应为数字`
    if (field.type === 'integer' && !Number.isInteger(n)) return `${field.label}应为整数`
    if (field.min !== undefined && n < field.min) return `${field.label}不能小于 ${field.min}`
    if (field.minExclusive !== undefined && n <= field.minExclusive) return `${field.label}必须大于 ${field.minExclusive}`
    if (field.max !== undefined && n > field.max) return `${field.label}不能大于 ${field.max}`
  }
  if (typeof value === 'string' && field.maxLength && value.length > field.maxLength) {
    return `${field.label}不能超过 ${field.maxLength} 个字`
  }
  if (Array.isArray(value) && field.maxCount && value.length > field.maxCount) {
    return `${field.label}最多 ${field.maxCount} 个`
  }
  return null
}

export function validateFields(fields: FormField[], values: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  for (const field of fields) {
    const message = validateField(field, values, fields)
    if (message) errors.push({ field: field.name, label: field.label, message })
  }
  return errors
}

export function validateSchema(schema: FormSchema, values: Record<string, unknown>): FieldError[] {
  return validateFields(schema.steps.flatMap((s) => s.fields), values)
}

/** Initial values: defaults from the schema, overlaid with a draft or post being edited. */
export function initialValues(schema: FormSchema, existing?: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const field of schema.steps.flatMap((s) => s.fields)) {
    if (field.type === 'notice') continue
    const given = existing?.[field.name]
    if (existing && field.name in existing && given !== null && given !== undefined) values[field.name] = given
    else if (field.default !== undefined && field.default !== null) values[field.name] = field.default
    else if (field.type === 'multiselect' || field.type === 'files' || field.type === 'list') values[field.name] = []
    else if (field.type === 'boolean') values[field.name] = false
    else values[field.name] = ''
  }
  return values
}

/** What is sent: numbers as numbers, empty optional values left out, hidden fields dropped. */
export function serialiseValues(schema: FormSchema, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of schema.steps.flatMap((s) => s.fields)) {
    if (field.type === 'notice' || !isVisible(field, values)) continue
    const value = values[field.name]
    if (isEmpty(value)) continue
    if (field.type === 'integer' || field.type === 'decimal') {
      const n = Number(value)
      out[field.name] = Number.isFinite(n) ? n : value
    } else if (field.type === 'list' && Array.isArray(value)) {
      const cols = field.itemFields || []
      const step = { key: 'row', title: '', fields: cols }
      out[field.name] = value.map((row) => serialiseValues({ kind: '', title: '', version: '', steps: [step] }, (row || {}) as Record<string, unknown>))
    } else if (field.type === 'files' && Array.isArray(value)) {
      out[field.name] = value.map((f) => (f && typeof f === 'object' && 'id' in f ? (f as { id: string }).id : f))
    } else out[field.name] = value
  }
  return out
}
