// Developer metadata: key/value pairs a script attaches to a spreadsheet or a sheet, invisible to users and
// kept with the sheet when it is renamed or moved, which is how the add-on recognises what it wrote.
export interface MetadataOwner {
  readonly metadata: FakeMetadata[];
}

let nextId = 1;

/**
 * Sheets API guide, developer metadata, "Metadata storage limits"
 * (https://developers.google.com/workspace/sheets/api/guides/metadata#metadata_storage_limits): a spreadsheet
 * and each sheet hold at most 30,000 characters of metadata, and "Each character in the metadataKey and
 * metadataValue fields of the spreadsheets.developerMetadata resource count toward this limit."
 */
export const METADATA_LIMIT = 30_000;

export const metadataSize = (owner: MetadataOwner): number => owner.metadata.reduce((n, m) => n + m.getKey().length + (m.getValue()?.length ?? 0), 0);

export function addMetadata(owner: MetadataOwner, key: string, value: string | undefined): FakeMetadata {
  const size = metadataSize(owner) + key.length + (value?.length ?? 0);
  if (size > METADATA_LIMIT) throw new Error(`Developer metadata would exceed the limit of ${METADATA_LIMIT} characters (${size}).`);
  const m = new FakeMetadata(owner, key, value ?? null);
  owner.metadata.push(m);
  return m;
}

export class FakeMetadata {
  readonly id = nextId++;

  constructor(
    private readonly owner: MetadataOwner,
    private key: string,
    private value: string | null,
  ) {}

  getId = () => this.id;
  getKey = () => this.key;
  getValue = () => this.value;
  setKey(k: string) {
    this.key = k;
    return this;
  }
  setValue(v: string) {
    this.value = v;
    return this;
  }
  remove(): void {
    const i = this.owner.metadata.indexOf(this);
    if (i >= 0) this.owner.metadata.splice(i, 1);
  }
}
