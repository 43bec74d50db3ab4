import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../src/api/client';
import type { SittingView } from '../src/api/types';
import { ConnectionBanner } from '../src/components/ConnectionBanner';
import { Countdown } from '../src/components/Countdown';
import { problemText, ProblemMessage } from '../src/components/ProblemMessage';
import { SpeakerNow } from '../src/components/SpeakerNow';
import { SpeakerQueue } from '../src/components/SpeakerQueue';
import { Transcript } from '../src/components/Transcript';
import { VideoEmbed } from '../src/components/VideoEmbed';
import { CommandFeedback } from '../src/components/CommandFeedback';
import { type CommandState, useCommand } from '../src/components/useCommand';
import { setLang } from '../src/i18n/i18n';
import { evolve } from '../src/live/fold';
import { by, CLUSTER, ev, floorEvents, scheduledSitting } from './fixtures';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  setLang('vi');
});

const show = (node: preact.ComponentChild) => act(() => render(node, root));
const upTo = (version: number): SittingView => floorEvents().filter(e => e.version <= version).reduce(evolve, scheduledSitting());

describe('Countdown', () => {
  test('counts down from the server start, then counts the overrun up in the overrun style', async () => {
    vi.useFakeTimers();
    const turn = upTo(9).currentTurn!; // the answer, started 01:04:10 with 3 minutes
    vi.setSystemTime(new Date('2026-11-23T01:05:25Z'));
    show(<Countdown turn={turn} offsetMs={0} />);
    const timer = () => root.querySelector('[role=timer]')!;
    expect(timer().textContent).toBe('1:45');
    expect(root.querySelector('[data-over]')!.getAttribute('data-over')).toBe('false');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(120_000);
    });
    expect(timer().textContent).toBe('+0:15');
    expect(root.querySelector('.countdown--over')).not.toBeNull();
    expect(root.textContent).toContain('Quá giờ');
  });

  test('corrects the device clock with the server offset', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T01:04:10Z')); // the device is 60 s behind the server
    show(<Countdown turn={upTo(9).currentTurn!} offsetMs={60_000} />);
    expect(root.querySelector('[role=timer]')!.textContent).toBe('2:00');
  });

  test('announces time up once, politely, and keeps the ticking value out of the live region', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T01:07:00Z'));
    show(<Countdown turn={upTo(9).currentTurn!} offsetMs={0} />);
    const polite = root.querySelector('[aria-live=polite]')!;
    expect(polite.textContent).toBe('Còn 10 giây');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });
    expect(polite.textContent).toBe('Hết giờ');
    expect(root.querySelector('[role=timer]')!.getAttribute('aria-live')).toBe('off');
  });
});

describe('SpeakerNow', () => {
  test('shows who speaks, the kind of turn and the question being asked', () => {
    show(<SpeakerNow sitting={upTo(7)} offsetMs={0} />);
    expect(root.querySelector('[data-testid=speaker]')!.textContent).toBe('Chất vấnNguyễn Thị Lan');
    expect(root.querySelector('[data-testid=speaker]')!.getAttribute('aria-live')).toBe('polite');
    expect(root.querySelector('blockquote')!.textContent).toBe('Vì sao thiếu thuốc?');
  });

  test('says the sitting has not started, with its time in Hanoi', () => {
    show(<SpeakerNow sitting={scheduledSitting()} offsetMs={0} />);
    expect(root.textContent).toContain('Phiên họp chưa bắt đầu');
    expect(root.textContent).toContain('08:00');
  });
});

describe('SpeakerQueue', () => {
  test('lists the called deputies first, then the waiting ones numbered in calling order, and marks the viewer', () => {
    const second = ev(7, 'speaker_registered', {
      registrationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      clusterId: CLUSTER,
      deputyId: 'na-d-002',
      deputyName: 'Trần Văn Minh',
      questionId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
      by,
      at: '2026-11-23T01:03:05+00:00',
    });
    const sitting = [...floorEvents().slice(0, 4), second].reduce(evolve, scheduledSitting());
    show(<SpeakerQueue sitting={sitting} me="na-d-002" />);
    const items = [...root.querySelectorAll('li')].map(li => li.textContent);
    expect(items).toEqual(['Đã mờiNguyễn Thị Lan', '1Trần Văn MinhBạn']);
  });
});

describe('Transcript', () => {
  test('inserts the server-rendered HTML and nothing else', () => {
    show(<Transcript sitting={upTo(11)} />);
    expect(root.querySelector('.transcript__text')!.innerHTML).toBe('<p>Sẽ <strong>bảo đảm</strong></p>\n');
    expect(root.querySelector('[role=log]')).not.toBeNull();
  });
});

describe('problems in plain words', () => {
  test('a known code is translated; an unknown one shows the server explanation', () => {
    expect(problemText(new ApiError(409, { code: 'queue_empty', detail: 'No deputy is waiting to speak in this cluster.' }))).toBe(
      'Không còn đại biểu nào chờ trong nhóm này.',
    );
    expect(problemText(new ApiError(409, { code: 'something_new', detail: 'A new rule said no.' }))).toBe('A new rule said no.');
    expect(problemText(new ApiError(0, { code: 'network' }))).toContain('Không kết nối được máy chủ');
    setLang('en');
    expect(problemText(new ApiError(409, { code: 'turn_running' }))).toBe('End the running turn first.');
  });

  test('a malformed request lists its field errors in an alert', () => {
    show(<ProblemMessage error={new ApiError(400, { code: 'invalid_request', errors: { text: ['The Text field is required.'] } })} />);
    const alert = root.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('Thông tin nhập chưa hợp lệ');
    expect(alert.textContent).toContain('The Text field is required.');
  });
});

describe('command feedback', () => {
  let state: CommandState;
  const Form = ({ situation }: { readonly situation: string }) => {
    state = useCommand(situation);
    return <CommandFeedback state={state} />;
  };
  const refused = () => Promise.reject(new ApiError(409, { code: 'already_registered' }));
  const alert = () => root.querySelector('[role=alert]')?.textContent ?? null;

  test('a refusal stays while the situation is the same and goes when it changes', async () => {
    show(<Form situation="cluster-1:open:waiting" />);
    await act(async () => void (await state.run('done', refused)));
    expect(alert()).toBe('Bạn đã đăng ký trong nhóm vấn đề này.');
    show(<Form situation="cluster-1:open:waiting" />);
    expect(alert()).toBe('Bạn đã đăng ký trong nhóm vấn đề này.');
    show(<Form situation="cluster-1:open:called" />);
    expect(alert()).toBeNull();
  });

  test('a refusal that arrives after the situation changed is kept with the new situation', async () => {
    let refuse: (e: unknown) => void = () => undefined;
    show(<Form situation="turn-1" />);
    let running: Promise<boolean> = Promise.resolve(false);
    act(() => {
      running = state.run('done', () => new Promise((_, reject) => (refuse = reject)));
    });
    show(<Form situation="turn-2" />);
    await act(async () => {
      refuse(new ApiError(409, { code: 'already_registered' }));
      await running;
    });
    expect(alert()).toBe('Bạn đã đăng ký trong nhóm vấn đề này.');
    show(<Form situation="turn-3" />);
    expect(alert()).toBeNull();
  });

  test('the confirmation of an accepted command stays when the command changes the situation', async () => {
    show(<Form situation="cluster-1:open:" />);
    await act(async () => void (await state.run('Đã đăng ký.', () => Promise.resolve({ version: 12, id: null }))));
    show(<Form situation="cluster-1:open:waiting" />);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã đăng ký.');
    expect(alert()).toBeNull();
  });

  test('a second click before the screen re-renders starts no second action', async () => {
    show(<Form situation="cluster-1:open:" />);
    let accept: () => void = () => undefined;
    const action = vi.fn(() => new Promise<{ version: number; id: null }>(resolve => (accept = () => resolve({ version: 12, id: null }))));
    // Both clicks land in the same tick, with the `state` of the same render: its busy is still false.
    let first: Promise<boolean> = Promise.resolve(false);
    let second: Promise<boolean> = Promise.resolve(true);
    act(() => {
      first = state.run('Đã gửi.', action);
      second = state.run('Đã gửi.', action);
    });
    expect(await second).toBe(false);
    await act(async () => {
      accept();
      await first;
    });
    expect(await first).toBe(true);
    expect(action).toHaveBeenCalledTimes(1);
    // Once the first action ended, the next click is a new action.
    const next = vi.fn(() => Promise.resolve({ version: 13, id: null }));
    await act(async () => void (await state.run('Đã gửi.', next)));
    expect(next).toHaveBeenCalledTimes(1);
  });
});

describe('ConnectionBanner', () => {
  test('says reconnecting in the current language, and nothing visible while live', () => {
    show(<ConnectionBanner link="reconnecting" />);
    expect(root.textContent).toBe('Đang kết nối lại…');
    setLang('en');
    show(<ConnectionBanner link="reconnecting" />);
    expect(root.textContent).toBe('Reconnecting…');
    show(<ConnectionBanner link="live" />);
    expect(root.querySelector('.visually-hidden')).not.toBeNull();
  });

  test('says when the sitting cannot be followed live, in both languages', () => {
    setLang('vi');
    show(<ConnectionBanner link="unavailable" />);
    expect(root.textContent).toBe('Không thể theo dõi trực tiếp phiên này.');
    setLang('en');
    show(<ConnectionBanner link="unavailable" />);
    expect(root.textContent).toBe('This sitting cannot be followed live.');
  });

  test('says a closed sitting is no longer updated live, and a scheduled one has not opened', () => {
    show(<ConnectionBanner link="live" status="closed" />);
    expect(root.textContent).toBe('Phiên họp đã bế mạc: trang này không còn cập nhật trực tiếp.');
    expect(root.textContent).not.toContain('Đang cập nhật trực tiếp');
    show(<ConnectionBanner link="live" status="scheduled" />);
    expect(root.textContent).toBe('Phiên họp chưa khai mạc: trang sẽ tự cập nhật khi phiên bắt đầu.');
    show(<ConnectionBanner link="reconnecting" status="scheduled" />);
    expect(root.textContent).toBe('Đang kết nối lại…');
    show(<ConnectionBanner link="live" status="open" />);
    expect(root.querySelector('.visually-hidden')!.textContent).toBe('Đang cập nhật trực tiếp');
  });
});

describe('VideoEmbed', () => {
  test('frames a player page in a sandbox that cannot open windows, submit forms or navigate the page', () => {
    show(<VideoEmbed url="https://www.youtube-nocookie.com/embed/abc123" />);
    const frame = root.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation');
    expect(frame.getAttribute('referrerpolicy')).toBe('strict-origin');
    expect(root.querySelector('h2')!.textContent).toBe('Truyền hình trực tiếp');
  });

  test('plays a media file in a video element, titled as a recording once the sitting is not live', () => {
    show(<VideoEmbed url="https://truyenhinh.example.vn/phien.mp4" live={false} />);
    expect(root.querySelector('iframe')).toBeNull();
    expect(root.querySelector('video')!.getAttribute('src')).toBe('https://truyenhinh.example.vn/phien.mp4');
    expect(root.querySelector('h2')!.textContent).toBe('Video phiên họp');
  });

  test('only links an address that is not https', () => {
    show(<VideoEmbed url="http://10.0.0.5/hls/phien.m3u8" />);
    expect(root.querySelector('iframe, video')).toBeNull();
    expect(root.querySelector('a')!.getAttribute('href')).toBe('http://10.0.0.5/hls/phien.m3u8');
  });
});
