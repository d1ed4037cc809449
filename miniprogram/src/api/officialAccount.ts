import type { OaBindingDto } from '@toyclub/shared';
import { memberRequest } from '../auth/auth';

/** `POST /api/mp/oa-binding`: joins the official-account follower behind `token` to this member. */
export function bindOfficialAccount(token: string): Promise<OaBindingDto> {
  return memberRequest<OaBindingDto>('/api/mp/oa-binding', { method: 'POST', data: { token } });
}
