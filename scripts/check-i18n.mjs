#!/usr/bin/env node
// Every word a person reads comes from src/locales (browser.i18n): this finds text written
// straight into components — JSX text, string or template literals as JSX children, and the
// attributes people read (aria-label, title, placeholder, alt, label) — in the UI folders.
// Code, class names and data attributes are not words for people and are not checked.
// Part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseSync } from 'rolldown/utils';

const root = resolve(import.meta.dirname, '..');
const UI_DIRS = ['src/popup', 'src/options', 'src/blocked', 'src/welcome', 'src/ui', 'src/content'];
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
// Two letters in a row: a word, in any script we ship; punctuation, numbers and "·" pass.
const WORD_RE = /\p{L}{2,}/u;
// Outside JSX, a string that reads as a phrase ("Block this site", or any Chinese): identifiers,
// message types and class names are lower-case or have no spaces.
const PHRASE_RE = /^\s*[A-Z][a-z'’]+[\s,.:;!?]+\S|\p{Script=Han}/u;
const CALLS_NOT_FOR_PEOPLE = /^(console\.\w+|t|Error|TypeError|RangeError|require|import)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const problems = [];
let checked = 0;
for (const dir of UI_DIRS) {
  let list;
  try {
    list = [...files(join(root, dir))];
  } catch {
    continue;
  }
  for (const file of list) {
    checked++;
    const code = readFileSync(file, 'utf8');
    const { program, errors } = parseSync(file, code, { lang: 'tsx' });
    if (errors.length) {
      problems.push(`${relative(root, file)}: could not be parsed (${errors[0].message})`);
      continue;
    }
    const lineOf = (offset) => code.slice(0, offset).split('\n').length;
    const report = (node, text) => problems.push(`${relative(root, file)}:${lineOf(node.start)}: "${text.trim().slice(0, 60)}" is written into the component; use t()`);
    const literalWords = (node) => {
      if (!node) return undefined;
      if (node.type === 'Literal' && typeof node.value === 'string' && WORD_RE.test(node.value)) return node.value;
      if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').find((s) => WORD_RE.test(s));
      if (node.type === 'ConditionalExpression') return literalWords(node.consequent) ?? literalWords(node.alternate);
      if (node.type === 'LogicalExpression') return literalWords(node.right);
      return undefined;
    };
    const calleeName = (callee) => (callee?.type === 'Identifier' ? callee.name : callee?.type === 'MemberExpression' && callee.object?.type === 'Identifier' ? `${callee.object.name}.${callee.property?.name}` : '');
    const visit = (node, parent) => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'TSLiteralType' || node.type === 'TSImportType') return;
      if ((node.type === 'CallExpression' || node.type === 'NewExpression') && CALLS_NOT_FOR_PEOPLE.test(calleeName(node.callee))) return;
      if (node.type === 'JSXAttribute' && !(node.name?.type === 'JSXIdentifier' && READ_ATTRIBUTES.has(node.name.name))) return;
      if (parent?.type !== 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') {
        if (node.type === 'Literal' && typeof node.value === 'string' && PHRASE_RE.test(node.value)) report(node, node.value);
        if (node.type === 'TemplateLiteral') {
          const text = node.quasis.map((q) => q.value.cooked ?? '').join('…');
          if (PHRASE_RE.test(text)) report(node, text);
        }
      }
      if (node.type === 'JSXText' && WORD_RE.test(node.value)) report(node, node.value);
      if (node.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') {
        const text = literalWords(node.expression);
        if (text) report(node, text);
      }
      if (node.type === 'JSXAttribute' && node.name?.type === 'JSXIdentifier' && READ_ATTRIBUTES.has(node.name.name)) {
        const value = node.value?.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        const text = literalWords(value);
        if (text) report(node, text);
      }
      for (const [key, child] of Object.entries(node)) {
        if (key === 'parent') continue;
        if (Array.isArray(child)) child.forEach((c) => c && typeof c === 'object' && visit(c, node));
        else if (child && typeof child === 'object' && typeof child.type === 'string') visit(child, node);
      }
    };
    visit(program, undefined);
  }
}

if (problems.length) {
  console.error(`check-i18n: ${problems.length} text(s) written into components:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-i18n: ${checked} component files take every word from src/locales`);
