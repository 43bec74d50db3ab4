import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Province, SupervisionStage } from '../../api/types';
import { t, type MessageKey } from '../../i18n/i18n';

export const supervisionStages: readonly SupervisionStage[] = ['decided', 'planned', 'fieldwork', 'reporting', 'resolved', 'followUp', 'closed'];

const stageKeys: Record<SupervisionStage, MessageKey> = {
  none: 'supervision.stage.decided',
  decided: 'supervision.stage.decided',
  planned: 'supervision.stage.planned',
  fieldwork: 'supervision.stage.fieldwork',
  reporting: 'supervision.stage.reporting',
  resolved: 'supervision.stage.resolved',
  followUp: 'supervision.stage.followUp',
  closed: 'supervision.stage.closed',
};

export function stageLabel(stage: SupervisionStage): string {
  return t(stageKeys[stage]);
}

export function StageBadge({ stage }: { readonly stage: SupervisionStage }) {
  return (
    <span class={`badge badge--s-${stage}`} data-testid="stage">
      {stageLabel(stage)}
    </span>
  );
}

const petitionStatusKeys: Record<string, MessageKey> = {
  filed: 'supervision.petitionStatus.filed',
  merged: 'supervision.petitionStatus.merged',
  routed: 'supervision.petitionStatus.routed',
  answered: 'supervision.petitionStatus.answered',
};

/** A petition's status as the petition directory stores it ("Routed" or "routed"), in words. */
export function petitionStatusLabel(status: string): string {
  const key = petitionStatusKeys[status.charAt(0).toLowerCase() + status.slice(1)];
  return key ? t(key) : status;
}

/** A petition's own page (the petitions screens' address). */
export const petitionPath = (petitionId: string) => `/petitions/${petitionId}`;

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let provinces: Promise<Province[]> | null = null;

/** The 34 provinces and cities (names in both languages), asked for once per page. */
export function useProvinces(): Province[] | null {
  const [list, setList] = useState<Province[] | null>(null);
  useEffect(() => {
    provinces ??= api.provinces().catch(() => {
      provinces = null;
      return [];
    });
    void provinces.then(setList);
  }, []);
  return list;
}

/** A finding as a choice for a recommendation: its first words (the Markdown as plain text, never rendered here). */
export interface FindingChoice {
  readonly findingId: string;
  readonly text: string;
}
