import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  OpenRequestInbox,
  openRequestFromFile,
  openRequestFromUrl,
  openRequestsFromArgv,
  type OpenRequest,
} from '../../../electron/core/shell/openRequest';

const link = 'commonplace://quote?url=https%3A%2F%2Fexample.com%2F&text=Hello';
const home = path.resolve('/home/ann');

describe('what the OS asks the app to open', () => {
  it('finds links and markdown files among a launch’s arguments, ignoring switches and the app itself', () => {
    const argv = [
      '/opt/Commonplace/commonplace',
      '--allow-file-access-from-files',
      '--original-process-start-time=13361',
      '-psn_0_12345',
      'out/main/index.js',
      link,
      'notes/Essay.MD',
      '/tmp/draft.markdown',
      'picture.png',
    ];
    expect(openRequestsFromArgv(argv, home)).toEqual([
      { kind: 'link', link },
      { kind: 'markdown-file', path: path.join(home, 'notes/Essay.MD') },
      { kind: 'markdown-file', path: path.resolve('/tmp/draft.markdown') },
    ]);
  });

  it('never takes the executable for a request, and finds nothing in a plain launch', () => {
    expect(openRequestsFromArgv(['/usr/bin/notes.md'], home)).toEqual([]);
    expect(openRequestsFromArgv(['C:\\Program Files\\Commonplace\\Commonplace.exe'], home)).toEqual([]);
  });

  it('takes only commonplace: URLs and markdown files', () => {
    expect(openRequestFromUrl('COMMONPLACE://quote?text=x')).toEqual({
      kind: 'link',
      link: 'COMMONPLACE://quote?text=x',
    });
    expect(openRequestFromUrl('https://example.com/')).toBeNull();
    expect(openRequestFromFile('/Users/ann/Post.md', home)).toEqual({
      kind: 'markdown-file',
      path: path.resolve('/Users/ann/Post.md'),
    });
    expect(openRequestFromFile('/Users/ann/Post.txt', home)).toBeNull();
    expect(openRequestFromFile('/Users/ann/md', home)).toBeNull();
  });

  it('holds requests until the app can handle them, then hands them over in order', () => {
    const inbox = new OpenRequestInbox();
    const handled: OpenRequest[] = [];
    inbox.receive({ kind: 'link', link });
    inbox.receive({ kind: 'markdown-file', path: '/a.md' });
    expect(handled).toEqual([]);
    inbox.start((request) => handled.push(request));
    inbox.receive({ kind: 'markdown-file', path: '/b.md' });
    expect(handled.map((request) => (request.kind === 'link' ? request.link : request.path))).toEqual([
      link,
      '/a.md',
      '/b.md',
    ]);
  });
});
