// Whole-call options given as words ("average", "desc", "p85"). An unknown word is a call error that
// lists the words that work, because it is the same mistake on every row.
import { CallError, hostErrorText, isBlank, scalar, show } from './cells';
import { matchKey } from './keys';

export function optionWord<T extends string>(value: unknown, arg: string, choices: readonly T[], fallback: T): T {
  const v = scalar(value, arg);
  if (isBlank(v)) return fallback;
  if (hostErrorText(v) !== undefined) throw new CallError(`${arg} is an error (${String(hostErrorText(v)).split(' ')[0]}): fix the cell it comes from`);
  const word = matchKey(String(v));
  const hit = choices.find((c) => c === word);
  if (hit === undefined) {
    throw new CallError(`${arg} ${show(v)} is not an option: use ${choices.map((c) => `"${c}"`).join(', ')}`);
  }
  return hit;
}
