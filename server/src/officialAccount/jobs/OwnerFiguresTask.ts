import type { DataSource } from 'typeorm';
import { Task } from '../../queue/Task';
import type { TaskContext } from '../../queue/Task';
import { localDate } from '../../time/localDate';
import { formatFen } from '../intents/formatFen';
import { sendCustomMessageTask } from './SendCustomMessageTask';
import { DAY_MS } from '../../time/dayMs';

/** An owner or manager asked for today's figures. */
export interface OwnerFiguresPayload {
  openid: string;
  /** The push's dedup key: one answer per question. */
  key: string;
}

/** Today's figures for the owner. */
export interface TodayFigures {
  day: string;
  newMembers: number;
  newFollowers: number;
  purchases: number;
  salesFen: number;
  pointsIssued: number;
  checkIns: number;
  templateSends: number;
}

/** The UTC instants where the local day `day` (YYYY-MM-DD in `timeZone`) starts and ends. */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const local = new Date(noonUtc.toLocaleString('en-US', { timeZone }));
  const utc = new Date(noonUtc.toLocaleString('en-US', { timeZone: 'UTC' }));
  const offsetMs = local.getTime() - utc.getTime();
  const start = new Date(new Date(`${day}T00:00:00Z`).getTime() - offsetMs);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

async function count(dataSource: DataSource, sql: string, params: unknown[]): Promise<number> {
  const [row] = (await dataSource.query(sql, params)) as Array<{ value: string | number | null }>;
  return Number(row?.value ?? 0);
}

/** Counts today's activity (aggregates over several tables: worker work, not callback work). */
export async function todayFigures(dataSource: DataSource, timeZone: string, now = new Date()): Promise<TodayFigures> {
  const day = localDate(now, timeZone);
  const { start, end } = dayBounds(day, timeZone);
  const range = [start, end];
  const [newMembers, newFollowers, purchases, salesFen, pointsIssued, checkIns, templateSends] = await Promise.all([
    count(dataSource, 'SELECT COUNT(*) AS value FROM members WHERE created_at >= ? AND created_at < ?', range),
    count(dataSource, "SELECT COUNT(DISTINCT openid) AS value FROM oa_channel_events WHERE event = 'subscribe' AND created_at >= ? AND created_at < ?", range),
    count(dataSource, 'SELECT COUNT(*) AS value FROM purchases WHERE purchased_at >= ? AND purchased_at < ?', range),
    count(dataSource, 'SELECT SUM(amount_fen - refunded_fen) AS value FROM purchases WHERE purchased_at >= ? AND purchased_at < ?', range),
    count(dataSource, 'SELECT SUM(delta) AS value FROM points_entries WHERE delta > 0 AND created_at >= ? AND created_at < ?', range),
    count(dataSource, 'SELECT COUNT(*) AS value FROM check_ins WHERE day = ?', [day]),
    count(dataSource, 'SELECT COUNT(*) AS value FROM wechat_template_sends WHERE created_at >= ? AND created_at < ?', range),
  ]);
  return { day, newMembers, newFollowers, purchases, salesFen, pointsIssued, checkIns, templateSends };
}

/** The figures as the owner reads them in WeChat. */
export function figuresText(figures: TodayFigures): string {
  return [
    `📊 ${figures.day} 今日概况`,
    `新会员：${figures.newMembers} 人（新关注 ${figures.newFollowers}）`,
    `消费：${figures.purchases} 笔，${formatFen(figures.salesFen)}`,
    `发放积分：${figures.pointsIssued} 分（签到 ${figures.checkIns} 次）`,
    `模板消息推送：${figures.templateSends} 条`,
  ].join('\n');
}

/**
 * "今日" from an owner or manager: counts today's figures in the worker and sends them as a
 * customer-service message (the callback answered empty at once).
 */
export class OwnerFiguresTask extends Task<OwnerFiguresPayload> {
  readonly name = 'oa.ownerFigures';
  override readonly queueName = 'officialAccount';

  override jobId(payload: OwnerFiguresPayload): string {
    return `oa-figures:${payload.key}`;
  }

  async perform(payload: OwnerFiguresPayload, { system }: TaskContext): Promise<TodayFigures> {
    const figures = await todayFigures(system.dataSource, system.config.membership.timeZone);
    await system.scheduler.schedule(sendCustomMessageTask, {
      openid: payload.openid,
      message: { type: 'text', content: figuresText(figures) },
      key: `${payload.key}:figures`,
    });
    return figures;
  }
}

/** The task instance the worker registers and callers schedule. */
export const ownerFiguresTask = new OwnerFiguresTask();
