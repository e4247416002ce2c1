import { describe, expect, it, vi } from 'vitest';
import {
  CONFLICT_SENTENCE,
  MAX_UPLOAD_BYTES,
  runImport,
  uploadUrl,
  type ImportDependencies,
  type ImportJobLike,
  type ImportState,
  type UploadRequest,
} from './import-upload';

/** An XMLHttpRequest that answers what the test says, after reporting upload progress in two steps. */
class FakeRequest implements UploadRequest {
  upload: UploadRequest['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  sent: Blob | null = null;

  constructor(private readonly answer: { status: number; body: string } | 'network-error' | 'hang') {}

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.sent = body;
    queueMicrotask(() => {
      if (this.answer === 'hang') return;
      this.upload.onprogress?.({ loaded: body.size / 2, total: body.size, lengthComputable: true });
      this.upload.onprogress?.({ loaded: body.size, total: body.size, lengthComputable: true });
      if (this.answer === 'network-error') return this.onerror?.();
      this.status = this.answer.status;
      this.responseText = this.answer.body;
      this.onload?.();
    });
  }
  abort() {
    this.onabort?.();
  }
}

const aFile = (content = '<gpx/>', name = 'morning.gpx') =>
  new File([content], name, { type: 'application/gpx+xml' });

const job = (status: ImportJobLike['status'], extra: Partial<ImportJobLike> = {}): ImportJobLike => ({
  id: 'import-1',
  status,
  workoutId: 'workout-1',
  sport: 'WALK',
  sportSource: 'INFERRED_FROM_SPEED',
  sportReason: 'Its moving speed (median 4.8 km/h) is a walk’s.',
  ...extra,
});

function setUp(request: FakeRequest, jobs: (ImportJobLike | null)[] = []) {
  const states: ImportState[] = [];
  const fetchJob = vi.fn(async () => jobs.shift() ?? null);
  const wait = vi.fn(async () => undefined);
  const deps: ImportDependencies = {
    accessToken: async () => 'token-1',
    createRequest: () => request,
    fetchJob,
    wait,
  };
  return { deps, states, onState: (state: ImportState) => states.push(state), fetchJob, wait };
}

describe('importing a file', () => {
  it('names the file and the sport in the upload’s URL, and only a sport that was chosen', () => {
    expect(uploadUrl('my run.gpx', null)).toBe('/imports?fileName=my+run.gpx');
    expect(uploadUrl('a.fit', 'RIDE')).toBe('/imports?fileName=a.fit&sport=RIDE');
  });

  it('uploads with the token, shows progress, then polls the job until it is done', async () => {
    const request = new FakeRequest({
      status: 202,
      body: '{"importId":"import-1","workoutId":"workout-1","status":"PENDING"}',
    });
    const { deps, states, onState, fetchJob, wait } = setUp(request, [
      job('PENDING'),
      job('PENDING'),
      job('DONE'),
    ]);
    const file = aFile();
    const last = await runImport(file, 'WALK', deps, onState);

    expect(request.method).toBe('POST');
    expect(request.url).toBe('/imports?fileName=morning.gpx&sport=WALK');
    expect(request.headers).toEqual({
      authorization: 'Bearer token-1',
      'content-type': 'application/gpx+xml',
    });
    expect(request.sent).toBe(file);
    expect(states.map((s) => s.phase)).toEqual(['uploading', 'uploading', 'uploading', 'processing', 'done']);
    expect(states[1]).toEqual({ phase: 'uploading', fileName: 'morning.gpx', loaded: 3, total: 6 });
    expect(states[3]).toEqual({ phase: 'processing', importId: 'import-1', workoutId: 'workout-1' });
    expect(last).toEqual({ phase: 'done', job: job('DONE') });
    expect(fetchJob).toHaveBeenCalledTimes(3);
    expect(fetchJob).toHaveBeenCalledWith('import-1');
    expect(wait).toHaveBeenCalledTimes(2);
  });

  it('points at the workout of a file imported before (409 CONFLICT)', async () => {
    const body = JSON.stringify({
      errors: [
        {
          message: 'This activity was imported already, as workout w-0.',
          extensions: { code: 'CONFLICT', workoutId: 'w-0' },
        },
      ],
    });
    const { deps, onState, fetchJob } = setUp(new FakeRequest({ status: 409, body }));
    await expect(runImport(aFile(), null, deps, onState)).resolves.toEqual({
      phase: 'conflict',
      workoutId: 'w-0',
    });
    expect(fetchJob).not.toHaveBeenCalled();
    expect(CONFLICT_SENTENCE).toBe('You imported this activity before.');
  });

  it('says why a file was refused, from the error code of the body', async () => {
    const malformed = JSON.stringify({
      errors: [
        {
          message: 'The GPX file is not well-formed XML.',
          extensions: { code: 'BAD_USER_INPUT', field: 'file' },
        },
      ],
    });
    const first = setUp(new FakeRequest({ status: 400, body: malformed }));
    await expect(runImport(aFile(), null, first.deps, first.onState)).resolves.toEqual({
      phase: 'failed',
      message: 'The GPX file is not well-formed XML.',
    });

    const busy = JSON.stringify({
      errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 4 } }],
    });
    const second = setUp(new FakeRequest({ status: 429, body: busy }));
    await expect(runImport(aFile(), null, second.deps, second.onState)).resolves.toEqual({
      phase: 'failed',
      message: 'Too many attempts. Please wait 4 seconds and try again.',
    });

    const crash = JSON.stringify({
      errors: [{ message: 'TypeError: x is undefined', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    const third = setUp(new FakeRequest({ status: 500, body: crash }));
    const failed = await runImport(aFile(), null, third.deps, third.onState);
    expect(failed).toEqual({
      phase: 'failed',
      message: 'Something went wrong on our side. Please try again.',
    });

    const proxy = setUp(new FakeRequest({ status: 413, body: '<html>Too large</html>' }));
    const tooLarge = await runImport(aFile(), null, proxy.deps, proxy.onState);
    expect(tooLarge).toMatchObject({
      phase: 'failed',
      message: expect.stringMatching(/^This file is larger than 25 MB/),
    });
  });

  it('says so when the job failed, or the network did', async () => {
    const accepted = '{"importId":"import-1","workoutId":"workout-1","status":"PENDING"}';
    const failing = setUp(new FakeRequest({ status: 202, body: accepted }), [
      job('FAILED', { error: 'The file holds no track and no duration.' }),
    ]);
    await expect(runImport(aFile(), null, failing.deps, failing.onState)).resolves.toEqual({
      phase: 'failed',
      message: 'Pulse could not import this file: The file holds no track and no duration.',
    });

    const offline = setUp(new FakeRequest('network-error'));
    const last = await runImport(aFile(), null, offline.deps, offline.onState);
    expect(last).toMatchObject({ phase: 'failed', message: expect.stringMatching(/offline/) });
  });

  it('refuses an empty or too large file before sending it, and a signed-out athlete', async () => {
    const request = new FakeRequest('hang');
    const { deps, onState } = setUp(request);
    expect(await runImport(aFile(''), null, deps, onState)).toEqual({
      phase: 'failed',
      message: 'This file is empty.',
    });
    const huge = { name: 'huge.gpx', size: MAX_UPLOAD_BYTES + 1, type: '' } as unknown as File;
    expect(await runImport(huge, null, deps, onState)).toMatchObject({ phase: 'failed' });
    expect(request.sent).toBeNull();

    const signedOut = { ...deps, accessToken: async () => null };
    expect(await runImport(aFile(), null, signedOut, onState)).toEqual({
      phase: 'failed',
      message: 'Your session has ended. Please sign in again.',
    });
    expect(request.sent).toBeNull();
  });

  it('stops uploading and polling when the screen is left', async () => {
    const request = new FakeRequest('hang');
    const { deps, states, onState } = setUp(request);
    const leaving = new AbortController();
    const running = runImport(aFile(), null, deps, onState, leaving.signal);
    await vi.waitFor(() => expect(request.sent).not.toBeNull());
    leaving.abort();
    await expect(running).resolves.toMatchObject({ phase: 'uploading' });
    expect(states.map((s) => s.phase)).toEqual(['uploading']);
  });

  it('stops polling after a while, saying the import goes on', async () => {
    const accepted = '{"importId":"import-1","workoutId":"workout-1","status":"PENDING"}';
    const { deps, onState, fetchJob } = setUp(new FakeRequest({ status: 202, body: accepted }));
    const pending = { ...deps, fetchJob: vi.fn(async () => job('PENDING')) };
    await expect(runImport(aFile(), null, pending, onState)).resolves.toEqual({
      phase: 'slow',
      importId: 'import-1',
    });
    expect(pending.fetchJob).toHaveBeenCalledTimes(180);
    expect(fetchJob).not.toHaveBeenCalled();
  });
});
