/** What a person's roles let the app show (the API enforces the same rules; hiding is never the protection). */
import type { Person } from './session.ts';

/** The faces of the app. */
export type Face = 'admin' | 'trainer' | 'learner';

/** The faces a person may open: everyone learns; trainers and admins have their own. */
export function facesOf(person: Person): Face[] {
  const faces: Face[] = [];
  if (person.roles.includes('admin')) faces.push('admin');
  if (person.roles.includes('trainer')) faces.push('trainer');
  faces.push('learner');
  return faces;
}

/** The role named in the header: the highest the person holds. */
export function roleLabel(person: Person): string {
  const face = facesOf(person)[0];
  return face === 'admin' ? 'Admin' : face === 'trainer' ? 'Trainer' : 'Learner';
}

/** Where a person lands after signing in. */
export function homeOf(person: Person): '/admin' | '/trainer' | '/learn' {
  const face = facesOf(person)[0];
  return face === 'admin' ? '/admin' : face === 'trainer' ? '/trainer' : '/learn';
}

/** An entry of the navigation: shown to people whose roles open its face. */
export interface NavItem {
  to: string;
  label: string;
  face: Face;
  /** Shown only in demo portals (the control room). */
  demoOnly?: boolean;
}

/** What every route can read: the navigation of every area (given by the router, so the shell imports no area). */
export interface AppContext {
  links: NavItem[];
}
