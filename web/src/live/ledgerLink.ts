import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { SittingsHub } from '../api/generated/hub';
import type { LiveEvent } from '../api/types';

/**
 * Watches commitments of the ledger over the sittings hub: each from the version the page loaded, so a change
 * made since is sent at once, then live ones. The page is told which commitment changed and reloads it.
 */
export class LedgerLink {
  private readonly connection: HubConnection;
  private watched = new Map<string, number>();
  private stopped = false;

  constructor(onChange: (commitmentId: string) => void) {
    this.connection = new HubConnectionBuilder()
      .withUrl(SittingsHub.path)
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10_000])
      .configureLogging(LogLevel.None)
      .build();
    // The relay sends the stream's id as `sittingId`: for a watched commitment it is the commitment's id.
    this.connection.on(SittingsHub.event, (event: LiveEvent) => {
      const seen = this.watched.get(event.sittingId);
      if (seen !== undefined && event.version > seen) {
        this.watched.set(event.sittingId, event.version);
        onChange(event.sittingId);
      }
    });
    this.connection.onreconnected(() => void this.watchAll());
  }

  /** Watches exactly these commitments, each from the version the page shows. */
  async watch(versions: ReadonlyMap<string, number>): Promise<void> {
    const previous = this.watched;
    this.watched = new Map(versions);
    if (this.connection.state !== HubConnectionState.Connected) {
      if (this.connection.state === HubConnectionState.Disconnected && !this.stopped) {
        await this.connection.start().catch(() => undefined);
      }
    }

    if (this.connection.state !== HubConnectionState.Connected) {
      return;
    }

    for (const id of previous.keys()) {
      if (!this.watched.has(id)) {
        await this.connection.invoke(SittingsHub.unwatchCommitment, id).catch(() => undefined);
      }
    }

    await this.watchAll();
  }

  stop(): void {
    this.stopped = true;
    void this.connection.stop();
  }

  private async watchAll(): Promise<void> {
    for (const [id, version] of this.watched) {
      await this.connection.invoke(SittingsHub.watchCommitment, id, version).catch(() => undefined);
    }
  }
}
