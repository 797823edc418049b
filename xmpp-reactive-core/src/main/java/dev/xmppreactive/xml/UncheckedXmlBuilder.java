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

  /** Scratch arrays larger than this are not kept once their element is built. */
  private static final int KEEP = 256;

  private Frame[] frames = new Frame[8];
  private int depth;

  /** What is known of one open element; reused for the next element at the same depth. */
  private static final class Frame {
    XmlName name;
    String prefix;
    Map<String, String> sharedDeclarations;
    LinkedHashMap<String, String> declarations;
    Object[] attrs = new Object[12];
    int attrCount;
    Object[] nodes = new Object[8];
    int nodeCount;

    void clear() {
      name = null;
      prefix = null;
      sharedDeclarations = null;
      declarations = null;
      if (attrs.length > KEEP) {
        attrs = new Object[12];
      } else {
        Arrays.fill(attrs, 0, attrCount, null);
      }
      attrCount = 0;
      if (nodes.length > KEEP) {
        nodes = new Object[8];
      } else {
        Arrays.fill(nodes, 0, nodeCount, null);
      }
      nodeCount = 0;
    }
  }

  /** How many elements are open. */
  public int depth() {
    return depth;
  }

  /** Drops every open element. */
  public void reset() {
    while (depth > 0) {
      frames[--depth].clear();
    }
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
    Frame f = frames[depth - 1];
    int i = f.attrCount;
    if (i + 3 > f.attrs.length) {
      f.attrs = Arrays.copyOf(f.attrs, f.attrs.length * 2);
    }
    f.attrs[i] = name;
    f.attrs[i + 1] = prefix;
    f.attrs[i + 2] = value;
    f.attrCount = i + 3;
  }

  /** Adds text to the open element's content. */
  public void text(String text) {
    if (text.isEmpty()) {
      return;
    }
    Frame f = frames[depth - 1];
    int last = f.nodeCount - 1;
    if (last >= 0 && f.nodes[last] instanceof String previous) {
      f.nodes[last] = previous + text;
    } else {
      add(f, text);
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
    } else {
      declarations = f.sharedDeclarations == null ? Map.of() : f.sharedDeclarations;
    }
    XmlElement e = new XmlElement(f.name, f.prefix,
        f.attrCount == 0 ? XmlElement.NONE : Arrays.copyOf(f.attrs, f.attrCount), declarations,
        f.nodeCount == 0 ? XmlElement.NONE : Arrays.copyOf(f.nodes, f.nodeCount));
    f.clear();
    if (depth > 0) {
      add(frames[depth - 1], e);
    }
    return e;
  }

  private static void add(Frame f, Object node) {
    if (f.nodeCount == f.nodes.length) {
      f.nodes = Arrays.copyOf(f.nodes, f.nodeCount * 2);
    }
    f.nodes[f.nodeCount++] = node;
  }
}
