/** A tiny element builder for the light voting pages (no framework): h('p', { class: 'x' }, 'text'). */
export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (e: Event) => void;
type Props = Record<string, string | number | boolean | Handler | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = String(v);
    else if (k === 'value' || k === 'checked' || k === 'disabled') (el as unknown as Props)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...nodes(children));
  return el;
}

/** The children as nodes and strings, nested lists flattened, empty ones dropped. */
function nodes(children: Child[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  for (const c of children) {
    if (Array.isArray(c)) out.push(...nodes(c));
    else if (c !== null && c !== undefined && c !== false) out.push(typeof c === 'number' ? String(c) : c);
  }
  return out;
}

/** Replace what a container shows. */
export function show(container: Element, ...children: Child[]): void {
  container.replaceChildren(...nodes(children));
}
