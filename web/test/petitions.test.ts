import { describe, expect, test } from 'vitest';
import { normalizeCode, rememberSecret, storedSecret } from '../src/screens/petitions/codes';
import { fold, hitHref } from '../src/screens/search/SearchScreen';

const id = '0199a000-0000-7000-8000-000000000501';
const sitting = '0199a000-0000-7000-8000-000000000101';

describe('petition codes typed loosely', () => {
  test.each([
    ['KN-7F3Q-2M9X', 'KN-7F3Q-2M9X'],
    ['kn7f3q2m9x', 'KN-7F3Q-2M9X'],
    [' kn-7f3q 2m9x ', 'KN-7F3Q-2M9X'],
    ['7f3q-2m9x', 'KN-7F3Q-2M9X'],
    // Read aloud or copied by hand: O is 0, I and L are 1, as the server reads them.
    ['KN-OOOO-0I8L', 'KN-0000-0181'],
  ])('%s → %s', (typed, code) => expect(normalizeCode(typed)).toBe(code));

  test.each(['', 'KN-7F3Q', 'GT-7F3Q-2M9X', 'KN-7F3Q-2M9U', 'KN-7F3Q-2M9X-1'])('%s is not a code', typed => expect(normalizeCode(typed)).toBeNull());

  test('the secret is kept per code in this browser', () => {
    expect(rememberSecret('KN-0000-0181', 'abc')).toBe(true);
    expect(storedSecret('KN-0000-0181')).toBe('abc');
    expect(storedSecret('KN-0000-0182')).toBeNull();
  });
});

describe('search', () => {
  test('folds Vietnamese as the server does, so words typed without marks match', () => {
    expect(fold('Đất đai')).toBe('dat dai');
    expect(fold('Thu hồi ĐẤT ĐAI, tái định cư!')).toBe('thu hoi dat dai tai dinh cu');
    expect(fold('Hồ Chí Minh')).toBe('ho chi minh');
  });

  test('each kind of hit links to where it is read', () => {
    expect(hitHref({ kind: 'petition', id, parentId: null })).toBe(`/petitions/${id}`);
    expect(hitHref({ kind: 'question', id, parentId: sitting })).toBe(`/sittings/${sitting}/watch`);
    expect(hitHref({ kind: 'answer', id, parentId: sitting })).toBe(`/sittings/${sitting}/watch`);
    expect(hitHref({ kind: 'commitment', id, parentId: null })).toBe(`/commitments/${id}`);
    expect(hitHref({ kind: 'explanation', id, parentId: null })).toBe(`/explanations/${id}`);
    expect(hitHref({ kind: 'supervision', id, parentId: null })).toBe(`/supervision/${id}`);
    expect(hitHref({ kind: 'supervision', id: 'finding', parentId: id })).toBe(`/supervision/${id}`);
  });
});
