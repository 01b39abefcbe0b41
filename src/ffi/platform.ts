import { LINUX_ARCH_LAYOUTS, LINUX_CONSTANTS, PlatformConstants } from './constants-linux';

/** The only place that looks at the platform: everything else reads `constants`. */
function selectConstants(): PlatformConstants | undefined {
  const layout = LINUX_ARCH_LAYOUTS[process.arch];
  if (process.platform === 'linux' && layout !== undefined) return { ...LINUX_CONSTANTS, ...layout };
  return undefined;
}

const selected = selectConstants();

/** Throws a clear error on platforms elproc has no constants table for. */
export function platformConstants(): PlatformConstants {
  if (selected === undefined) {
    throw new Error(
      `elproc supports Linux only (this is ${process.platform}/${process.arch}); ` +
        'add a constants table in src/ffi to port it',
    );
  }
  return selected;
}
