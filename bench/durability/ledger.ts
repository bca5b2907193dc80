/** The script's own memory of what it wrote through one store's API, and what it found missing or doubled. */

/** A course one client created: its unique name, its last acknowledged courseCode, and its id once known. */
export interface CourseRecord {
  readonly name: string;
  readonly createKey: string;
  readonly client: number;
  courseId: string | null;
  /** The courseCode of the last acknowledged write to the course ('c0' from its create). */
  code: string;
}

/** A write that was sent; while it is in flight nothing is known about it. */
export type Write =
  | { kind: 'create'; course: CourseRecord }
  | { kind: 'update'; course: CourseRecord; code: string; key: string };

/** The counts a run prints. */
export interface Tally {
  /** Writes answered 2xx (a retried write counts once, when its retry was answered). */
  acknowledged: number;
  creates: number;
  updates: number;
  /** Writes cut off by a kill, then sent again with the same Idempotency-Key after the restart. */
  retried: number;
  /** Creates cut off by a kill and never sent again; each may or may not be stored, but at most once. */
  abandoned: number;
  abandonedStored: number;
  /** Retried writes answered "applied, answer not kept": the kill came between the commit and the answer. */
  appliedUnanswered: number;
  /** Acknowledged writes the store does not show. */
  lost: number;
  /** Course names stored more than once. */
  duplicated: number;
  /** Answers other than 2xx, which this load never provokes on purpose. */
  refused: number;
}

/** The body that creates a course. */
export function createBody(course: CourseRecord) {
  return { name: course.name, type: 1, courseCode: 'c0' };
}

/** Everything one store's clients sent, and what the checks found. */
export class Ledger {
  readonly courses: CourseRecord[] = [];
  readonly tally: Tally = {
    acknowledged: 0,
    creates: 0,
    updates: 0,
    retried: 0,
    abandoned: 0,
    abandonedStored: 0,
    appliedUnanswered: 0,
    lost: 0,
    duplicated: 0,
    refused: 0,
  };
  /** At most one write per client: a client stops at its first unanswered write. */
  inFlight: Write[] = [];
  /** Creates that were never retried, whose names must appear at most once. */
  readonly abandoned: CourseRecord[] = [];
  /** Retried creates the server says it applied before the kill; each must be stored exactly once. */
  readonly appliedCreates: CourseRecord[] = [];
  /** Names of creates that were cut off and sent again, to tell a duplicate's story. */
  readonly retriedNames = new Set<string>();
  /** The first problems found, for the report. */
  readonly problems: string[] = [];
  private readonly acknowledgedBy: CourseRecord[][];
  private readonly unchecked = new Set<CourseRecord>();
  private readonly lostCourses = new Set<CourseRecord>();
  private names = 0;
  private codes = 0;

  /** `prefix` starts every course name of this store, so names can be counted with one search. */
  constructor(
    readonly prefix: string,
    clients: number,
  ) {
    this.acknowledgedBy = Array.from({ length: clients }, () => []);
  }

  /** A new course for a client; fixed-width numbers, so no name is part of another. */
  newCourse(client: number): CourseRecord {
    this.names += 1;
    const number = String(this.names).padStart(7, '0');
    const name = `${this.prefix}-c${String(client).padStart(2, '0')}-n${number}`;
    const course = { name, createKey: `create-${name}`, client, courseId: null, code: 'c0' };
    this.courses.push(course);
    return course;
  }

  /** A courseCode never used before in this store. */
  nextCode(): string {
    this.codes += 1;
    return `u${this.codes}`;
  }

  /** The client's courses whose create was acknowledged (only they are updated). */
  acknowledgedCourses(client: number): readonly CourseRecord[] {
    return this.acknowledgedBy[client]!;
  }

  /** A 2xx arrived for this write. */
  acknowledge(write: Write, courseId: string | null): void {
    this.tally.acknowledged += 1;
    if (write.kind === 'create') {
      this.tally.creates += 1;
      write.course.courseId = courseId;
      this.acknowledgedBy[write.course.client]!.push(write.course);
    } else {
      this.tally.updates += 1;
      write.course.code = write.code;
    }
    this.unchecked.add(write.course);
  }

  /**
   * A retried write the server says it applied though its answer was never kept: an update counts as acknowledged;
   * a create's id is unknown, so the census looks for its name.
   */
  applied(write: Write): void {
    this.tally.appliedUnanswered += 1;
    if (write.kind === 'update') this.acknowledge(write, null);
    else this.appliedCreates.push(write.course);
  }

  /** The courses written since the last check; the check empties the set. */
  takeUnchecked(): CourseRecord[] {
    const courses = [...this.unchecked];
    this.unchecked.clear();
    return courses;
  }

  /** Every acknowledged course. */
  acknowledgedAll(): CourseRecord[] {
    return this.acknowledgedBy.flat();
  }

  /** Counts a problem and keeps the first few descriptions. */
  problem(kind: 'duplicated' | 'refused', description: string): void {
    this.tally[kind] += 1;
    this.describe(`${kind}: ${description}`);
  }

  /** Counts an acknowledged course the store does not show as acknowledged, once however often it is checked. */
  lose(course: CourseRecord, description: string): void {
    if (this.lostCourses.has(course)) return;
    this.lostCourses.add(course);
    this.tally.lost += 1;
    this.describe(`lost: ${course.name} (${course.courseId}): ${description}`);
  }

  private describe(line: string): void {
    if (this.problems.length < 20) this.problems.push(line);
  }
}
