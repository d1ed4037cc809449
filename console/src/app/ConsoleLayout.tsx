import type { ReactNode } from 'react';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { AuditOutlined, MessageOutlined, NodeIndexOutlined, NotificationOutlined, TagsOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { StaffAccountDto, StaffRole } from '@toyclub/shared';
import { navigate } from './useHashRoute';

const ROLE_LABELS: Record<StaffRole, string> = { owner: '店主', manager: '店长', clerk: '店员' };

const MENU = [
  { key: '/members', icon: <TeamOutlined />, label: '会员' },
  { key: '/segments', icon: <UsergroupAddOutlined />, label: '人群' },
  { key: '/campaigns', icon: <NotificationOutlined />, label: '营销活动' },
  { key: '/journeys', icon: <NodeIndexOutlined />, label: '自动旅程' },
  { key: '/tags', icon: <TagsOutlined />, label: '标签' },
  { key: '/auto-replies', icon: <MessageOutlined />, label: '自动回复' },
  { key: '/audit', icon: <AuditOutlined />, label: '审计日志' },
];

/** The frame around every signed-in page: side menu, who is signed in, 退出. */
export function ConsoleLayout({ staff, path, onSignOut, children }: { staff: StaffAccountDto; path: string; onSignOut: () => void; children: ReactNode }) {
  const selected = MENU.find((item) => path === item.key || path.startsWith(`${item.key}/`))?.key ?? '/members';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0}>
        <div className="console-brand">ToyClub 管理后台</div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={MENU} onClick={({ key }) => navigate(key)} id="console-menu" />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Space>
            <Typography.Text id="signed-in-as">{staff.displayName}</Typography.Text>
            <Tag color="orange">{ROLE_LABELS[staff.role]}</Tag>
            <Button size="small" onClick={onSignOut}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
