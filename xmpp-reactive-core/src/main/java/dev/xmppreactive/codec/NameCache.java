package dev.xmppreactive.codec;

import dev.xmppreactive.xml.XmlName;

/**
 * The {@link XmlName}s one decoder has made, by prefix, local name and namespace, so that a name seen
 * again costs a lookup rather than a new object and a check of its characters. Its size is also the
 * decoder's count of the distinct names in Aalto's symbol table, which never shrinks on its own (see
 * {@link XmlLimits#maxRememberedNames()}). Strings from Aalto's symbol table are the same instances
 * each time, so most comparisons are by identity. Open addressing; not thread-safe.
 */
final class NameCache {

  private String[] prefixes = new String[64];
  private String[] locals = new String[64];
  private String[] namespaces = new String[64];
  private XmlName[] names = new XmlName[64];
  private int size;

  /** The number of distinct names held. */
  int size() {
    return size;
  }

  /** Forgets all names. */
  void clear() {
    prefixes = new String[64];
    locals = new String[64];
    namespaces = new String[64];
    names = new XmlName[64];
    size = 0;
  }

  /**
   * The name {@code {namespace}local}, remembered under {@code prefix} too.
   *
   * @throws IllegalArgumentException if {@code local} is not an NCName
   */
  XmlName get(String prefix, String local, String namespace) {
    XmlName n = find(prefix, local, namespace);
    return n != null ? n : add(prefix, local, namespace);
  }

  /** The name {@code {namespace}local} remembered under {@code prefix}, or {@code null}. */
  XmlName find(String prefix, String local, String namespace) {
    XmlName[] all = names;
    int mask = all.length - 1;
    int i = hash(prefix, local, namespace) & mask;
    while (true) {
      XmlName n = all[i];
      if (n == null) {
        return null;
      }
      if (same(locals[i], local) && same(namespaces[i], namespace) && same(prefixes[i], prefix)) {
        return n;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Remembers and returns a new name; it must not be remembered yet.
   *
   * @throws IllegalArgumentException if {@code local} is not an NCName
   */
  private XmlName add(String prefix, String local, String namespace) {
    int mask = names.length - 1;
    int i = hash(prefix, local, namespace) & mask;
    while (names[i] != null) {
      i = (i + 1) & mask;
    }
    XmlName n = new XmlName(namespace, local);
    prefixes[i] = prefix;
    locals[i] = local;
    namespaces[i] = namespace;
    names[i] = n;
    if (++size * 2 > names.length) {
      grow();
    }
    return n;
  }

  private static boolean same(String a, String b) {
    return a == b || a.equals(b);
  }

  private static int hash(String prefix, String local, String namespace) {
    int h = (local.hashCode() * 31 + namespace.hashCode()) * 31 + prefix.hashCode();
    return h ^ (h >>> 16);
  }

  private void grow() {
    String[] oldPrefixes = prefixes;
    String[] oldLocals = locals;
    String[] oldNamespaces = namespaces;
    XmlName[] oldNames = names;
    int n = oldNames.length * 2;
    prefixes = new String[n];
    locals = new String[n];
    namespaces = new String[n];
    names = new XmlName[n];
    int mask = n - 1;
    for (int j = 0; j < oldNames.length; j++) {
      if (oldNames[j] != null) {
        int i = hash(oldPrefixes[j], oldLocals[j], oldNamespaces[j]) & mask;
        while (names[i] != null) {
          i = (i + 1) & mask;
        }
        prefixes[i] = oldPrefixes[j];
        locals[i] = oldLocals[j];
        namespaces[i] = oldNamespaces[j];
        names[i] = oldNames[j];
      }
    }
  }
}
