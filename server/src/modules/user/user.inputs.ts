import { IsEmail, MinLength, ValidateIf } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { RequiredText, RequiredValue } from '../../common/validation';
import { Role } from './role';
import { User } from './user.entity';

@ObjectType({ description: 'A signed-in session.' })
export class Session {
  @Field({ description: 'Send as `Authorization: Bearer <token>` with every request.' })
  token!: string;

  @Field(() => DateTimeScalar, { description: 'When the token stops working; sign in again after that.' })
  expiresAt!: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}

@InputType({ description: 'A new user.' })
export class UserCreateInput {
  @Field({ description: 'Sign-in email.' }) @RequiredText(254) @IsEmail({}, { message: 'must be an email address' }) email!: string;
  @Field({ description: 'Name shown in the admin.' }) @RequiredText(200) displayName!: string;
  @Field(() => Role, { description: 'What the user may do.' }) @RequiredValue() role!: Role;
  @Field({ description: 'Initial password, at least 12 characters.' }) @MinLength(12, { message: 'must be at least 12 characters' }) password!: string;
}

@InputType({ description: 'Changes to a user; fields left out stay as they are.' })
export class UserUpdateInput {
  @Field(() => String, { nullable: true, description: 'Name shown in the admin.' }) @RequiredText(200) displayName?: string;
  @Field(() => Role, { nullable: true, description: 'What the user may do.' }) @RequiredValue() role?: Role;
  @Field(() => Boolean, { nullable: true, description: 'False stops the user signing in.' }) @RequiredValue() active?: boolean;
  @Field(() => String, { nullable: true, description: 'A new password, at least 12 characters.' })
  @ValidateIf((_o, v) => v !== undefined)
  @MinLength(12, { message: 'must be at least 12 characters' })
  password?: string;
}
