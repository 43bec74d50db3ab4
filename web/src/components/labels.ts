import type { BodyKind, QuestionStatus, SittingStatus, TurnKind } from '../api/types';
import { t, type MessageKey } from '../i18n/i18n';

const turnKinds: Record<TurnKind, MessageKey> = {
  opening: 'turn.opening',
  question: 'turn.question',
  answer: 'turn.answer',
  debate: 'turn.debate',
  clarification: 'turn.clarification',
  closing: 'turn.closing',
};

const sittingStatuses: Record<SittingStatus, MessageKey> = {
  none: 'status.scheduled',
  scheduled: 'status.scheduled',
  open: 'status.open',
  closed: 'status.closed',
};

const questionStatuses: Record<QuestionStatus, MessageKey> = {
  filed: 'question.status.filed',
  asked: 'question.status.asked',
  answered: 'question.status.answered',
  writtenAnswerDue: 'question.status.writtenAnswerDue',
};

const bodyKinds: Record<BodyKind, MessageKey> = {
  nationalAssembly: 'body.nationalAssembly',
  provincialCouncil: 'body.provincialCouncil',
  communeCouncil: 'body.communeCouncil',
};

export const turnKindLabel = (kind: TurnKind) => t(turnKinds[kind]);
export const sittingStatusLabel = (status: SittingStatus) => t(sittingStatuses[status]);
export const questionStatusLabel = (status: QuestionStatus) => t(questionStatuses[status]);
export const bodyKindLabel = (kind: BodyKind) => t(bodyKinds[kind]);
