import { InputNumber, Select, Space } from 'antd';
import { TOY_CATEGORY_LABELS } from '@toyclub/shared';
import type { TagCondition, ToyCategory } from '@toyclub/shared';
import { RangeInputs } from '../segments/RangeInputs';

const CATEGORY_OPTIONS = (Object.keys(TOY_CATEGORY_LABELS) as ToyCategory[]).map((value) => ({ value, label: TOY_CATEGORY_LABELS[value] }));

/** The value fields of one dynamic-tag condition, by kind. */
export function TagConditionEditor({ condition, onChange }: { condition: TagCondition; onChange: (condition: TagCondition) => void }) {
  const days = (
    <InputNumber
      min={1}
      max={3650}
      placeholder="不限"
      addonBefore="近"
      addonAfter="天"
      value={'withinDays' in condition ? condition.withinDays : undefined}
      onChange={(withinDays) => onChange({ ...condition, withinDays: withinDays ?? undefined } as TagCondition)}
    />
  );
  switch (condition.kind) {
    case 'categoryPurchases':
      return (
        <Space wrap>
          <Select style={{ width: 140 }} value={condition.category} options={CATEGORY_OPTIONS} onChange={(category) => onChange({ ...condition, category })} />
          <InputNumber min={1} addonBefore="至少" addonAfter="次" value={condition.minPurchases} onChange={(value) => onChange({ ...condition, minPurchases: value ?? 1 })} />
          {days}
        </Space>
      );
    case 'discountShare':
      return (
        <Space wrap>
          <InputNumber min={1} max={100} addonBefore="占比 ≥" addonAfter="%" value={condition.minPercent} onChange={(value) => onChange({ ...condition, minPercent: value ?? 50 })} />
          <InputNumber min={1} addonBefore="至少" addonAfter="次购买" value={condition.minPurchases} onChange={(value) => onChange({ ...condition, minPurchases: value ?? 1 })} />
          {days}
        </Space>
      );
    case 'spend':
      return (
        <Space wrap>
          <RangeInputs min={condition.minFen} max={condition.maxFen} unit="元" scale={100} onChange={({ min, max }) => onChange({ ...condition, minFen: min, maxFen: max })} />
          {days}
        </Space>
      );
    case 'purchaseCount':
      return (
        <Space wrap>
          <RangeInputs min={condition.min} max={condition.max} unit="次" onChange={(range) => onChange({ ...condition, ...range })} />
          {days}
        </Space>
      );
  }
}
