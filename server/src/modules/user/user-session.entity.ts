import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in: its refresh token (only a SHA-256 of the current one and of the one before,
 * to spot a stolen token used twice) and whether it still holds. Access tokens carry its id,
 * so revoking it (sign-out, password change, deactivation) ends them at the next request.
 */
@Entity()
@Index('ix_user_session_user', ['userId'])
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  refreshHash!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  previousRefreshHash!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** The end of the sign-in (SESSION_TTL_HOURS after it), however often it is refreshed. */
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  refreshedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  /** SIGNED_OUT, PASSWORD_CHANGED, PASSWORD_RESET, DEACTIVATED or REFRESH_REUSED. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason!: string | null;
}
