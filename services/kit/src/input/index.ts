export { cleanText, type TextRules } from './text';
export { CursorSeal } from './cursor-seal';
export { guardArguments } from './schema-guard';
export { FREE_TEXT_DIRECTIVE, kitDirectives } from './directives';
