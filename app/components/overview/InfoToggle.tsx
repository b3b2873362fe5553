/**
 * "How is this computed?": a small ⓘ disclosure that opens the definition as a popover. A native
 * <details> so it works with the keyboard and without JavaScript; the label names it for screen
 * readers.
 */
export function InfoToggle({ label, text }: { label: string; text: string }) {
  return (
    <details className="info">
      <summary aria-label={label} title={label}>
        <span aria-hidden="true">i</span>
      </summary>
      <p role="note">{text}</p>
    </details>
  );
}
