import { InputNumber, Space } from 'antd';

/** An inclusive range with either bound optional; `scale` converts shown units to stored ones (yuan → fen). */
export function RangeInputs({
  min,
  max,
  unit,
  scale = 1,
  onChange,
}: {
  min: number | undefined;
  max: number | undefined;
  unit: string;
  scale?: number;
  onChange: (range: { min: number | undefined; max: number | undefined }) => void;
}) {
  const shown = (value: number | undefined): number | null => (value === undefined ? null : value / scale);
  const stored = (value: number | null): number | undefined => (value === null ? undefined : Math.round(value * scale));
  return (
    <Space>
      <InputNumber min={0} placeholder="不限" value={shown(min)} onChange={(value) => onChange({ min: stored(value), max })} addonAfter={unit} />
      至
      <InputNumber min={0} placeholder="不限" value={shown(max)} onChange={(value) => onChange({ min, max: stored(value) })} addonAfter={unit} />
    </Space>
  );
}
