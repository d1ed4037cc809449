import { errors } from '../app/errors';
import type { AppError } from '../app/AppError';

/** WeChat allows 100 user tags per official account. */
export const WECHAT_TAGS_PER_ACCOUNT = 100;

/** The tag errors the console shows, with stable ids. */
export const tagErrors = {
  notFound: (): AppError => errors.notFound('tag_not_found', '找不到这个标签'),
  memberNotFound: (): AppError => errors.notFound('member_not_found', '找不到这位会员'),
  nameTaken: (): AppError => errors.conflict('tag_name_taken', '已有同名标签'),
  manualHasNoRule: (): AppError => errors.unprocessable('manual_tag_has_no_rule', '手动标签不能设置规则'),
  wechatTagLimit: (): AppError =>
    errors.conflict('wechat_tag_limit', `公众号最多 ${WECHAT_TAGS_PER_ACCOUNT} 个标签，请先取消其他标签的同步`),
  wechatNameTaken: (): AppError => errors.conflict('wechat_tag_name_taken', '公众号上已有同名标签，请换一个名字'),
  wechatTagTooLarge: (): AppError =>
    errors.conflict('wechat_tag_too_large', '这个标签在公众号上超过 10 万粉丝，微信不允许直接删除，请先同步取消标记'),
  wechatUnavailable: (): AppError => errors.serviceUnavailable('wechat_unavailable', '暂时无法连接微信，请稍后再试'),
  assignedByRule: (): AppError => errors.conflict('tag_assigned_by_rule', '这个标签由规则自动维护，不能手动移除'),
  /** `users` as `tagUsers` names them (分群「…」, 活动「…」); the first three are listed. */
  inUse: (users: string[]): AppError =>
    errors.conflict(
      'tag_in_use',
      `${users.slice(0, 3).join('、')}${users.length > 3 ? ` 等 ${users.length} 处` : ''}正在使用该标签，请先修改分群或等活动结束后再删除`,
    ),
  notAssigned: (): AppError => errors.notFound('member_tag_not_found', '这位会员没有这个标签'),
};
