import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { Section251Category } from '../../common/codes/section251.code';
import { penceColumn, type Pence } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { MoneyScalar } from '../../graphql/scalars/money.scalar';
import { Locality } from '../authority/locality.entity';

export enum BudgetStage {
  ORIGINAL = 'ORIGINAL',
  REVISED = 'REVISED',
}

registerEnumType(BudgetStage, {
  name: 'BudgetStage',
  description: 'Which version of the budget.',
  valuesConfig: {
    ORIGINAL: { description: 'The budget set at the start of the year.' },
    REVISED: { description: 'The budget as revised during the year; used instead of the original when present.' },
  },
});

@ObjectType({ description: 'A budget amount: financial year × Section 251 category × locality, original or revised.' })
@Entity()
@Index('uq_budget_line', ['financialYear', 'category', 'localityId', 'stage'], { unique: true, where: '"locality_id" IS NOT NULL' })
@Index('uq_budget_line_authority', ['financialYear', 'category', 'stage'], { unique: true, where: '"locality_id" IS NULL' })
export class BudgetLine extends VersionedEntity {
  @Field(() => Int, { description: 'The year the financial year starts: 2025 for 2025-26.' })
  @Column({ type: 'integer' })
  financialYear!: number;

  @Field(() => Section251Category, { description: 'The Section 251 line.' })
  @Column({ type: 'enum', enum: Section251Category, enumName: 'section251_category' })
  category!: Section251Category;

  @ForeignKey(() => Locality, { nullable: true, description: 'The locality; null for the whole authority.' })
  localityId!: string | null;

  @Field(() => BudgetStage, { description: 'Original or revised.' })
  @Column({ type: 'enum', enum: BudgetStage, enumName: 'budget_stage' })
  stage!: BudgetStage;

  @Field(() => MoneyScalar, { description: 'The amount for the year.' })
  @Column({ type: 'bigint', transformer: penceColumn })
  amount!: Pence;
}
