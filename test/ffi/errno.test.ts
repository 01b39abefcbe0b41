import { codeToErrno, errnoToCode, libc, SystemCallError, systemCallError } from '../../src/ffi';

describe('errno helpers', () => {
  test.each([
    [19, 'ENODEV'],
    [9, 'EBADF'],
    [111, 'ECONNREFUSED'],
    // Aliases resolve to the name Node itself reports.
    [11, 'EAGAIN'],
    [95, 'ENOTSUP'],
    [4242, 'UNKNOWN'],
  ])('errnoToCode(%d) is %s', (errno, code) => {
    expect(errnoToCode(errno)).toBe(code);
  });

  test('codeToErrno knows aliases and nothing else', () => {
    expect(codeToErrno('ENODEV')).toBe(19);
    expect(codeToErrno('EWOULDBLOCK')).toBe(11);
    expect(codeToErrno('EOPNOTSUPP')).toBe(95);
    expect(codeToErrno('ENOSUCHTHING')).toBeUndefined();
  });

  test('systemCallError carries syscall, errno, Node code and libc text', () => {
    const error = systemCallError('setsockopt', 19, (n) => libc().strerror(n));
    expect(error).toBeInstanceOf(SystemCallError);
    expect(error).toMatchObject({
      syscall: 'setsockopt',
      errno: 19,
      code: 'ENODEV',
      strerror: 'No such device',
      message: 'setsockopt: No such device',
    });
  });

  test('libc strerror gives glibc texts', () => {
    expect(libc().strerror(9)).toBe('Bad file descriptor');
    expect(libc().strerror(111)).toBe('Connection refused');
    expect(libc().strerror(4242)).toBe('Unknown error 4242');
  });
});
