import { InputNumber, Select, Space } from 'antd';
import { BUILTIN_SEGMENT_CODES, BUILTIN_SEGMENT_LABELS } from '@toyclub/shared';
import type { SegmentRule } from '@toyclub/shared';
import { RangeInputs } from './RangeInputs';

/** Options the rule builder offers for stores, tags and tiers. */
export interface RuleOptions {
  stores: Array<{ value: number; label: string }>;
  tags: Array<{ value: number; label: string }>;
  tiers: Array<{ value: string; label: string }>;
}

/** The value fields of one rule, by kind. */
export function RuleEditor({ rule, options, onChange }: { rule: SegmentRule; options: RuleOptions; onChange: (rule: SegmentRule) => void }) {
  const wide = { width: 360 };
  switch (rule.kind) {
    case 'builtin':
      return (
        <Select
          style={wide}
          value={rule.segment}
          onChange={(segment) => onChange({ ...rule, segment })}
          options={BUILTIN_SEGMENT_CODES.map((code) => ({ value: code, label: BUILTIN_SEGMENT_LABELS[code] }))}
        />
      );
    case 'tier':
      return (
        <Select
          style={wide}
          mode="multiple"
          placeholder="选择会员等级"
          value={rule.tiers}
          onChange={(tiers) => onChange({ ...rule, tiers })}
          options={options.tiers}
          optionFilterProp="label"
          className="rule-tier-select"
        />
      );
    case 'tag':
      return <Select style={wide} mode="multiple" placeholder="选择标签" value={rule.tagIds} onChange={(tagIds) => onChange({ ...rule, tagIds })} options={options.tags} />;
    case 'registration_store':
      return (
        <Select
          style={wide}
          mode="multiple"
          placeholder="选择门店"
          value={rule.storeIds}
          onChange={(storeIds) => onChange({ ...rule, storeIds })}
          options={options.stores}
          optionFilterProp="label"
          className="rule-store-select"
        />
      );
    case 'registration_channel':
      return <Select style={wide} mode="tags" placeholder="渠道，如 poster:spring" value={rule.channels} onChange={(channels) => onChange({ ...rule, channels })} />;
    case 'spend':
      return (
        <Space>
          <Select value={rule.window} onChange={(window) => onChange({ ...rule, window })} options={[{ value: 'total', label: '累计' }, { value: '365d', label: '近 365 天' }]} />
          <RangeInputs min={rule.minFen} max={rule.maxFen} unit="元" scale={100} onChange={({ min, max }) => onChange({ ...rule, minFen: min, maxFen: max })} />
        </Space>
      );
    case 'frequency':
      return (
        <Space>
          <Select value={rule.window} onChange={(window) => onChange({ ...rule, window })} options={[{ value: '90d', label: '近 90 天' }, { value: '365d', label: '近 365 天' }]} />
          <RangeInputs min={rule.min} max={rule.max} unit="次" onChange={(range) => onChange({ ...rule, ...range })} />
        </Space>
      );
    case 'days_since_last_purchase':
      return <RangeInputs min={rule.min} max={rule.max} unit="天" onChange={(range) => onChange({ ...rule, ...range })} />;
    case 'child_age_months':
      return <RangeInputs min={rule.min} max={rule.max} unit="个月" onChange={(range) => onChange({ ...rule, ...range })} />;
    case 'child_birthday_within':
      return <InputNumber min={0} max={366} value={rule.days} addonAfter="天内" onChange={(days) => onChange({ ...rule, days: days ?? 0 })} />;
    case 'reachability':
      return (
        <Space>
          <Select value={rule.channel} onChange={(channel) => onChange({ ...rule, channel })} options={[{ value: 'official_account', label: '公众号' }, { value: 'mini_program', label: '小程序' }]} />
          <Select value={rule.reachable} onChange={(reachable) => onChange({ ...rule, reachable })} options={[{ value: true, label: '可触达' }, { value: false, label: '不可触达' }]} />
        </Space>
      );
  }
}
