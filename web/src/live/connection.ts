import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection, type IRetryPolicy } from '@microsoft/signalr';
import { SittingsHub } from '../api/generated/hub';
import type { JoinReply, LiveEvent } from '../api/types';

/** 'unavailable': the server says this sitting cannot be followed (there is no such sitting); asking again will not help. */
export type LinkStatus = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

export interface LinkHandlers {
  onEvent(event: LiveEvent): void;
  onStatus(status: LinkStatus): void;
  /** The last version applied: a (re)join asks for what came after it. */
  version(): number;
  /** Loads the sitting again (too far behind to replay); resolves when the view is replaced. */
  reload(): Promise<void>;
}

/** Retries forever, quickly at first, then every 10 s: a viewer should come back on its own. */
const retry: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => [0, 1000, 2000, 5000][previousRetryCount] ?? 10_000,
};

/**
 * One viewer's link to a sitting over /hubs/sittings. Joins from the version it has, so a late joiner
 * gets only what it missed; after a drop it rejoins from its last applied version; when the server
 * says it is too far behind it reloads the state first. Events go to the handler as they come; the
 * feed orders them and ignores repeats.
 */
export class SittingLink {
  private readonly connection: HubConnection;
  private stopped = false;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sittingId: string,
    private readonly handlers: LinkHandlers,
  ) {
    this.connection = new HubConnectionBuilder()
      .withUrl(SittingsHub.path)
      .withAutomaticReconnect(retry)
      .configureLogging(LogLevel.None)
      .build();
    this.connection.on(SittingsHub.event, (event: LiveEvent) => {
      if (event.sittingId === this.sittingId) {
        handlers.onEvent(event);
      }
    });
    this.connection.onreconnecting(() => handlers.onStatus('reconnecting'));
    this.connection.onreconnected(() => void this.join());
    // Automatic reconnection gives up only if the first attempt fails or is stopped; start over then.
    this.connection.onclose(() => this.restartSoon());
  }

  start(): void {
    this.handlers.onStatus('connecting');
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    void this.connection.stop();
  }

  /** Asks again from the last applied version (after a gap that did not fill by itself). */
  resync(): void {
    if (this.connection.state === HubConnectionState.Connected) {
      void this.join();
    }
  }

  private async connect(): Promise<void> {
    try {
      await this.connection.start();
      await this.join();
    } catch {
      this.restartSoon();
    }
  }

  private restartSoon(): void {
    if (this.stopped) {
      return;
    }

    this.handlers.onStatus('reconnecting');
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (!this.stopped && this.connection.state === HubConnectionState.Disconnected) {
        void this.connect();
      }
    }, 2000);
  }

  private async join(attempt = 0): Promise<void> {
    if (this.stopped) {
      return;
    }

    try {
      const reply = await this.connection.invoke<JoinReply>(SittingsHub.join, this.sittingId, this.handlers.version());
      if (reply.outcome === 'joined') {
        this.handlers.onStatus('live');
      } else if (reply.outcome === 'reloadRequired' && attempt < 3) {
        await this.handlers.reload();
        await this.join(attempt + 1);
      } else if (reply.outcome === 'notFound' || reply.outcome === 'refused') {
        this.handlers.onStatus('unavailable');
      } else {
        // Overflowed (or reloading did not help): wait a moment and ask again from where the view is.
        setTimeout(() => void this.join(attempt + 1), 1000);
      }
    } catch {
      // The connection dropped during the join; the reconnect handlers take it from here.
    }
  }
}
