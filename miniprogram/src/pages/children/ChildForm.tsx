import { Button, Input, Text, View } from '@tarojs/components';
import { Chips } from '../../components/Chips';
import { TOY_CATEGORY_OPTIONS } from '../../components/toyCategoryOptions';
import type { ChildDraft } from './childDraft';
import { GENDER_OPTIONS } from './childDraft';

/**
 * The add / edit form of 我的孩子: name, birthday (month and day), optional gender and
 * interests (the shared toy categories). Test hooks: `#child-name`, `#child-month`,
 * `#child-day`, `#child-gender-<g>`, `#child-interest-<category>`, `#child-add`, `#child-cancel`.
 */
export function ChildForm(props: { draft: ChildDraft; editing: boolean; busy: boolean; onChange: (draft: ChildDraft) => void; onSubmit: () => void; onCancel: () => void }) {
  const { draft, editing, busy, onChange } = props;
  const toggleInterest = (interest: ChildDraft['interests'][number]) =>
    onChange({ ...draft, interests: draft.interests.includes(interest) ? draft.interests.filter((value) => value !== interest) : [...draft.interests, interest] });
  return (
    <View id="child-form" className="list-item child-form">
      <View className="list-item__main">
        {editing ? <Text className="list-item__title">编辑孩子信息</Text> : null}
        <Input id="child-name" className="children-page__input" placeholder="名字或小名" value={draft.name} onInput={(event) => onChange({ ...draft, name: event.detail.value })} />
        <Input id="child-month" className="children-page__input" type="number" placeholder="生日月（1-12）" value={draft.month} onInput={(event) => onChange({ ...draft, month: event.detail.value })} />
        <Input id="child-day" className="children-page__input" type="number" placeholder="生日日（1-31）" value={draft.day} onInput={(event) => onChange({ ...draft, day: event.detail.value })} />
        <Text className="list-item__sub">性别（选填）</Text>
        <Chips
          idPrefix="child-gender"
          options={GENDER_OPTIONS}
          selected={draft.gender ? [draft.gender] : []}
          onToggle={(gender) => onChange({ ...draft, gender: draft.gender === gender ? null : gender })}
        />
        <Text className="list-item__sub">兴趣（选填，可多选）</Text>
        <Chips idPrefix="child-interest" options={TOY_CATEGORY_OPTIONS} selected={draft.interests} onToggle={toggleInterest} />
      </View>
      <View className="child-form__actions">
        <Button id="child-add" className="children-page__button" size="mini" disabled={busy} onClick={props.onSubmit}>
          {editing ? '保存' : '添加'}
        </Button>
        {editing ? (
          <Button id="child-cancel" className="children-page__button children-page__button--plain" size="mini" onClick={props.onCancel}>
            取消
          </Button>
        ) : null}
      </View>
    </View>
  );
}
