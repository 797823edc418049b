package dev.xmppreactive.codec;

import dev.xmppreactive.xml.XmlName;

/**
 * The {@link XmlName}s one decoder has made, by prefix, local name and namespace, so that a name seen
 * again costs a lookup rather than a new object and a check of its characters. Its size is also the
 * decoder's count of the distinct names in Aalto's symbol table, which never shrinks on its own (see
 * {@link XmlLimits#maxRememberedNames()}). Strings from Aalto's symbol table are the same instances
 * each time, so most comparisons are by identity. Open addressing, each entry's four references side
 * by side (prefix, local name, namespace, name), so that a lookup reads one cache line; not
 * thread-safe.
 */
final class NameCache {

  private static final int INITIAL = 64;

  /** Four slots per entry: prefix, local name, namespace, {@link XmlName} (null: free). */
  private Object[] table = new Object[INITIAL * 4];
  private int size;
  /**
   * The names found last, direct-mapped by the local name's hash, four slots each as in the table,
   * compared by identity only: Aalto gives the same string instances for a name each time, so a name
   * seen again is found here with one hash and three reference comparisons. It starts as small as the
   * table and takes its full {@link #RECENT_MAX} entries when the table first grows: an idle session's
   * decoder (a few dozen names) keeps 1 KiB here rather than 4 (the load benchmark's heap per
   * session), a busy one gets the full cache.
   */
  private Object[] recent = new Object[INITIAL * 4];
  private static final int RECENT_MAX = 256;

  /** The number of distinct names held. */
  int size() {
    return size;
  }

  /** Forgets all names. */
  void clear() {
    table = new Object[INITIAL * 4];
    recent = new Object[INITIAL * 4];
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
    Object[] r = recent;
    int s = (local.hashCode() & ((r.length >> 2) - 1)) << 2;
    if (r[s + 1] == local && r[s + 2] == namespace && r[s] == prefix) {
      return (XmlName) r[s + 3];
    }
    XmlName n = lookUp(prefix, local, namespace);
    if (n != null) {
      r[s] = prefix;
      r[s + 1] = local;
      r[s + 2] = namespace;
      r[s + 3] = n;
    }
    return n;
  }

  private XmlName lookUp(String prefix, String local, String namespace) {
    Object[] t = table;
    int mask = (t.length >> 2) - 1;
    int i = hash(prefix, local, namespace) & mask;
    while (true) {
      int at = i << 2;
      Object n = t[at + 3];
      if (n == null) {
        return null;
      }
      if (same(t[at + 1], local) && same(t[at + 2], namespace) && same(t[at], prefix)) {
        return (XmlName) n;
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
    XmlName n = new XmlName(namespace, local);
    put(table, prefix, local, namespace, n);
    if (++size * 2 > table.length >> 2) {
      grow();
    }
    return n;
  }

  private static void put(Object[] t, Object prefix, Object local, Object namespace, Object name) {
    int mask = (t.length >> 2) - 1;
    int i = hash((String) prefix, (String) local, (String) namespace) & mask;
    while (t[(i << 2) + 3] != null) {
      i = (i + 1) & mask;
    }
    int at = i << 2;
    t[at] = prefix;
    t[at + 1] = local;
    t[at + 2] = namespace;
    t[at + 3] = name;
  }

  private static boolean same(Object a, String b) {
    return a == b || b.equals(a);
  }

  private static int hash(String prefix, String local, String namespace) {
    int h = (local.hashCode() * 31 + namespace.hashCode()) * 31 + prefix.hashCode();
    return h ^ (h >>> 16);
  }

  private void grow() {
    Object[] old = table;
    Object[] t = new Object[old.length * 2];
    for (int at = 0; at < old.length; at += 4) {
      if (old[at + 3] != null) {
        put(t, old[at], old[at + 1], old[at + 2], old[at + 3]);
      }
    }
    table = t;
    if (recent.length < RECENT_MAX * 4) {
      recent = new Object[RECENT_MAX * 4]; // a cache: starting empty only costs the next lookups
    }
  }
}
