import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import SchemaWizard from '@/components/SchemaWizard.vue'
import { normaliseSchema, validateSchema } from '@/utils/form-schema'
import { uniMock } from './setup'

// Light stand-ins for the wot-design-uni components the form uses.
const InputStub = (tag: 'input' | 'textarea') =>
  defineComponent({
    props: { modelValue: { type: [String, Number], default: '' }, placeholder: String },
    emits: ['update:modelValue'],
    setup(props, { emit, attrs }) {
      return () =>
        h(tag, {
          ...attrs,
          class: ['stub-input', attrs['custom-class']],
          value: props.modelValue,
          placeholder: props.placeholder,
          onInput: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).value),
        })
    },
  })
const ButtonStub = defineComponent({
  emits: ['click'],
  setup(_, { slots, emit }) {
    return () => h('button', { onClick: () => emit('click') }, slots.default?.())
  },
})
const stubs = {
  'wd-input': InputStub('input'),
  'wd-textarea': InputStub('textarea'),
  'wd-button': ButtonStub,
  'wd-icon': true,
  'wd-datetime-picker': true,
  'wd-popup': true,
  'wd-progress': true,
}

/** What GET /api/listings/form-schema/stock answers (shape per the client's expectation). */
function stockSchema(categories: Array<{ id: number; name: string }>) {
  return {
    kind: 'stock',
    title: '发布库存',
    version: 7,
    steps: [
      {
        key: 'product',
        title: '产品信息',
        fields: [
          { name: 'title', label: '产品名称', type: 'text', required: true, max_length: 60 },
          { name: 'category', label: '品类', type: 'select', required: true, options: categories.map((c) => ({ value: c.id, label: c.name })) },
          { name: 'grade', label: '成色', type: 'select', options: [{ value: 'A', label: 'A 级' }, { value: 'B', label: 'B 级' }] },
        ],
      },
      {
        key: 'quantity',
        title: '数量与价格',
        fields: [
          { name: 'quantity', label: '数量', type: 'integer', required: true, min: 1 },
          { name: 'unit', label: '单位', type: 'select', required: true, options: ['个', '件', '箱'] },
          { name: 'unit_price', label: '单价', type: 'decimal', unit: '元' },
          { name: 'images', label: '产品图片', type: 'images', max_count: 9 },
        ],
      },
    ],
  }
}

function mountWizard(raw: unknown, initial: Record<string, unknown> = {}) {
  return mount(SchemaWizard, { props: { schema: normaliseSchema(raw), initial }, global: { stubs } })
}

async function type(wrapper: VueWrapper, field: string, value: string) {
  await wrapper.get(`[data-testid="field-${field}"] .stub-input`).setValue(value)
}

async function tap(wrapper: VueWrapper, testid: string) {
  await wrapper.get(`[data-testid="${testid}"]`).trigger('click')
  await nextTick()
}

describe('form-schema renderer (R-APP-2, R-ADM-4)', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('renders a tag that was newly added to the schema, without a release', async () => {
    const before = mountWizard(stockSchema([{ id: 11, name: '保温杯' }]))
    expect(before.find('[data-testid="option-category-12"]').exists()).toBe(false)

    const after = mountWizard(stockSchema([{ id: 11, name: '保温杯' }, { id: 12, name: '收纳用品' }]))
    expect(after.get('[data-testid="option-category-12"]').text()).toBe('收纳用品')

    // And a schema that changes while the form is open picks the new option up too.
    await before.setProps({ schema: normaliseSchema(stockSchema([{ id: 11, name: '保温杯' }, { id: 13, name: '餐具' }])) })
    expect(before.get('[data-testid="option-category-13"]').text()).toBe('餐具')
  })

  it('blocks submit while a required field is missing, and names the field', async () => {
    const wrapper = mountWizard(stockSchema([{ id: 11, name: '保温杯' }]))
    await type(wrapper, 'title', '不锈钢真空保温杯')
    await tap(wrapper, 'option-category-11')
    await tap(wrapper, 'wizard-next')
    expect(wrapper.find('[data-testid="field-quantity"]').exists()).toBe(true) // on step 2
    await tap(wrapper, 'option-unit-个')

    await tap(wrapper, 'wizard-submit')

    expect(wrapper.emitted('submit')).toBeUndefined()
    expect(wrapper.get('[data-testid="error-quantity"]').text()).toBe('请填写数量')
    expect(wrapper.get('[data-testid="wizard-error"]').text()).toContain('请填写数量')
    expect(uniMock().showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写数量' }))
  })

  it('will not leave a step with a required field empty, and jumps back to it on submit', async () => {
    const wrapper = mountWizard(stockSchema([{ id: 11, name: '保温杯' }]))
    await type(wrapper, 'title', '保温杯')

    await tap(wrapper, 'wizard-next')
    expect(wrapper.get('[data-testid="error-category"]').text()).toBe('请选择品类')
    expect(wrapper.find('[data-testid="field-quantity"]').exists()).toBe(false)

    await tap(wrapper, 'option-category-11')
    expect(wrapper.find('[data-testid="error-category"]').exists()).toBe(false) // fixing clears the mark
  })

  it('submits typed data once everything required is filled', async () => {
    const wrapper = mountWizard(stockSchema([{ id: 11, name: '保温杯' }]))
    await type(wrapper, 'title', '不锈钢真空保温杯')
    await tap(wrapper, 'option-category-11')
    await tap(wrapper, 'wizard-next')
    await type(wrapper, 'quantity', '30000')
    await tap(wrapper, 'option-unit-个')
    await type(wrapper, 'unit_price', '12.5')

    await tap(wrapper, 'wizard-submit')

    const [data] = wrapper.emitted('submit')![0] as [Record<string, unknown>]
    expect(data).toEqual({ title: '不锈钢真空保温杯', category: 11, quantity: 30000, unit: '个', unit_price: 12.5 })
  })

  it('rejects a number out of range or not whole', async () => {
    const schema = normaliseSchema(stockSchema([{ id: 11, name: '保温杯' }]))
    const base = { title: 'x', category: 11, unit: '个' }
    expect(validateSchema(schema, { ...base, quantity: '0' })[0].message).toBe('数量不能小于 1')
    expect(validateSchema(schema, { ...base, quantity: '1.5' })[0].message).toBe('数量应为整数')
    expect(validateSchema(schema, { ...base, quantity: '12' })).toEqual([])
  })

  it('saves a draft even with required fields missing', async () => {
    const wrapper = mountWizard(stockSchema([{ id: 11, name: '保温杯' }]))
    await type(wrapper, 'title', '半成品草稿')
    await tap(wrapper, 'wizard-save-draft')
    expect(wrapper.emitted('save-draft')![0][0]).toEqual({ title: '半成品草稿' })
  })

  it('starts from a draft being edited', () => {
    const wrapper = mountWizard(stockSchema([{ id: 11, name: '保温杯' }]), { title: '旧标题', category: 11 })
    expect((wrapper.get('[data-testid="field-title"] .stub-input').element as HTMLInputElement).value).toBe('旧标题')
    expect(wrapper.get('[data-testid="option-category-11"]').classes()).toContain('sf-option--active')
  })

  it('marks the fields the server refused and shows that step', async () => {
    const wrapper = mountWizard(stockSchema([{ id: 11, name: '保温杯' }]))
    ;(wrapper.vm as unknown as { setServerErrors: (e: unknown[]) => void }).setServerErrors([
      { field: 'data.quantity', message: '数量超出库存上限' },
    ])
    await nextTick()
    expect(wrapper.get('[data-testid="error-quantity"]').text()).toBe('数量超出库存上限')
  })

  it('does not require a field hidden by its condition', () => {
    const schema = normaliseSchema({
      fields: [
        { name: 'sample_needed', label: '需要打样', type: 'boolean' },
        { name: 'sample_qty', label: '打样数量', type: 'integer', required: true, depends_on: { field: 'sample_needed', value: true } },
      ],
    })
    expect(validateSchema(schema, { sample_needed: false })).toEqual([])
    expect(validateSchema(schema, { sample_needed: true })[0].message).toBe('请填写打样数量')
  })

  it('accepts the other spellings a schema may use (flat fields, choices, aliases)', () => {
    const schema = normaliseSchema({
      kind: 'labour',
      fields: [
        { name: 'job_type', label: '工种', type: 'choice', required: true, step: '岗位', choices: [{ id: 1, name: '缝纫工' }] },
        { name: 'wage_unit', label: '工资单位', type: 'radio', step: '岗位', choices: [['hour', '小时']].map(([v, l]) => ({ value: v, label: l })) },
        { name: 'welfare', label: '福利', type: 'tags', step: '待遇', options: ['包吃', '包住'] },
        { name: 'no_fee', label: '平台不向工人收取任何费用', type: 'statement', step: '待遇' },
      ],
    })
    expect(schema.steps.map((s) => s.title)).toEqual(['岗位', '待遇'])
    expect(schema.steps[0].fields[0]).toMatchObject({ type: 'select', required: true, options: [{ value: 1, label: '缝纫工' }] })
    expect(schema.steps[1].fields.map((f) => f.type)).toEqual(['multiselect', 'notice'])
  })
})

// --- Against the server's real form schemas (saved from GET /api/listings/form-schema/{kind}) ---
import stockRaw from './fixtures/form-schema-stock.json'
import serviceRaw from './fixtures/form-schema-processing_service.json'
import labourRaw from './fixtures/form-schema-labour.json'

type RawSchema = { steps: Array<{ fields: Array<{ name: string; options?: unknown[] }> }> }

function withNewCategory(raw: unknown, option: { value: number; label: string; industry_id: number }) {
  const copy = structuredClone(raw) as RawSchema
  const field = copy.steps.flatMap((s) => s.fields).find((f) => f.name === 'category_id')!
  field.options!.push(option)
  return copy
}

describe('the server form schemas', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('offers only the categories of the chosen industry, including one an operator just added (R-ADM-4)', async () => {
    const raw = withNewCategory(stockRaw, { value: 999, label: '硅胶折叠杯', industry_id: 1 })
    const wrapper = mountWizard(raw)
    expect(wrapper.find('[data-testid="option-category_id-1"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="field-category_id"]').text()).toContain('请先选择所属行业')

    await tap(wrapper, 'option-industry_id-1')

    expect(wrapper.get('[data-testid="option-category_id-999"]').text()).toBe('硅胶折叠杯')
    expect(wrapper.find('[data-testid="option-category_id-9"]').exists()).toBe(false) // an electronics tag
  })

  it('drops a category that no longer fits when the industry changes', async () => {
    const wrapper = mountWizard(stockRaw)
    await tap(wrapper, 'option-industry_id-1')
    await tap(wrapper, 'option-category_id-1')
    await tap(wrapper, 'option-industry_id-2')
    const values = (wrapper.vm as unknown as { values: Record<string, unknown> }).values
    expect(values.category_id).toBe('')
  })

  it('names the missing required stock fields before submit and sends the server format', async () => {
    const wrapper = mountWizard(stockRaw)
    const vm = wrapper.vm as unknown as { values: Record<string, unknown>; current: number }
    await type(wrapper, 'product_name', '不锈钢真空保温杯')
    await tap(wrapper, 'option-industry_id-1')
    await tap(wrapper, 'option-category_id-1')
    await tap(wrapper, 'wizard-next')
    await type(wrapper, 'quantity', '0')
    await tap(wrapper, 'option-quantity_unit-个')
    await tap(wrapper, 'wizard-next')
    expect(wrapper.get('[data-testid="error-quantity"]').text()).toBe('库存数量必须大于 0')
    expect(wrapper.get('[data-testid="error-unit_price"]').text()).toBe('请填写单价')

    await type(wrapper, 'quantity', '30000')
    await type(wrapper, 'unit_price', '12.5')
    await tap(wrapper, 'wizard-next')
    await tap(wrapper, 'wizard-next')
    expect(vm.current).toBe(2)
    expect(wrapper.get('[data-testid="error-region_id"]').text()).toBe('请选择货源地')

    vm.values.region_id = '330782'
    await type(wrapper, 'address', '义乌市北苑街道 88 号')
    await tap(wrapper, 'wizard-next')
    await tap(wrapper, 'wizard-submit')

    const [data] = wrapper.emitted('submit')![0] as [Record<string, unknown>]
    expect(data).toMatchObject({
      product_name: '不锈钢真空保温杯',
      industry_id: 1,
      category_id: 1,
      quantity: 30000,
      quantity_unit: '个',
      unit_price: 12.5,
      currency: 'CNY',
      region_id: '330782',
      address: '义乌市北苑街道 88 号',
    })
    expect(data).not.toHaveProperty('latitude') // location fields are filled by the app, never typed
  })

  it('edits the equipment list of a processing service row by row, and requires one row', async () => {
    const wrapper = mountWizard(serviceRaw)
    await tap(wrapper, 'option-process_type_ids-1')
    await tap(wrapper, 'wizard-next')
    expect(wrapper.get('[data-testid="error-equipment"]').text()).toBe('请至少添加一项设备清单')

    await tap(wrapper, 'row-add-equipment')
    await tap(wrapper, 'wizard-next')
    expect(wrapper.get('[data-testid="error-equipment"]').text()).toBe('设备清单第 1 项：请填写设备名称')

    await wrapper.get('.sf-input-equipment-0-name').setValue('海天注塑机')
    await wrapper.get('.sf-input-equipment-0-count').setValue('12')
    await tap(wrapper, 'wizard-next')
    const values = (wrapper.vm as unknown as { values: Record<string, unknown> }).values
    expect(values.equipment).toEqual([{ name: '海天注塑机', model: '', count: '12' }])
    expect(wrapper.find('[data-testid="field-capacity_amount"]').exists()).toBe(true)
  })

  it('shows the labour no-fee statement and checks the period order', () => {
    const wrapper = mountWizard(labourRaw)
    expect(wrapper.get('[data-testid="wizard-notice"]').text()).toContain('工人无需支付任何费用')
    const schema = normaliseSchema(labourRaw)
    const errors = validateSchema(schema, { period_start: '2025-07-10', period_end: '2025-07-01' })
    expect(errors.find((e) => e.field === 'period_end')?.message).toBe('结束日期不能早于开始日期')
  })
})
