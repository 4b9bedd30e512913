import { describe, expect, it } from 'vitest';
import { startTestServices } from '../../test/support/services';
import { classifyDataLocation } from './location';

const EXT4 = 0xef53;

describe('classifyDataLocation', () => {
  it.each([
    ['/home/ana/Dropbox/Engagement Desk', 'Dropbox'],
    ['/home/ana/Dropbox (Personal)/desk', 'Dropbox'],
    ['C:\\Users\\Ana\\OneDrive\\Documents\\Engagement Desk', 'OneDrive'],
    ['C:\\Users\\Ana\\OneDrive - Contoso Ltd\\desk', 'OneDrive'],
    ['/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/desk', 'iCloud Drive'],
    ['/Users/ana/Library/CloudStorage/OneDrive-Personal/desk', 'OneDrive'],
    ['/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.com/My Drive/desk', 'Google Drive'],
    ['/Users/ana/Library/CloudStorage/Box-Box/desk', 'Box'],
    ['G:\\My Drive\\desk', 'Google Drive'],
    ['/home/ana/Google Drive/desk', 'Google Drive'],
    ['/home/ana/Nextcloud/desk', 'Nextcloud'],
    ['/home/ana/ownCloud/desk', 'ownCloud'],
    ['/Users/ana/Box/desk', 'Box'],
  ])('%s is a %s sync folder', (dir, provider) => {
    expect(classifyDataLocation(dir, EXT4)).toEqual({ kind: 'cloud-sync', provider });
  });

  it.each([
    [0x6969, 'NFS'],
    [0xff534d42, 'SMB'],
    [-11317950, 'SMB'], // 0xFF534D42 as a signed 32-bit number
    [0x517b, 'SMB'],
    [0xfe534d42, 'SMB'],
    [0x65735546, 'FUSE (sshfs or similar)'],
  ])('statfs type %s is a network file system (%s)', (type, provider) => {
    expect(classifyDataLocation('/mnt/work/desk', type)).toEqual({ kind: 'network', provider });
  });

  it('a UNC path is a network share even without a file system type', () => {
    expect(classifyDataLocation('\\\\fileserver\\home\\desk', null)).toEqual({
      kind: 'network',
      provider: 'SMB',
    });
  });

  it.each([
    ['/home/ana/.config/Engagement Desk', EXT4],
    ['C:\\Users\\Ana\\AppData\\Roaming\\Engagement Desk', null],
    ['/Users/ana/Library/Application Support/Engagement Desk', null],
    ['/home/ana/dropbox-notes-archive/desk', EXT4], // only whole folder names count
    ['/home/ana/boxes/desk', 0x01021994], // tmpfs
  ])('%s is a local folder', (dir, type) => {
    expect(classifyDataLocation(dir, type)).toBeNull();
  });
});

describe('app.info', () => {
  it('reports no data location warning for a local temp folder', async () => {
    const services = await startTestServices();
    try {
      const result = await services.invoke('app.info', {});
      expect(result.ok && result.data).toMatchObject({ dataLocationWarning: null });
    } finally {
      services.dispose();
    }
  });
});
