/**
 * EcaFile records whose build verdict (`included`, `exclusion`) is read through getters, so the
 * engine can learn which rules look at verdicts: a `.forceignore` edit that changes only verdicts
 * then re-runs only those rules (engine/project.ts), not every rule of every file it touched.
 * The `.forceignore` files themselves (ProjectView.forceIgnoreFor / forceIgnoreAt / forceIgnores /
 * filesRelativeTo, textOf of one) count as verdict reads too: they are the verdicts' inputs.
 */
import type { EcaFile } from './types';

export type Verdict = Pick<EcaFile, 'included' | 'exclusion'>;
type Fields = Omit<EcaFile, 'included' | 'exclusion'>;

/** Called on every verdict read while set (the engine sets it around a rule's check). */
let observer: (() => void) | undefined;

export function observeVerdictReads(fn: (() => void) | undefined): void {
  observer = fn;
}

/** Tell the observer a verdict input was read. */
export function verdictRead(): void {
  observer?.();
}

class EcaFileRecord implements EcaFile {
  readonly path!: string;
  readonly rel!: string;
  readonly nameInfo!: EcaFile['nameInfo'];
  readonly type!: EcaFile['type'];
  readonly fullName!: string;
  readonly packageDir!: EcaFile['packageDir'];
  readonly doc!: EcaFile['doc'];
  readonly readProblem!: EcaFile['readProblem'];
  readonly xml!: EcaFile['xml'];
  readonly appName!: EcaFile['appName'];
  readonly #verdict: Verdict;

  constructor(fields: Fields, verdict: Verdict) {
    Object.assign(this, fields);
    this.#verdict = verdict;
  }

  get included(): boolean {
    observer?.();
    return this.#verdict.included;
  }

  get exclusion(): EcaFile['exclusion'] {
    observer?.();
    return this.#verdict.exclusion;
  }

  /** The same file with another verdict (a new object: caches keyed by the file see a change). */
  withVerdict(v: Verdict): EcaFileRecord {
    const { path, rel, nameInfo, type, fullName, packageDir, doc, readProblem, xml, appName } = this;
    return new EcaFileRecord({ path, rel, nameInfo, type, fullName, packageDir, doc, readProblem, xml, appName }, { included: v.included, exclusion: v.exclusion });
  }

  toJSON(): object {
    return { ...this, included: this.#verdict.included, exclusion: this.#verdict.exclusion };
  }
}

export function makeEcaFile(fields: Fields, verdict: Verdict): EcaFile {
  return new EcaFileRecord(fields, verdict);
}

/** `f` with a new verdict. */
export function withVerdict(f: EcaFile, v: Verdict): EcaFile {
  return f instanceof EcaFileRecord ? f.withVerdict(v) : { ...f, ...v };
}
