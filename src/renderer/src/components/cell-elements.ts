type Child = Node | string | null | false;

/**
 * An element for a grid cell: attributes by name (`class` included) and children, nulls skipped. Cell
 * renderers build their few elements with this rather than through React (see grid-host.tsx).
 */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) created.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== false) created.append(child);
  return created;
}

/** A button for a grid cell; `onClick` gets the click, nothing else of the grid's keyboard handling. */
export function cellButton(
  label: string,
  attributes: Record<string, string | undefined>,
  onClick: () => void,
  disabled = false,
): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'cell-button', ...attributes }, label);
  button.disabled = disabled;
  button.addEventListener('click', onClick);
  return button;
}
