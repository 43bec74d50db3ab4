import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { en } from '../src/i18n/en';
import { catalogues, setLang, t } from '../src/i18n/i18n';
import { vi } from '../src/i18n/vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

describe('message catalogues', () => {
  test('English has exactly the Vietnamese keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  test('every message is written in both languages, with the same placeholders', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  test('Vietnamese is the default and fills placeholders', () => {
    expect(t('deputy.place', { place: 2, cluster: 'Y tế' })).toBe('Bạn ở vị trí số 2 trong danh sách chờ của nhóm “Y tế”.');
    setLang('en');
    expect(t('deputy.place', { place: 2, cluster: 'Health' })).toBe('You are number 2 in the queue of “Health”.');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('qs.lang')).toBe('en');
    setLang('vi');
  });

  test('the Vietnamese catalogue is in Vietnamese (diacritics intact, not an English copy)', () => {
    const same = Object.keys(vi).filter(k => vi[k as keyof typeof vi] === en[k as keyof typeof en]);
    // Only the language names may coincide… and they differ by design (each names the other language).
    expect(same).toEqual([]);
    expect(catalogues.vi['link.reconnecting']).toBe('Đang kết nối lại…');
  });
});

/** Every .tsx file under src. */
function components(dir = join(__dirname, '../src')): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? components(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

const words = /\p{L}{2,}/u;
const textAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

/** Words written straight into JSX: text nodes and human-readable attributes. Key names in <kbd> are not words to translate. */
function hardCoded(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && words.test(node.text)) {
      const parent = node.parent;
      const tag = ts.isJsxElement(parent) ? parent.openingElement.tagName.getText(source) : '';
      if (tag !== 'kbd') {
        found.push(node.text.trim());
      }
    }

    if (ts.isJsxAttribute(node) && textAttributes.has(node.name.getText(source)) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const value = node.initializer.text;
      if (words.test(value) && !/^https?:\/\/$/.test(value)) {
        found.push(`${node.name.getText(source)}="${value}"`);
      }
    }

    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map(text => `${file.split('/').slice(-2).join('/')}: ${text}`);
}

describe('no hard-coded text in components', () => {
  test('every word a component shows comes from the catalogue', () => {
    expect(components().flatMap(hardCoded)).toEqual([]);
  });

  test('the check finds words written into JSX', () => {
    const sample = join(__dirname, 'fixtures-hardcoded.tsx');
    expect(hardCoded(sample)).toEqual(['test/fixtures-hardcoded.tsx: title="Đóng"', 'test/fixtures-hardcoded.tsx: Xin chào']);
  });
});
