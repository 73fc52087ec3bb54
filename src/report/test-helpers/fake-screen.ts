import { Chalk } from 'chalk';
import type { Screen } from '../screen.js';

/** A Screen that records what reporters write; `isTTY` selectable, colours off. */
export function fakeScreen(options: { isTTY?: boolean } = {}): Screen & { text(): string } {
  const chunks: string[] = [];
  return { write: (text) => void chunks.push(text), isTTY: options.isTTY ?? false, colors: new Chalk({ level: 0 }), text: () => chunks.join('') };
}
