import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { StaffAccountDto, StaffLoginRequest, StaffSessionDto } from '@toyclub/shared';
import { api } from '../api/apiClient';
import { useSubmit } from '../api/useSubmit';

/** 登录: username and password; the server sets the httpOnly session cookie. */
export function LoginPage({ onSignedIn }: { onSignedIn: (staff: StaffAccountDto) => void }) {
  const { run, busy: submitting, error } = useSubmit();

  const submit = (values: StaffLoginRequest): Promise<void> =>
    run(async () => {
      const session = await api.post<StaffSessionDto>('/api/admin/session', values);
      onSignedIn(session.staff);
    });

  return (
    <div className="login-screen">
      <Card className="login-card" id="login-card">
        <Typography.Title level={3}>ToyClub 管理后台</Typography.Title>
        <Typography.Paragraph type="secondary">会员、人群、营销活动与效果</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} id="login-error" style={{ marginBottom: 16 }} />}
        <Form<StaffLoginRequest> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input id="login-username" prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password id="login-password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} id="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
