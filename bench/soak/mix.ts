/** The soak's request mix for autocannon: 80% reads (fetch a course, list a page), 20% writes (create, update). */
import type autocannon from 'autocannon';

type Request = autocannon.Request;

/** Course ids the mix reads and updates; creates add theirs as they are answered. */
export class CoursePool {
  private readonly ids: string[] = [];
  private created = 0;
  private updated = 0;

  add(id: string): void {
    this.ids.push(id);
  }

  get size(): number {
    return this.ids.length;
  }

  pick(): string {
    return this.ids[Math.floor(Math.random() * this.ids.length)]!;
  }

  nextName(): string {
    this.created += 1;
    return `Soak course ${this.created}`;
  }

  nextCode(): string {
    this.updated += 1;
    return `soak-${this.updated}`;
  }
}

/** One cycle of ten requests each connection repeats: four fetches, four list pages, one create, one update. */
export function requestMix(pool: CoursePool, token: string): Request[] {
  const read = { authorization: `Zoho-oauthtoken ${token}` };
  const write = { ...read, 'content-type': 'application/json' };
  const fetchCourse: Request = {
    method: 'GET',
    headers: read,
    setupRequest: (request) => ({ ...request, path: `/api/v1/courses/${pool.pick()}` }),
  };
  const listCourses: Request = {
    method: 'GET',
    headers: read,
    // The first ten pages: the newest courses, as a client paging a list would see them.
    setupRequest: (request) => ({
      ...request,
      path: `/api/v1/courses?startIndex=${25 * Math.floor(Math.random() * 10)}`,
    }),
  };
  const createCourse: Request = {
    method: 'POST',
    path: '/api/v1/courses',
    headers: write,
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ name: pool.nextName(), type: 1 }) }),
    onResponse: (status, body) => {
      if (status === 200) pool.add(JSON.parse(body).course.courseId);
    },
  };
  const updateCourse: Request = {
    method: 'PATCH',
    headers: write,
    setupRequest: (request) => ({
      ...request,
      path: `/api/v1/courses/${pool.pick()}`,
      body: JSON.stringify({ courseCode: pool.nextCode() }),
    }),
  };
  return [
    fetchCourse,
    listCourses,
    fetchCourse,
    listCourses,
    createCourse,
    fetchCourse,
    listCourses,
    fetchCourse,
    listCourses,
    updateCourse,
  ];
}
