import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ChildDto, ChildListDto, MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { fetchMe, memberRequest } from '../../auth/auth';
import { EmptyState } from '../../components/EmptyState';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoad } from '../../hooks/useLoad';
import { ChildForm } from './ChildForm';
import type { ChildDraft } from './childDraft';
import { childDetails, childInputOf, draftOf, EMPTY_CHILD } from './childDraft';
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
 * 我的孩子: the member's children (name, birthday, gender and interests) with add, edit and remove. The server refuses
 * children's data until the guardian consented, so the page asks for that consent first.
 * Test hook: `#children-page`.
 */
export function ChildrenPage() {
  const { state, reload, setState } = useLoad(loadChildren);
  const [draft, setDraft] = useState<ChildDraft>(EMPTY_CHILD);
  /** The child being edited, or null while the form adds a new one. */
  const [editing, setEditing] = useState<ChildDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const replaceChildren = (update: (children: ChildDto[]) => ChildDto[]) => {
    if (state.kind === 'ready' && state.data.kind === 'children') setState({ kind: 'ready', data: { kind: 'children', children: update(state.data.children) } });
  };

  const startEditing = (child: ChildDto | null) => {
    setNotice(null);
    setEditing(child);
    setDraft(child ? draftOf(child) : EMPTY_CHILD);
  };

  const submit = async () => {
    setNotice(null);
    const input = childInputOf(draft, editing?.birthYear ?? null);
    if (!input) {
      setNotice('请填写孩子的名字和生日（月、日）');
      return;
    }
    setBusy(true);
    try {
      if (editing) {
        const saved = await memberRequest<ChildDto>(`/api/mp/children/${encodeURIComponent(editing.id)}`, { method: 'PUT', data: { ...input } });
        replaceChildren((children) => children.map((child) => (child.id === saved.id ? saved : child)));
      } else {
        const child = await memberRequest<ChildDto>('/api/mp/children', { method: 'POST', data: { ...input } });
        replaceChildren((children) => [...children, child]);
      }
      startEditing(null);
    } catch (error) {
      setNotice(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    setNotice(null);
    try {
      await memberRequest<void>(`/api/mp/children/${encodeURIComponent(id)}`, { method: 'DELETE' });
      replaceChildren((children) => children.filter((child) => child.id !== id));
      if (editing?.id === id) startEditing(null);
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
              {childDetails(child) ? <Text className="list-item__sub">{childDetails(child)}</Text> : null}
            </View>
            <Button id={`child-edit-${child.id}`} className="children-page__button children-page__button--plain" size="mini" onClick={() => startEditing(child)}>
              编辑
            </Button>
            <Button id={`child-remove-${child.id}`} className="children-page__button" size="mini" onClick={() => void remove(child.id)}>
              删除
            </Button>
          </View>
        ))
      )}
      <ChildForm draft={draft} editing={editing !== null} busy={busy} onChange={setDraft} onSubmit={() => void submit()} onCancel={() => startEditing(null)} />
    </View>
  );
}

export default ChildrenPage;
