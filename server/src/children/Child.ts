import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChildGender, ToyCategory } from '@toyclub/shared';

/** A member's child. Stored only with the guardian's separate consent (PIPL: under 14 is sensitive). */
@Entity({ name: 'children' })
export class Child {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  /** Name or nickname, as the parent chooses. */
  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ name: 'birth_year', type: 'smallint', unsigned: true, nullable: true })
  birthYear!: number | null;

  @Column({ name: 'birth_month', type: 'tinyint', unsigned: true })
  birthMonth!: number;

  @Column({ name: 'birth_day', type: 'tinyint', unsigned: true })
  birthDay!: number;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender!: ChildGender | null;

  @Column({ type: 'simple-json' })
  interests!: ToyCategory[];

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
