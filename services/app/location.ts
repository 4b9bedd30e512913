import fs from 'node:fs';
import type { DataLocationWarning } from '../../core/api';

/** Folder names of sync clients, matched as whole path segments (case-insensitive). */
const SYNC_FOLDERS: { pattern: RegExp; provider: string }[] = [
  { pattern: /^dropbox( \(.+\))?$/i, provider: 'Dropbox' },
  { pattern: /^onedrive( - .+)?$/i, provider: 'OneDrive' },
  { pattern: /^mobile documents$/i, provider: 'iCloud Drive' },
  { pattern: /^icloud ?drive( \(.+\))?$/i, provider: 'iCloud Drive' },
  { pattern: /^com~apple~clouddocs$/i, provider: 'iCloud Drive' },
  { pattern: /^google ?drive$/i, provider: 'Google Drive' },
  { pattern: /^my drive$/i, provider: 'Google Drive' },
  { pattern: /^googledrive-\d+$/i, provider: 'Google Drive' },
  { pattern: /^box( sync)?$/i, provider: 'Box' },
  { pattern: /^nextcloud$/i, provider: 'Nextcloud' },
  { pattern: /^owncloud$/i, provider: 'ownCloud' },
  { pattern: /^seafile$/i, provider: 'Seafile' },
  { pattern: /^pcloud ?drive$/i, provider: 'pCloud' },
  { pattern: /^yandex\.disk$/i, provider: 'Yandex Disk' },
];

/** macOS puts every File Provider sync folder (OneDrive, Google Drive, Box…) here. */
const MAC_CLOUD_STORAGE = /^cloudstorage$/i;

/** `statfs` f_type magic numbers of network (and FUSE) file systems on Linux. */
const NETWORK_FS: Record<number, string> = {
  0x6969: 'NFS',
  0xff534d42: 'SMB',
  0x517b: 'SMB',
  0xfe534d42: 'SMB',
  0x65735546: 'FUSE (sshfs or similar)',
  0x564c: 'NCP',
  0x73757245: 'Coda',
  0x5346414f: 'AFS',
  0x6b414653: 'AFS',
  0x00c36400: 'Ceph',
  0x47504653: 'GPFS',
  0x0bd00bd0: 'Lustre',
  0x01021997: '9P',
};

/**
 * Pure: is a folder (by its path and, on Linux, its `statfs` type) on a sync client's folder
 * or a network file system? Windows and POSIX separators are both understood.
 */
export function classifyDataLocation(
  dir: string,
  fsType: number | null,
): DataLocationWarning | null {
  const segments = dir.split(/[\\/]+/).filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (MAC_CLOUD_STORAGE.test(segment) && segments[i - 1]?.toLowerCase() === 'library') {
      const next = segments[i + 1] ?? '';
      const provider = SYNC_FOLDERS.find((s) => s.pattern.test(next.split('-')[0] ?? ''));
      return {
        kind: 'cloud-sync',
        provider: provider?.provider ?? (next.split('-')[0] || 'cloud'),
      };
    }
    const match = SYNC_FOLDERS.find((s) => s.pattern.test(segment));
    if (match) return { kind: 'cloud-sync', provider: match.provider };
  }
  if (fsType !== null) {
    const provider = NETWORK_FS[fsType >>> 0];
    if (provider) return { kind: 'network', provider };
  }
  if (/^\\\\[^\\]/.test(dir) || /^\/\/[^/]/.test(dir)) {
    return { kind: 'network', provider: 'SMB' }; // UNC path \\server\share
  }
  return null;
}

/** `classifyDataLocation` for a real folder; the type is only read on Linux. */
export function dataLocationWarning(dir: string): DataLocationWarning | null {
  let fsType: number | null = null;
  if (process.platform === 'linux') {
    try {
      fsType = Number(fs.statfsSync(dir).type);
    } catch {
      fsType = null;
    }
  }
  return classifyDataLocation(dir, fsType);
}
