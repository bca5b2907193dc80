/** The demo people the permission tests act as, one a role. */
import { type Person, personNamed } from './courses.ts';
import type { TestLectern } from './test-app.ts';

/** The demo people the permission tests use. */
export interface Cast {
  /** Adam Fischer, the LMS admin. */
  admin: Person;
  /** Julia Moreau, made course admin by the tests' worlds. */
  courseAdmin: Person;
  /** Emeka Okafor, who manages Fatima and Gustav. */
  manager: Person;
  /** Fatima Zahra. */
  learner: Person;
  /** Gustav Lind, Fatima's colleague under Emeka. */
  otherLearner: Person;
  /** Kofi Mensah, who reports to Julia, not to Emeka. */
  bystander: Person;
}

/** Adam (admin), Julia (course admin), Emeka (manages Fatima and Gustav), Fatima, Gustav, Kofi. */
export async function castOf(lectern: TestLectern): Promise<Cast> {
  return {
    admin: await personNamed(lectern, 'Adam Fischer'),
    courseAdmin: await personNamed(lectern, 'Julia Moreau'),
    manager: await personNamed(lectern, 'Emeka Okafor'),
    learner: await personNamed(lectern, 'Fatima Zahra'),
    otherLearner: await personNamed(lectern, 'Gustav Lind'),
    bystander: await personNamed(lectern, 'Kofi Mensah'),
  };
}
