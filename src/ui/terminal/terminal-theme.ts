// The terminal's look: a dark theme matching the page, system monospace fonts (nothing fetched
// from other origins), and the font sizes for normal and presenter mode.

import type { ITheme } from '@xterm/xterm';

export const TERMINAL_FONT_FAMILY = 'ui-monospace, "SF Mono", "Cascadia Mono", "Segoe UI Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';
export const TERMINAL_FONT_SIZE = 14;
export const PRESENTER_FONT_SIZE = 21;
export const TERMINAL_SCROLLBACK = 5000;

export const TERMINAL_THEME: ITheme = {
  background: '#0a0d12',
  foreground: '#e6edf3',
  cursor: '#7cc4ff',
  cursorAccent: '#0a0d12',
  selectionBackground: '#2f5b8a',
  black: '#484f58',
  red: '#ff7b72',
  green: '#3fb950',
  yellow: '#d29922',
  blue: '#58a6ff',
  magenta: '#bc8cff',
  cyan: '#39c5cf',
  white: '#b1bac4',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#e3b341',
  brightBlue: '#79c0ff',
  brightMagenta: '#d2a8ff',
  brightCyan: '#56d4dd',
  brightWhite: '#f0f6fc',
};
