/**
 * A block's fingerprint: its text with white space left out and every run of digits made one placeholder, so
 * that `© 2020 AFP` and `©2021 AFP` are one block, hashed to a short key. What varies between the
 * copies of one fingerprint (which digit runs, which spaces) is tracked so that the pattern written
 * for it generalizes exactly there and nowhere else.
 */
import { createHash } from 'node:crypto';

/** Longer blocks are content, or hold it: boilerplate lines are short. */
export const MAX_LEARNED_TEXT = 400;

export interface Shape {
  /** The text without white space, digit runs as U+E000. */
  canon: string;
  /** The digit runs, in order. */
  digits: string[];
  /** Positions in `canon` before which the text had white space. */
  spaces: number[];
}

/** Stands for a run of digits in `canon` (a private-use character: no text has it as itself). */
export const DIGITS = '\uE000';

const DIGIT = (c: number) => c >= 48 && c <= 57;

export function shapeOf(text: string): Shape {
  let canon = '';
  const digits: string[] = [];
  const spaces: number[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (spaces[spaces.length - 1] !== canon.length) spaces.push(canon.length);
      i++;
    } else if (DIGIT(c)) {
      let j = i + 1;
      while (j < text.length && DIGIT(text.charCodeAt(j))) j++;
      digits.push(text.slice(i, j));
      canon += DIGITS;
      i = j;
    } else {
      canon += text[i];
      i++;
    }
  }
  return { canon, digits, spaces };
}

/** A short stable hash (72 bits, base64url): what is kept for a block seen once. */
export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 12);
}

/** The key of a text block (by its shape) and of an image (by its exact address). */
export const textKey = (shape: Shape): string => shortHash(`t\0${shape.canon}`);
export const imageKey = (src: string): string => shortHash(`i\0${src}`);
