import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Table } from 'antd';
import type { AdminMemberDetailDto, RevealedPhoneDto, StaffAccountDto } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { errorMessage } from '../../api/ApiError';
import { useApi } from '../../api/useApi';
import { useTiers } from '../../api/useTiers';
import { navigate } from '../../app/useHashRoute';
import { formatDateTime, formatYuan } from '../../format/formatters';

/** A member's profile, purchase statistics and children; owners may reveal the phone (audited). */
export function MemberDetailPage({ memberId, staff }: { memberId: string; staff: StaffAccountDto }) {
  const { data: member, error, loading } = useApi<AdminMemberDetailDto>(`/api/admin/members/${memberId}`);
  const { nameOf } = useTiers();
  const [phone, setPhone] = useState<string | null>(null);
  const { message } = App.useApp();

  const reveal = async (): Promise<void> => {
    try {
      const revealed = await api.post<RevealedPhoneDto>(`/api/admin/members/${memberId}/reveal-phone`);
      setPhone(revealed.phone ?? '未绑定');
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  const stats = member?.stats;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => navigate('/members')}>返回会员列表</Button>
      {error && <Alert type="error" showIcon message={error} />}
      <Card title={`会员 ${member?.nickname ?? memberId}`} loading={loading && !member}>
        {member && (
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="手机号">
              <Space>
                {phone ?? member.maskedPhone ?? '未绑定'}
                {staff.permissions.includes('members.revealPhone') && member.maskedPhone && !phone && (
                  <Button size="small" onClick={reveal}>
                    查看完整号码
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="等级">{nameOf(member.tierCode)}</Descriptions.Item>
            <Descriptions.Item label="积分">{member.pointsBalance}</Descriptions.Item>
            <Descriptions.Item label="注册时间">{formatDateTime(member.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="隐私政策版本">{member.privacyPolicyVersion ?? '未同意'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {stats && (
        <Card title="消费统计">
          <Descriptions column={3} size="small">
            <Descriptions.Item label="首次消费">{formatDateTime(stats.firstPurchaseAt)}</Descriptions.Item>
            <Descriptions.Item label="最近消费">{formatDateTime(stats.lastPurchaseAt)}</Descriptions.Item>
            <Descriptions.Item label="消费次数">{stats.purchaseCount}</Descriptions.Item>
            <Descriptions.Item label="累计消费">{formatYuan(stats.totalSpendFen)}</Descriptions.Item>
            <Descriptions.Item label="客单价">{formatYuan(stats.averageTicketFen)}</Descriptions.Item>
            <Descriptions.Item label="平均间隔">{stats.averageIntervalDays === null ? '—' : `${stats.averageIntervalDays} 天`}</Descriptions.Item>
            <Descriptions.Item label="近 90 天">{`${stats.count90d} 次 / ${formatYuan(stats.spend90dFen)}`}</Descriptions.Item>
            <Descriptions.Item label="近 365 天">{`${stats.count365d} 次 / ${formatYuan(stats.spend365dFen)}`}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {member && (
        <Card title="孩子">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={member.children}
            locale={{ emptyText: '没有孩子信息（或监护人未同意）' }}
            columns={[
              { title: '名字', dataIndex: 'name' },
              { title: '生日', render: (_: unknown, child: AdminMemberDetailDto['children'][number]) => `${child.birthMonth} 月 ${child.birthDay} 日` },
              { title: '兴趣', dataIndex: 'interests', render: (value: string[]) => value.join('、') || '—' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
