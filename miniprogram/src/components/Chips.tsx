import { Text, View } from '@tarojs/components';
import './Chips.scss';

/** One choice of {@link Chips}. */
export interface ChipOption<T extends string> {
  value: T;
  label: string;
}

/**
 * Tappable chips for choosing among a few fixed values (toy categories, gender): lighter
 * than a picker on both weapp and H5, and every choice is visible at once. `onToggle`
 * gets the tapped value; the caller decides whether that selects, adds or clears.
 * Test hooks: `#<idPrefix>-<value>`.
 */
export function Chips<T extends string>({ idPrefix, options, selected, onToggle }: { idPrefix: string; options: readonly ChipOption<T>[]; selected: readonly T[]; onToggle: (value: T) => void }) {
  return (
    <View className="chips">
      {options.map((option) => (
        <Text
          key={option.value}
          id={`${idPrefix}-${option.value}`}
          className={`chips__chip${selected.includes(option.value) ? ' chips__chip--on' : ''}`}
          onClick={() => onToggle(option.value)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  );
}
