import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Secrets the installation generates for itself (e.g. the session signing key when none is configured). */
@Entity()
export class SystemSecret {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'text' })
  value!: string;
}
