package dev.xmppreactive.xml;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds elements from the events of an XML parser, one start tag, attribute, run of text and end tag
 * at a time, with no builder per element and buffers reused from element to element: the decoder's
 * way to make {@link XmlElement}s.
 *
 * <p><b>It checks nothing.</b> Unlike {@link XmlElement.Builder} it takes names, prefixes, values and
 * text as given, so the caller must give only what a conforming, namespace-aware XML 1.0 parser
 * delivers, as the codec's parser (Aalto, behind the codec's own UTF-8 check) does: prefixes that
 * are NCNames, attribute values and text of characters XML 1.0 allows (W3C XML 1.0 §2.2), no two
 * attributes with the same expanded name, no attribute in the {@code xmlns} namespace, no
 * declaration of the prefixes {@code xml} or {@code xmlns}, and no {@code null}s. Anything else
 * builds an element that does not mean what it says, or that writes out as something that is not
 * XML. Use {@link XmlElement#builder} for anything that did not just come out of such a parser.
 *
 * <p>Elements nest: {@link #start} opens one inside the open one, {@link #end} closes the innermost,
 * adds it to its parent's content and returns it. Adjacent text is merged and empty text dropped, as
 * {@link XmlElement.Builder} does. Not thread-safe.
 */
public final class UncheckedXmlBuilder {

  /** Scratch stacks larger than this are not kept once the top-level element is built. */
  private static final int KEEP = 1024;

  private Frame[] frames = new Frame[8];
  private int depth;
  /**
   * The attributes of all open elements, three slots each, innermost on top: a child's attributes are
   * taken off the stack when it ends, so each element's attributes are contiguous, from its frame's
   * attrStart, whenever they were added.
   */
  private Object[] attrs = new Object[48];
  private int attrTop;
  /**
   * The content of all open elements, innermost on top: a child is added to its parent only when it
   * ends, after its own content has been taken off the stack, so each element's content is
   * contiguous, from its frame's nodeStart.
   */
  private Object[] nodes = new Object[32];
  private int nodeTop;

  /** What is known of one open element; reused for the next element at the same depth. */
  private static final class Frame {
    XmlName name;
    String prefix;
    Map<String, String> sharedDeclarations;
    LinkedHashMap<String, String> declarations;
    int attrStart;
    int nodeStart;
  }

  /** How many elements are open. */
  public int depth() {
    return depth;
  }

  /** Drops every open element. */
  public void reset() {
    while (depth > 0) {
      Frame f = frames[--depth];
      f.name = null;
      f.prefix = null;
      f.sharedDeclarations = null;
      f.declarations = null;
    }
    Arrays.fill(attrs, 0, attrTop, null);
    Arrays.fill(nodes, 0, nodeTop, null);
    attrTop = 0;
    nodeTop = 0;
    shrink();
  }

  /**
   * Opens an element inside the open one (or a new top-level element).
   *
   * @param name   its expanded name
   * @param prefix the prefix it was written with, {@code ""} for none
   */
  public void start(XmlName name, String prefix) {
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    Frame f = frames[depth];
    if (f == null) {
      f = new Frame();
      frames[depth] = f;
    }
    depth++;
    f.name = name;
    f.prefix = prefix;
    f.sharedDeclarations = null;
    f.declarations = null;
    f.attrStart = attrTop;
    f.nodeStart = nodeTop;
  }

  /**
   * Gives the open element these namespace declarations, replacing any it has: an immutable map (as
   * {@link Map#of} makes), which the element shares rather than copies.
   */
  public void declarations(Map<String, String> shared) {
    Frame f = frames[depth - 1];
    f.declarations = null;
    f.sharedDeclarations = shared.isEmpty() ? null : shared;
  }

  /** Adds a namespace declaration to the open element ({@code ""}: the default namespace). */
  public void declare(String prefix, String uri) {
    Frame f = frames[depth - 1];
    if (f.declarations == null) {
      f.declarations = new LinkedHashMap<>(4);
      if (f.sharedDeclarations != null) {
        f.declarations.putAll(f.sharedDeclarations);
        f.sharedDeclarations = null;
      }
    }
    f.declarations.put(prefix, uri);
  }

  /** Adds an attribute to the open element. */
  public void attribute(XmlName name, String prefix, String value) {
    int i = attrTop;
    Object[] a = attrs;
    if (i + 3 > a.length) {
      a = Arrays.copyOf(a, a.length * 2);
      attrs = a;
    }
    a[i] = name;
    a[i + 1] = prefix;
    a[i + 2] = value;
    attrTop = i + 3;
  }

  /** Adds text to the open element's content. */
  public void text(String text) {
    if (text.isEmpty()) {
      return;
    }
    int last = nodeTop - 1;
    if (last >= frames[depth - 1].nodeStart && nodes[last] instanceof String previous) {
      nodes[last] = previous + text;
    } else {
      add(text);
    }
  }

  /**
   * Closes the open element.
   *
   * @return the element; it is also in its parent's content, if it has a parent
   * @throws IllegalStateException if no element is open
   */
  public XmlElement end() {
    if (depth == 0) {
      throw new IllegalStateException("no element is open");
    }
    Frame f = frames[--depth];
    Map<String, String> declarations;
    if (f.declarations != null) {
      declarations = Collections.unmodifiableMap(f.declarations);
      f.declarations = null;
    } else {
      declarations = f.sharedDeclarations == null ? Map.of() : f.sharedDeclarations;
      f.sharedDeclarations = null;
    }
    int as = f.attrStart;
    int ns = f.nodeStart;
    Object[] a = XmlElement.NONE;
    if (attrTop > as) {
      a = Arrays.copyOfRange(attrs, as, attrTop);
      Arrays.fill(attrs, as, attrTop, null);
      attrTop = as;
    }
    Object[] n = XmlElement.NONE;
    if (nodeTop > ns) {
      n = Arrays.copyOfRange(nodes, ns, nodeTop);
      Arrays.fill(nodes, ns, nodeTop, null);
      nodeTop = ns;
    }
    XmlElement e = new XmlElement(f.name, f.prefix, a, declarations, n);
    f.name = null;
    f.prefix = null;
    if (depth > 0) {
      add(e);
    } else {
      shrink();
    }
    return e;
  }

  /** Drops scratch stacks that one large element grew, once nothing is open. */
  private void shrink() {
    if (attrs.length > KEEP) {
      attrs = new Object[48];
    }
    if (nodes.length > KEEP) {
      nodes = new Object[32];
    }
  }

  private void add(Object node) {
    if (nodeTop == nodes.length) {
      nodes = Arrays.copyOf(nodes, nodeTop * 2);
    }
    nodes[nodeTop++] = node;
  }
}
