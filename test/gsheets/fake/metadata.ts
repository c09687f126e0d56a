// Developer metadata: key/value pairs a script attaches to a spreadsheet or a sheet, invisible to users and
// kept with the sheet when it is renamed or moved, which is how the add-on recognises what it wrote.
export interface MetadataOwner {
  readonly metadata: FakeMetadata[];
}

let nextId = 1;

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
