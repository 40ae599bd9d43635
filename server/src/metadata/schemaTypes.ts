/**
 * The shape of the schema data: what scripts/gen-schema.mjs writes to schema.generated.ts (from
 * the Metadata API types in `@salesforce/types`) and what schemaOverlay.ts adds by hand.
 */

/**
 * `number` is what the generated table says for xsd:int and xsd:double alike (the .d.ts erases the
 * difference); the overlay refines it to `int` or `double` where the docs say which. `pattern`: a
 * string with a documented syntax (overlay only).
 */
export type FieldKind = 'string' | 'boolean' | 'number' | 'int' | 'double' | 'dateTime' | 'enum' | 'complex' | 'pattern';

/** A package version range of `@salesforce/types`: the first version that has it, the last when dropped. */
export interface VersionSpan {
  /** First version read that has it (the oldest version read means "that one or earlier"). */
  readonly since: string;
  /** Last version that has it, when the newest version read no longer does. */
  readonly until?: string;
}

export interface GeneratedField extends VersionSpan {
  /** Element name. */
  readonly name: string;
  readonly kind: FieldKind;
  /** Enum or complex type name (for `enum` and `complex`). */
  readonly type?: string;
  /** Repeated element (`maxOccurs="unbounded"`); lists are optional. */
  readonly list: boolean;
  /** `minOccurs="1"` and not a list. */
  readonly required: boolean;
  /** The base type the field comes from (`Metadata` for fullName). */
  readonly inherited?: string;
}

export interface GeneratedType extends VersionSpan {
  /** Base types, e.g. `Metadata`. */
  readonly extends?: string;
  /** In xsd:sequence order (base fields first). */
  readonly fields: readonly GeneratedField[];
}

export interface GeneratedEnum extends VersionSpan {
  readonly values: readonly string[];
  /** For values that arrived after the enum (or left): value → `since` or `since..until`. */
  readonly valueSince?: Readonly<Record<string, string>>;
}

export interface GeneratedSchema {
  readonly source: string;
  /** The `@salesforce/types` versions read, oldest first. */
  readonly versions: readonly string[];
  /** Root metadata types: every row of metadata/types.ts that the package knows, and settings types. */
  readonly types: Readonly<Record<string, GeneratedType>>;
  /** Every complex type reachable from a root type. */
  readonly complexTypes: Readonly<Record<string, GeneratedType>>;
  readonly enums: Readonly<Record<string, GeneratedEnum>>;
  /** Rows of metadata/types.ts that no version read knows. */
  readonly unknownTypes: readonly string[];
}

/** Where a hand-kept fact comes from: a document section, a page, or a corpus file path. */
export type Source = string;

/** A field the generated table lacks, or facts about one it has (values of an untyped string). */
export interface OverlayField {
  readonly name: string;
  readonly source: Source;
  /** Omitted: keep the generated kind (or `string` for a new field). */
  readonly kind?: FieldKind;
  /** Documented values of a string the WSDL leaves untyped. */
  readonly values?: readonly string[];
  /** For kind `pattern`: a regular expression source the whole value matches. */
  readonly pattern?: string;
  readonly type?: string;
  readonly list?: boolean;
  /** A documented default, as written in XML. */
  readonly default?: string;
  /** Present in real files but in no version of the types. */
  readonly undocumented?: boolean;
}

/** typeName (root or complex) → fields to add or refine. */
export type Overlay = Readonly<Record<string, readonly OverlayField[]>>;
