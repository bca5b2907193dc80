/** The demo portal: an organisation with people, rooms and categories to try every endpoint against. */
import type {
  CategoryTable,
  DepartmentTable,
  DesignationTable,
  EmployeeTable,
  LocationTable,
  PortalTable,
  RoomTable,
} from '../../db/database.ts';
import type { IdGenerator } from '../../ids.ts';

/** A new portal keeps the server's time until the control room sets its clock. */
const serverClockColumns = { clock_offset_ms: 0, clock_fixed_at: null } as const;

type Person = [name: string, email: string, roles: string, managerIndex: number | null];

// roles: a = admin, s = settings admin, d = data admin, t = trainer, i = inactive
const people: Person[] = [
  ['Adam Fischer', 'adam.fischer', 'asd', null],
  ['Beatriz Santos', 'beatriz.santos', 't', 0],
  ['Chen Wei', 'chen.wei', 't', 0],
  ['Divya Raman', 'divya.raman', 't', 0],
  ['Emeka Okafor', 'emeka.okafor', '', 0],
  ['Fatima Zahra', 'fatima.zahra', '', 4],
  ['Gustav Lind', 'gustav.lind', '', 4],
  ['Hana Sato', 'hana.sato', '', 4],
  ['Ivan Petrov', 'ivan.petrov', '', 4],
  ['Julia Moreau', 'julia.moreau', '', 0],
  ['Kofi Mensah', 'kofi.mensah', '', 9],
  ['Lena Novak', 'lena.novak', '', 9],
  ['Mateo Rossi', 'mateo.rossi', '', 9],
  ['Nadia Haddad', 'nadia.haddad', 's', 9],
  ['Oscar Nilsson', 'oscar.nilsson', 'd', 0],
  ['Priya Nair', 'priya.nair', '', 14],
  ['Quentin Blake', 'quentin.blake', '', 14],
  ['Rosa Alvarez', 'rosa.alvarez', 't', 14],
  ['Samir Khan', 'samir.khan', '', 14],
  ['Tove Berg', 'tove.berg', 'i', 14],
];

const locations: [name: string, timeZone: string][] = [
  ['Chennai, Estancia IT Park', 'Asia/Kolkata'],
  ['Austin, Texas', 'America/Chicago'],
  ['Utrecht, Netherlands', 'Europe/Amsterdam'],
];
const rooms: [name: string, location: number, capacity: number, facilities: string[]][] = [
  ['Room One', 0, 12, ['WiFi', 'Chairs with writing pad']],
  ['Board Room', 0, 20, ['WiFi', 'Projector', 'Video conferencing']],
  ['Lone Star Hall', 1, 40, ['WiFi', 'Projector', 'Microphones']],
  ['Training Lab', 1, 16, ['WiFi', 'Workstations']],
  ['Canal View', 2, 8, ['WiFi', 'Whiteboard']],
];
// name, code, lead (index into people), parent (index into departments)
const departments: [name: string, code: string, lead: number, parent: number | null][] = [
  ['Management', 'MGT', 0, null],
  ['Engineering', 'ENG', 4, 0],
  ['Sales', 'SLS', 9, 0],
  ['People Operations', 'POP', 14, 0],
];
const designations: [name: string, code: string][] = [
  ['Chief Executive Officer', 'CEO'],
  ['Manager', 'MGR'],
  ['Trainer', 'TRN'],
  ['Software Engineer', 'SWE'],
  ['Account Executive', 'AE'],
  ['HR Specialist', 'HRS'],
];
// Per person: department and designation (indexes above), as the demo's organisation chart reads.
const placements: [department: number, designation: number][] = [
  [0, 0],
  [1, 2],
  [1, 2],
  [2, 2],
  [1, 1],
  [1, 3],
  [1, 3],
  [1, 3],
  [1, 3],
  [2, 1],
  [2, 4],
  [2, 4],
  [2, 4],
  [2, 4],
  [3, 1],
  [3, 5],
  [3, 5],
  [3, 2],
  [3, 5],
  [3, 5],
];

const courseCategories = ['Engineering', 'Compliance', 'Leadership', 'Sales', 'Onboarding', 'Wellbeing'];
const gradeCategories = ['Assessment', 'Quiz', 'Project'];

/** Every row of a fresh demo portal. */
export interface DemoPortal {
  portal: PortalTable;
  employees: EmployeeTable[];
  locations: LocationTable[];
  rooms: RoomTable[];
  categories: CategoryTable[];
  departments: DepartmentTable[];
  designations: DesignationTable[];
}

/** Builds the rows of a demo portal with fresh ids; the caller inserts them. */
export function buildDemoPortal(ids: IdGenerator, urlName: string, now: number, name = 'Zylker Corp'): DemoPortal {
  const portal: PortalTable = {
    id: ids.next(),
    name,
    url_name: urlName,
    time_zone: 'UTC',
    created_at: now,
    ...serverClockColumns,
    demo: 1,
  };
  const erecnos = people.map(() => ids.next());
  const departmentIds = departments.map(() => ids.next());
  const departmentRows = departments.map(
    ([departmentName, code, lead, parent], index): DepartmentTable => ({
      id: departmentIds[index]!,
      portal_id: portal.id,
      name: departmentName,
      code,
      mail_alias: `${code.toLowerCase()}@${urlName}.example.com`,
      lead_erecno: erecnos[lead]!,
      parent_id: parent === null ? null : departmentIds[parent]!,
      created_at: now,
      modified_at: now,
    }),
  );
  const designationRows = designations.map(
    ([designationName, code]): DesignationTable => ({
      id: ids.next(),
      portal_id: portal.id,
      name: designationName,
      code,
      mail_alias: '',
      created_at: now,
      modified_at: now,
    }),
  );
  const employees = people.map(([displayName, email, roles, manager], index): EmployeeTable => {
    const erecno = erecnos[index]!;
    const [department, designation] = placements[index]!;
    const [firstName, ...lastNames] = displayName.split(' ');
    return {
      erecno,
      portal_id: portal.id,
      employee_id: String(index + 1),
      display_name: displayName,
      email_id: `${email}@${urlName}.example.com`,
      photo_url: '', // computed when shown: the people feature's photoUrl
      manager_erecno: manager === null ? null : erecnos[manager]!,
      status: roles.includes('i') ? 'inactive' : 'active',
      is_admin: roles.includes('a') ? 1 : 0,
      is_settings_admin: roles.includes('s') ? 1 : 0,
      is_data_admin: roles.includes('d') ? 1 : 0,
      is_trainer: roles.includes('t') ? 1 : 0,
      first_name: firstName!,
      last_name: lastNames.join(' '),
      department_id: departmentRows[department]!.id,
      designation_id: designationRows[designation]!.id,
      date_of_joining: `20${String(15 + (index % 10)).padStart(2, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`,
      mobile: `+1 555 01${String(index + 10)}`,
      work_phone: `+1 555 02${String(index + 10)}`,
      created_at: now,
      modified_at: now,
    };
  });
  const locationRows = locations.map(([location, timeZone]) => ({
    id: ids.next(),
    portal_id: portal.id,
    name: location,
    time_zone: timeZone,
  }));
  const roomRows = rooms.map(([roomName, location, capacity, facilities]) => ({
    id: ids.next(),
    portal_id: portal.id,
    name: roomName,
    location_id: locationRows[location]!.id,
    capacity,
    facilities: JSON.stringify(facilities),
  }));
  const categories: CategoryTable[] = [
    ...courseCategories.map((category) => ({
      id: ids.next(),
      portal_id: portal.id,
      name: category,
      kind: 'course' as const,
    })),
    ...gradeCategories.map((category) => ({
      id: ids.next(),
      portal_id: portal.id,
      name: category,
      kind: 'grade' as const,
    })),
  ];
  return {
    portal,
    employees,
    locations: locationRows,
    rooms: roomRows,
    categories,
    departments: departmentRows,
    designations: designationRows,
  };
}
