/** Table shapes of the learning plans feature, by table name (merged into Database). */

/** A learning plan: an ordered set of courses assigned to some employees. */
export interface LearningPlanTable {
  id: string;
  portal_id: string;
  name: string;
  description: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** One course of a plan, in the plan's order. */
export interface LearningPlanCourseTable {
  portal_id: string;
  plan_id: string;
  course_id: string;
  position: number;
}

/** One employee a plan is assigned to. */
export interface LearningPlanMemberTable {
  portal_id: string;
  plan_id: string;
  erecno: string;
  added_by: string;
  created_at: number;
}

/** The learning plans feature's tables. */
export interface LearningPlanTables {
  learning_plans: LearningPlanTable;
  learning_plan_courses: LearningPlanCourseTable;
  learning_plan_members: LearningPlanMemberTable;
}
