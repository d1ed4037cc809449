import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber, decimalNumber } from '../db/bigintNumber';

/**
 * A member's purchase statistics, kept up to date in the transaction of every purchase
 * and refund. Amounts are net of refunds. The 90- and 365-day windows are exact as of
 * `windowsAsOf` and are refreshed by the daily tier job as purchases age out.
 */
@Entity({ name: 'member_stats' })
export class MemberStats {
  @PrimaryColumn({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ name: 'first_purchase_at', type: 'datetime', precision: 3, nullable: true })
  firstPurchaseAt!: Date | null;

  @Column({ name: 'last_purchase_at', type: 'datetime', precision: 3, nullable: true })
  lastPurchaseAt!: Date | null;

  @Column({ name: 'purchase_count', type: 'int' })
  purchaseCount!: number;

  @Column({ name: 'total_spend_fen', type: 'bigint', transformer: bigintNumber })
  totalSpendFen!: number;

  @Column({ name: 'average_ticket_fen', type: 'bigint', transformer: bigintNumber })
  averageTicketFen!: number;

  @Column({ name: 'average_interval_days', type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: decimalNumber })
  averageIntervalDays!: number | null;

  @Column({ name: 'count_90d', type: 'int' })
  count90d!: number;

  @Column({ name: 'spend_90d_fen', type: 'bigint', transformer: bigintNumber })
  spend90dFen!: number;

  @Column({ name: 'count_365d', type: 'int' })
  count365d!: number;

  @Column({ name: 'spend_365d_fen', type: 'bigint', transformer: bigintNumber })
  spend365dFen!: number;

  @Column({ name: 'windows_as_of', type: 'datetime', precision: 3 })
  windowsAsOf!: Date;
}
