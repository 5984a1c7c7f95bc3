import { describe, expect, it } from 'vitest';
import { connectionFailure, isConnectionError } from './connection-errors';

const withCode = (message: string, code: string, extra: object = {}) =>
  Object.assign(new Error(message), { code, ...extra });
/** How Drizzle hands on a driver's error. */
const wrapped = (cause: unknown) =>
  Object.assign(new Error('Failed query: select 1\nparams: secret@example.com'), { cause });

describe('isConnectionError', () => {
  it.each([
    [
      'admin shutdown (pg_terminate_backend, pg_ctl stop)',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    [
      'crash shutdown',
      withCode('terminating connection because of crash of another server process', '57P02'),
    ],
    ['cannot connect now', withCode('the database system is starting up', '57P03')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['class 08', withCode('connection failure', '08006')],
    ['refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED', { syscall: 'connect' })],
    ['reset', withCode('read ECONNRESET', 'ECONNRESET', { syscall: 'read' })],
    ['timed out', withCode('read ETIMEDOUT', 'ETIMEDOUT')],
    ['broken pipe', withCode('write EPIPE', 'EPIPE')],
    [
      'a socket path that is gone',
      withCode('connect ENOENT /run/postgresql/.s.PGSQL.5432', 'ENOENT', { syscall: 'connect' }),
    ],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['connect timeout (client)', new Error('Connection terminated due to connection timeout')],
    ['connect timeout (pool)', new Error('timeout exceeded when trying to connect')],
    ['a client that broke', new Error('Client has encountered a connection error and is not queryable')],
  ])('%s', (_name, err) => {
    expect(isConnectionError(err)).toBe(true);
    expect(isConnectionError(wrapped(err))).toBe(true);
    expect(isConnectionError(wrapped(wrapped(err)))).toBe(true);
  });

  it('sees through a connect to several addresses', () => {
    const many = new AggregateError(
      [withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')],
      'connect failed',
    );
    expect(isConnectionError(many)).toBe(true);
  });

  it.each([
    ['unique violation', withCode('duplicate key value', '23505')],
    ['syntax error', withCode('syntax error at or near', '42601')],
    ['permission', withCode('permission denied for table', '42501')],
    ['query cancelled', withCode('canceling statement due to statement timeout', '57014')],
    ['serialization failure', withCode('could not serialize access', '40001')],
    [
      'a file that is missing',
      withCode("ENOENT: no such file or directory, open 'x'", 'ENOENT', { syscall: 'open' }),
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'Connection terminated unexpectedly'],
  ])('not %s', (_name, err) => {
    expect(isConnectionError(err)).toBe(false);
    expect(isConnectionError(wrapped(err))).toBe(false);
  });

  it('stops at a cycle of causes', () => {
    const a: { cause?: unknown } = new Error('a');
    a.cause = wrapped(a);
    expect(isConnectionError(a)).toBe(false);
  });
});

describe('connectionFailure', () => {
  it('names the connection error, not the query that carried it', () => {
    const failure = connectionFailure(
      wrapped(withCode('terminating connection due to administrator command', '57P01')),
    );
    expect(failure).toEqual({ code: '57P01', reason: 'terminating connection due to administrator command' });
    expect(
      JSON.stringify(connectionFailure(wrapped(new Error('Connection terminated unexpectedly')))),
    ).not.toContain('secret');
  });
});
