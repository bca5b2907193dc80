/** The public surface of features/online-tests/: what other folders may use of it; everything else stays inside. */
export {
  OnlineTestDataInput,
  type OnlineTestInput,
  OnlineTestSchema,
  OnlineTestUpdateInput,
  onlineTestFields,
  presentOnlineTest,
  verifyOnlineTest,
} from './online-test.kind.ts';
