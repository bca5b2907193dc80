import type { Kysely } from 'kysely';

/** Learning plans: the plans, their courses in order, and the employees they are assigned to. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('learning_plans')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(250)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_plans_by_portal').on('learning_plans').columns(['portal_id', 'id']).execute();
  await db.schema
    .createTable('learning_plan_courses')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('plan_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_plan_courses_key', ['plan_id', 'course_id'])
    .execute();
  await db.schema
    .createIndex('learning_plan_courses_by_course')
    .on('learning_plan_courses')
    .columns(['course_id'])
    .execute();
  await db.schema
    .createTable('learning_plan_members')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('plan_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('added_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_plan_members_key', ['plan_id', 'erecno'])
    .execute();
  await db.schema
    .createIndex('learning_plan_members_by_person')
    .on('learning_plan_members')
    .columns(['portal_id', 'erecno'])
    .execute();
}

/** Drops the learning plan tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('learning_plan_members').ifExists().execute();
  await db.schema.dropTable('learning_plan_courses').ifExists().execute();
  await db.schema.dropTable('learning_plans').ifExists().execute();
}
