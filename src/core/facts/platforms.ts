/** Operating systems whose port rules Port Lens knows. */
export type Platform = 'linux' | 'macos' | 'windows';

export const PLATFORMS: readonly Platform[] = ['linux', 'macos', 'windows'];

export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  linux: 'Linux',
  macos: 'macOS',
  windows: 'Windows',
};

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
