import { Button, Input, Text, View } from '@tarojs/components';
import { Chips } from '../../components/Chips';
import { TOY_CATEGORY_OPTIONS } from '../../components/toyCategoryOptions';
import type { ItemDraft } from './purchaseDraft';
import { emptyItem } from './purchaseDraft';

/**
 * The optional item lines of a purchase: name, category (chips of the shared toy
 * categories, tap again to clear), quantity and the line's total in yuan.
 * Test hooks: `#item-<n>-name`, `#item-<n>-quantity`, `#item-<n>-amount`, `#item-<n>-<category>`, `#item-add`.
 */
export function ItemLines({ items, onChange }: { items: ItemDraft[]; onChange: (items: ItemDraft[]) => void }) {
  const update = (index: number, patch: Partial<ItemDraft>) => onChange(items.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  return (
    <View className="item-lines">
      {items.map((item, index) => (
        <View key={index} className="item-lines__item">
          <View className="item-lines__head">
            <Text className="staff-page__label">商品 {index + 1}</Text>
            <Text id={`item-${index}-remove`} className="item-lines__remove" onClick={() => onChange(items.filter((_, at) => at !== index))}>
              删除
            </Text>
          </View>
          <Input id={`item-${index}-name`} className="staff-page__input" placeholder="商品名称" value={item.name} onInput={(event) => update(index, { name: event.detail.value })} />
          <View className="item-lines__numbers">
            <Input id={`item-${index}-quantity`} className="staff-page__input" type="number" placeholder="数量" value={item.quantity} onInput={(event) => update(index, { quantity: event.detail.value })} />
            <Input id={`item-${index}-amount`} className="staff-page__input" type="digit" placeholder="小计（元）" value={item.amount} onInput={(event) => update(index, { amount: event.detail.value })} />
          </View>
          <Chips
            idPrefix={`item-${index}`}
            options={TOY_CATEGORY_OPTIONS}
            selected={item.category ? [item.category] : []}
            onToggle={(category) => update(index, { category: item.category === category ? null : category })}
          />
        </View>
      ))}
      <Button id="item-add" className="staff-page__button staff-page__button--plain" onClick={() => onChange([...items, emptyItem()])}>
        添加商品明细（可选）
      </Button>
    </View>
  );
}
