import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ChildDto, ChildListDto, MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { fetchMe, memberRequest } from '../../auth/auth';
import { EmptyState } from '../../components/EmptyState';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoad } from '../../hooks/useLoad';
import { GuardianConsent } from './GuardianConsent';
import './index.scss';

/** The children, or the member when the guardian's consent is still missing. */
type ChildrenData = { kind: 'children'; children: ChildDto[] } | { kind: 'consent'; member: MemberMeDto };

/**
 * Asks for the consent state first: the server refuses even to list children without the
 * guardian's consent, and a page that only showed that refusal would be a dead end.
 */
async function loadChildren(): Promise<ChildrenData> {
  const member = await fetchMe();
  if (!member.consent.guardianAccepted) return { kind: 'consent', member };
  const list = await memberRequest<ChildListDto>('/api/mp/children');
  return { kind: 'children', children: list.children };
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}

/**
 * 我的孩子: the member's children (name, birthday) with add and remove. The server refuses
 * children's data until the guardian consented, so the page asks for that consent first.
 * Test hook: `#children-page`.
 */
export function ChildrenPage() {
  const { state, reload, setState } = useLoad(loadChildren);
  const [name, setName] = useState('');
  const [month, setMonth] = useState('');
  const [dayOfMonth, setDayOfMonth] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const add = async () => {
    setNotice(null);
    const birthMonth = Number(month);
    const birthDay = Number(dayOfMonth);
    if (name.trim() === '' || !Number.isInteger(birthMonth) || birthMonth < 1 || birthMonth > 12 || !Number.isInteger(birthDay) || birthDay < 1 || birthDay > 31) {
      setNotice('请填写孩子的名字和生日（月、日）');
      return;
    }
    try {
      const child = await memberRequest<ChildDto>('/api/mp/children', { method: 'POST', data: { name: name.trim(), birthMonth, birthDay } });
      if (state.kind === 'ready' && state.data.kind === 'children') {
        setState({ kind: 'ready', data: { kind: 'children', children: [...state.data.children, child] } });
      }
      setName('');
      setMonth('');
      setDayOfMonth('');
    } catch (error) {
      setNotice(messageOf(error));
    }
  };

  const remove = async (id: string) => {
    setNotice(null);
    try {
      await memberRequest<void>(`/api/mp/children/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (state.kind === 'ready' && state.data.kind === 'children') {
        setState({ kind: 'ready', data: { kind: 'children', children: state.data.children.filter((child) => child.id !== id) } });
      }
    } catch (error) {
      setNotice(messageOf(error));
    }
  };

  if (state.kind !== 'ready') {
    return (
      <View id="children-page" className="page children-page">
        <LoadStatus kind={state.kind} message={state.kind === 'error' ? state.message : undefined} onRetry={reload} />
      </View>
    );
  }
  if (state.data.kind === 'consent') {
    return (
      <View id="children-page" className="page children-page">
        <GuardianConsent member={state.data.member} onAccepted={reload} />
      </View>
    );
  }
  const { children } = state.data;
  return (
    <View id="children-page" className="page children-page">
      {notice ? (
        <Text id="children-notice" className="list-header">
          {notice}
        </Text>
      ) : null}
      {children.length === 0 ? (
        <EmptyState id="children-empty" title="还没有添加孩子" description="添加孩子的生日，生日月有惊喜" />
      ) : (
        children.map((child) => (
          <View key={child.id} className="list-item child">
            <View className="list-item__main">
              <Text className="list-item__title">{child.name}</Text>
              <Text className="list-item__sub">
                生日 {child.birthMonth} 月 {child.birthDay} 日
              </Text>
            </View>
            <Button id={`child-remove-${child.id}`} className="children-page__button" size="mini" onClick={() => void remove(child.id)}>
              删除
            </Button>
          </View>
        ))
      )}
      <View className="list-item">
        <View className="list-item__main">
          <Input id="child-name" className="children-page__input" placeholder="名字或小名" value={name} onInput={(event) => setName(event.detail.value)} />
          <Input id="child-month" className="children-page__input" type="number" placeholder="生日月（1-12）" value={month} onInput={(event) => setMonth(event.detail.value)} />
          <Input id="child-day" className="children-page__input" type="number" placeholder="生日日（1-31）" value={dayOfMonth} onInput={(event) => setDayOfMonth(event.detail.value)} />
        </View>
        <Button id="child-add" className="children-page__button" size="mini" onClick={() => void add()}>
          添加
        </Button>
      </View>
    </View>
  );
}

export default ChildrenPage;
