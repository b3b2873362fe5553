import { describe, expect, it } from "vitest";
import { CsvReader, CsvSyntaxError, parseCsv } from "../../../server/terminals/csv";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe("CSV reader", () => {
  it("reads quoted fields, doubled quotes, embedded newlines, CRLF and a BOM", () => {
    expect(fields('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\n')).toEqual([["a", "b"], ["x, y", 'say "hi"'], ["two\nlines", ""]]);
    expect(fields("a,b\nc,d")).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("numbers rows as a spreadsheet does, skipping blank lines but counting them", () => {
    expect(parseCsv("h\n\nx\n\ny\n").map((r) => [r.row, r.fields[0]])).toEqual([[1, "h"], [3, "x"], [5, "y"]]);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const text = 'address,lon\r\n"Số 1, ""A""",105.8\r\nB,105.9\n';
    const whole = parseCsv(text);
    for (let cut = 1; cut < text.length; cut++) {
      const reader = new CsvReader();
      const got = [...reader.feed(text.slice(0, cut)), ...reader.feed(text.slice(cut)), ...reader.finish()];
      expect(got, `cut at ${cut}`).toEqual(whole);
    }
  });

  it("refuses an unclosed quote and text after a closing quote", () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('"a"b,c')).toThrow(/after a closing quote/);
  });
});
