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
  /** Chen Wei, a trainer (the sessions' trainer in the tests' worlds). */
  trainer: Person;
}

/** Who plays each role: display names of the demo portal (every demo portal has the same people). */
export const castNames: Readonly<Record<keyof Cast, string>> = {
  admin: 'Adam Fischer',
  courseAdmin: 'Julia Moreau',
  manager: 'Emeka Okafor',
  learner: 'Fatima Zahra',
  otherLearner: 'Gustav Lind',
  bystander: 'Kofi Mensah',
  trainer: 'Chen Wei',
};

/** Adam (admin), Julia (course admin), Emeka (manages Fatima and Gustav), Fatima, Gustav, Kofi, Chen (trainer). */
export async function castOf(lectern: TestLectern): Promise<Cast> {
  const cast: Partial<Cast> = {};
  for (const [role, name] of Object.entries(castNames) as [keyof Cast, string][]) {
    cast[role] = await personNamed(lectern, name);
  }
  return cast as Cast;
}
