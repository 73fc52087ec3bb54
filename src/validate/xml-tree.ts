import { XmlElement } from 'libxml2-wasm';

/**
 * A read-only snapshot of an XML element subtree in plain JavaScript, with source lines and
 * element paths, so business rules never touch wasm memory and can run after the libxml2
 * document is disposed.
 */
export class ElementNode {
  readonly children: ElementNode[] = [];

  private constructor(
    /** Local name, e.g. `interactionId`. */
    readonly name: string,
    /** Namespace URI, `''` when none. */
    readonly namespace: string,
    /** Attributes without a namespace by local name; namespaced ones as `{uri}local`. */
    readonly attributes: ReadonlyMap<string, string>,
    /** 1-based line of the start tag in the original content (also inside a SOAP envelope). */
    readonly line: number,
    /** Element path from the message root, e.g. `/HCIM_IN_GetDemographics/controlActProcess/subject[2]`. */
    readonly path: string,
    readonly parent: ElementNode | undefined,
  ) {}

  /** Snapshots `element` and its descendants; `element` becomes the path root. */
  static fromLibxml(element: XmlElement): ElementNode {
    return ElementNode.build(element, undefined, `/${element.name}`);
  }

  private static build(element: XmlElement, parent: ElementNode | undefined, path: string): ElementNode {
    const attributes = new Map<string, string>();
    for (const attr of element.attrs) {
      attributes.set(attr.namespaceUri ? `{${attr.namespaceUri}}${attr.name}` : attr.name, attr.value);
    }
    const node = new ElementNode(element.name, element.namespaceUri ?? '', attributes, element.line, path, parent);
    const childElements: XmlElement[] = [];
    for (let child = element.firstChild; child !== null; child = child.next) {
      if (child instanceof XmlElement) childElements.push(child);
    }
    const totals = new Map<string, number>();
    for (const child of childElements) totals.set(child.name, (totals.get(child.name) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const child of childElements) {
      const index = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, index);
      const step = totals.get(child.name)! > 1 ? `${child.name}[${index}]` : child.name;
      node.children.push(ElementNode.build(child, node, `${path}/${step}`));
    }
    return node;
  }

  /** Attribute value (no namespace) or undefined when absent. */
  attr(name: string): string | undefined {
    return this.attributes.get(name);
  }

  /** First child element with this local name. */
  child(name: string): ElementNode | undefined {
    return this.children.find((child) => child.name === name);
  }

  /** All child elements with this local name. */
  childrenNamed(name: string): ElementNode[] {
    return this.children.filter((child) => child.name === name);
  }

  /** Follows child names, first match at each step: `at('controlActProcess', 'queryAck')`. */
  at(...names: string[]): ElementNode | undefined {
    let node: ElementNode | undefined = this;
    for (const name of names) {
      node = node?.child(name);
      if (node === undefined) return undefined;
    }
    return node;
  }

  /** Every element reached by following child names, all matches at each step. */
  all(...names: string[]): ElementNode[] {
    let nodes: ElementNode[] = [this];
    for (const name of names) nodes = nodes.flatMap((node) => node.childrenNamed(name));
    return nodes;
  }

  /** This element and all descendants, document order. */
  *descendantsAndSelf(): Generator<ElementNode> {
    yield this;
    for (const child of this.children) yield* child.descendantsAndSelf();
  }
}
