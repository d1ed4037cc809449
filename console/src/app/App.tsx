import { useCallback, useEffect, useState } from 'react';
import { Spin } from 'antd';
import type { StaffAccountDto, StaffSessionDto } from '@toyclub/shared';
import { api, setUnauthorizedHandler } from '../api/apiClient';
import { LoginPage } from '../pages/LoginPage';
import { ConsoleLayout } from './ConsoleLayout';
import { RoutedPage } from './RoutedPage';
import { useHashRoute } from './useHashRoute';

/** The console: the sign-in page until a staff session exists, then the routed pages. */
export function App() {
  const [staff, setStaff] = useState<StaffAccountDto | null>(null);
  const [checking, setChecking] = useState(true);
  const path = useHashRoute();

  useEffect(() => {
    // An existing cookie session is picked up; a 401 here just means "not signed in".
    api
      .get<StaffSessionDto>('/api/admin/session')
      .then((session) => setStaff(session.staff))
      .catch(() => setStaff(null))
      .finally(() => setChecking(false));
    setUnauthorizedHandler(() => setStaff(null));
    return () => setUnauthorizedHandler(null);
  }, []);

  const signOut = useCallback(async () => {
    await api.delete<null>('/api/admin/session').catch(() => null);
    setStaff(null);
  }, []);

  if (checking) return <Spin fullscreen tip="加载中" />;
  if (!staff) return <LoginPage onSignedIn={setStaff} />;
  return (
    <ConsoleLayout staff={staff} path={path} onSignOut={signOut}>
      <RoutedPage path={path} staff={staff} />
    </ConsoleLayout>
  );
}
