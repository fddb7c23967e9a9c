import { IsEmail, ValidateBy, ValidateIf } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { RequiredText, RequiredValue } from '../../common/validation';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './password-rules';
import { Role } from './role';
import { User } from './user.entity';

/** The password rules (password-rules.ts) as a field rule, its message saying which one failed. */
const GoodPassword = () =>
  ValidateBy({
    name: 'goodPassword',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
      defaultMessage: (args) => passwordProblem(String(args?.value ?? '')) ?? 'is not allowed',
    },
  });

const RULES = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not one of the most common passwords`;

@ObjectType({ description: 'A signed-in session: a short-lived access token and the refresh token that renews it.' })
export class Session {
  @Field({ description: 'The access token: send as `Authorization: Bearer <token>` with every request. It lasts minutes (ACCESS_TOKEN_TTL_MINUTES); renew it with refreshSession.' })
  token!: string;

  @Field(() => DateTimeScalar, { description: 'When the access token stops working; call refreshSession before then.' })
  expiresAt!: Date;

  @Field({ description: 'Renews the session once with refreshSession, which returns the next one; keep it secret. Used twice, it signs the session out.' })
  refreshToken!: string;

  @Field(() => DateTimeScalar, { description: 'When the sign-in ends however often it is refreshed (SESSION_TTL_HOURS after signing in): sign in again after that.' })
  refreshExpiresAt!: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}

@InputType({ description: 'A new user.' })
export class UserCreateInput {
  @Field({ description: 'Sign-in email.' }) @RequiredText(254) @IsEmail({}, { message: 'must be an email address' }) email!: string;
  @Field({ description: 'Name shown in the admin.' }) @RequiredText(200) displayName!: string;
  @Field(() => Role, { description: 'What the user may do.' }) @RequiredValue() role!: Role;
  @Field({ description: `Initial password: ${RULES}.` }) @GoodPassword() password!: string;
}

@InputType({ description: 'Changes to a user; fields left out stay as they are.' })
export class UserUpdateInput {
  @Field(() => String, { nullable: true, description: 'Name shown in the admin.' }) @RequiredText(200) displayName?: string;
  @Field(() => Role, { nullable: true, description: 'What the user may do.' }) @RequiredValue() role?: Role;
  @Field(() => Boolean, { nullable: true, description: 'False stops the user signing in and ends their sessions at once.' }) @RequiredValue() active?: boolean;
  @Field(() => String, { nullable: true, description: `A new password set by an administrator (a reset): ${RULES}. Signs the user out everywhere.` })
  @ValidateIf((_o, v) => v !== undefined)
  @GoodPassword()
  password?: string;
}
