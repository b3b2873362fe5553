import { useEffect, useRef, useState } from "react";

export interface ElementSize {
  width: number;
  height: number;
  /** The element's font size in px, so SVG margins follow the type scale (larger on wall displays). */
  em: number;
}

/**
 * The rendered size of an element, tracked with a ResizeObserver. Starts at `initial` so the
 * server render has a sensible layout before the browser measures.
 */
export function useElementSize<T extends HTMLElement>(initial: { width: number; height: number }) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<ElementSize>({ ...initial, em: 16 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box || box.width <= 0) return;
      const next = { width: Math.round(box.width), height: Math.round(box.height), em: parseFloat(getComputedStyle(element).fontSize) || 16 };
      setSize((old) => (old.width === next.width && old.height === next.height && old.em === next.em ? old : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, ...size };
}
