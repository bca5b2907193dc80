/** Socket-level answers that a test cannot provoke quickly over a real socket (the others are in input-errors.test.ts). */
import { describe, expect, it } from 'vitest';
import { clientErrorAnswer } from '../src/http/client-error.ts';

function clientError(code: string, rawPacket?: Buffer): Error & { code: string; rawPacket?: Buffer } {
  return Object.assign(new Error(code), { code, rawPacket });
}

describe('clientErrorAnswer', () => {
  it('answers a request not received in time with 408 in Zoho’s body', () => {
    expect(clientErrorAnswer(clientError('ERR_HTTP_REQUEST_TIMEOUT'))).toEqual({
      status: 408,
      body: {
        code: '408',
        message:
          'Request Timeout: the headers did not arrive within LECTERN_HEADERS_TIMEOUT_MS, or the upload within LECTERN_UPLOAD_TIMEOUT_MS',
      },
    });
  });

  it('tells an overlong request line (414) from overlong headers (431) by the bytes Node kept', () => {
    const longLine = Buffer.from(`GET /api/v1/courses?q=${'q'.repeat(9000)}`);
    const longHeader = Buffer.from(`GET /api/v1/courses HTTP/1.1\r\nX-Big: ${'h'.repeat(9000)}`);
    const midRequest = Buffer.from('h'.repeat(9000));
    expect(clientErrorAnswer(clientError('HPE_HEADER_OVERFLOW', longLine)).status).toBe(414);
    expect(clientErrorAnswer(clientError('HPE_HEADER_OVERFLOW', longHeader)).status).toBe(431);
    // A later chunk of the head: the start of the request is gone, so it is not called a long URL.
    expect(clientErrorAnswer(clientError('HPE_HEADER_OVERFLOW', midRequest)).status).toBe(431);
    expect(clientErrorAnswer(clientError('HPE_HEADER_OVERFLOW')).status).toBe(431);
  });

  it('answers any other parse error with 400 INVALID_INPUT naming the request, without Node’s code', () => {
    const { status, body } = clientErrorAnswer(clientError('HPE_INVALID_METHOD'));
    expect(status).toBe(400);
    expect(body).toEqual({
      code: 'INVALID_INPUT',
      message: 'Invalid value for request: it is not a valid HTTP/1.1 request',
      parameter: 'request',
    });
  });
});
