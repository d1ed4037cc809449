import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A physical shop of the brand. One deployment serves one brand (one official account,
 * one mini-program) with one or more stores.
 */
@Entity({ name: 'stores' })
export class Store {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** Short stable code printed on the store's QR codes and used by its POS. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  address!: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  phone!: string;

  /** Opening hours as shown to parents, for example "10:00-21:00". */
  @Column({ name: 'opening_hours', type: 'varchar', length: 128, default: '' })
  openingHours!: string;

  /** The store's points rule (points per yuan before the tier multiplier); null uses `points.perYuan`. */
  @Column({ name: 'points_per_yuan', type: 'int', nullable: true })
  pointsPerYuan!: number | null;

  /** The store's POS HMAC key, sealed; null when the store has no POS. */
  @Column({ name: 'pos_secret_sealed', type: 'varchar', length: 255, nullable: true })
  posSecretSealed!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
