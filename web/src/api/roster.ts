import type { BodyView } from './types';

type Member = BodyView['members'][number];
type Official = BodyView['officials'][number];

/** The body's members still seated: those unseated stay in `members`, named in past sittings, but serve no more. */
export function servingMembers(body: BodyView): Member[] {
  const left = new Set(body.unseated.map(d => d.personId));
  return body.members.filter(m => !left.has(m.memberId));
}

/** The body's officials still in post: a relieved official keeps the name in the past but answers nothing new. */
export function servingOfficials(body: BodyView): Official[] {
  const left = new Set(body.relieved.map(d => d.personId));
  return body.officials.filter(o => !left.has(o.officialId));
}
