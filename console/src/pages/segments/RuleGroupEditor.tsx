import { Button, Radio, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SEGMENT_LIMITS } from '@toyclub/shared';
import type { SegmentGroup, SegmentRule, SegmentRuleKind } from '@toyclub/shared';
import { RuleEditor } from './RuleEditor';
import type { RuleOptions } from './RuleEditor';
import { defaultRule, isGroup, RULE_KIND_LABELS } from './segmentRules';

const KIND_OPTIONS = (Object.keys(RULE_KIND_LABELS) as SegmentRuleKind[]).map((kind) => ({ value: kind, label: RULE_KIND_LABELS[kind] }));

/** One and/or group of the rule builder: its rules and nested groups, recursively. */
export function RuleGroupEditor({
  group,
  depth,
  options,
  onChange,
  onRemove,
}: {
  group: SegmentGroup;
  depth: number;
  options: RuleOptions;
  onChange: (group: SegmentGroup) => void;
  onRemove?: () => void;
}) {
  const replace = (index: number, node: SegmentRule | SegmentGroup): void => onChange({ ...group, rules: group.rules.map((old, at) => (at === index ? node : old)) });
  const remove = (index: number): void => onChange({ ...group, rules: group.rules.filter((_, at) => at !== index) });

  return (
    <div className="rule-group" data-depth={depth}>
      <Space>
        <Radio.Group
          value={group.op}
          onChange={(event) => onChange({ ...group, op: event.target.value as SegmentGroup['op'] })}
          options={[
            { value: 'and', label: '满足全部（且）' },
            { value: 'or', label: '满足任一（或）' },
          ]}
          optionType="button"
          size="small"
        />
        {onRemove && <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="删除条件组" />}
      </Space>
      {group.rules.map((node, index) =>
        isGroup(node) ? (
          <RuleGroupEditor key={index} group={node} depth={depth + 1} options={options} onChange={(next) => replace(index, next)} onRemove={() => remove(index)} />
        ) : (
          <div className="rule-row" key={index}>
            <Select style={{ width: 150 }} value={node.kind} options={KIND_OPTIONS} onChange={(kind) => replace(index, defaultRule(kind))} className="rule-kind-select" />
            <RuleEditor rule={node} options={options} onChange={(next) => replace(index, next)} />
            <Button icon={<DeleteOutlined />} onClick={() => remove(index)} disabled={group.rules.length === 1 && depth === 0} aria-label="删除条件" />
          </div>
        ),
      )}
      <Space>
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...group, rules: [...group.rules, defaultRule('builtin')] })} className="add-rule">
          添加条件
        </Button>
        {depth + 1 < SEGMENT_LIMITS.maxDepth && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...group, rules: [...group.rules, { op: group.op === 'and' ? 'or' : 'and', rules: [defaultRule('builtin')] }] })}>
            添加条件组
          </Button>
        )}
      </Space>
    </div>
  );
}
