import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DateTimeScalar } from '../../graphql/scalars/datetime.scalar';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import type { Pence } from '../money';

const D = {
  eq: 'Equal to the value.',
  ne: 'Not equal to the value (rows where the field is empty are included).',
  in: 'Equal to one of the values.',
  inIgnoringCase: 'Equal to one of the values, ignoring case (e.g. names pasted from a spreadsheet).',
  notIn: 'Equal to none of the values (rows where the field is empty are included).',
  lt: 'Less than the value.',
  lte: 'Less than or equal to the value.',
  gt: 'Greater than the value.',
  gte: 'Greater than or equal to the value.',
  contains: 'Contains the text, ignoring case.',
  startsWith: 'Starts with the text, ignoring case.',
  isNull: 'true: the field is empty; false: the field has a value.',
};

@InputType({ description: 'Conditions on a text field; all the conditions given must hold.' })
export class StringFilter {
  @Field(() => String, { nullable: true, description: D.eq }) eq?: string;
  @Field(() => String, { nullable: true, description: D.ne }) ne?: string;
  @Field(() => [String], { nullable: true, description: D.in }) in?: string[];
  @Field(() => [String], { nullable: true, description: D.inIgnoringCase }) inIgnoringCase?: string[];
  @Field(() => [String], { nullable: true, description: D.notIn }) notIn?: string[];
  @Field(() => String, { nullable: true, description: D.lt }) lt?: string;
  @Field(() => String, { nullable: true, description: D.lte }) lte?: string;
  @Field(() => String, { nullable: true, description: D.gt }) gt?: string;
  @Field(() => String, { nullable: true, description: D.gte }) gte?: string;
  @Field(() => String, { nullable: true, description: D.contains }) contains?: string;
  @Field(() => String, { nullable: true, description: D.startsWith }) startsWith?: string;
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

@InputType({ description: 'Conditions on an identifier; all the conditions given must hold.' })
export class IdFilter {
  @Field(() => ID, { nullable: true, description: D.eq }) eq?: string;
  @Field(() => ID, { nullable: true, description: D.ne }) ne?: string;
  @Field(() => [ID], { nullable: true, description: D.in }) in?: string[];
  @Field(() => [ID], { nullable: true, description: D.notIn }) notIn?: string[];
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a whole number; all the conditions given must hold.' })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: D.eq }) eq?: number;
  @Field(() => Int, { nullable: true, description: D.ne }) ne?: number;
  @Field(() => [Int], { nullable: true, description: D.in }) in?: number[];
  @Field(() => [Int], { nullable: true, description: D.notIn }) notIn?: number[];
  @Field(() => Int, { nullable: true, description: D.lt }) lt?: number;
  @Field(() => Int, { nullable: true, description: D.lte }) lte?: number;
  @Field(() => Int, { nullable: true, description: D.gt }) gt?: number;
  @Field(() => Int, { nullable: true, description: D.gte }) gte?: number;
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a decimal number (not money); all the conditions given must hold.' })
export class FloatFilter {
  @Field(() => Float, { nullable: true, description: D.eq }) eq?: number;
  @Field(() => Float, { nullable: true, description: D.ne }) ne?: number;
  @Field(() => Float, { nullable: true, description: D.lt }) lt?: number;
  @Field(() => Float, { nullable: true, description: D.lte }) lte?: number;
  @Field(() => Float, { nullable: true, description: D.gt }) gt?: number;
  @Field(() => Float, { nullable: true, description: D.gte }) gte?: number;
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

@InputType({ description: 'Conditions on an amount of money; all the conditions given must hold.' })
export class MoneyFilter {
  @Field(() => MoneyScalar, { nullable: true, description: D.eq }) eq?: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: D.ne }) ne?: Pence;
  @Field(() => [MoneyScalar], { nullable: true, description: D.in }) in?: Pence[];
  @Field(() => [MoneyScalar], { nullable: true, description: D.notIn }) notIn?: Pence[];
  @Field(() => MoneyScalar, { nullable: true, description: D.lt }) lt?: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: D.lte }) lte?: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: D.gt }) gt?: Pence;
  @Field(() => MoneyScalar, { nullable: true, description: D.gte }) gte?: Pence;
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a calendar date; all the conditions given must hold.' })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true, description: D.eq }) eq?: string;
  @Field(() => DateScalar, { nullable: true, description: D.ne }) ne?: string;
  @Field(() => [DateScalar], { nullable: true, description: D.in }) in?: string[];
  @Field(() => DateScalar, { nullable: true, description: D.lt }) lt?: string;
  @Field(() => DateScalar, { nullable: true, description: D.lte }) lte?: string;
  @Field(() => DateScalar, { nullable: true, description: D.gt }) gt?: string;
  @Field(() => DateScalar, { nullable: true, description: D.gte }) gte?: string;
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

@InputType({ description: 'Conditions on an instant; all the conditions given must hold.' })
export class DateTimeFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: D.lt }) lt?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: D.lte }) lte?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: D.gt }) gt?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: D.gte }) gte?: Date;
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a yes/no field.' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true, description: D.eq }) eq?: boolean;
  @Field(() => Boolean, { nullable: true, description: D.ne }) ne?: boolean;
  @Field(() => Boolean, { nullable: true, description: D.isNull }) isNull?: boolean;
}

export { D as FILTER_DESCRIPTIONS };
