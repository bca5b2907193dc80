/**
 * The baseline, run as a process of its own: a bare node:http server answering one fixed, course-sized JSON body to
 * every request, with keep-alive as Node sets it by default.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A course object shaped like Zoho's Update Course sample, about 2 KB once serialised.
const course = {
  canUserRequestToJoin: false,
  canUserAddLearners: true,
  durationAsDisplayString: '30 Minutes',
  courseCode: 'API_001',
  description: 'Description for the course',
  courseURL: 'https://people.zoho.com/zylker/zp#lms/course/478346000019582101',
  type: 'SELF_PACED',
  canUserGiveFeedback: false,
  canUserShare: true,
  canUserDelete: true,
  permissionSettings: {
    whenAModuleIsConsideredAsCompleted: 'LEARNER_MARKS',
    whoCanEnroll: ['admin', 'courseAdmin'],
    whenAnEntityIsConsideredAsCompleted: 'MARKED_BY_LEARNER',
    whenACourseIsConsideredAsCompleted: 'LEARNER_MARKS',
    whoCanUnenroll: ['admin', 'courseAdmin'],
  },
  hasUserCompleted: false,
  canUserUnpublish: false,
  canUserSuggest: true,
  currentUserRole: {
    settingsAdmin: true,
    courseOwner: true,
    trainer: false,
    sharedUser: false,
    learner: false,
    admin: true,
    courseAdmin: true,
    dataAdmin: true,
  },
  canUserShareCourseURL: true,
  isSuggestedCourse: false,
  isDisabled: false,
  categories: [{ categoryId: '478346000019582001', name: 'Engineering' }],
  isFavourite: false,
  courseId: '478346000019582101',
  aboutCourse: 'About the API',
  publishStatus: 'drafted',
  hasUserStarted: false,
  introFiles: [],
  canUserFavourite: true,
  progressAsDisplayString: '0%',
  canUserDisable: true,
  typeAsDisplayString: 'Self paced',
  isSharedCourse: false,
  canUserDeleteLearners: true,
  percentageOfProgress: 0,
  courseOwners: [
    {
      emailId: 'adam.fischer@zylker.example.com',
      erecno: '478346000000235001',
      photoURL: 'https://people.zoho.com/api/viewEmployeePhoto?filename=478346000000235001',
      name: 'Adam Fischer',
      employeeId: '1',
    },
  ],
  canUserStartDiscussion: true,
  canUserComplete: false,
  statusAsDisplayString: 'Drafted',
  canUserUnEnroll: false,
  canUserUnfavourite: false,
  canUserRevokeCompletion: false,
  courseImageURL: null,
  canUserPublish: true,
  name: 'Bench course',
  courseAdmins: [
    {
      emailId: 'beatriz.santos@zylker.example.com',
      erecno: '478346000000235002',
      photoURL: 'https://people.zoho.com/api/viewEmployeePhoto?filename=478346000000235002',
      name: 'Beatriz Santos',
      employeeId: '2',
    },
  ],
  canUserEnroll: false,
  canUserPreview: true,
  status: 0,
  duration: 30,
  durationUnit: 'minute',
};

const body = JSON.stringify({ code: '200', course, message: 'success' });

// Run as a child process by the bench (processes.ts): it prints one JSON line with its URL, then serves until killed.
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, bodyBytes: Buffer.byteLength(body) })}\n`);
});
