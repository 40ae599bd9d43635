/**
 * EcaFile records whose build verdict (`included`, `exclusion`) is read through getters, so the
 * engine can learn which rules look at verdicts: a `.forceignore` edit that changes only verdicts
 * then re-runs only those rules (engine/project.ts), not every rule of every file it touched.
 * The `.forceignore` files themselves (ProjectView.forceIgnoreFor / forceIgnoreAt / forceIgnores /
 * filesRelativeTo, textOf of one) count as verdict reads too: they are the verdicts' inputs.
 *
 * A record of a file known unchanged since the last `check --cache` run (ModelOptions.known) is made
 * without reading the file: its content (text, XML) is read and parsed when first asked for, and its
 * exclusion worked out when first asked for (its app and `included` come from the cache).
 */
import type { EcaFile } from './types';
import type { FsHost } from '../project/fsHost';
import { decodeBytes, type TextFile } from '../util/text';
import { parseXml, child } from '../metadata/parse';

export type Verdict = Pick<EcaFile, 'included' | 'exclusion'>;
/** A file known unchanged (`check --cache`): its `included`, and how to work out its exclusion when asked. */
export interface LaterVerdict {
  included: boolean;
  later: () => Verdict;
}
/** What reading the file gives: its text, or why there is none, and its XML. */
export type Content = Pick<EcaFile, 'doc' | 'readProblem' | 'xml'>;
type Fields = Omit<EcaFile, 'included' | 'exclusion' | keyof Content>;

/** Called on every verdict read while set (the engine sets it around a rule's check). */
let observer: (() => void) | undefined;

export function observeVerdictReads(fn: (() => void) | undefined): void {
  observer = fn;
}

/** Tell the observer a verdict input was read. */
export function verdictRead(): void {
  observer?.();
}

/** Read, decode and parse an ECA-family file. */
export function readContent(host: FsHost, abs: string): Content {
  const bytes = host.readFile(abs);
  let doc: TextFile | undefined;
  let readProblem: string | undefined;
  if (!bytes) readProblem = 'the file could not be read';
  else {
    const dec = decodeBytes(bytes);
    if (dec.ok) doc = dec.file;
    else readProblem = dec.problem;
  }
  return { doc, readProblem, xml: doc ? parseXml(doc) : undefined };
}

/** A satellite's app: its `<externalClientApplication>`. */
export function satelliteApp(xml: Content['xml']): string | undefined {
  const t = xml?.root ? child(xml.root, 'externalClientApplication')?.text.trim() : undefined;
  return t ? t : undefined;
}

class EcaFileRecord implements EcaFile {
  readonly path!: string;
  readonly rel!: string;
  readonly nameInfo!: EcaFile['nameInfo'];
  readonly type!: EcaFile['type'];
  readonly fullName!: string;
  readonly packageDir!: EcaFile['packageDir'];
  readonly appName!: EcaFile['appName'];
  readonly #included: boolean;
  #exclusion: EcaFile['exclusion'];
  #later: (() => Verdict) | undefined;
  // The content in fields of the record (no object of its own per file), or how to read it.
  #doc: EcaFile['doc'];
  #readProblem: EcaFile['readProblem'];
  #xml: EcaFile['xml'];
  #read: (() => Content) | undefined;

  constructor(fields: Fields, content: Content | (() => Content), verdict: Verdict | LaterVerdict) {
    Object.assign(this, fields);
    if (typeof content === 'function') this.#read = content;
    else ({ doc: this.#doc, readProblem: this.#readProblem, xml: this.#xml } = content);
    this.#included = verdict.included;
    if ('later' in verdict) this.#later = verdict.later;
    else this.#exclusion = verdict.exclusion;
  }

  #load(): void {
    const read = this.#read!;
    this.#read = undefined;
    ({ doc: this.#doc, readProblem: this.#readProblem, xml: this.#xml } = read());
  }
  get doc(): EcaFile['doc'] {
    if (this.#read) this.#load();
    return this.#doc;
  }
  get readProblem(): EcaFile['readProblem'] {
    if (this.#read) this.#load();
    return this.#readProblem;
  }
  get xml(): EcaFile['xml'] {
    if (this.#read) this.#load();
    return this.#xml;
  }

  get included(): boolean {
    observer?.();
    return this.#included;
  }

  get exclusion(): EcaFile['exclusion'] {
    observer?.();
    if (this.#later) {
      this.#exclusion = this.#later().exclusion;
      this.#later = undefined;
    }
    return this.#exclusion;
  }

  /** The same file with another verdict (a new object: caches keyed by the file see a change). */
  withVerdict(v: Verdict): EcaFileRecord {
    const { path, rel, nameInfo, type, fullName, packageDir, appName } = this;
    // Content not read yet is read by whichever record is asked first (the new one reads it too).
    const content = this.#read ?? { doc: this.#doc, readProblem: this.#readProblem, xml: this.#xml };
    return new EcaFileRecord({ path, rel, nameInfo, type, fullName, packageDir, appName }, content, { included: v.included, exclusion: v.exclusion });
  }

  toJSON(): object {
    return { ...this, doc: this.doc, readProblem: this.readProblem, xml: this.xml, included: this.#included, exclusion: this.exclusion };
  }
}

/** A file record; `content` (and the exclusion) is given, or a function that works it out when first asked for. */
export function makeEcaFile(fields: Fields, content: Content | (() => Content), verdict: Verdict | LaterVerdict): EcaFile {
  return new EcaFileRecord(fields, content, verdict);
}

/** `f` with a new verdict. */
export function withVerdict(f: EcaFile, v: Verdict): EcaFile {
  return f instanceof EcaFileRecord ? f.withVerdict(v) : { ...f, ...v };
}
