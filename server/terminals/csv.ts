// A small RFC 4180 CSV reader: quoted fields, "" inside quotes, CRLF or LF, newlines inside quotes,
// a UTF-8 byte-order mark. It takes text in chunks and hands back complete records as they close,
// so a large upload can be read without holding every row twice.

export interface CsvRecord {
  /** 1-based record number in the file (the header is record 1), what a spreadsheet shows as the row. */
  row: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export class CsvReader {
  private field = "";
  private fields: string[] = [];
  private quoted = false;
  /** Just saw a closing quote: the next character must be a quote (escaped), a comma or a newline. */
  private afterQuote = false;
  private fieldStarted = false;
  private row = 1;
  private first = true;
  private pendingCR = false;

  /** Records completed by this chunk. */
  feed(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let start = 0;
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
    }
    for (let i = start; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === "\n") continue;
      }
      if (this.quoted) {
        if (c === '"') {
          this.quoted = false;
          this.afterQuote = true;
        } else {
          this.field += c;
        }
        continue;
      }
      if (this.afterQuote && c === '"') {
        // "" inside a quoted field: a literal quote, and we are back inside the quotes.
        this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
        continue;
      }
      if (c === ",") {
        this.endField();
      } else if (c === "\n" || c === "\r") {
        if (c === "\r") this.pendingCR = true;
        this.endRecord(out);
      } else if (c === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else if (this.afterQuote) {
        throw new CsvSyntaxError(`row ${this.row}: unexpected character after a closing quote (quote the whole field, and write a quote inside it as "")`, this.row);
      } else {
        this.field += c;
        this.fieldStarted = true;
      }
    }
    return out;
  }

  /** The last record when the text does not end with a newline. */
  finish(): CsvRecord[] {
    if (this.quoted) throw new CsvSyntaxError(`row ${this.row}: a quoted field is never closed`, this.row);
    const out: CsvRecord[] = [];
    if (this.fieldStarted || this.fields.length > 0 || this.afterQuote) this.endRecord(out);
    return out;
  }

  private endField() {
    this.fields.push(this.field);
    this.field = "";
    this.fieldStarted = false;
    this.afterQuote = false;
  }

  private endRecord(out: CsvRecord[]) {
    this.endField();
    // A blank line is not a record, but it still is a row of the file.
    if (!(this.fields.length === 1 && this.fields[0] === "")) out.push({ row: this.row, fields: this.fields });
    this.fields = [];
    this.row++;
  }
}

/** Every record of a complete CSV text. */
export function parseCsv(text: string): CsvRecord[] {
  const reader = new CsvReader();
  const records = reader.feed(text);
  records.push(...reader.finish());
  return records;
}
