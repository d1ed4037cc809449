import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a consent covers: the privacy policy, or the guardian's consent for children's data. */
export type ConsentKind = 'privacy' | 'guardian';

/** One recorded consent, kept as history: which policy version, when, from where. */
@Entity({ name: 'consents' })
export class Consent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ConsentKind;

  @Column({ name: 'policy_version', type: 'varchar', length: 32 })
  policyVersion!: string;

  @Column({ name: 'granted_at', type: 'datetime', precision: 3 })
  grantedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;
}
